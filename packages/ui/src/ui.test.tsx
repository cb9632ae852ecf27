import type { Lang } from '@pst/shared';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { OfflineNotice } from './OfflineNotice';
import { PairingScreen } from './PairingScreen';
import { UiProvider, type UiState, type UiStore } from './provider';
import { useHubNow } from './use-hub-now';

/** A store as an app's zustand hook is: called with a selector. */
const storeOf =
  (state: UiState): UiStore =>
  (selector) =>
    selector(state);
const render = (node: ReactNode, lang: Lang = 'id', hubOffset = 0) =>
  renderToStaticMarkup(<UiProvider store={storeOf({ lang, hubOffset })}>{node}</UiProvider>);

function Clock() {
  return <>{useHubNow()}</>;
}

describe('@pst/ui', () => {
  it("the pairing screen shows each app's title and hint, in the app's language", () => {
    const kiosk = render(<PairingScreen title="kiosk.pairTitle" hint="kiosk.pairHint" onPair={() => {}} />);
    expect(kiosk).toContain('<h1>Perangkat belum dipasangkan</h1>');
    expect(kiosk).toContain('Token perangkat');
    const tablet = render(
      <PairingScreen title="rating.pairTitle" hint="rating.pairHint" onPair={() => {}} />,
      'en',
    );
    expect(tablet).toContain('<h1>This tablet is not paired</h1>');
    expect(tablet).toContain('Device token');
  });

  it('says nothing while online; offline, a banner alerts and a mark is a quiet status', () => {
    expect(render(<OfflineNotice connection="online" />)).toBe('');
    expect(render(<OfflineNotice connection="offline" />)).toBe(
      '<div class="offline-banner" role="alert">Koneksi terputus, menyambung kembali…</div>',
    );
    expect(render(<OfflineNotice connection="connecting" look="mark" className="x" />)).toBe(
      '<div class="offline-mark x" role="status">Koneksi terputus, menyambung kembali…</div>',
    );
  });

  it("reads the hub's time: this PC's time plus the hub's offset", () => {
    // This PC's clock, held where the test puts it.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 10, 25, 2, 0) });
    try {
      expect(Number(render(<Clock />, 'id', 90_000))).toBe(Date.UTC(2026, 10, 25, 2, 1, 30));
    } finally {
      vi.useRealTimers();
    }
  });
});
