import { appendFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PIN_PATTERN } from '@pst/shared/rules';
import { z } from 'zod';
import { applyAutoStart, autoStartId } from './autostart';
import { type AppKind, SHELL_CHANNELS, type ShellApi, type ShellErrorCode, type ShellResult } from './bridge';
import { startCounterFeatures } from './counter-shell';
import { type BonjourLike, discoverHubs } from './discovery';
import type { BrowserWindowLike, ElectronDeps, IpcMainInvokeEventLike } from './electron-like';
import { createExitGuard } from './exit-guard';
import { appUrl, parseHubAddress } from './hub-address';
import { probeHub } from './hub-health';
import { type KioskPrintingOptions, startKioskPrinting } from './kiosk-printer';
import { hashPin } from './pin';
import { type Clock, createCrashPolicy, systemClock } from './recovery';
import { openSettings, type SettingsStore } from './settings';
import { type PinnedFetch, VERIFY, verifyHubCertificate } from './tls-pin';
import { guardWebContents, isTrustedUrl } from './trusted-url';
import { chooseDisplay, visibleBounds, windowOptions } from './window-options';

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

export type ShellMode = 'setup' | 'waiting' | 'app';

export interface ShellHandle {
  readonly window: BrowserWindowLike;
  readonly settings: SettingsStore;
  mode(): ShellMode;
}

const addressSchema = z.string().max(2048);
const saveOptionsSchema = z
  .strictObject({ exitPin: z.string().regex(PIN_PATTERN).optional(), autoStart: z.boolean().optional() })
  .optional();
const pinSchema = z.string().max(64);

