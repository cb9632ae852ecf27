import { randomBytes } from 'node:crypto';
import { PrinterError, type PrinterStatus, type PrinterTransport } from '@pst/printer';
import type {
  NamedPrinterStatus,
  ParsedPayload,
  PrinterStatusView,
  PrintJob,
  TicketPrinted,
} from '@pst/shared';
import type { Logger } from 'pino';
import { PrintQueue } from './print-queue';

/** What the hub uses of a kiosk's socket. */
export interface KioskSocket {
  readonly id: string;
  readonly connected: boolean;
  emit(event: 'print:job', job: PrintJob): unknown;
  emit(event: 'ticket:printed', result: TicketPrinted): unknown;
}

export interface KioskPrintersOptions {
  clock: () => number;
  log: Logger;
  attempts?: number;
  retryDelayMs?: number;
  /** How long a kiosk may take to answer one job (its own printers time out sooner): default 8 s. */
  resultTimeoutMs?: number;
  /** How long a job for a disconnected kiosk waits for it to come back: default 10 minutes. */
  maxWaitMs?: number;
  /** A kiosk printer's status changed (or one was added or removed: then `status` is null). */
  onStatus(status: NamedPrinterStatus | null): void;
  /** A job that waited for its kiosk printed (or failed) after all. */
  onLateResult(ticketId: string, status: PrinterStatusView): void;
}

type Result = ParsedPayload<'print:result'>;

interface Job {
  jobId: string;
  ticketId: string | null;
  bytes: Uint8Array;
  at: number;
}

/** Why the last attempt failed: only a printer's own failure is worth an immediate retry. */
type Failure = 'disconnected' | 'no-answer' | 'printer' | null;

const newJobId = () => randomBytes(9).toString('base64url');

/**
 * One kiosk that prints its own tickets: jobs go to its socket as `print:job` and come back as
 * `print:result`, through the same PrintQueue (one at a time, retries, status) as the hub's printer.
 * A job whose kiosk is not connected waits, and is sent again (same job id) when the kiosk is back.
 */
class KioskPrinter {
  socket: KioskSocket | null = null;
  description = '';
  readonly waiting: Job[] = [];
  readonly queue: PrintQueue;
  private readonly answers = new Map<string, (result: Result | PrinterError) => void>();
  private readonly jobs = new WeakMap<Uint8Array, Job>();
  private failure: Failure = null;
  private draining = false;
  private closed = false;

  constructor(
    readonly deviceId: string,
    public name: string,
    private readonly options: KioskPrintersOptions,
  ) {
    const self = this;
    const transport: PrinterTransport = {
      get description() {
        return self.label;
      },
      print: (job) => this.send(job),
      status: async (): Promise<PrinterStatus> =>
        this.socket?.connected
          ? { state: 'unknown', detail: `${this.label}: connected` }
          : { state: 'offline', detail: `${this.label}: kiosk not connected` },
      close: async () => {},
    };
    this.queue = new PrintQueue(transport, {
      clock: options.clock,
      attempts: options.attempts,
      retryDelayMs: options.retryDelayMs,
      retry: () => this.failure === 'printer',
      onStatus: () => options.onStatus(this.status),
    });
  }

  get label(): string {
    return this.description ? `${this.name}: ${this.description}` : this.name;
  }

  get status(): NamedPrinterStatus {
    const status = this.queue.status;
    return {
      ...status,
      pendingJobs: status.pendingJobs + this.waiting.length,
      id: `kiosk:${this.deviceId}`,
      kind: 'kiosk',
      name: this.name,
      connected: !!this.socket?.connected,
    };
  }

