import type { Lang } from '../time';
import { counterEn, counterId } from './counter';
import { deskParkEn, deskParkId } from './desk-park';
import { deskPickEn, deskPickId } from './desk-pick';
import { deskReportsEn, deskReportsId } from './desk-reports';
import { en } from './en';
import { formsEn, formsId } from './forms';
import { id } from './id';
import { onlineEn, onlineId } from './online';
import { screensEn, screensId } from './screens';
import { sentCallsEn, sentCallsId } from './sent-calls';

export type StringKey =
  | keyof typeof id
  | keyof typeof counterId
  | keyof typeof deskReportsId
  | keyof typeof onlineId
  | keyof typeof deskPickId
  | keyof typeof deskParkId
  | keyof typeof formsId
  | keyof typeof screensId
  | keyof typeof sentCallsId;
export const STRINGS: Record<Lang, Record<StringKey, string>> = {
  id: {
    ...id,
    ...counterId,
    ...deskReportsId,
    ...onlineId,
    ...deskPickId,
    ...deskParkId,
    ...formsId,
    ...screensId,
    ...sentCallsId,
  },
  en: {
    ...en,
    ...counterEn,
    ...deskReportsEn,
    ...onlineEn,
    ...deskPickEn,
    ...deskParkEn,
    ...formsEn,
    ...screensEn,
    ...sentCallsEn,
  },
};

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
