import type { Lang } from './time';

/** The locale each screen language formats with. */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One Intl.DateTimeFormat per language and options, made on first use and kept: making one costs far
 * more than formatting with it, and lists and charts format hundreds of dates a render. Every date
 * format in this package comes from here, and every number format (numberFormat).
 */
export function dateTimeFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** The number format of a language with `digits` decimals, always shown, kept as the date formats are. */
export function numberFormat(lang: Lang, digits: number, grouping: boolean): Intl.NumberFormat {
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
