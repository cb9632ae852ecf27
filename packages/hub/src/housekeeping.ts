import { join } from 'node:path';
import { officeDay } from '@pst/shared';
import type { HubContext } from './context';
import { applyRetention, dailyBackup } from './data-care';
import { keepClosedDays } from './reports';

/** Guest-book entries erased per retention step (a few tens of milliseconds of work). */
const RETENTION_BATCH = 500;
/** Closed days whose report facts are kept per step: a week of rows is tens of milliseconds. */
const REPORT_DAYS_BATCH = 7;
/** How often the hub's clock work runs. */
const HOUSEKEEPING_MS = 30_000;

export interface HousekeepingOptions {
  dataDir: string;
  /** Login failures older than this count as none and are forgotten. */
  forgetLoginFailuresAfterMs: number;
  /** Asks a printer in trouble again, between tickets. */
  checkPrinter(): Promise<void>;
}

export interface Housekeeping {
  /** What the half-minute timer runs (end of day, data care, printer check); tests call it instead of waiting. */
  run(): Promise<void>;
  /** Keeps one batch of closed days' report facts (before a push to central). */
  keepReportDays(): void;
  stop(): void;
}

/**
 * The hub's clock work, every 30 s: the office day ends at midnight even when nobody takes tickets,
 * the board goes out again so every screen's clock and breach count follow the hub's time, the kiosk
 * opens and closes by the clock; once per office day personal data past its retention is erased and
 * the database backed up. Started with the day's work done at once (the printer is first asked half
 * a minute in, or at the first ticket).
 */
export function startHousekeeping(hub: HubContext, options: HousekeepingOptions): Housekeeping {
  const { runner, store, log, clock } = hub;
  let stopped = false;
  const timeZone = () => runner.state.config.office.timeZone;

  const endDay = () => {
    try {
      runner.execute({ type: 'endDay' }, 'hub');
    } catch (error) {
      log.error({ err: error }, 'ending the day failed');
    }
    // Hold and send to a desk (issue 20): parks past the limit proposed as no-shows, sent tickets fall back.
    try {
      runner.execute({ type: 'applyDue' }, 'hub');
    } catch (error) {
      log.error({ err: error }, 'applying the desk time limits failed');
    }
    hub.boardChanged();
    // Sessions that expired meanwhile lose their pushes too, not only their commands.
    hub.cutRevoked();
    store.forgetLoginFailures(clock() - options.forgetLoginFailuresAfterMs);
  };

  let caredFor = '';
  const dataCare = () => {
    const tz = timeZone();
    const day = officeDay(clock(), tz);
    if (day === caredFor) return;
    caredFor = day;
    const care = store.dataCare();
    // In batches, each its own short transaction, so commands are served in between.
    const retention = () => {
      try {
        const erased = applyRetention(store, clock(), tz, care.retentionDays, RETENTION_BATCH);
        if (stopped) return;
        // Erasing forgets the facts of the days it touched: they are kept again after it.
        setImmediate(erased === RETENTION_BATCH ? retention : keepReportDays);
      } catch (error) {
        log.error({ err: error }, 'retention failed');
      }
    };
    const keepReportDays = () => {
      try {
        const kept = keepClosedDays(store.reports, tz, day, REPORT_DAYS_BATCH);
        if (kept === REPORT_DAYS_BATCH && !stopped) setImmediate(keepReportDays);
      } catch (error) {
        log.error({ err: error }, 'keeping report days failed');
      }
    };
    retention();
    try {
      applyRetention(store, clock(), tz, care.retentionDays, RETENTION_BATCH, 'online');
    } catch (error) {
      log.error({ err: error }, 'online retention failed');
    }
    dailyBackup(store, join(options.dataDir, 'backups'), day, care.backupDays).catch((error: unknown) =>
      log.error({ err: error }, 'daily backup failed'),
    );
  };

  // The kiosk opens and closes by the clock, with no command to push the board: push it when that turns.
  let wasOpen = hub.opening().open;
  const openingTurned = () => {
    const { open } = hub.opening();
    if (open !== wasOpen) hub.boardChanged();
    wasOpen = open;
  };

  const run = async () => {
    openingTurned();
    endDay();
    dataCare();
    await options.checkPrinter();
  };
  endDay();
  dataCare();
  const timer = setInterval(() => void run(), HOUSEKEEPING_MS);
  timer.unref();

  return {
    run,
    keepReportDays() {
      const tz = timeZone();
      keepClosedDays(store.reports, tz, officeDay(clock(), tz), REPORT_DAYS_BATCH);
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
