import { isCalendarDay } from './calendar';
import { dateTimeFormat, numberFormat } from './intl-formats';
import type { Lang } from './time';

// Numbers and short dates as people read them: Indonesian uses a decimal comma and a dot between
// thousands ("1,3 mnt", "88,89", "12.345"), and "1 Des". Screens, printed reports and the CSV for
// Indonesian Excel all write numbers through these.

/** What a table cell or figure shows when there is no value: one dash everywhere (an en dash). */
export const NO_VALUE = '–';

/** "88,89" (id) / "88.89" (en); `digits` decimals, always shown; NO_VALUE when there is no value. */
export function formatNumber(value: number | null, lang: Lang = 'id', digits = 0): string {
  return value === null ? NO_VALUE : numberFormat(lang, digits, true).format(value);
}

/**
 * A number for a CSV cell read by a spreadsheet: decimal comma for Indonesian settings, and no
 * thousands separator (Excel would read "1.234" as 1,234 with one setting and 1.234 with the other).
 */
export function formatCsvNumber(value: number, lang: Lang = 'id'): string {
  const digits = Number.isInteger(value) ? 0 : Math.min(3, String(value).split('.')[1]?.length ?? 0);
  return numberFormat(lang, digits, false).format(value);
}

/** "1,3 mnt" from milliseconds; NO_VALUE when there is nothing to show. */
export function formatMinutes(ms: number | null, lang: Lang = 'id', digits = 1): string {
  if (ms === null) return NO_VALUE;
  return `${formatNumber(ms / 60_000, lang, digits)} ${lang === 'id' ? 'mnt' : 'min'}`;
}

/** "62,5%" from a share 0..1 (no space before %, as Indonesian writes it); NO_VALUE when there is no base. */
export function formatPercent(share: number | null, lang: Lang = 'id', digits = 1): string {
  return share === null ? NO_VALUE : `${formatNumber(share * 100, lang, digits)}%`;
}

function formatOfficeDay(day: string, lang: Lang, withYear: boolean): string {
  const format = dateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
  // The day as written (no time zone shift); some locales put a dot after the short month.
  return format.format(Date.parse(`${day}T00:00:00Z`)).replace('.', '');
}

/** "1 Des" from an office day "2026-12-01". */
export function formatShortDay(day: string, lang: Lang = 'id'): string {
  return formatOfficeDay(day, lang, false);
}

/** "1 Des 2026" from an office day "2026-12-01". */
export function formatDay(day: string, lang: Lang = 'id'): string {
  return formatOfficeDay(day, lang, true);
}

/** "Kamis, 3 Desember 2026" from an office day "2026-12-03": date fields write their day out with it. */
export function formatLongDay(day: string, lang: Lang = 'id'): string {
  return dateTimeFormat(lang, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}

/** The twelve month names in the reader's language: "Januari" ... "Desember". */
export function monthNames(lang: Lang = 'id'): string[] {
  const format = dateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2026, i, 1)));
}

/** "November 2026" from a month "2026-11" (report periods, chart axes). */
export function formatMonth(month: string, lang: Lang = 'id'): string {
  const [year, number] = month.split('-').map(Number);
  return `${monthNames(lang)[(number ?? 1) - 1]} ${year}`;
}

/** "Agu 2026" from "2026-08", for narrow places such as chart axes (a 2-digit year reads as a day). */
export function formatShortMonth(month: string, lang: Lang = 'id'): string {
  const format = dateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.format(Date.parse(`${month}-01T00:00:00Z`)).replace('.', '');
}

/** "08.00" (id) / "08:00" (en) from a clock time "08:00" as stored in the office config. */
export function formatClock(time: string, lang: Lang = 'id'): string {
  return lang === 'id' ? time.replace(':', '.') : time;
}

/**
 * Typed dates and times. Date fields take "dd/mm/yyyy" whatever the browser's language (a native
 * date input follows the browser and shows "11/02/2026" for 2 November to an English-set
 * browser); these turn that text into an office day "2026-11-02" and back.
 */
export function dayInputText(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** "3/12/2026", "03-12-2026" or "03.12.2026" → "2026-12-03"; null when it is not a calendar day. */
export function parseDayInput(text: string): string | null {
  const match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const [, d, m, y] = match;
  const day = `${y}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  // The hub's own rule for a day on the wire: 31/02 and year 0012 are refused here already.
  return isCalendarDay(day) ? day : null;
}

/** "8.00", "08.00", "08:00" or "0800" → "08:00" (24-hour); null when it is not a time of day. */
export function parseClockInput(text: string): string | null {
  const match = /^\s*(\d{1,2})(?:\s*[.:]\s*|(?=\d{2}\s*$))(\d{2})\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
