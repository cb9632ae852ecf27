/**
 * Pushes the outbox of closed days to the central roll-up service, when an address is configured
 * (`hub central set`). It runs beside the office's work and never in its way: each step is a few
 * short SQLite transactions and HTTP requests; a central that is down or unreachable only delays the
 * next attempt (doubling back-off), and the outbox keeps every day until central acknowledges it, so a
 * hub offline for weeks catches up by itself.
 */
import {
  CENTRAL_MAX_DAYS_PER_PUSH,
  CENTRAL_PUSH_PATH,
  type CentralErrorBody,
  type CentralPushResult,
  type CentralStaleDetails,
} from '@pst/shared';
import type { Logger } from 'pino';
import type { Store } from './storage/store';

export const CENTRAL_SETTING = 'central';

/** What `hub central set` stores: the service's address, this office's key, and the admin's choice on complaint words. */
export interface CentralLink {
  url: string;
  key: string;
  complaintText: boolean;
}

export interface CentralPusherOptions {
  store: Store;
  log: Logger;
  /** Work of the hub to do first (keeping closed days' facts), so a late correction goes in this step. */
  beforeStep?: () => void;
  /** Check for new closed days this often while all is well (default 5 minutes). */
  intervalMs?: number;
  /** Back-off after a failure: from minMs, doubling, up to maxMs (default 30 s .. 30 min). */
  retry?: { minMs: number; maxMs: number };
  /** One request's time-out (default 30 s). */
  requestTimeoutMs?: number;
}

export type PushOutcome =
  | { ok: true; pushed: number }
  | { ok: false; pushed: number; error: string }
  | { ok: true; pushed: 0; idle: 'not-configured' };

/** Dirty days compared per transaction: a few hundred payloads are milliseconds of work. */
const QUEUE_BATCH = 200;

export class CentralPusher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PushOutcome> | null = null;
  private failures = 0;
  private closed = false;
  private readonly abort = new AbortController();
  private readonly intervalMs: number;
  private readonly retry: { minMs: number; maxMs: number };
  private readonly requestTimeoutMs: number;

  constructor(private readonly options: CentralPusherOptions) {
    this.intervalMs = options.intervalMs ?? 5 * 60_000;
    this.retry = options.retry ?? { minMs: 30_000, maxMs: 30 * 60_000 };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  }

  start(): void {
    this.schedule(0);
  }

  /** One step now (or the one already running): queue changed days, push until nothing is pending. */
  pushNow(): Promise<PushOutcome> {
    if (!this.running) {
      this.running = this.step().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pushNow();
    }, delayMs);
    this.timer.unref();
  }

  private async step(): Promise<PushOutcome> {
    const { store, log } = this.options;
    const link = store.getSetting<CentralLink>(CENTRAL_SETTING);
    if (!link) {
      this.schedule(this.intervalMs);
      return { ok: true, pushed: 0, idle: 'not-configured' };
    }
    let pushed = 0;
    try {
      this.options.beforeStep?.();
      while (
        store.outbox.queueChangedDays({ complaintText: link.complaintText, limit: QUEUE_BATCH }) ===
        QUEUE_BATCH
      );
      for (;;) {
        if (this.closed) throw new Error('hub closing');
        const days = store.outbox.pendingDays(CENTRAL_MAX_DAYS_PER_PUSH);
        if (days.length === 0) break;
        const answer = await this.post(link, { days });
        if (answer.ok) {
          store.outbox.markSent(days);
          pushed += days.length;
          continue;
        }
        if (answer.error.code === 'CENTRAL_STALE_VERSION') {
          // Central has newer versions than this hub (a restored backup): this hub's facts go above them.
          const { days: stale } = answer.error.details as CentralStaleDetails;
          log.warn(
            { days: stale.length },
            'central holds newer versions of some days; pushing ours above them',
          );
          store.outbox.queueAbove(stale);
          continue;
        }
        throw new Error(`${answer.status} ${answer.error.code}: ${answer.error.message}`);
      }
      this.failures = 0;
      if (pushed) log.info({ days: pushed }, 'closed days pushed to the central service');
      this.schedule(this.intervalMs);
      return { ok: true, pushed };
    } catch (error) {
      this.failures++;
      const delay = Math.min(this.retry.maxMs, this.retry.minMs * 2 ** (this.failures - 1));
      const message = error instanceof Error ? error.message : String(error);
      if (!this.closed)
        log.warn({ err: message, pushed, retryInMs: delay }, 'push to the central service failed');
      this.schedule(delay);
      return { ok: false, pushed, error: message };
    }
  }

  private async post(
    link: CentralLink,
    body: { days: unknown[] },
  ): Promise<{ ok: true; data: CentralPushResult } | { ok: false; status: number; error: CentralErrorBody }> {
    const response = await fetch(new URL(CENTRAL_PUSH_PATH, link.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${link.key}` },
      body: JSON.stringify(body),
      signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.requestTimeoutMs)]),
    });
    const answer = (await response.json()) as
      | { ok: true; data: CentralPushResult }
      | { ok: false; error: CentralErrorBody };
    return answer.ok ? answer : { ok: false, status: response.status, error: answer.error };
  }
}
