/**
 * The plain Socket.IO relay the hub's call is compared with: no hub code, an event in, the same
 * event broadcast to every client and an ack back. Its listening clients are in a process of their
 * own (bench/clients-process.ts), as the hub's are in the call-to-screen measurement. Used alone
 * by the raw limits and interleaved with the hub's calls by call-to-screen.
 */
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { type Child, forkScript } from './child';
import { type Client, connect } from './client';
import { nowMs } from './util';

export interface Relay {
  /** Every client, the caller included. */
  clients: number;
  /** Emit -> ack of an event the server only acks. */
  ack(): Promise<number>;
  /** Emit -> the relayed event at every client (max over clients, the caller's own copy included). */
  relay(): Promise<number>;
  close(): Promise<void>;
}

/** A plain relay with `listeners` clients in a separate process, and a caller here. */
export async function startRelay(listeners: number): Promise<Relay> {
  const http = createHttpServer();
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('desk:call-next', (payload: { deskId: string; n: number }, ack: (r: unknown) => void) => {
      const call = { ticketId: `raw-${payload.n}`, recall: 0, deskId: payload.deskId };
      io.emit('ticket:called', call as never);
      ack({ ok: true, data: call });
    });
    socket.on('ticket:status', (_payload: unknown, ack: (r: unknown) => void) =>
      ack({ ok: true, data: null }),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const clientsProcess: Child = forkScript('clients-process.ts');
  let caller: Client | null = null;
  const close = async () => {
    caller?.disconnect();
    await clientsProcess.kill();
    await new Promise<void>((resolve) => io.close(() => resolve()));
  };
  try {
    caller = await connect(url, 'raw');
    await clientsProcess.started;
    const connected = clientsProcess.next<{ type: 'connected'; n: number }>('connected', 120_000);
    clientsProcess.send({
      type: 'connect',
      url,
      tokens: Array.from({ length: listeners }, (_, i) => `raw-${i}`),
    });
    const clients = (await connected).n + 1;
    const remote = new Map<string, number>();
    const waiters = new Map<string, () => void>();
    clientsProcess.on('called', (m) => {
      remote.set(String(m.ticketId), Number(m.last));
      waiters.get(String(m.ticketId))?.();
    });
    const own = new Map<string, number>();
    caller.on('ticket:called', (call) => own.set(call.ticketId, nowMs()));
    const timed = caller.timeout(30_000) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<unknown>;
    };
    let n = 0;
    return {
      clients,
      async ack() {
        const t0 = nowMs();
        await timed.emitWithAck('ticket:status', { ticketId: 'x' });
        return nowMs() - t0;
      },
      async relay() {
        const id = `raw-${n}`;
        const t0 = nowMs();
        await timed.emitWithAck('desk:call-next', { deskId: 'raw', n: n++ });
        if (!remote.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve));
        waiters.delete(id);
        const ms = Math.max(remote.get(id) as number, own.get(id) ?? 0) - t0;
        remote.delete(id);
        own.delete(id);
        return ms;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