  private send(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    const job = this.jobs.get(bytes);
    if (!socket?.connected || !job || this.closed) {
      this.failure = 'disconnected';
      return Promise.reject(new PrinterError('offline', `${this.label}: kiosk not connected`));
    }
    const timeoutMs = this.options.resultTimeoutMs ?? 8000;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.answers.delete(job.jobId);
        this.failure = 'no-answer';
        reject(new PrinterError('offline', `${this.label}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.answers.set(job.jobId, (result) => {
        clearTimeout(timer);
        this.answers.delete(job.jobId);
        if (result instanceof PrinterError) {
          this.failure = 'disconnected';
          reject(result);
        } else if (result.state === 'ok') {
          this.failure = null;
          resolve();
        } else {
          this.failure = 'printer';
          reject(new PrinterError(result.state, `${this.label}: ${result.detail || result.state}`));
        }
      });
      socket.emit('print:job', {
        jobId: job.jobId,
        ticketId: job.ticketId,
        data: Buffer.from(bytes).toString('base64'),
      });
    });
  }

  /** The kiosk's `print:result`; false when no job waits for that id (late, or not this kiosk's). */
  answer(result: Result): boolean {
    const settle = this.answers.get(result.jobId);
    if (!settle) return false;
    settle(result);
    return true;
  }

  /**
   * Prints through the kiosk. With `wait`, a job the kiosk could not get because it is not
   * connected is kept, and printed once it reconnects; the status says 'offline' meanwhile.
   */
  async print(ticketId: string | null, bytes: Uint8Array, wait: boolean): Promise<NamedPrinterStatus> {
    const job: Job = { jobId: newJobId(), ticketId, bytes, at: this.options.clock() };
    this.jobs.set(bytes, job);
    const status = await this.queue.print(bytes);
    if (status.state !== 'ok' && this.failure === 'disconnected' && wait && !this.closed) {
      this.waiting.push(job);
      this.options.onStatus(this.status);
    }
    return this.status;
  }

  /**
   * The kiosk's socket. Jobs that waited are sent once the kiosk says it prints again
   * (`kiosk:printer` after its reconnect): only then does its page listen for them.
   */
  attach(socket: KioskSocket, drain: boolean): void {
    this.socket = socket;
    if (this.queue.status.state === 'offline' && this.failure === 'disconnected' && !this.waiting.length)
      this.queue.note('unknown', `${this.label}: connected again`);
    this.options.onStatus(this.status);
    if (drain) void this.drain();
  }

  detach(socket: KioskSocket): void {
    if (this.socket !== socket) return;
    this.socket = null;
    for (const settle of [...this.answers.values()])
      settle(new PrinterError('offline', `${this.label}: kiosk disconnected during the job`));
    this.options.onStatus(this.status);
  }

  /** Sends the jobs that waited for this kiosk, oldest first, with their original job ids. */
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.socket?.connected && this.waiting.length && !this.closed) {
        const job = this.waiting.shift() as Job;
        const maxWaitMs = this.options.maxWaitMs ?? 10 * 60_000;
        if (this.options.clock() - job.at > maxWaitMs) {
          this.options.log.warn(
            { kiosk: this.deviceId, ticketId: job.ticketId },
            'print job too old, dropped',
          );
          continue;
        }
        this.jobs.set(job.bytes, job);
        const status = await this.queue.print(job.bytes);
        if (status.state !== 'ok' && this.failure === 'disconnected') {
          this.waiting.unshift(job);
          break;
        }
        if (job.ticketId) this.options.onLateResult(job.ticketId, status);
      }
    } finally {
      this.draining = false;
      this.options.onStatus(this.status);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.socket) this.detach(this.socket);
    this.waiting.length = 0;
    await this.queue.close();
  }
}

/** The kiosks that said (`kiosk:printer`) they print locally, by device id. */
export class KioskPrinters {
  private readonly kiosks = new Map<string, KioskPrinter>();

  constructor(private readonly options: KioskPrintersOptions) {}

  /** A kiosk's `kiosk:printer`: from now on its tickets print there (or, with local false, at the hub). */
  declare(
    deviceId: string,
    name: string,
    socket: KioskSocket,
    local: boolean,
    description: string,
  ): NamedPrinterStatus | null {
    const known = this.kiosks.get(deviceId);
    if (!local) {
      if (known) {
        this.kiosks.delete(deviceId);
        void known.close();
        this.options.onStatus(null);
      }
      return null;
    }
    const kiosk = known ?? new KioskPrinter(deviceId, name, this.options);
    kiosk.name = name;
    kiosk.description = description;
    this.kiosks.set(deviceId, kiosk);
    kiosk.attach(socket, true);
    return kiosk.status;
  }

  connected(deviceId: string, socket: KioskSocket): void {
    this.kiosks.get(deviceId)?.attach(socket, false);
  }

  disconnected(deviceId: string, socket: KioskSocket): void {
    this.kiosks.get(deviceId)?.detach(socket);
  }

  answer(deviceId: string, result: Result): boolean {
    return this.kiosks.get(deviceId)?.answer(result) ?? false;
  }

  printsLocally(deviceId: string | undefined): deviceId is string {
    return deviceId !== undefined && this.kiosks.has(deviceId);
  }

  async print(
    deviceId: string,
    ticketId: string | null,
    bytes: Uint8Array,
    wait: boolean,
  ): Promise<NamedPrinterStatus> {
    const kiosk = this.kiosks.get(deviceId);
    if (!kiosk) throw new Error(`kiosk ${deviceId} does not print locally`);
    return kiosk.print(ticketId, bytes, wait);
  }

  statuses(): NamedPrinterStatus[] {
    return [...this.kiosks.values()].map((kiosk) => kiosk.status);
  }

  async close(): Promise<void> {
    await Promise.all([...this.kiosks.values()].map((kiosk) => kiosk.close()));
    this.kiosks.clear();
  }
}
