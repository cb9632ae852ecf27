import { Socket } from 'node:net';
import { DLE, EOT } from '../escpos';
import { PrinterError, type PrinterStatus, type PrinterTransport } from './types';

export interface NetworkPrinterOptions {
  host: string;
  /** Raw TCP printing port (JetDirect / "port 9100"). */
  port?: number;
  /** Everything one job may take: connect, status, sending, the printer taking it. */
  timeoutMs?: number;
  /** How long to wait for an answer to a status request; printers that never answer still print. */
  statusTimeoutMs?: number;
  /** After a confirmed job: how long to wait for the printer to close its side before we do. */
  closeGraceMs?: number;
}

/** Real-time status requests (DLE EOT n). */
const PRINTER_STATUS = 1;
const OFFLINE_CAUSE = 2; // bit 2 cover open, bit 5 stopped at paper end, bit 6 error
const PAPER_SENSOR = 4; // bits 2-3 paper near end, bits 5-6 paper end

/** A status byte always has bit 1 and bit 4 set and bits 0 and 7 clear. */
const isStatusByte = (byte: number) => (byte & 0x93) === 0x12;

/** Socket errors before the connection stands mean the printer cannot be reached. */
function connectError(description: string, error: NodeJS.ErrnoException): PrinterError {
  return new PrinterError('offline', `${description}: ${error.code ?? error.message}`);
}

/**
 * One TCP connection to the printer with a deadline over all of it. Every wait is raced against
 * `failure`, which rejects on the deadline, a socket error, or the printer closing first.
 */
