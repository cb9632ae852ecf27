import { PrinterError, type PrinterTransport } from '@pst/printer';
import type { PrinterStatusView } from '@pst/shared';

export interface PrintQueueOptions {
  attempts?: number;
  retryDelayMs?: number;
  /** Whether a failed attempt is worth another one (paper out and an open cover never are). */
  retry?: (error: unknown) => boolean;
  onStatus: (status: PrinterStatusView) => void;
  clock: () => number;
}

/**
 * Prints jobs one after another (a thermal printer takes one job at a time), retries a failed job
 * a few times, and keeps the printer's last known status for /healthz, desks and the board.
 */
export class PrintQueue {
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private current: PrinterStatusView;
  private readonly attempts: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly printer: PrinterTransport,
    private readonly options: PrintQueueOptions,
  ) {
    this.attempts = options.attempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.current = { state: 'unknown', detail: printer.description, pendingJobs: 0, at: options.clock() };
  }

  get status(): PrinterStatusView {
    return { ...this.current, pendingJobs: this.pending };
  }

  /** Resolves with the printer status after the job printed or after its last failed attempt. */
  print(job: Uint8Array): Promise<PrinterStatusView> {
    this.pending++;
    const done = this.chain
      .then(() => this.attempt(job))
      .finally(() => this.pending--)
      // Counted once this job is done: the status answers for the jobs still to print.
      .then((status) => ({ ...status, pendingJobs: this.pending }));
    this.chain = done.catch(() => undefined);
    return done;
  }

  /** Asks the printer itself (DLE EOT on network printers). */
  async refresh(): Promise<PrinterStatusView> {
    const status = await this.printer.status().catch((error: unknown) => ({
      state: 'error' as const,
      detail: String(error),
    }));
    this.update(status.state, status.detail);
    return this.status;
  }

  private async attempt(job: Uint8Array): Promise<PrinterStatusView> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.printer.print(job);
        this.update('ok', this.printer.description);
        return this.status;
      } catch (error) {
        const state = error instanceof PrinterError ? error.state : 'error';
        this.update(state, error instanceof Error ? error.message : String(error));
        // Paper out or an open cover will not fix itself in a second: tell the visitor now.
        const hopeless =
          state === 'paper-out' || state === 'cover-open' || this.options.retry?.(error) === false;
        if (hopeless || attempt >= this.attempts) return this.status;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
      }
    }
  }

  /** Sets the status from outside a job (a kiosk that reconnected). */
  note(state: PrinterStatusView['state'], detail: string): void {
    this.update(state, detail);
  }

  private update(state: PrinterStatusView['state'], detail: string): void {
    const changed = state !== this.current.state || detail !== this.current.detail;
    this.current = { state, detail, pendingJobs: this.pending, at: this.options.clock() };
    if (changed) this.options.onStatus(this.status);
  }

  async close(): Promise<void> {
    await this.chain;
    await this.printer.close();
  }
}
