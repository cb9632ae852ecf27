import type { Lang } from '../time';
import { counterEn, counterId } from './counter';
import { deskReportsEn, deskReportsId } from './desk-reports';
import { en } from './en';
import { id } from './id';

export type StringKey = keyof typeof id | keyof typeof counterId | keyof typeof deskReportsId;
export const STRINGS: Record<Lang, Record<StringKey, string>> = {
  id: { ...id, ...counterId, ...deskReportsId },
  en: { ...en, ...counterEn, ...deskReportsEn },
};

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