function fail(code: ShellErrorCode, message: string): ShellResult<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Everything an app's Electron main process does, for any of the three apps. The app's
 * `electron/main.ts` is one call to this with the real `electron` module.
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
  const retryMs = options.retryMs ?? 5000;
  const hangGraceMs = options.hangGraceMs ?? 15_000;
  const reloadDelayMs = options.reloadDelayMs ?? 1000;
  const doFetch = options.fetch ?? fetch;
  const hubTimeoutMs = options.hubTimeoutMs ?? 4000;
  const env = options.env ?? process.env;

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

  const preload = join(options.distDir, BUNDLE_FILES.preload);
  const setupPage = join(options.distDir, BUNDLE_FILES.setupPage);
  const setupPageUrl = pathToFileURL(setupPage).href;
  const hubUrl = () => settings.get().hubUrl;
  const hubPin = () => ({
    hubUrl: settings.get().hubUrl,
    fingerprint: settings.get().hubFingerprint ?? null,
  });
  const probe = (url: string, fingerprint: string | null) =>
    probeHub(url, { fetch: doFetch, timeoutMs: hubTimeoutMs, fingerprint, fetchPinned: options.fetchPinned });
  /** The fingerprint to trust for `url`: the one given with it, else the one pinned for that same hub. */
  const pinFor = (url: string, given: string | null) =>
    given ?? (url === settings.get().hubUrl ? (settings.get().hubFingerprint ?? null) : null);
  /** Set when the hub's certificate was refused; the set-up page shows it. */
  let certificateProblem: { code: 'CERT_MISMATCH' | 'CERT_UNPINNED'; message: string } | null = null;

  let window: BrowserWindowLike | null = null;
  let mode: ShellMode = 'setup';
  let pendingToken: string | null = null;
  let retryTimer: unknown = null;
  const exitGuard = createExitGuard({
    now: clock.now,
    failures: {
      load: () => settings.get().exitPinFailures,
      save: (exitPinFailures) => settings.update({ exitPinFailures }),
    },
  });
  /** The staff PIN behind the kiosk's hidden gesture (leave, or open the set-up): null when it is right. */
  const staffPinRefusal = async (
    event: IpcMainInvokeEventLike,
    pin: unknown,
    what: string,
  ): Promise<ShellResult<never> | null> => {
    if (senderOf(event) === 'other') return fail('NOT_ALLOWED', 'not allowed');
    const input = pinSchema.safeParse(pin);
    if (!input.success) return fail('INVALID_INPUT', 'invalid PIN');
    const check = await exitGuard.check(input.data, settings.get().exitPinHash);
    if (check === 'no-pin') return fail('NO_EXIT_PIN', 'no exit PIN is set');
    if (check === 'locked')
      return fail('LOCKED', `too many wrong PINs; try again in ${Math.ceil(exitGuard.waitMs() / 1000)} s`);
    if (check === 'wrong-pin') {
      log(`${what} refused: wrong PIN`);
      return fail('WRONG_PIN', 'wrong PIN');
    }
    return null;
  };
  const crashPolicy = createCrashPolicy({ now: clock.now });

  const applyLoginItem = () => {
    // In development this would register the bare Electron binary as a login item.
    if (!app.isPackaged) return;
    try {
      const file = applyAutoStart({
        enabled: settings.get().autoStart,
        platform: options.platform ?? process.platform,
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

  const showSetup = (next: 'setup' | 'waiting') => {
    mode = next;
    window?.loadFile(setupPage, { query: { mode: next } }).catch(() => {});
  };

  const showApp = async () => {
    const hub = hubUrl();
    if (!window || !hub) return;
    mode = 'app';
    try {
      await window.loadURL(appUrl(hub, kind, pendingToken));
      // The renderer has stored the pairing token; it must not be replayed later.
      pendingToken = null;
    } catch {
      // A failed load is handled once, in the did-fail-load listener.
    }
  };

  // The hub may boot after the kiosk (the morning power-on). Rather than a browser error page, show
  // a local "waiting" page and load the app once /healthz answers.
  const waitForHub = () => {
    showSetup('waiting');
    clock.clearTimeout(retryTimer);
    const attempt = async () => {
      const hub = hubUrl();
      if (mode !== 'waiting' || !hub) return;
      const health = await probe(hub, hubPin().fingerprint);
      if (mode !== 'waiting') return;
      if (health.ok) void showApp();
      else if (health.error.code === 'CERT_MISMATCH' || health.error.code === 'CERT_UNPINNED') {
        // Another certificate than the pinned one: never load it; staff must re-pair on the set-up page.
        certificateProblem = { code: health.error.code, message: health.error.message };
        log(`hub certificate refused: ${health.error.message}`);
        showSetup('setup');
      } else retryTimer = clock.setTimeout(attempt, retryMs);
    };
    retryTimer = clock.setTimeout(attempt, retryMs);
  };

  const senderOf = (event: IpcMainInvokeEventLike): 'setup' | 'hub' | 'other' => {
    const url = event.senderFrame?.url ?? '';
    if (url.split(/[?#]/)[0] === setupPageUrl) return 'setup';
    if (isTrustedUrl(url, hubUrl())) return 'hub';
    return 'other';
  };

  const api: {
    [K in keyof ShellApi]: (event: IpcMainInvokeEventLike, ...args: unknown[]) => ReturnType<ShellApi[K]>;
  } = {
    async getSettings(event) {
      if (senderOf(event) === 'other') throw new Error('not allowed');
      const current = settings.get();
      return {
        kind,
        hubUrl: current.hubUrl,
        autoStart: current.autoStart,
        hasExitPin: current.exitPinHash !== undefined,
        mode,
        problem: settings.problem,
        hubFingerprint: current.hubFingerprint ?? null,
        certificateProblem,
      };
    },
    async testHub(event, address) {
      if (senderOf(event) !== 'setup') return fail('NOT_ALLOWED', 'only the set-up page may test a hub');
      const input = addressSchema.safeParse(address);
      const parsed = input.success ? parseHubAddress(input.data) : null;
      if (!parsed) return fail('INVALID_ADDRESS', 'not a hub address');
      return probe(parsed.hubUrl, pinFor(parsed.hubUrl, parsed.fingerprint));
    },
    async saveHubUrl(event, address, saveOptions) {
      if (senderOf(event) !== 'setup' || mode !== 'setup') {
        return fail('NOT_ALLOWED', 'the hub address is changed on the set-up page only');
      }
      const input = addressSchema.safeParse(address);
      const extra = saveOptionsSchema.safeParse(saveOptions);
      if (!input.success || !extra.success) return fail('INVALID_INPUT', 'invalid address or options');
      const parsed = parseHubAddress(input.data);
      if (!parsed) return fail('INVALID_ADDRESS', 'not a hub address');
      const fingerprint = pinFor(parsed.hubUrl, parsed.fingerprint);
      if (parsed.hubUrl.startsWith('https:')) {
        if (!fingerprint)
          return fail('CERT_UNPINNED', 'an https hub needs its certificate fingerprint (#fp=)');
        // A hub that is down may be saved (it is waited for); one showing another certificate may not.
        const health = await probe(parsed.hubUrl, fingerprint);
        if (!health.ok && health.error.code === 'CERT_MISMATCH') return health;
      }
      const before = settings.get().autoStart;
      certificateProblem = null;
      settings.update({
        hubUrl: parsed.hubUrl,
        hubFingerprint: fingerprint ?? undefined,
        ...(extra.data?.exitPin ? { exitPinHash: await hashPin(extra.data.exitPin) } : {}),
        ...(extra.data?.autoStart !== undefined ? { autoStart: extra.data.autoStart } : {}),
      });
      if (settings.get().autoStart !== before) applyLoginItem();
      log(`hub address saved: ${parsed.hubUrl}${fingerprint ? ` (certificate ${fingerprint})` : ''}`);
      pendingToken = parsed.token;
      void showApp();
      return { ok: true, data: { hubUrl: parsed.hubUrl } };
    },
    async discoverHubs(event) {
      if (senderOf(event) !== 'setup') return fail('NOT_ALLOWED', 'only the set-up page may search for hubs');
      try {
        const found = await discoverHubs({
          timeoutMs: options.discoveryMs ?? 3000,
          ...(options.bonjour ? { bonjour: options.bonjour() } : {}),
        });
        log(`hubs found on the LAN: ${found.map((hub) => hub.hubUrl).join(', ') || 'none'}`);
        return { ok: true, data: found };
      } catch (error) {
        log(`hub search failed: ${(error as Error).message}`);
        return { ok: true, data: [] };
      }
    },
    async exit(event, pin) {
      const refused = await staffPinRefusal(event, pin, 'exit');
      if (refused) return refused;
      log('exit by staff PIN');
      app.quit();
      return { ok: true, data: null };
    },
    async openSetup(event, pin) {
      const refused = await staffPinRefusal(event, pin, 'set-up');
      if (refused) return refused;
      log('set-up opened by staff PIN');
      showSetup('setup');
      return { ok: true, data: null };
    },
  };

  for (const name of Object.keys(SHELL_CHANNELS) as (keyof ShellApi)[]) {
    ipcMain.removeHandler(SHELL_CHANNELS[name]);
    ipcMain.handle(SHELL_CHANNELS[name], api[name]);
  }

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // What the verify proc refused reaches here too: never trusted, and the set-up page says why.
  app.on('certificate-error', (event, _contents, url, error, certificate, callback) => {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // not a URL: refused below
    }
    if (verifyHubCertificate({ hostname: host, certificate }, hubPin()) === VERIFY.accept) {
      event.preventDefault();
      callback(true);
      return;
    }
    callback(false);
    if (!isTrustedUrl(url, hubUrl())) return;
    const pinned = hubPin().fingerprint;
    certificateProblem = pinned
      ? { code: 'CERT_MISMATCH', message: `${url}: ${error}; not the pinned certificate ${pinned}` }
      : { code: 'CERT_UNPINNED', message: `${url}: ${error}; no certificate fingerprint is pinned` };
    log(`hub certificate refused: ${certificateProblem.message}`);
    showSetup('setup');
  });
  app.on('web-contents-created', (_event, contents) => {
    // An https hub's self-signed certificate: exactly the pinned one is accepted for its host.
    contents.session.setCertificateVerifyProc((request, callback) => {
      const result = verifyHubCertificate(request, hubPin());
      if (result === VERIFY.refuse) log(`refused the certificate of ${request.hostname}: not the pinned one`);
      callback(result);
    });
    guardWebContents(contents, {
      hubUrl,
      allowNewWindows: kind === 'counter',
      onDenied: (what, detail) => log(`denied ${what}: ${detail}`),
    });
  });

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
      preload,
      isPackaged: app.isPackaged,
      display,
      bounds: kind === 'counter' ? visibleBounds(settings.get().windowBounds, displays) : undefined,
    }),
  );
  window = current;

  let hangTimer: unknown = null;
  current.on('unresponsive', () => {
    log('page unresponsive');
    clock.clearTimeout(hangTimer);
    // Killing the renderer emits render-process-gone, which reloads it.
    hangTimer = clock.setTimeout(() => {
      if (!current.isDestroyed()) current.webContents.forcefullyCrashRenderer();
    }, hangGraceMs);
  });
  current.on('responsive', () => clock.clearTimeout(hangTimer));

  current.webContents.on('render-process-gone', (_event, details) => {
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
      if (!current.isDestroyed()) current.webContents.reload();
    }, reloadDelayMs);
  });

  current.webContents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a newer navigation replaced this one, nothing failed.
    if (!isMainFrame || errorCode === -3) return;
    log(`load failed (${errorCode} ${description}): ${url}`);
    if (isTrustedUrl(url, hubUrl())) waitForHub();
  });

  if (kind === 'counter') {
    // Window place, remembered desk, global "call next" key, desktop notifications.
    startCounterFeatures({
      electron,
      window: current,
      settings,
      clock,
      log,
      platform: options.platform ?? process.platform,
      fromHub: (event) => senderOf(event) === 'hub',
    });
  }

  if (kind === 'kiosk') {
    // The kiosk's own printer: jobs from the hub's kiosk page, and the set-up page's printer section.
    startKioskPrinting({
      ...options.kioskPrinting,
      electron,
      window: current,
      settings,
      log,
      fromSetup: (event) => senderOf(event) === 'setup',
      fromHub: (event) => senderOf(event) === 'hub',
    });
  }

  if (hubUrl() === null || app.commandLine.hasSwitch('setup')) showSetup('setup');
  else await showApp();

  return { window: current, settings, mode: () => mode };
}

/** A log next to the settings: an unattended kiosk has no console to read. Kept under 1 MB. */
export function createFileLog(file: string, maxBytes = 1_000_000): (message: string) => void {
  return (message) => {
    const line = `${new Date().toISOString()} ${message}\n`;
    process.stderr.write(line);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.old`);
      appendFileSync(file, line, 'utf8');
    } catch {
      // Logging must never take the shell down.
    }
  };
}
