/**
 * A thermal printer stand-in on 127.0.0.1: answers every real-time status request (DLE EOT n)
 * with 0x12 ("online, no error"), records the bytes of each connection, and counts a job complete
 * when the hub ends the connection. Jobs are found by the ticket id in their QR code.
 */
import { createServer, type Socket } from 'node:net';
import { nowMs } from './util';

const DLE = 0x10;
const EOT = 0x04;
const STATUS_OK = 0x12;
const KEEP_JOBS = 5000;
const STATUS_URL = /\/t\/(\d{8}-[A-Z]\d{3,6})/;

export interface PrintedJob {
  ticketId: string | null;
  bytes: number;
  /** When the connection opened, the job's last byte arrived, and the hub ended the connection (nowMs). */
  connectedAt: number;
  lastByteAt: number;
  endedAt: number;
}

export interface FakePrinter {
  host: string;
  port: number;
  stats(): { jobs: number; bytes: number; statusRequests: number };
  /** The job that carried this ticket, as soon as it has completed. */
  job(ticketId: string, timeoutMs?: number): Promise<PrintedJob>;
  close(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const done = new Map<string, PrintedJob>();
  const waiting = new Map<string, (job: PrintedJob) => void>();
  const sockets = new Set<Socket>();
  let jobs = 0;
  let bytes = 0;
  let statusRequests = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const connectedAt = nowMs();
    const chunks: Buffer[] = [];
    let lastByteAt = connectedAt;
    // The last two bytes of the previous chunk, for a request split across chunks.
    let tail: number[] = [];
    socket.on('data', (data: Buffer) => {
      lastByteAt = nowMs();
      chunks.push(data);
      const scan = tail.length ? Buffer.concat([Buffer.from(tail), data]) : data;
      let answers = 0;
      for (let i = 0; i + 2 < scan.length; i++) {
        if (scan[i] === DLE && scan[i + 1] === EOT) {
          answers++;
          i += 2;
        }
      }
      // Keep an unfinished request (DLE, or DLE EOT) at the end for the next chunk.
      const n = scan.length;
      if (n >= 2 && scan[n - 2] === DLE && scan[n - 1] === EOT) tail = [DLE, EOT];
      else if (n >= 1 && scan[n - 1] === DLE && !(n >= 3 && scan[n - 3] === DLE && scan[n - 2] === EOT))
        tail = [DLE];
      else tail = [];
      if (answers > 0) {
        statusRequests += answers;
        socket.write(Buffer.alloc(answers, STATUS_OK));
      }
    });
    socket.on('end', () => {
      const job = Buffer.concat(chunks);
      const ticketId = STATUS_URL.exec(job.toString('latin1'))?.[1] ?? null;
      const record: PrintedJob = { ticketId, bytes: job.length, connectedAt, lastByteAt, endedAt: nowMs() };
      jobs++;
      bytes += job.length;
      if (ticketId) {
        const waiter = waiting.get(ticketId);
        if (waiter) {
          waiting.delete(ticketId);
          waiter(record);
        } else {
          done.set(ticketId, record);
          if (done.size > KEEP_JOBS) done.delete(done.keys().next().value as string);
        }
      }
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
    stats: () => ({ jobs, bytes, statusRequests }),
    job(ticketId, timeoutMs = 30_000) {
      const ready = done.get(ticketId);
      if (ready) {
        done.delete(ticketId);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(ticketId);
          reject(new Error(`no print job for ${ticketId} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(ticketId, (job) => {
          clearTimeout(timer);
          resolve(job);
        });
      });
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
