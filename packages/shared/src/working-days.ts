import { z } from 'zod';
import { calendarDaySchema } from './calendar';
import holidays2026 from './holidays-2026.json' with { type: 'json' };
import { addDays, isoWeekday } from './time';

export const holidaySchema = z.strictObject({
  date: calendarDaySchema,
  name: z.string().trim().min(2).max(120),
  /** Cuti bersama: a joint leave day set by the yearly joint ministerial decree (SKB). */
  isJointLeave: z.boolean(),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** Shipped as data the admin edits: no package has Indonesia's dates right (see DOMAIN.md). */
export const DEFAULT_HOLIDAYS: Holiday[] = holidays2026;

export function isWorkingDay(day: string, holidays: readonly Holiday[]): boolean {
  return isoWeekday(day) <= 5 && !holidays.some((h) => h.date === day);
}

/** The day n working days after `day` (n >= 0; 0 gives the first working day on or after it). */
export function addWorkingDays(day: string, n: number, holidays: readonly Holiday[]): string {
  let current = day;
  while (!isWorkingDay(current, holidays)) current = addDays(current, 1);
  for (let left = n; left > 0; ) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) left--;
  }
  return current;
}

/** Working days from `from` (exclusive) to `to` (inclusive). */
export function workingDaysBetween(from: string, to: string, holidays: readonly Holiday[]): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) count++;
  return count;
}

/**
 * The year whose holidays are missing from the table while they matter: this year, or from
 * December on the next one (the SKB for the next year is out by then). Null when both are there.
 */
export function missingHolidayYear(today: string, holidays: readonly Holiday[]): number | null {
  const year = Number(today.slice(0, 4));
  const has = (y: number) => holidays.some((h) => h.date.startsWith(`${y}-`));
  if (!has(year)) return year;
  if (today.slice(5, 7) === '12' && !has(year + 1)) return year + 1;
  return null;
}
