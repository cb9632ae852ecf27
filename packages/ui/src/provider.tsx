import type { Lang } from '@pst/shared';
import { createContext, type ReactNode } from 'react';

export const LangContext = createContext<Lang>('id');
/** Hub time minus this PC's time: screens show and colour by the hub's clock, the only clock. */
export const HubOffsetContext = createContext(0);

/**
 * What every screen of an app reads besides its own store: the language on screen and the hub's
 * clock. Each app renders it once at its root, from its store.
 */
export function UiProvider({
  lang,
  hubOffset = 0,
  children,
}: {
  lang: Lang;
  /** Left out by a screen without a clock (the rating tablet). */
  hubOffset?: number;
  children: ReactNode;
}) {
  return (
    <LangContext value={lang}>
      <HubOffsetContext value={hubOffset}>{children}</HubOffsetContext>
    </LangContext>
  );
}
