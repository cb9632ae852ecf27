import {
  callViews,
  deskViews,
  queueViews,
  servicesPublic,
  todayFigures,
  withdrawnCallViews,
} from '@pst/queue-core';
import {
  type BoardSnapshot,
  type Holiday,
  missingHolidayYear,
  type NamedPrinterStatus,
  type OpeningStatus,
  officeDay,
  type PrinterStatusView,
  type PrintFailureView,
} from '@pst/shared';
import type { QueueRunner } from './runner';

export function boardSnapshot(
  runner: QueueRunner,
  printer: PrinterStatusView,
  printers: NamedPrinterStatus[],
  printFailures: PrintFailureView[],
  now: number,
  opening: OpeningStatus,
  holidays: readonly Holiday[],
): BoardSnapshot {
  const state = runner.state;
  const { name, timeZone, runningText, complaintChannels, frontOfficeFirst } = state.config.office;
  return {
    at: now,
    day: state.day,
    office: { name, timeZone, runningText, complaintChannels, frontOfficeFirst },
    services: servicesPublic(state),
    queues: queueViews(state),
    desks: deskViews(state),
    recentCalls: callViews(state),
    withdrawnCalls: withdrawnCallViews(state),
    today: todayFigures(state, now),
    printer,
    printers,
    opening,
    printFailures,
    holidaysMissingYear: missingHolidayYear(officeDay(now, timeZone), holidays),
  };
}

/**
 * Sends the board to every client at most once per `intervalMs`: a burst of commands becomes one
 * snapshot, while calls themselves go out at once as `ticket:called`.
 */
export class BoardBroadcaster {
  private timer: NodeJS.Timeout | null = null;
  /** After stop, nothing more goes out (printers closing still report; the database may be closed). */
  private stopped = false;

  constructor(
    private readonly send: () => void,
    private readonly intervalMs: number,
  ) {}

  schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, this.intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
