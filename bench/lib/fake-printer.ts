/**
 * A thermal printer stand-in on 127.0.0.1: answers every real-time status request (DLE EOT n)
 * with 0x12 ("online, no error") and counts a job complete at its cut (connections stay open and
 * carry job after job). Jobs are found by the ticket id in their QR code.
 */
import { createServer, type Socket } from 'node:net';
import { nowMs } from './util';

const DLE = 0x10;
const EOT = 0x04;
const STATUS_OK = 0x12;
/** GS V 66: the partial cut that ends every ticket. */
const CUT = Buffer.from([0x1d, 0x56, 66]);
const KEEP_JOBS = 5000;
const STATUS_URL = /\/t\/(\d{8}-[A-Z]\d{3,6})/;

export interface PrintedJob {
  ticketId: string | null;
  /** The port of the printer it came to. */
  port: number;
  bytes: number;
  /** When the job's first byte arrived, its last byte (the cut) arrived (nowMs); endedAt = lastByteAt. */
  connectedAt: number;
  lastByteAt: number;
  endedAt: number;
}

/** A type, not an interface: the child process messages carrying it need its index signature. */
export type PrinterStats = {
  jobs: number;
  /** Jobs that came to the first port (the printer the hub prints on, in the bench's offices). */
  firstPortJobs: number;
  bytes: number;
  statusRequests: number;
};

export interface FakePrinter {
  host: string;
  port: number;
  /** One port per printer (the first is `port`): each kiosk's own printer, in an office's set-up. */
  ports: number[];
  stats(): PrinterStats;
  /** The job that carried this ticket, as soon as it has completed. */
  job(ticketId: string, timeoutMs?: number): Promise<PrintedJob>;
  close(): Promise<void>;
}

/** `count` printers (one TCP server each) that share one record of jobs. */
export async function startFakePrinter(count = 1): Promise<FakePrinter> {
  const done = new Map<string, PrintedJob>();
  const waiting = new Map<string, (job: PrintedJob) => void>();
  const sockets = new Set<Socket>();
  let jobs = 0;
  let firstPortJobs = 0;
  let bytes = 0;
  let statusRequests = 0;

  const finish = (record: PrintedJob) => {
    jobs++;
    if (record.port === ports[0]) firstPortJobs++;
    bytes += record.bytes;
    if (!record.ticketId) return;
    const waiter = waiting.get(record.ticketId);
    if (waiter) {
      waiting.delete(record.ticketId);
      waiter(record);
    } else {
      done.set(record.ticketId, record);
      if (done.size > KEEP_JOBS) done.delete(done.keys().next().value as string);
    }
  };

  const serve = () =>
    createServer((socket) => {
      sockets.add(socket);
      socket.setNoDelay(true);
      const connectedAt = nowMs();
      // The bytes since the last cut: a connection stays open and carries job after job.
      let current = Buffer.alloc(0);
      let startedAt = connectedAt;
      // The last two bytes of the previous chunk, for a request split across chunks.
      let tail: number[] = [];
      socket.on('data', (data: Buffer) => {
        const at = nowMs();
        if (current.length === 0) startedAt = at;
        current = Buffer.concat([current, data]);
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
        // A job ends with its cut (GS V 66 n): its last byte arrived now.
        for (
          let cut = current.indexOf(CUT);
          cut >= 0 && cut + 4 <= current.length;
          cut = current.indexOf(CUT)
        ) {
          const job = current.subarray(0, cut + 4);
          current = current.subarray(cut + 4);
          const ticketId = STATUS_URL.exec(job.toString('latin1'))?.[1] ?? null;
          finish({
            ticketId,
            port: socket.localPort as number,
            bytes: job.length,
            connectedAt: startedAt,
            lastByteAt: at,
            endedAt: at,
          });
          startedAt = at;
        }
      });
      socket.on('end', () => socket.end());
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
  const servers = Array.from({ length: count }, serve);
  const ports: number[] = [];
  for (const server of servers) {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('fake printer has no port');
    ports.push(address.port);
  }

  return {
    host: '127.0.0.1',
    port: ports[0] as number,
    ports,
    stats: () => ({ jobs, firstPortJobs, bytes, statusRequests }),
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
      await Promise.all(
        servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      );
    },
  };
}
