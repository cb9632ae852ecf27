import type { AppLike, BrowserWindowLike } from './electron-like';
import { type Clock, createCrashPolicy } from './recovery';

export interface WatchdogOptions {
  app: AppLike;
  clock: Clock;
  /** How long a page may hang before its renderer is killed and reloaded. */
  hangGraceMs: number;
  /** Pause before reloading a crashed page, so a crash loop cannot spin the CPU. */
  reloadDelayMs: number;
  log: (message: string) => void;
  /** A main-frame load failed (not one a newer navigation replaced). */
  onLoadFailed(url: string): void;
}

/**
 * Keeps an unattended screen alive: a hung page's renderer is killed, a crashed one reloaded (the
 * whole app relaunched when crashes repeat), and a failed load is reported.
 */
export function watchWindow(window: BrowserWindowLike, options: WatchdogOptions): void {
  const { app, clock, log } = options;
  const crashPolicy = createCrashPolicy({ now: clock.now });
  let hangTimer: unknown = null;
  window.on('unresponsive', () => {
    log('page unresponsive');
    clock.clearTimeout(hangTimer);
    // Killing the renderer emits render-process-gone, which reloads it.
    hangTimer = clock.setTimeout(() => {
      if (!window.isDestroyed()) window.webContents.forcefullyCrashRenderer();
    }, options.hangGraceMs);
  });
  window.on('responsive', () => clock.clearTimeout(hangTimer));

  window.webContents.on('render-process-gone', (_event, details) => {
    clock.clearTimeout(hangTimer);
    if (details.reason === 'clean-exit') return;
    const action = crashPolicy.onCrash();
    log(`renderer gone (${details.reason}, exit code ${details.exitCode}): ${action}`);
    if (action === 'relaunch') {
      app.relaunch();
      app.exit(0);
      return;
    }
    clock.setTimeout(() => {
      if (!window.isDestroyed()) window.webContents.reload();
    }, options.reloadDelayMs);
  });

  window.webContents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a newer navigation replaced this one, nothing failed.
    if (!isMainFrame || errorCode === -3) return;
    log(`load failed (${errorCode} ${description}): ${url}`);
    options.onLoadFailed(url);
  });
}
