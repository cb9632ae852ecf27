import { createServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites } from '../src/socket-writes';

/** What engine.io's connection holds: its websocket, and ws's TCP socket under it. */
type EngineConnection = { transport: { socket: { _socket: TcpSocket } } };

/** A socket.io server on 127.0.0.1 with the hub's write coalescing, and the TCP socket of each client. */
async function startServer() {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  coalesceWrites(io);
  /** Stream-level writes (one per `_write`, one per `_writev`) of each client's TCP socket. */
  const writes = new Map<string, { calls: number }>();
  io.on('connection', (socket) => {
    const tcp = (socket.conn as unknown as EngineConnection).transport.socket._socket as TcpSocket & {
      _write: TcpSocket['_write'];
      _writev: NonNullable<TcpSocket['_writev']>;
    };
    const count = { calls: 0 };
    writes.set(socket.id, count);
    const write = tcp._write.bind(tcp);
    const writev = tcp._writev.bind(tcp);
    tcp._write = (...args) => {
      count.calls++;
      write(...args);
    };
    tcp._writev = (...args) => {
      count.calls++;
      writev(...args);
    };
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return { io, url, writes, close: () => new Promise<void>((resolve) => io.close(() => resolve())) };
}

const clients: ClientSocket[] = [];
let server: Awaited<ReturnType<typeof startServer>> | null = null;

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await server?.close();
  server = null;
});

async function client(url: string): Promise<{ socket: ClientSocket; got: string[] }> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true });
  clients.push(socket);
  const got: string[] = [];
  socket.onAny((event: string, n: number) => got.push(`${event}:${n}`));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, got };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

describe('frames made in one callback go out together', () => {
  it('coalesces a burst of acks and broadcasts into at most two writes per socket, in order, round after round', async () => {
    server = await startServer();
    const a = await client(server.url);
    const b = await client(server.url);
    const writesA = server.writes.get(a.socket.id as string);
    const writesB = server.writes.get(b.socket.id as string);
    if (!writesA || !writesB) throw new Error('both clients are connected');
    for (let round = 0; round < 3; round++) {
      const beforeA = writesA.calls;
      const beforeB = writesB.calls;
      // One callback: acks to one client, then three broadcasts to all (as after a group commit).
      for (let n = 0; n < 5; n++) server.io.sockets.sockets.get(a.socket.id as string)?.emit('own', round);
      for (const event of ['board', 'called', 'moved']) server.io.emit(event, round);
      await until(() => b.got.length === 3 * (round + 1) && a.got.length === 8 * (round + 1));
      // engine.io sends the first frame at once and the rest when that write is done: two writes at
      // most, whatever the number of frames. Without the coalescing: one per frame after the first
      // (ws writes a frame's header and data under a cork of its own), 8 and 3 here.
      expect(writesA.calls - beforeA).toBeLessThanOrEqual(2);
      expect(writesB.calls - beforeB).toBeLessThanOrEqual(2);
    }
    const all = (round: number) => [`board:${round}`, `called:${round}`, `moved:${round}`];
    const own = (round: number) => [...Array(5).fill(`own:${round}`), ...all(round)];
    expect(a.got).toEqual([...own(0), ...own(1), ...own(2)]);
    expect(b.got).toEqual([...all(0), ...all(1), ...all(2)]);
  });

  it('holds a round corked until the callback is done, then leaves no socket corked', async () => {
    server = await startServer();
    const a = await client(server.url);
    const connection = server.io.sockets.sockets.get(a.socket.id as string)?.conn;
    if (!connection) throw new Error('the client is connected');
    const tcp = (connection as unknown as EngineConnection).transport.socket._socket;
    server.io.emit('first', 1);
    // Corked by the round (0 without the coalescing), uncorked on the next tick.
    expect(tcp.writableCorked).toBe(1);
    await new Promise<void>((resolve) => process.nextTick(resolve));
    expect(tcp.writableCorked).toBe(0);
    // A frame made a few ticks later, after the round's uncork: a round of its own, also sent.
    process.nextTick(() => process.nextTick(() => server?.io.emit('second', 2)));
    await until(() => a.got.length === 2);
    expect(a.got).toEqual(['first:1', 'second:2']);
    expect(tcp.writableCorked).toBe(0);
  });
});
