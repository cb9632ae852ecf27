/**
 * The online service's clock: "dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas dan
 * persyaratan pelayanan lengkap". The clock runs through the whole of each working day (00:00-24:00
 * office time, Monday to Friday minus the holiday table) and stands still on weekends, national
 * holidays and cuti bersama; the request is due when three full working days of running time have
 * passed since it became clear and complete. Worked examples: docs/online-requests.md.
 */
import {
  addDays,
  DEFAULT_TIME_ZONE,
  type DeadlineLevel,
  dayStart,
  type Holiday,
  isWorkingDay,
  type OfficeTimeZone,
  ONLINE_SERVICE_WORKING_DAYS,
  officeDay,
  WORKING_DAY_MS,
} from '@pst/shared';

/** The office calendar the clock counts on. */
export interface OfficeCalendar {
  holidays: readonly Holiday[];
  timeZone?: OfficeTimeZone;
}

/** Running time of the clock between two instants: only the parts that fall on working days. */
export function workingMsBetween(from: number, to: number, calendar: OfficeCalendar): number {
  if (to <= from) return 0;
  const tz = calendar.timeZone ?? DEFAULT_TIME_ZONE;
  let total = 0;
  for (let day = officeDay(from, tz); ; day = addDays(day, 1)) {
    const start = dayStart(day, tz);
    if (start >= to) break;
    if (isWorkingDay(day, calendar.holidays))
      total += Math.min(start + WORKING_DAY_MS, to) - Math.max(start, from);
  }
  return total;
}

/** The earliest instant at which the clock started at `from` has run for `ms` (ms > 0). */
export function addWorkingMs(from: number, ms: number, calendar: OfficeCalendar): number {
  const tz = calendar.timeZone ?? DEFAULT_TIME_ZONE;
  let left = ms;
  let cursor = from;
  for (let day = officeDay(from, tz); ; day = addDays(day, 1)) {
    const end = dayStart(day, tz) + WORKING_DAY_MS;
    if (isWorkingDay(day, calendar.holidays)) {
      if (left <= end - cursor) return cursor + left;
      left -= end - cursor;
    }
    cursor = end;
  }
}

/** When a request that became clear and complete at `completeAt` must have been answered. */
export function onlineDueAt(completeAt: number, calendar: OfficeCalendar): number {
  return addWorkingMs(completeAt, ONLINE_SERVICE_WORKING_DAYS * WORKING_DAY_MS, calendar);
}

/**
 * The colour of a running clock at `now`: near once one working day or less is left, overdue once
 * the due time has passed. A clock that has not started (request unclear or incomplete) is stopped.
 */
export function deadlineLevel(
  clock: { dueAt: number | null; answeredAt: number | null },
  now: number,
  calendar: OfficeCalendar,
): DeadlineLevel {
  if (clock.dueAt === null) return 'stopped';
  if (clock.answeredAt !== null) return 'done';
  if (now >= clock.dueAt) return 'overdue';
  return workingMsBetween(now, clock.dueAt, calendar) <= WORKING_DAY_MS ? 'near' : 'on-track';
}

/** Working time left until due at `now`, negative (in working time) once overdue. */
export function workingMsLeft(dueAt: number, now: number, calendar: OfficeCalendar): number {
  return now <= dueAt ? workingMsBetween(now, dueAt, calendar) : -workingMsBetween(dueAt, now, calendar);
}

/** Working days (fractional) the clock ran from start to answer: the reports' median uses it. */
export function workingDaysTaken(startedAt: number, answeredAt: number, calendar: OfficeCalendar): number {
  return workingMsBetween(startedAt, answeredAt, calendar) / WORKING_DAY_MS;
}
