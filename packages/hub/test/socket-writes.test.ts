import { createServer } from 'node:http';
import type { AddressInfo, Socket as TcpSocket } from 'node:net';
import { Server } from 'socket.io';
import { type Socket as ClientSocket, io as connect } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceWrites, tcpSocketOf } from '../src/socket-writes';

/** The TCP socket of a connected socket.io socket (websocket transport). */
function tcpOf(socket: { conn: unknown }): TcpSocket {
  const tcp = tcpSocketOf(socket.conn as Parameters<typeof tcpSocketOf>[0]);
  if (!tcp) throw new Error('a websocket client has a TCP socket');
  return tcp;
}

/** A socket.io server on 127.0.0.1 with the hub's write coalescing, and the TCP socket of each client. */
async function startServer() {
  const http = createServer();
  const io = new Server(http, { serveClient: false });
  coalesceWrites(io);
  /** Stream-level writes (one per `_write`, one per `_writev`) of each client's TCP socket. */
  const writes = new Map<string, { calls: number }>();
  io.on('connection', (socket) => {
    const tcp = tcpOf(socket) as TcpSocket & {
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

/** A websocket client, the events it got (`name:n`), and a wait for the first `count` of them. */
async function client(url: string) {
  const socket: ClientSocket = connect(url, { transports: ['websocket'], forceNew: true });
  clients.push(socket);
  const got: string[] = [];
  socket.onAny((event: string, n: number) => got.push(`${event}:${n}`));
  const received = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (got.length < count) return;
        socket.offAny(check);
        resolve();
      };
      socket.onAny(check);
      check();
    });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, got, received };
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
      await Promise.all([a.received(8 * (round + 1)), b.received(3 * (round + 1))]);
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
    const connected = server.io.sockets.sockets.get(a.socket.id as string);
    if (!connected) throw new Error('the client is connected');
    const tcp = tcpOf(connected);
    server.io.emit('first', 1);
    // Corked by the round (0 without the coalescing), uncorked on the next tick.
    expect(tcp.writableCorked).toBe(1);
    await new Promise<void>((resolve) => process.nextTick(resolve));
    expect(tcp.writableCorked).toBe(0);
    // A frame made a few ticks later, after the round's uncork: a round of its own, also sent.
    process.nextTick(() => process.nextTick(() => server?.io.emit('second', 2)));
    await a.received(2);
    expect(a.got).toEqual(['first:1', 'second:2']);
    expect(tcp.writableCorked).toBe(0);
  });
});
