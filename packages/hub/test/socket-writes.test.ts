import { createServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites } from '../src/socket-writes';

/** A socket.io server on 127.0.0.1 with the hub's write coalescing, and the TCP socket of each client. */
async function startServer() {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  coalesceWrites(io);
  /** System-call writes (one per `_write`, one per `_writev`) of each client's TCP socket. */
  const writes = new Map<string, { calls: number }>();
  io.on('connection', (socket) => {
    const tcp = (socket.conn as unknown as { transport: { socket: { _socket: TcpSocket } } }).transport.socket
      ._socket as TcpSocket & { _write: TcpSocket['_write']; _writev: NonNullable<TcpSocket['_writev']> };
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
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
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
      const before = [writesA.calls, writesB.calls];
      // One callback: acks to one client, then two broadcasts to all (as after a group commit).
      for (let n = 0; n < 5; n++) server.io.sockets.sockets.get(a.socket.id as string)?.emit('own', round);
      server.io.emit('board', round);
      server.io.emit('called', round);
      await until(() => b.got.length === 2 * (round + 1) && a.got.length === 7 * (round + 1));
      // engine.io sends the first frame at once and the rest when that write is done: two writes
      // at most, whatever the number of frames (one per frame without the coalescing: 7 here).
      expect(writesA.calls - before[0]).toBeLessThanOrEqual(2);
      expect(writesB.calls - before[1]).toBeLessThanOrEqual(2);
    }
    const own = (round: number) => [...Array(5).fill(`own:${round}`), `board:${round}`, `called:${round}`];
    expect(a.got).toEqual([...own(0), ...own(1), ...own(2)]);
    expect(b.got).toEqual(['board:0', 'called:0', 'board:1', 'called:1', 'board:2', 'called:2']);
  });

  it('leaves no socket corked after a round; a frame made a few ticks later goes out in a round of its own', async () => {
    server = await startServer();
    const a = await client(server.url);
    const tcp = [...server.io.sockets.sockets.values()][0]?.conn as unknown as {
      transport: { socket: { _socket: TcpSocket } };
    };
    server.io.emit('first', 1);
    // Made after this round's uncork was scheduled, around the time it runs.
    process.nextTick(() => process.nextTick(() => server?.io.emit('second', 2)));
    await until(() => a.got.length === 2);
    expect(a.got).toEqual(['first:1', 'second:2']);
    expect(tcp.transport.socket._socket.writableCorked).toBe(0);
  });
});
