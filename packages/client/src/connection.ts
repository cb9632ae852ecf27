import type {
  Ack,
  ClientToHubEvents,
  CommandName,
  CommandResult,
  CommandSender,
  ErrorBody,
  HubToClientEvents,
  Payload,
} from '@pst/shared';
import { errorBody } from '@pst/shared';
import { io, type Socket } from 'socket.io-client';

export type HubSocket = Socket<HubToClientEvents, ClientToHubEvents>;
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface HubConnection {
  socket: HubSocket;
  /** Sends a command and resolves with its ack; a lost connection becomes OFFLINE, no answer in time TIMEOUT. */
  send<E extends CommandName>(
    event: E,
    payload: Payload<E>,
    timeoutMs?: number,
  ): Promise<Ack<CommandResult<E>>>;
  close(): void;
}

/**
 * Connects an app to its hub (the page's own origin by default) with a device or staff token.
 * Socket.IO reconnects by itself; the hub sends a fresh board on every connect, so an app never
 * depends on having seen every push.
 */
export function connectHub(options: {
  token: string;
  url?: string;
  onState: (state: ConnectionState, error?: ErrorBody) => void;
}): HubConnection {
  const socket: HubSocket = io(options.url ?? '/', {
    auth: { token: options.token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  options.onState('connecting');
  socket.on('connect', () => options.onState('online'));
  socket.on('disconnect', (reason) => {
    options.onState('offline');
    // Socket.IO does not retry after the hub itself disconnected us; a revoked token then fails
    // to connect with UNAUTHENTICATED, anything else comes back.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (error: Error & { data?: ErrorBody }) => {
    if (error.data?.code === 'UNAUTHENTICATED') {
      // A refused token will not start working by retrying: stop and ask for pairing or login.
      socket.disconnect();
      options.onState('unauthorized', error.data);
    } else options.onState('offline');
  });
  return {
    socket,
    async send(event, payload, timeoutMs = 8000) {
      if (!socket.connected) return { ok: false, error: errorBody('OFFLINE') };
      try {
        return await (socket.timeout(timeoutMs) as unknown as CommandSender).emitWithAck(event, payload);
      } catch {
        // Socket.IO rejects only when no ack came in time; the command may still have been done.
        return { ok: false, error: errorBody(socket.connected ? 'TIMEOUT' : 'OFFLINE') };
      }
    },
    close: () => socket.disconnect(),
  };
}
