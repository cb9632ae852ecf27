import type { BrowserWindowLike } from './electron-like';
import type { Clock } from './recovery';
import type { SettingsStore } from './settings';

export interface WindowStateOptions {
  settings: SettingsStore;
  clock: Clock;
  log: (message: string) => void;
  /** Moving or resizing fires many events; the state is written once they stop for this long. */
  delayMs?: number;
}

/**
 * Keeps the counter window's place in the settings: its normal (not maximized) bounds and whether
 * it is maximized, written a moment after it is moved, resized, maximized or restored, and at once
 * when it closes. Start-up reads them back (`visibleBounds` clamps them to a connected screen).
 * Returns a function that writes any pending change now.
 */
export function trackWindowState(window: BrowserWindowLike, options: WindowStateOptions): () => void {
  const { settings, clock, log } = options;
  const delayMs = options.delayMs ?? 500;
  let timer: unknown = null;

  const save = () => {
    clock.clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    // A minimized window keeps its normal bounds and maximized state; its position off-screen
    // (Windows parks it at -32000) is not worth remembering.
    if (window.isMinimized()) return;
    const bounds = roundBounds(window.getNormalBounds());
    const maximized = window.isMaximized();
    const before = settings.get();
    if (sameBounds(before.windowBounds, bounds) && (before.windowMaximized ?? false) === maximized) return;
    try {
      settings.update({ windowBounds: bounds, windowMaximized: maximized });
    } catch (error) {
      log(`window bounds not saved: ${(error as Error).message}`);
    }
  };
  const later = () => {
    clock.clearTimeout(timer);
    timer = clock.setTimeout(save, delayMs);
  };

  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', save);
  return save;
}

/** Puts the window back as it was left: maximized when it was (its normal bounds are already set). */
export function restoreWindowState(window: BrowserWindowLike, settings: SettingsStore): void {
  if (settings.get().windowMaximized) window.maximize();
}

/** Brings the window to the front, from the taskbar or from behind other programs. */
export function focusWindow(window: BrowserWindowLike): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function roundBounds(bounds: { x: number; y: number; width: number; height: number }) {
  // Scaled displays can report fractions; the settings hold whole pixels.
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
  };
}

function sameBounds(
  a: { x: number; y: number; width: number; height: number } | undefined,
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
