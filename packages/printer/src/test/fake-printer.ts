import { createServer, type Server, type Socket } from 'node:net';

/**
 * - ok, paper-near-end, paper-out, cover-open: answers DLE EOT n like a printer in that state
 *   (paper-out and cover-open print nothing: what arrives meanwhile is dropped, as a test wants to
 *   see that nothing was sent rather than what a real printer would keep in its buffer);
 * - no-status: prints, never answers status requests and never closes (cheap printers; the
 *   "silent" printer of issue 17);
 * - hung: accepts connections, then reads nothing and answers nothing.
 */
export type FakePrinterStatus = 'ok' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'no-status' | 'hung';
/**
 * - normal: takes jobs;
 * - close-mid-job: resets the connection after the first 64 bytes of a job (a torn job);
 * - never-drain: answers status requests, then stops reading for good at the first job byte.
 */
export type FakePrinterBehaviour = 'normal' | 'close-mid-job' | 'never-drain';

export interface FakePrinterOptions {
  status?: FakePrinterStatus;
  behaviour?: FakePrinterBehaviour;
  /**
   * Automatic Status Back (Epson GS a n): once a connection enables it, the printer sends its 4-byte
   * status then and on every change of state, unasked. Without it, GS a is read and ignored.
   */
  asb?: boolean;
}

export interface FakePrinter {
  host: string;
  port: number;
  /** Every byte received, over all connections, in arrival order. */
  received(): Buffer;
  /** Each whole job that reached paper (from its first byte to its cut), status requests left out. */
  jobs: Buffer[];
  /** The next whole job on paper. */
  nextJob(): Promise<Buffer>;
  /** The next connection to close, with all its bytes. */
  nextConnection(): Promise<Buffer>;
  /** Connections accepted so far, and DLE EOT requests read. */
  counts(): { connections: number; statusRequests: number };
  /** Changes the state from now on (paper refilled, cover closed, ...). */
  set(state: { status?: FakePrinterStatus; behaviour?: FakePrinterBehaviour }): void;
  /** Switched off: open connections reset, new ones refused, until `start()`. */
  stop(): Promise<void>;
  /** Switched on again, on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Answers to DLE EOT n: one byte, 0x12 (bits 1 and 4 always set) plus the state's bits.
 * n=1 printer (bit 3 offline), n=2 offline cause (bit 2 cover open, bit 5 paper end stop),
 * n=3 error cause, n=4 paper sensor (bits 2-3 paper near end, bits 5-6 paper end).
 */
const ANSWERS: Record<'ok' | 'paper-near-end' | 'paper-out' | 'cover-open', Record<number, number>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-near-end': { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 | 0x0c },
  'paper-out': { 1: 0x12 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x60 },
  'cover-open': { 1: 0x12 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12 },
};

const DLE = 0x10;
const EOT = 0x04;
const GS = 0x1d;

/**
 * ASB's 4 bytes: 1st bit 4 set (bit 3 offline, bit 5 cover open), 2nd errors, 3rd paper (bits 0-1
 * near end, bits 2-3 roll end), 4th nothing here.
 */
const ASB: Record<'ok' | 'paper-near-end' | 'paper-out' | 'cover-open', number[]> = {
  ok: [0x10, 0x00, 0x00, 0x00],
  'paper-near-end': [0x10, 0x00, 0x03, 0x00],
  'paper-out': [0x18, 0x00, 0x0f, 0x00],
  'cover-open': [0x38, 0x00, 0x00, 0x00],
};

/** A job ends with its cut, GS V 66 n. */
const endsWithCut = (job: number[]) =>
  job.length >= 4 && job[job.length - 4] === GS && job[job.length - 3] === 0x56 && job[job.length - 2] === 66;

/**
 * A thermal printer stand-in on 127.0.0.1 (random port): records every byte, answers real-time
 * status requests the moment it reads them, prints each job when its cut arrives, and misbehaves
 * the ways real printers do. Connections stay open as long as the client keeps them.
 */
