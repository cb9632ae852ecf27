import type { PrinterStatusView } from '@pst/shared';
import type { Logger } from 'pino';
import type { PrintQueue } from './print-queue';
import type { PrintJobRecord, Store } from './storage/store';

/**
 * How one attempt at a job ended: on paper; failed and kept to try again (nothing whole reached the
 * paper); unknown (the printer had the whole job and never confirmed: not sent again by itself);
 * dropped (its visitor no longer waits).
 */
export type TicketPrintOutcome = 'printed' | 'failed' | 'unknown' | 'dropped';
export interface TicketPrintResult {
  outcome: TicketPrintOutcome;
  status: PrinterStatusView;
}

export interface TicketPrintsOptions {
  store: Store;
  printer: PrintQueue;
  log: Logger;
  clock: () => number;
  /** The job's bytes now, or null when a late print's ticket no longer waits (called, finished, cancelled, another day). */
  render(job: PrintJobRecord): Uint8Array | null;
  /** First wait before trying a job again; doubles up to 30 times this. */
  retryBaseMs: number;
  /** After every attempt: record it on the ticket, tell whoever waits. */
  onResult(job: PrintJobRecord, result: TicketPrintResult): void;
}

/**
 * The hub printer's ticket jobs, kept in SQLite (`print_jobs`) until printed or given up, so a hub
 * restart loses none. Jobs print in order; one that did not reach the paper stays first and is tried
 * again with back-off (each try asks the printer first, so "again" means "once it answers ready"),
 * and tickets taken meanwhile wait behind it and are told at once that their paper is delayed.
 */
export class TicketPrints {
  private pumping: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  /** A job failed and waits for its retry: the printer is down. */
  private down = false;
  private closed = false;
  private readonly waiters = new Map<number, Array<(result: TicketPrintResult) => void>>();

  constructor(private readonly options: TicketPrintsOptions) {}

  /**
   * A job for a ticket, resolved after its first attempt. A reprint of a ticket that already has a
   * job waiting joins that job (marked as a reprint and tried now) rather than adding a second copy.
   */
  add(job: {
    ticketId: string;
    day: string;
    reprint: boolean;
    requestedBy: string;
  }): Promise<TicketPrintResult> {
    const { store, clock } = this.options;
    const queued = store.queuedPrintJobs().find((j) => j.ticketId === job.ticketId);
    const id = queued?.id ?? store.addPrintJob({ ...job, at: clock() });
    if (queued && job.reprint && !queued.reprint) store.markPrintJobReprint(queued.id);
    return this.resultOf(id, job.reprint);
  }

  /**
   * The next attempt's result of a job already stored (a ticket's job written with the ticket).
   * `now`: tried now, after any attempt already under way (whose answer predates the request).
   */
  async resultOf(id: number, now = false): Promise<TicketPrintResult> {
    if (now) await this.pumping;
    // Printed (or given up) meanwhile: that is the answer.
    const done = this.options.store.printJob(id);
    if (done && done.state !== 'queued')
      return {
        outcome: done.state === 'printed' ? 'printed' : done.state,
        status: this.options.printer.status,
      };
    const result = new Promise<TicketPrintResult>((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
    if (this.down && !now) {
      // The printer is down: the job waits its turn; its visitor hears now, not after the retries.
      const job = this.options.store.queuedPrintJobs().find((j) => j.id === id);
      if (job) this.delayed(job, this.options.printer.status);
    } else this.wake();
    return result;
  }

  /** Tries the waiting jobs now (the printer answered ready, someone asked for a reprint, the hub started). */
  wake(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.pump();
  }

  get waiting(): boolean {
    return this.down;
  }

  /** A job that waits behind a failed one: its visitor is told now, and its late paper will be marked. */
  private delayed(job: PrintJobRecord, status: PrinterStatusView): void {
    this.settle(job, { outcome: 'failed', status }, () => this.options.store.markPrintJobReprint(job.id));
  }

  /**
   * The job's row and what follows from the result (the ticket's print state), in one transaction,
   * committed with the turn's commands (the group commit's fsync covers it as theirs): under load one
   * commit less per ticket.
   */
  private settle(job: PrintJobRecord, result: TicketPrintResult, write: () => void): void {
    this.options.store.joinTurn();
    this.options.store.transaction(() => {
      write();
      this.options.onResult(job, result);
    });
    const list = this.waiters.get(job.id);
    this.waiters.delete(job.id);
    for (const resolve of list ?? []) resolve(result);
  }

  private pump(): Promise<void> {
    if (this.pumping || this.closed) return this.pumping ?? Promise.resolve();
    this.pumping = this.printWaiting().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async printWaiting(): Promise<void> {
    const { store, printer, clock, render } = this.options;
    try {
      for (let job = store.queuedPrintJobs()[0]; job && !this.closed; job = store.queuedPrintJobs()[0]) {
        // Only what is on disk goes on paper: a job taken while the last one printed may not be
        // synced yet, and a power cut must not take back a printed number (group commit, Store.synced).
        await store.synced();
        const bytes = render(job);
        if (!bytes) {
          this.settle(job, { outcome: 'dropped', status: printer.status }, () =>
            store.updatePrintJob(job.id, 'dropped', job.attempts, 'the visitor no longer waits', clock()),
          );
          continue;
        }
        const { outcome, status } = await printer.attemptOnce(bytes);
        const attempts = job.attempts + 1;
        if (outcome === 'printed' || outcome === 'unknown') {
          this.down = false;
          this.settle(job, { outcome, status }, () =>
            store.updatePrintJob(job.id, outcome, attempts, status.detail, clock()),
          );
          continue;
        }
        // Nothing whole reached the paper: the job stays first, tried again after a pause.
        this.down = true;
        this.settle(job, { outcome: 'failed', status }, () =>
          store.updatePrintJob(job.id, 'queued', attempts, status.detail, clock()),
        );
        for (const behind of store.queuedPrintJobs().slice(1))
          if (this.waiters.has(behind.id)) this.delayed(behind, status);
        const delay = this.options.retryBaseMs * Math.min(30, 2 ** Math.min(attempts - 1, 5));
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.pump();
        }, delay);
        break;
      }
    } catch (error) {
      this.options.log.error({ err: error }, 'print queue failed');
    }
  }

  /** Stops after the attempt in progress (its result is still written). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.pumping;
  }
}