class Link {
  readonly socket = new Socket();
  readonly closed: Promise<void>;
  private readonly failure: Promise<never>;
  private fail!: (error: PrinterError) => void;
  private failed: PrinterError | null = null;
  private readonly answers: number[] = [];
  private wake: (() => void) | null = null;
  private connected = false;
  private ending = false;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    private readonly description: string,
    timeoutMs: number,
  ) {
    this.failure = new Promise<never>((_, reject) => {
      this.fail = (error) => {
        if (this.failed) return;
        this.failed = error;
        reject(error);
        this.socket.destroy();
      };
    });
    this.failure.catch(() => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.deadline = setTimeout(() => {
      const what = this.connected ? 'the printer did not take the job' : 'no connection';
      this.fail(new PrinterError('offline', `${description}: ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    this.socket.on('data', (data: Buffer) => {
      for (const byte of data) this.answers.push(byte);
      this.wake?.();
    });
    this.socket.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(
        this.connected
          ? new PrinterError('error', `${description}: ${error.code ?? error.message} during the job`)
          : connectError(description, error),
      );
    });
    const hungUp = () => {
      if (!this.ending)
        this.fail(new PrinterError('error', `${description}: the printer closed the connection mid-job`));
      this.wake?.();
    };
    this.socket.on('end', hungUp);
    this.socket.on('close', hungUp);
  }

  private guard<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.failure]);
  }

  async connect(host: string, port: number): Promise<void> {
    await this.guard(new Promise<void>((resolve) => this.socket.connect(port, host, () => resolve())));
    this.connected = true;
    this.socket.setNoDelay(true);
  }

  write(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /**
   * Sends DLE EOT n for each request in one write (one round trip, however many) and waits for their
   * one-byte answers, in order; null when they did not all come within waitMs.
   */
  async ask(requests: readonly number[], waitMs: number): Promise<number[] | null> {
    this.answers.length = 0;
    this.write(Uint8Array.from(requests.flatMap((n) => [DLE, EOT, n])));
    let timer: NodeJS.Timeout | undefined;
    try {
      return await this.guard(
        new Promise<number[] | null>((resolve) => {
          timer = setTimeout(() => resolve(null), waitMs);
          const take = () => {
            if (this.answers.length >= requests.length) resolve(this.answers.splice(0, requests.length));
          };
          this.wake = take;
          take();
        }),
      );
    } finally {
      clearTimeout(timer);
      this.wake = null;
    }
  }

  /** Ends our side; waits for the printer to close, or at most `graceMs` when given. */
  async finish(graceMs?: number): Promise<void> {
    this.ending = true;
    this.socket.end();
    if (graceMs === undefined) {
      await this.guard(this.closed);
      return;
    }
    clearTimeout(this.deadline);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.closed, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Stops the job now (the transport is closing). */
  abort(reason: string): void {
    this.fail(new PrinterError('offline', `${this.description}: ${reason}`));
  }

  /** The job is done with (either way): no timer left, socket closed. */
  async dispose(): Promise<void> {
    this.ending = true;
    clearTimeout(this.deadline);
    this.socket.destroy();
    await this.closed;
  }
}

/**
 * A LAN printer on raw TCP (port 9100), one connection per job: connect, ask the printer's status
 * (DLE EOT 4 paper sensor, DLE EOT 2 offline cause) and refuse on paper out or an open cover before
 * sending anything, send the job, then make sure the printer took it: a printer that answers status
 * requests answers one more (DLE EOT 1) once it has read the whole job; one that does not answer
 * them must close the connection after our end. A printer that accepts and never drains or closes
 * times out as 'offline'.
 */
export function createNetworkPrinter(options: NetworkPrinterOptions): PrinterTransport {
  const port = options.port ?? 9100;
  const timeoutMs = options.timeoutMs ?? 5000;
  const statusTimeoutMs = Math.min(options.statusTimeoutMs ?? 800, timeoutMs);
  const closeGraceMs = options.closeGraceMs ?? 1000;
  const description = `network printer ${options.host}:${port}`;
  const links = new Set<Link>();
  let closed = false;

  async function session<T>(work: (link: Link, startedAt: number) => Promise<T>): Promise<T> {
    if (closed) throw new PrinterError('offline', `${description}: the transport was closed`);
    const link = new Link(description, timeoutMs);
    links.add(link);
    try {
      await link.connect(options.host, port);
      return await work(link, Date.now());
    } finally {
      links.delete(link);
      await link.dispose();
    }
  }

  /** Both status answers, or 'unknown' (the printer does not answer, or answers nonsense). */
  async function readStatus(link: Link): Promise<PrinterStatus> {
    const unknown: PrinterStatus = { state: 'unknown', detail: `${description}: does not report its status` };
    const answers = await link.ask([PAPER_SENSOR, OFFLINE_CAUSE], statusTimeoutMs);
    if (answers === null || !answers.every(isStatusByte)) return unknown;
    const [paper, cause] = answers as [number, number];
    if (cause & 0x04) return { state: 'cover-open', detail: `${description}: cover open` };
    if ((paper & 0x60) === 0x60 || cause & 0x20)
      return { state: 'paper-out', detail: `${description}: paper out` };
    if (cause & 0x40)
      return { state: 'error', detail: `${description}: printer error (cutter or mechanism)` };
    if ((paper & 0x0c) === 0x0c) return { state: 'ok', detail: `${description}: paper near end` };
    return { state: 'ok', detail: description };
  }

  return {
    description,
    async print(job) {
      await session(async (link, startedAt) => {
        const status = await readStatus(link);
        if (status.state === 'paper-out' || status.state === 'cover-open' || status.state === 'error') {
          throw new PrinterError(status.state, status.detail);
        }
        link.write(job);
        if (status.state === 'ok') {
          // Real-time requests are answered when read: this answer means the whole job arrived.
          const taken = await link.ask([PRINTER_STATUS], Math.max(1, timeoutMs - (Date.now() - startedAt)));
          if (taken === null)
            throw new PrinterError('offline', `${description}: the printer did not take the job`);
          await link.finish(closeGraceMs);
        } else {
          await link.finish();
        }
      });
    },
    async status() {
      try {
        return await session(async (link) => {
          const status = await readStatus(link);
          await link.finish(status.state === 'unknown' ? 0 : closeGraceMs);
          return status;
        });
      } catch (error) {
        if (error instanceof PrinterError) return { state: error.state, detail: error.message };
        return { state: 'error', detail: `${description}: ${String(error)}` };
      }
    },
    async close() {
      closed = true;
      for (const link of links) link.abort('the transport was closed');
      await Promise.all([...links].map((link) => link.dispose()));
    },
  };
}
