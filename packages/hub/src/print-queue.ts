import { type JobOutcome, PrinterError, type PrinterTransport } from '@pst/printer';
import type { PrinterStatusView } from '@pst/shared';

export interface PrintQueueOptions {
  attempts?: number;
  retryDelayMs?: number;
  /** Whether a failed attempt is worth another one (paper out and an open cover never are). */
  retry?: (state: PrinterStatusView['state']) => boolean;
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

  /**
   * One try, in turn with the other jobs, never repeated here: how far the job got decides what may
   * follow (the durable ticket queue retries only what never reached the paper).
   */
  attemptOnce(job: Uint8Array): Promise<{ outcome: 'printed' | JobOutcome; status: PrinterStatusView }> {
    this.pending++;
    const done = this.chain
      .then(() => this.tryPrint(job))
      .finally(() => this.pending--)
      .then((outcome) => ({ outcome, status: { ...this.status, pendingJobs: this.pending } }));
    this.chain = done.catch(() => undefined);
    return done;
  }

  private async tryPrint(job: Uint8Array): Promise<'printed' | JobOutcome> {
    try {
      const after = await this.printer.print(job);
      // A printer that reports its paper keeps saying 'paper-near-end' after a good print.
      this.update(after?.state ?? 'ok', after?.detail ?? this.printer.description);
      return 'printed';
    } catch (error) {
      const state = error instanceof PrinterError ? error.state : 'error';
      this.update(state, error instanceof Error ? error.message : String(error));
      return error instanceof PrinterError ? error.outcome : 'not-sent';
    }
  }

  private async attempt(job: Uint8Array): Promise<PrinterStatusView> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.tryPrint(job).catch(() => 'not-sent' as const);
      if (outcome === 'printed') return this.status;
      const state = this.current.state;
      // Paper out or an open cover will not fix itself in a second: tell the visitor now. A job the
      // printer may have (torn, unknown) is never sent again blindly.
      const hopeless =
        outcome !== 'not-sent' ||
        state === 'paper-out' ||
        state === 'cover-open' ||
        this.options.retry?.(state) === false;
      if (hopeless || attempt >= this.attempts) return this.status;
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * attempt));
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
