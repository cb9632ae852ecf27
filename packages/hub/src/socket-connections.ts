import { type CommandName, errorBody, ONLINE_ROLES, schemas } from '@pst/shared';
import type { Logger } from 'pino';
import { runCommand } from './commands/run-command';
import type { HubContext } from './context';
import type { KioskSocket } from './kiosk-printers';
import { ONLINE_ROOM } from './online';
import { missedRatingRequest } from './rating-requests';
import { credentialHolds } from './socket-auth';

const COMMANDS = Object.keys(schemas) as CommandName[];

/**
 * Each authenticated socket: its rooms (rating tablet's desk, online staff), a kiosk's local printer,
 * the board (once what it shows is on disk), and every command of the contract, checked again against its token each time.
 */
export function serveConnections(hub: HubContext): void {
  const { io, store, clock, runner, log } = hub;
  let commandSeq = 0;
  io.on('connection', (socket) => {
    const data = socket.data;
    if (data.deviceId) store.touchDevice(data.deviceId, clock());
    if (data.role === 'rating' && data.deskId) {
      void socket.join(`rating:${data.deskId}`);
      const missed = missedRatingRequest(runner.state, data.deskId, clock());
      // Like every push, sent once what it shows is on disk (a command of this turn may not be yet).
      if (missed)
        void store.synced().then(
          () => socket.emit('rating:request', missed),
          () => undefined,
        );
    }
    if ((ONLINE_ROLES as readonly string[]).includes(data.role)) void socket.join(ONLINE_ROOM);
    if (data.role === 'kiosk' && data.deviceId) {
      const deviceId = data.deviceId;
      // A kiosk that prints locally gets the jobs that waited for it.
      hub.kioskPrinters.connected(deviceId, socket as KioskSocket);
      socket.on('disconnect', () => hub.kioskPrinters.disconnected(deviceId, socket as KioskSocket));
    }
    const board = hub.board();
    void store.synced().then(
      () => socket.emit('board:snapshot', board),
      () => undefined,
    );
    for (const name of COMMANDS) {
      socket.on(name, (payload: unknown, ack: unknown) => {
        // A revoked device or an expired session loses its rights at its next command.
        if (!credentialHolds(store, data, clock())) {
          if (typeof ack === 'function') ack({ ok: false, error: errorBody('UNAUTHENTICATED') });
          socket.disconnect(true);
          return;
        }
        const req = ++commandSeq;
        let reqLog: Logger | undefined;
        const ctx = {
          data,
          socket: socket as KioskSocket,
          // Made when a command logs (few do): a pino child per command costs more than the check above.
          get log() {
            reqLog ??= log.child({ req, role: data.role, command: name });
            return reqLog;
          },
        };
        void runCommand(hub, ctx, name, payload, ack);
      });
    }
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (COMMANDS.includes(event as CommandName)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function')
        ack({ ok: false, error: errorBody('VALIDATION_FAILED', 'id', { event: 'unknown' }) });
    });
  });
}
