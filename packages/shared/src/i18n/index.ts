import type { Lang } from '../time';
import { en } from './en';
import { id } from './id';

export type StringKey = keyof typeof id;
export const STRINGS: Record<Lang, Record<StringKey, string>> = { id, en };

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
