import { join } from 'node:path';
import { applyAutoStart, autoStartId } from './autostart';
import type { AppKind } from './bridge';
import { startCounterFeatures } from './counter-shell';
import type { BonjourLike } from './discovery';
import type { BrowserWindowLike, ElectronDeps } from './electron-like';
import { createFileLog } from './file-log';
import { guardHubCertificates } from './hub-certificates';
import { type KioskPrintingOptions, startKioskPrinting } from './kiosk-printer';
import { openPrintJournal } from './print-journal';
import { type Clock, systemClock } from './recovery';
import { openSettings, type SettingsStore } from './settings';
import { serveShellApi } from './shell-ipc';
import { type ShellMode, ShellPages } from './shell-pages';
import type { PinnedFetch } from './tls-pin';
import { isTrustedUrl } from './trusted-url';
import { watchWindow } from './watchdog';
import { chooseDisplay, visibleBounds, windowOptions } from './window-options';

export type { ShellMode } from './shell-pages';

export const PRODUCT_NAMES: Record<AppKind, string> = {
  kiosk: 'Kiosk Antrian PST',
  counter: 'Meja Layanan PST',
  display: 'Layar Antrian PST',
};

/** File names inside the bundle folder (see scripts/bundle.mjs). */
export const BUNDLE_FILES = { preload: 'preload.cjs', setupPage: 'setup.html' } as const;

export interface ShellOptions {
  /** The folder of the bundled main script (`__dirname`), holding preload.cjs and setup.html. */
  distDir: string;
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  execPath?: string;
  fetch?: typeof fetch;
  clock?: Clock;
  /** Defaults to stderr plus `pst-shell.log` in the userData folder. */
  log?: (message: string) => void;
  /** How long `/healthz` may take before the hub counts as unreachable. */
  hubTimeoutMs?: number;
  /** Pause between hub checks while waiting for it to come up. */
  retryMs?: number;
  /** How long a page may hang before its renderer is killed and reloaded. */
  hangGraceMs?: number;
  /** Pause before reloading a crashed page, so a crash loop cannot spin the CPU. */
  reloadDelayMs?: number;
  /** How an https hub's `/healthz` is asked, trusting only the pinned certificate (tests fake it). */
  fetchPinned?: PinnedFetch;
  /** The mDNS browser for "find hubs" (default: bonjour-service on every interface, made per search). */
  bonjour?: () => BonjourLike;
  /** How long "find hubs" listens. */
  discoveryMs?: number;
  /** For tests: the kiosk printer's USB list and transports. */
  kioskPrinting?: KioskPrintingOptions;
}

export interface ShellHandle {
  readonly window: BrowserWindowLike;
  readonly settings: SettingsStore;
  mode(): ShellMode;
}

/**
 * Everything an app's Electron main process does, for any of the three apps. The app's
 * `electron/main.ts` is one call to this with the real `electron` module; this wires the shell's
 * parts: pages (shell-pages.ts), IPC (shell-ipc.ts), certificates (hub-certificates.ts), the
 * renderer watchdog (watchdog.ts), and the counter's and kiosk's own features.
 *
 * Resolves to null when another copy of the app already runs (that copy is focused instead).
 */
export async function startShell(
  kind: AppKind,
  electron: ElectronDeps,
  options: ShellOptions,
): Promise<ShellHandle | null> {
  const { app, ipcMain } = electron;
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;

  // Switches must be set before the app is ready.
  if (kind === 'display') app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const userData = app.getPath('userData');
  const log = options.log ?? createFileLog(join(userData, 'pst-shell.log'));
  const settings = openSettings(userData, kind);
  if (settings.problem) log(`settings: ${settings.problem}; using defaults`);

  const pages = new ShellPages({
    kind,
    settings,
    setupPage: join(options.distDir, BUNDLE_FILES.setupPage),
    clock,
    retryMs: options.retryMs ?? 5000,
    probe: {
      fetch: options.fetch ?? fetch,
      timeoutMs: options.hubTimeoutMs ?? 4000,
      fetchPinned: options.fetchPinned,
    },
    log,
  });

  const applyLoginItem = () => {
    // In development this would register the bare Electron binary as a login item.
    if (!app.isPackaged) return;
    try {
      const file = applyAutoStart({
        enabled: settings.get().autoStart,
        platform,
        app,
        id: autoStartId(kind),
        name: PRODUCT_NAMES[kind],
        exec: env.APPIMAGE || (options.execPath ?? process.execPath),
        xdgConfigHome: env.XDG_CONFIG_HOME,
      });
      if (file) log(`auto-start ${settings.get().autoStart ? 'on' : 'off'}: ${file}`);
    } catch (error) {
      log(`auto-start: ${(error as Error).message}`);
    }
  };

  serveShellApi({
    kind,
    app,
    ipcMain,
    settings,
    pages,
    clock,
    log,
    applyLoginItem,
    discovery: { bonjour: options.bonjour, timeoutMs: options.discoveryMs ?? 3000 },
  });

  let window: BrowserWindowLike | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  guardHubCertificates({ app, kind, pages, log });

  await app.whenReady();

  // No menu means no Ctrl+R, no Alt menu and no developer-tools shortcut on a public screen.
  if (kind !== 'counter') electron.Menu.setApplicationMenu(null);
  applyLoginItem();
  // The kiosk too: a dark touch screen in the lobby looks broken to a visitor.
  if (kind !== 'counter') electron.powerSaveBlocker.start('prevent-display-sleep');

  const { screen } = electron;
  const displays = screen.getAllDisplays();
  const display = chooseDisplay(displays, screen.getPrimaryDisplay(), settings.get().displayId);
  const current = new electron.BrowserWindow(
    windowOptions(kind, {
      preload: join(options.distDir, BUNDLE_FILES.preload),
      isPackaged: app.isPackaged,
      display,
      bounds: kind === 'counter' ? visibleBounds(settings.get().windowBounds, displays) : undefined,
    }),
  );
  window = current;
  pages.attach(current);
  watchWindow(current, {
    app,
    clock,
    hangGraceMs: options.hangGraceMs ?? 15_000,
    reloadDelayMs: options.reloadDelayMs ?? 1000,
    log,
    onLoadFailed: (url) => {
      if (isTrustedUrl(url, pages.hubUrl())) pages.waitForHub();
    },
  });

  if (kind === 'counter') {
    // Window place, remembered desk, global "call next" key, desktop notifications.
    startCounterFeatures({
      electron,
      window: current,
      settings,
      clock,
      log,
      platform,
      fromHub: (event) => pages.senderOf(event) === 'hub',
    });
  }

  if (kind === 'kiosk') {
    // The kiosk's own printer: jobs from the hub's kiosk page, and the set-up page's printer section.
    startKioskPrinting({
      ...options.kioskPrinting,
      electron,
      window: current,
      settings,
      journal: openPrintJournal(userData, log),
      log,
      fromSetup: (event) => pages.senderOf(event) === 'setup',
      fromHub: (event) => pages.senderOf(event) === 'hub',
    });
  }

  if (pages.hubUrl() === null || app.commandLine.hasSwitch('setup')) pages.showSetup('setup');
  else await pages.showApp();

  return { window: current, settings, mode: () => pages.mode() };
}
