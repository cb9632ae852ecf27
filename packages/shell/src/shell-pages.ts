import { pathToFileURL } from 'node:url';
import type { AppKind, HubHealth, SettingsView, ShellResult } from './bridge';
import type { BrowserWindowLike, IpcMainInvokeEventLike } from './electron-like';
import { appUrl } from './hub-address';
import { type ProbeOptions, probeHub } from './hub-health';
import type { Clock } from './recovery';
import type { SettingsStore } from './settings';
import type { HubPin } from './tls-pin';
import { isTrustedUrl } from './trusted-url';

export type ShellMode = SettingsView['mode'];
export type CertificateProblem = SettingsView['certificateProblem'];

export interface ShellPagesOptions {
  kind: AppKind;
  settings: SettingsStore;
  /** The local set-up page (file). */
  setupPage: string;
  clock: Clock;
  /** Pause between hub checks while waiting for it to come up. */
  retryMs: number;
  /** How `/healthz` is asked (the fingerprint is added per hub). */
  probe: Omit<ProbeOptions, 'fingerprint'>;
  log: (message: string) => void;
}

/**
 * What the shell's window shows, and the hub it shows: the set-up page, the "waiting for the hub"
 * page, or the hub's app, with the certificate pinned for that hub. One window per shell.
 */
export class ShellPages {
  /** Set when the hub's certificate was refused; the set-up page shows it. */
  certificateProblem: CertificateProblem = null;
  private window: BrowserWindowLike | null = null;
  private current: ShellMode = 'setup';
  /** The pairing token of an address just saved, given to the app's first load only. */
  private pendingToken: string | null = null;
  private retryTimer: unknown = null;
  private readonly setupPageUrl: string;

  constructor(private readonly options: ShellPagesOptions) {
    this.setupPageUrl = pathToFileURL(options.setupPage).href;
  }

  mode(): ShellMode {
    return this.current;
  }

  attach(window: BrowserWindowLike): void {
    this.window = window;
  }

  hubUrl(): string | null {
    return this.options.settings.get().hubUrl;
  }

  /** The saved hub and the certificate fingerprint pinned for it. */
  hubPin(): HubPin {
    const settings = this.options.settings.get();
    return { hubUrl: settings.hubUrl, fingerprint: settings.hubFingerprint ?? null };
  }

  /** The fingerprint to trust for `url`: the one given with it, else the one pinned for that same hub. */
  pinFor(url: string, given: string | null): string | null {
    const settings = this.options.settings.get();
    return given ?? (url === settings.hubUrl ? (settings.hubFingerprint ?? null) : null);
  }

  probe(url: string, fingerprint: string | null): Promise<ShellResult<HubHealth>> {
    return probeHub(url, { ...this.options.probe, fingerprint });
  }

  /** Which page sent an IPC call: the local set-up page, the hub's app, or anything else. */
  senderOf(event: IpcMainInvokeEventLike): 'setup' | 'hub' | 'other' {
    const url = event.senderFrame?.url ?? '';
    if (url.split(/[?#]/)[0] === this.setupPageUrl) return 'setup';
    if (isTrustedUrl(url, this.hubUrl())) return 'hub';
    return 'other';
  }

  showSetup(next: 'setup' | 'waiting'): void {
    this.current = next;
    this.window?.loadFile(this.options.setupPage, { query: { mode: next } }).catch(() => {});
  }

  /** The hub's app; `pairingToken` is handed to its first load (an address just saved with `#token=`). */
  async showApp(pairingToken?: string | null): Promise<void> {
    if (pairingToken !== undefined) this.pendingToken = pairingToken;
    const hub = this.hubUrl();
    if (!this.window || !hub) return;
    this.current = 'app';
    try {
      await this.window.loadURL(appUrl(hub, this.options.kind, this.pendingToken));
      // The renderer has stored the pairing token; it must not be replayed later.
      this.pendingToken = null;
    } catch {
      // A failed load is handled once, in the did-fail-load listener.
    }
  }

  /**
   * The hub may boot after the kiosk (the morning power-on). Rather than a browser error page, show
   * a local "waiting" page and load the app once /healthz answers.
   */
  waitForHub(): void {
    const { clock, retryMs, log } = this.options;
    this.showSetup('waiting');
    clock.clearTimeout(this.retryTimer);
    const attempt = async () => {
      const hub = this.hubUrl();
      if (this.current !== 'waiting' || !hub) return;
      const health = await this.probe(hub, this.hubPin().fingerprint);
      if (this.current !== 'waiting') return;
      if (health.ok) void this.showApp();
      else if (health.error.code === 'CERT_MISMATCH' || health.error.code === 'CERT_UNPINNED') {
        // Another certificate than the pinned one: never load it; staff must re-pair on the set-up page.
        this.certificateProblem = { code: health.error.code, message: health.error.message };
        log(`hub certificate refused: ${health.error.message}`);
        this.showSetup('setup');
      } else this.retryTimer = clock.setTimeout(attempt, retryMs);
    };
    this.retryTimer = clock.setTimeout(attempt, retryMs);
  }
}
