import { ERRORS, type ErrorCode, errorText, type Lang, type StringKey, t } from '@pst/shared';

/**
 * Codes a visitor can meet at the kiosk whose table wording speaks to staff ("Terlalu banyak
 * permintaan", "server"): the kiosk says what the visitor can do instead. Every other code reads as
 * the error table has it (its kiosk codes, e.g. the appointment ones, are worded for visitors).
 */
const VISITOR_WORDS: Partial<Record<ErrorCode, StringKey>> = {
  RATE_LIMITED: 'kiosk.error.RATE_LIMITED',
  OFFLINE: 'kiosk.error.unreachable',
  TIMEOUT: 'kiosk.error.unreachable',
  INTERNAL: 'kiosk.error.unreachable',
};

/** The words the kiosk shows for an error code (a code it does not know reads as INTERNAL). */
export function visitorErrorText(code: string, lang: Lang): string {
  const key = VISITOR_WORDS[code in ERRORS ? (code as ErrorCode) : 'INTERNAL'];
  return key ? t(lang, key) : errorText(code, lang);
}
