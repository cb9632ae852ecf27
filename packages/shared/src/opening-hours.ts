import { z } from 'zod';
import { addDays, dayStart, isoWeekday, type OfficeTimeZone, officeDay } from './time';
import type { Holiday } from './working-days';

/** A time of day, office time (JJ:MM). */
export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam JJ:MM, mis. 08:00');

/** The service hours of one weekday: from `open` until `close` (office time). */
export const serviceHoursSchema = z
  .strictObject({ open: hhmmSchema, close: hhmmSchema })
  .refine((h) => h.open < h.close, { message: 'jam tutup harus setelah jam buka', path: ['close'] });

/**
 * When the kiosk gives tickets: one entry per weekday, Monday first; null for a day the office is
 * closed. Holidays (the holiday table) close the whole day. Staff issue tickets at any hour.
 */
export const openingHoursSchema = z.strictObject({
  week: z.array(serviceHoursSchema.nullable()).length(7),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

/** The PST's usual hours: Monday to Thursday 08:00-15:30, Friday 08:00-16:00. */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  week: [
    { open: '08:00', close: '15:30' },
    { open: '08:00', close: '15:30' },
    { open: '08:00', close: '15:30' },
    { open: '08:00', close: '15:30' },
    { open: '08:00', close: '16:00' },
    null,
    null,
  ],
};

export type ServiceHours = z.infer<typeof serviceHoursSchema>;

/** A day's service hours: null when the week closes that weekday or the holiday table closes the date. */
export function serviceHoursOn(
  hours: OpeningHours,
  day: string,
  holidays: readonly Holiday[],
): ServiceHours | null {
  if (holidays.some((h) => h.date === day)) return null;
  return hours.week[isoWeekday(day) - 1] ?? null;
}

export type OpeningStatus =
  | { open: true; closesAt: number | null }
  /** `opensAt`: the next opening (null when none in the coming weeks); `holiday`: why today is closed. */
  | { open: false; opensAt: number | null; holiday: string | null };

const MINUTE = 60_000;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** How far ahead the next opening is looked for (a long holiday season fits easily). */
const LOOKAHEAD_DAYS = 60;

/**
 * Whether the kiosk gives tickets at `now`, and when that changes. `hours` null: open around the
 * clock (an office that has not set its hours, or chose not to).
 */
export function openingStatus(
  hours: OpeningHours | null,
  holidays: readonly Holiday[],
  now: number,
  tz: OfficeTimeZone,
): OpeningStatus {
  if (!hours) return { open: true, closesAt: null };
  const window = (day: string) => {
    const entry = serviceHoursOn(hours, day, holidays);
    if (!entry) return null;
    const start = dayStart(day, tz);
    return { from: start + minutesOf(entry.open) * MINUTE, to: start + minutesOf(entry.close) * MINUTE };
  };
  const today = officeDay(now, tz);
  const current = window(today);
  if (current && now >= current.from && now < current.to) return { open: true, closesAt: current.to };
  const holiday = holidays.find((h) => h.date === today)?.name ?? null;
  if (current && now < current.from) return { open: false, opensAt: current.from, holiday };
  for (let n = 1; n <= LOOKAHEAD_DAYS; n++) {
    const next = window(addDays(today, n));
    if (next) return { open: false, opensAt: next.from, holiday };
  }
  return { open: false, opensAt: null, holiday };
}
