import { createServer, type Socket } from 'node:net';

/**
 * - ok, paper-out, cover-open: answers DLE EOT n like a printer in that state;
 * - no-status: prints, never answers status requests (some cheap printers);
 * - silent: accepts the connection, then reads nothing and answers nothing (a hung printer).
 */
export type FakePrinterStatus = 'ok' | 'paper-out' | 'cover-open' | 'silent' | 'no-status';
/**
 * - normal: takes the job, closes when the client ends;
 * - close-mid-job: resets the connection after the first 64 bytes of the job;
 * - never-drain: answers the status requests before the job, then stops reading for good.
 */
export type FakePrinterBehaviour = 'normal' | 'close-mid-job' | 'never-drain';

export interface FakePrinterOptions {
  status?: FakePrinterStatus;
  behaviour?: FakePrinterBehaviour;
}

export interface FakePrinter {
  host: string;
  port: number;
  /** Every byte received, over all connections, in arrival order. */
  received(): Buffer;
  /** All bytes of each connection that carried a job (status requests included), in order. */
  jobs: Buffer[];
  /** The next connection that carried a whole job (the client ended it): all its bytes. */
  nextJob(): Promise<Buffer>;
  /** The next connection to close, with all its bytes (also status-only ones and refused jobs). */
  nextConnection(): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Answers to DLE EOT n: one byte, 0x12 (bits 1 and 4 always set) plus the state's bits.
 * n=1 printer (bit 3 offline), n=2 offline cause (bit 2 cover open, bit 5 paper end stop),
 * n=3 error cause, n=4 paper sensor (bits 5-6 paper end).
 */
const ANSWERS: Record<'ok' | 'paper-out' | 'cover-open', Record<number, number>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-out': { 1: 0x12 | 0x08, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x60 },
  'cover-open': { 1: 0x12 | 0x08, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12 },
};

const DLE = 0x10;
const EOT = 0x04;

/**
 * A thermal printer stand-in on 127.0.0.1 (random port): records every byte, answers real-time
 * status requests the moment it reads them, and misbehaves the ways real printers do.
 */
export async function startFakePrinter(options: FakePrinterOptions = {}): Promise<FakePrinter> {
  const status = options.status ?? 'ok';
  const behaviour = options.behaviour ?? 'normal';
  const all: Buffer[] = [];
  const jobs: Buffer[] = [];
  const jobWaiters: Array<(job: Buffer) => void> = [];
  const connectionWaiters: Array<(bytes: Buffer) => void> = [];
  const sockets = new Set<Socket>();

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    const chunks: Buffer[] = [];
    let jobBytes = 0;
    let pending: number[] = []; // a DLE EOT request split over two chunks
    let stopped = false; // reads nothing more
    let done = false;

    /** complete: the client ended the connection after sending (a job that arrived whole). */
    const finish = (complete: boolean) => {
      if (done) return;
      done = true;
      sockets.delete(socket);
      const bytes = Buffer.concat(chunks);
      if (complete && jobBytes > 0) {
        jobs.push(bytes);
        jobWaiters.shift()?.(bytes);
      }
      connectionWaiters.shift()?.(bytes);
    };

    if (status === 'silent') {
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
        if (pending.length === 3 && pending[0] === DLE && pending[1] === EOT) {
          const n = pending[2] as number;
          pending = [];
          if (status !== 'no-status' && status !== 'silent') {
            const answer = ANSWERS[status][n];
            if (answer !== undefined) socket.write(Uint8Array.of(answer));
          }
          continue;
        }
        jobBytes += pending.length;
        pending = [];
        if (behaviour === 'never-drain') {
          socket.pause();
          stopped = true;
          return;
        }
        if (behaviour === 'close-mid-job' && jobBytes > 64) {
          stopped = true;
          socket.resetAndDestroy();
          finish(false);
          return;
        }
      }
    });
    socket.on('end', () => {
      finish(true);
      socket.end();
    });
    socket.on('close', () => finish(false));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake printer has no port');

  return {
    host: '127.0.0.1',
    port: address.port,
    received: () => Buffer.concat(all),
    jobs,
    nextJob: () => new Promise<Buffer>((resolve) => jobWaiters.push(resolve)),
    nextConnection: () => new Promise<Buffer>((resolve) => connectionWaiters.push(resolve)),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
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
