import type { Lang } from './time';

/**
 * Numbers and short dates as people read them: Indonesian uses a decimal comma and a dot between
 * thousands ("1,3 mnt", "88,89", "12.345"), and "1 Des". Screens, printed reports and the CSV for
 * Indonesian Excel all write numbers through these.
 */
const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}:${digits}:${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: grouping,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** "88,89" (id) / "88.89" (en); `digits` decimals, always shown. */
export function formatNumber(value: number, lang: Lang = 'id', digits = 0): string {
  return numberFormat(lang, digits, true).format(value);
}

/**
 * A number for a CSV cell read by a spreadsheet: decimal comma for Indonesian settings, and no
 * thousands separator (Excel would read "1.234" as 1,234 with one setting and 1.234 with the other).
 */
export function formatCsvNumber(value: number, lang: Lang = 'id'): string {
  const digits = Number.isInteger(value) ? 0 : Math.min(3, String(value).split('.')[1]?.length ?? 0);
  return numberFormat(lang, digits, false).format(value);
}

/** "1,3 mnt" from milliseconds; "-" when there is nothing to show. */
export function formatMinutes(ms: number | null, lang: Lang = 'id', digits = 1): string {
  if (ms === null) return '-';
  return `${formatNumber(ms / 60_000, lang, digits)} ${lang === 'id' ? 'mnt' : 'min'}`;
}

/** "62,5%" from a share 0..1; "-" when there is no base. */
export function formatPercent(share: number | null, lang: Lang = 'id', digits = 1): string {
  return share === null ? '-' : `${formatNumber(share * 100, lang, digits)}%`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function formatOfficeDay(day: string, lang: Lang, withYear: boolean): string {
  const key = `${lang}:${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], {
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    });
    dayFormats.set(key, format);
  }
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
