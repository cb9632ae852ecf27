import type { Lang } from '@pst/shared';
import { createContext, type ReactNode } from 'react';

export const LangContext = createContext<Lang>('id');
/** Hub time minus this PC's time: screens show and colour by the hub's clock, the only clock. */
export const HubOffsetContext = createContext(0);

/** What UiProvider reads from an app's store (the rating tablet shows no clock: no hubOffset). */
export interface UiState {
  lang: Lang;
  hubOffset?: number;
}
/** An app's store hook (zustand's `useKiosk`, `useCounter`...): called with a selector. */
export type UiStore = <U>(selector: (state: UiState) => U) => U;

/**
 * What every screen of an app reads besides its own store: the language on screen and the hub's
 * clock, both from the app's store. mountApp renders it once, at the root.
 */
export function UiProvider({ store, children }: { store: UiStore; children: ReactNode }) {
  const lang = store((s) => s.lang);
  const hubOffset = store((s) => s.hubOffset ?? 0);
  return (
    <LangContext value={lang}>
      <HubOffsetContext value={hubOffset}>{children}</HubOffsetContext>
    </LangContext>
  );
}
