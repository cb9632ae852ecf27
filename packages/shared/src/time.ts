import { dateTimeFormat } from './intl-formats';

/**
 * Office time. Indonesia has three zones with no daylight saving; each office runs on its own
 * (WIB by default). Days are 'YYYY-MM-DD' strings in the office zone.
 */
export const OFFICE_TIME_ZONES = {
  'Asia/Jakarta': { label: 'WIB', offsetMinutes: 7 * 60 },
  'Asia/Makassar': { label: 'WITA', offsetMinutes: 8 * 60 },
  'Asia/Jayapura': { label: 'WIT', offsetMinutes: 9 * 60 },
} as const;
export type OfficeTimeZone = keyof typeof OFFICE_TIME_ZONES;
export const DEFAULT_TIME_ZONE: OfficeTimeZone = 'Asia/Jakarta';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function offset(tz: OfficeTimeZone): number {
  return OFFICE_TIME_ZONES[tz].offsetMinutes * MINUTE;
}

/** The office day that an instant belongs to. */
export function officeDay(at: number, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): string {
  return new Date(at + offset(tz)).toISOString().slice(0, 10);
}

/** An instant in office time for a file name that sorts by time: `2026-11-25_11-30-15-250_WIB`. */
export function fileStamp(at: number, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): string {
  const local = new Date(at + offset(tz)).toISOString();
  return `${local.slice(0, 10)}_${local.slice(11, 23).replace(/[:.]/g, '-')}_${OFFICE_TIME_ZONES[tz].label}`;
}

/** "2026-11-25T09:05": an instant in office time as a datetime-local input holds it. */
export function officeDateTimeInput(at: number, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): string {
  return new Date(at + offset(tz)).toISOString().slice(0, 16);
}

/**
 * The instant a datetime-local value in office time stands for; NaN when it is not one (an emptied
 * field: V8's Date.parse would read ":00Z" as a time in the year 2000).
 */
export function parseOfficeDateTimeInput(value: string, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return Number.NaN;
  return Date.parse(`${value}:00Z`) - offset(tz);
}

/** The instant a day starts (00:00 office time). */
export function dayStart(day: string, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  return ms - offset(tz);
}

export function nextDayStart(at: number, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): number {
  return dayStart(officeDay(at, tz), tz) + DAY;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** 1 = Monday ... 7 = Sunday (ISO). */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Hour of day (0-23) in office time, for busy-hour statistics. */
export function officeHour(at: number, tz: OfficeTimeZone = DEFAULT_TIME_ZONE): number {
  return new Date(at + offset(tz)).getUTCHours();
}

export type Lang = 'id' | 'en';

/** "Rabu, 25 November 2026" */
export function formatDate(at: number, lang: Lang = 'id', tz: OfficeTimeZone = DEFAULT_TIME_ZONE): string {
  return dateTimeFormat(lang, {
    timeZone: tz,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/** "09.05 WIB" (Indonesian uses a dot between hours and minutes). */
export function formatTime(
  at: number,
  lang: Lang = 'id',
  tz: OfficeTimeZone = DEFAULT_TIME_ZONE,
  withSeconds = false,
): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  if (withSeconds) options.second = '2-digit';
  return `${dateTimeFormat(lang, options).format(at)} ${OFFICE_TIME_ZONES[tz].label}`;
}

/** "25/11/2026 09.05 WIB", compact, for tickets and tables. */
export function formatDateTime(
  at: number,
  lang: Lang = 'id',
  tz: OfficeTimeZone = DEFAULT_TIME_ZONE,
): string {
  const date = dateTimeFormat(lang, {
    timeZone: tz,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
  return `${date} ${formatTime(at, lang, tz)}`;
}
