import { type StringKey, t } from '@pst/shared';
import { useCounter } from './store';

export function useT() {
  const lang = useCounter((s) => s.lang);
  return (key: StringKey, params?: Record<string, string | number>) => t(lang, key, params);
}
