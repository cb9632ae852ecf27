import { z } from 'zod';

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD` (2026-02-29 and 2026-13-45 are not). */
export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every day that comes in over the wire or a query string passes this. */
export const calendarDaySchema = z
  .string()
  .refine(isCalendarDay, 'tanggal kalender YYYY-MM-DD yang ada, mis. 2026-08-17');

/** A report range: two real days, `from` not after `to`, at most ten years apart. */
export const reportRangeSchema = z
  .strictObject({ from: calendarDaySchema, to: calendarDaySchema })
  .refine((r) => r.from <= r.to, { message: 'from <= to', path: ['to'] })
  .refine((r) => Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) <= 10, {
    message: 'at most 10 years',
    path: ['from'],
  });

/** Oldest plausible visitor, in years. */
export const MAX_VISITOR_AGE = 120;

/**
 * A birth year is checked against the year of the visit (the hub's clock, passed in): not in the
 * future, not more than 120 years back. One rule for the guest-book form and the hub.
 */
export function isPlausibleBirthYear(birthYear: number, visitYear: number): boolean {
  return Number.isInteger(birthYear) && birthYear <= visitYear && birthYear >= visitYear - MAX_VISITOR_AGE;
}
