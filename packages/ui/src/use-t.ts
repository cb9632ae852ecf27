import { type Lang, type StringKey, t } from '@pst/shared';
import { useCallback, useContext } from 'react';
import { LangContext } from './provider';

export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

/** The language on screen (UiProvider's). */
export function useLang(): Lang {
  return useContext(LangContext);
}

/** The string table in the language on screen; the same function until the language changes. */
export function useT(): Translate {
  const lang = useLang();
  return useCallback((key, params) => t(lang, key, params), [lang]);
}
