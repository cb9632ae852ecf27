import { createServer, type Socket } from 'node:net';

export type FakePrinterStatus = 'ok' | 'paper-out' | 'cover-open' | 'silent';
export type FakePrinterBehaviour = 'normal' | 'close-mid-job' | 'never-drain';

/** Status bytes as a printer answers DLE EOT n: bit 1 and bit 4 are always set (0x12). */
const STATUS_BYTE: Record<FakePrinterStatus, Record<number, number>> = {
  ok: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-out': { 1: 0x12, 2: 0x12 | 0x20, 3: 0x12, 4: 0x12 | 0x60 },
  'cover-open': { 1: 0x12, 2: 0x12 | 0x04, 3: 0x12, 4: 0x12 },
  silent: {},
};

/**
 * A thermal printer stand-in on 127.0.0.1: records every byte, answers real-time status requests
 * like a printer, and can misbehave the ways real ones do. For tests and benchmarks.
 */
export async function startFakePrinter(
  options: { status?: FakePrinterStatus; behaviour?: FakePrinterBehaviour } = {},
) {
  const status = options.status ?? 'ok';
  const behaviour = options.behaviour ?? 'normal';
  const jobs: Buffer[] = [];
  const waiters: Array<(job: Buffer) => void> = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    let received = 0;
    socket.on('data', (data: Buffer) => {
      chunks.push(data);
      received += data.length;
      // Real-time requests (DLE EOT n) are answered at once, even in the middle of a job.
      for (let i = 0; i + 2 < data.length + 1; i++) {
        if (data[i] === 0x10 && data[i + 1] === 0x04) {
          const answer = STATUS_BYTE[status][data[i + 2] as number];
          if (answer !== undefined) socket.write(Buffer.from([answer]));
        }
      }
      if (behaviour === 'close-mid-job' && received > 64) socket.destroy();
      if (behaviour === 'never-drain') socket.pause();
    });
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      jobs.push(job);
      waiters.shift()?.(job);
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fake printer has no port');
  return {
    host: '127.0.0.1',
    port: address.port,
    jobs,
    /** The next job completed (the client ended its connection). */
    nextJob: () => new Promise<Buffer>((resolve) => waiters.push(resolve)),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The bytes of a job without the real-time status requests that precede it. */
export function withoutStatusRequests(job: Buffer): Buffer {
  let start = 0;
  while (job[start] === 0x10 && job[start + 1] === 0x04) start += 3;
  return job.subarray(start);
}
