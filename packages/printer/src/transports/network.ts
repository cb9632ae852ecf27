import { Socket } from 'node:net';
import { DLE, EOT } from '../escpos';
import { PrinterError, type PrinterStatus, type PrinterTransport } from './types';

export interface NetworkPrinterOptions {
  host: string;
  port?: number;
  /** The whole job: connect, status, write, close. */
  timeoutMs?: number;
  /** How long to wait for a status answer; printers that never answer DLE EOT still print. */
  statusTimeoutMs?: number;
  /** How long to wait for the printer to close its side after the job. */
  closeGraceMs?: number;
}

/** Real-time status requests (DLE EOT n) and what their answer bits mean. */
const PRINTER_STATUS = 1;
const PAPER_STATUS = 4; // bits 5-6: paper end
const OFFLINE_CAUSE = 2; // bit 2: cover open

/** A LAN printer on raw TCP (port 9100): one connection per job, status asked first. */
export function createNetworkPrinter(options: NetworkPrinterOptions): PrinterTransport {
  const port = options.port ?? 9100;
  const timeoutMs = options.timeoutMs ?? 5000;
  const statusTimeoutMs = options.statusTimeoutMs ?? 800;
  const closeGraceMs = options.closeGraceMs ?? 1000;
  const description = `network ${options.host}:${port}`;

  async function withConnection<T>(
    work: (socket: Socket, ask: (n: number) => Promise<number | null>) => Promise<T>,
  ) {
    const socket = new Socket();
    const answers: number[] = [];
    let waiting: ((byte: number | null) => void) | null = null;
    // Always listened to: a printer that drops the connection mid-job must not crash the hub.
    socket.on('error', () => undefined);
    socket.on('close', () => waiting?.(null));
    socket.on('data', (data: Buffer) => {
      for (const byte of data) {
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve(byte);
        } else answers.push(byte);
      }
    });
    const ask = (n: number) =>
      new Promise<number | null>((resolve) => {
        socket.write(Buffer.from([DLE, EOT, n]));
        const early = answers.shift();
        if (early !== undefined) return resolve(early);
        const timer = setTimeout(() => {
          waiting = null;
          resolve(null);
        }, statusTimeoutMs);
        waiting = (byte) => {
          clearTimeout(timer);
          waiting = null;
          resolve(byte);
        };
      });
    const timer = setTimeout(
      () => socket.destroy(new PrinterError('offline', `${description}: no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(port, options.host, () => {
          socket.off('error', reject);
          resolve();
        });
      }).catch((error: unknown) => {
        if (error instanceof PrinterError) throw error;
        throw new PrinterError('offline', `${description}: ${(error as Error).message}`);
      });
      return await work(socket, ask);
    } finally {
      clearTimeout(timer);
      socket.destroy();
    }
  }

  async function readStatus(ask: (n: number) => Promise<number | null>): Promise<PrinterStatus> {
    const paper = await ask(PAPER_STATUS);
    if (paper === null) return { state: 'unknown', detail: `${description}: printer does not report status` };
    if ((paper & 0x60) === 0x60) return { state: 'paper-out', detail: `${description}: paper out` };
    const offline = await ask(OFFLINE_CAUSE);
    if (offline !== null && (offline & 0x04) !== 0)
      return { state: 'cover-open', detail: `${description}: cover open` };
    return { state: 'ok', detail: description };
  }

  return {
    description,
    async print(job) {
      await withConnection(async (socket, ask) => {
        const status = await readStatus(ask);
        if (status.state === 'paper-out' || status.state === 'cover-open') {
          throw new PrinterError(status.state, status.detail);
        }
        socket.write(Buffer.from(job));
        // A printer that answers status confirms it received the whole job by answering once more.
        if (status.state === 'ok' && (await ask(PRINTER_STATUS)) === null) {
          throw new PrinterError('error', `${description}: the printer did not confirm the job`);
        }
        await new Promise<void>((resolve, reject) => {
          socket.once('error', (error) =>
            reject(
              error instanceof PrinterError
                ? error
                : new PrinterError('error', `${description}: ${error.message}`),
            ),
          );
          socket.once('close', () => resolve());
          // Some printers keep the connection open after a job: once our bytes are out, that is enough.
          socket.end(() => setTimeout(resolve, closeGraceMs).unref());
        });
      });
    },
    async status() {
      try {
        return await withConnection((_socket, ask) => readStatus(ask));
      } catch (error) {
        return {
          state: error instanceof PrinterError ? error.state : 'offline',
          detail: String((error as Error).message),
        };
      }
    },
    async close() {},
  };
}
