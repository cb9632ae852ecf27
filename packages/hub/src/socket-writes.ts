import type { Socket as TcpSocket } from 'node:net';
import type { Server } from 'socket.io';

/** What engine.io hands its 'flush' listeners: a connection, its websocket under `transport.socket`. */
interface EngineConnection {
  transport?: { socket?: { _socket?: unknown } };
}

/** A connection's TCP socket, while it is open (null for long-polling, which needs no coalescing). */
export function tcpSocketOf(connection: EngineConnection): TcpSocket | null {
  // ws keeps the TCP socket of a websocket as `_socket`; long-polling has none (and needs none).
  const tcp = connection.transport?.socket?._socket as TcpSocket | undefined;
  return tcp && typeof tcp.cork === 'function' && !tcp.destroyed ? tcp : null;
}

/**
 * Frames for one client made in one callback go out in one write. Under load a client gets its ack,
 * the calls of the same group commit and a board together, and every websocket frame would be a
 * system call of its own (the largest single item of the hub's profile). The client's TCP socket is
 * corked at the first frame and uncorked on `process.nextTick`, i.e. once the callback that made the
 * frames has run (frames made later, in promise continuations, go out in a round of their own):
 * nothing waits for a later event-loop turn, frames keep their order.
 */
export function coalesceWrites(io: Server): void {
  // This round's sockets: a fresh array each round, not one long-lived Set. A Set that lives in V8's
  // old generation makes each new table there (every clear, every growth), which only a major GC
  // frees: a third of an office day's garbage in the old generation (docs/benchmarks.md).
  let corked: TcpSocket[] | null = null;
  const uncorkAll = () => {
    // Taken first: a frame made while uncorking starts a new round instead of being forgotten corked.
    const sockets = corked ?? [];
    corked = null;
    for (const tcp of sockets) tcp.uncork();
  };
  io.engine.on('flush', (connection: EngineConnection) => {
    const tcp = tcpSocketOf(connection);
    // Corked already: by this round (ws corks a frame's own writes too, but uncorks them at once).
    if (!tcp || tcp.writableCorked > 0) return;
    // The first socket corked since the last uncork schedules the uncork of them all.
    if (corked === null) {
      corked = [];
      process.nextTick(uncorkAll);
    }
    tcp.cork();
    corked.push(tcp);
  });
}