export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  let status = options.status ?? 'ok';
  let behaviour = options.behaviour ?? 'normal';
  const all: Buffer[] = [];
  const jobs: Buffer[] = [];
  const jobWaiters: Array<(job: Buffer) => void> = [];
  const connectionWaiters: Array<(bytes: Buffer) => void> = [];
  const sockets = new Set<Socket>();
  /** Connections that enabled Automatic Status Back. */
  const asbSockets = new Set<Socket>();
  const statusBack = (socket: Socket) => {
    if (status !== 'no-status' && status !== 'hung') socket.write(Uint8Array.from(ASB[status]));
  };
  let connections = 0;
  let statusRequests = 0;
  let port = 0;
  let server: Server | null = null;

  const accept = (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    let job: number[] = [];
    let pending: number[] = []; // a DLE EOT request split over two chunks
    let stopped = false; // reads nothing more

    if (status === 'hung') {
      socket.pause();
      stopped = true;
    }
    socket.on('data', (data: Buffer) => {
      if (stopped) return;
      chunks.push(data);
      all.push(data);
      for (const byte of data) {
        pending.push(byte);
        const partialRequest =
          pending[0] === DLE && pending.length < 3 && (pending.length === 1 || pending[1] === EOT);
        if (partialRequest) continue;
        // GS a n: Automatic Status Back on (n != 0) or off; never part of a job.
        if (pending[0] === GS && (pending.length === 1 || (pending.length === 2 && pending[1] === 0x61)))
          continue;
        if (pending.length === 3 && pending[0] === GS && pending[1] === 0x61) {
          const on = pending[2] !== 0;
          pending = [];
          if (options.asb && on) {
            asbSockets.add(socket);
            statusBack(socket);
          } else asbSockets.delete(socket);
          continue;
        }
        if (pending.length === 3 && pending[0] === DLE && pending[1] === EOT) {
          const n = pending[2] as number;
          pending = [];
          statusRequests++;
          if (status !== 'no-status' && status !== 'hung') {
            const answer = ANSWERS[status][n];
            if (answer !== undefined) socket.write(Uint8Array.of(answer));
          }
          continue;
        }
        if (behaviour === 'never-drain') {
          socket.pause();
          stopped = true;
          return;
        }
        job.push(...pending);
        pending = [];
        if (behaviour === 'close-mid-job' && job.length > 64) {
          stopped = true;
          socket.resetAndDestroy();
          return;
        }
        if (endsWithCut(job)) {
          const done = Buffer.from(job);
          job = [];
          if (status === 'paper-out' || status === 'cover-open') continue;
          jobs.push(done);
          jobWaiters.shift()?.(done);
        }
      }
    });
    socket.on('end', () => socket.end());
    socket.on('close', () => {
      sockets.delete(socket);
      asbSockets.delete(socket);
      connectionWaiters.shift()?.(Buffer.concat(chunks));
    });
  };

  const listen = async () => {
    const next = createServer(accept);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', resolve);
    });
    server = next;
    const address = next.address();
    if (!address || typeof address === 'string') throw new Error('fake printer has no port');
    port = address.port;
  };
  const shut = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.resetAndDestroy();
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();

  return {
    host: '127.0.0.1',
    port,
    received: () => Buffer.concat(all),
    jobs,
    nextJob: () => new Promise<Buffer>((resolve) => jobWaiters.push(resolve)),
    nextConnection: () => new Promise<Buffer>((resolve) => connectionWaiters.push(resolve)),
    counts: () => ({ connections, statusRequests }),
    set(state) {
      const changed = state.status !== undefined && state.status !== status;
      status = state.status ?? status;
      behaviour = state.behaviour ?? behaviour;
      if (changed) for (const socket of asbSockets) statusBack(socket);
    },
    stop: shut,
    start: listen,
    close: shut,
  };
}

/** The job alone: the bytes without the status requests (DLE EOT n) before and after it. */
export function withoutStatusRequests(bytes: Uint8Array): Buffer {
  const isRequest = (at: number) => bytes[at] === DLE && bytes[at + 1] === EOT && at + 3 <= bytes.length;
  let start = 0;
  while (isRequest(start)) start += 3;
  let end = bytes.length;
  while (end - 3 >= start && isRequest(end - 3)) end -= 3;
  return Buffer.from(bytes.subarray(start, end));
}
