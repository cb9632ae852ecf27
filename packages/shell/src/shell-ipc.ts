import { hashPin } from '@pst/shared/pin-hash';
import { PIN_PATTERN } from '@pst/shared/rules';
import { z } from 'zod';
import { type AppKind, SHELL_CHANNELS, type ShellApi, type ShellErrorCode, type ShellResult } from './bridge';
import { type BonjourLike, discoverHubs } from './discovery';
import type { AppLike, IpcMainInvokeEventLike, IpcMainLike } from './electron-like';
import { createExitGuard } from './exit-guard';
import { parseHubAddress } from './hub-address';
import { handleIpc, type IpcHandlers } from './ipc-handlers';
import type { Clock } from './recovery';
import type { SettingsStore } from './settings';
import type { ShellPages } from './shell-pages';

const addressSchema = z.string().max(2048);
const saveOptionsSchema = z
  .strictObject({ exitPin: z.string().regex(PIN_PATTERN).optional(), autoStart: z.boolean().optional() })
  .optional();
const pinSchema = z.string().max(64);

function fail(code: ShellErrorCode, message: string): ShellResult<never> {
  return { ok: false, error: { code, message } };
}

export interface ShellIpcOptions {
  kind: AppKind;
  app: AppLike;
  ipcMain: IpcMainLike;
  settings: SettingsStore;
  pages: ShellPages;
  clock: Clock;
  log: (message: string) => void;
  /** Auto-start was turned on or off: the login item follows. */
  applyLoginItem(): void;
  /** The mDNS browser for "find hubs" (default: bonjour-service, made per search), and how long it listens. */
  discovery: { bonjour?: () => BonjourLike; timeoutMs: number };
}

/**
 * The shell's IPC (`ShellApi`): settings and hub address for the set-up page, the staff PIN behind
 * the kiosk's hidden gesture. Each call checks which page sent it; every argument passes a schema.
 */
export function serveShellApi(options: ShellIpcOptions): void {
  const { kind, app, ipcMain, settings, pages, clock, log } = options;
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
    if (pages.senderOf(event) === 'other') return fail('NOT_ALLOWED', 'not allowed');
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

  const api: IpcHandlers<ShellApi> = {
    async getSettings(event) {
      if (pages.senderOf(event) === 'other') throw new Error('not allowed');
      const current = settings.get();
      return {
        kind,
        hubUrl: current.hubUrl,
        autoStart: current.autoStart,
        hasExitPin: current.exitPinHash !== undefined,
        mode: pages.mode(),
        problem: settings.problem,
        hubFingerprint: current.hubFingerprint ?? null,
        certificateProblem: pages.certificateProblem,
      };
    },
    async testHub(event, address) {
      if (pages.senderOf(event) !== 'setup')
        return fail('NOT_ALLOWED', 'only the set-up page may test a hub');
      const input = addressSchema.safeParse(address);
      const parsed = input.success ? parseHubAddress(input.data) : null;
      if (!parsed) return fail('INVALID_ADDRESS', 'not a hub address');
      return pages.probe(parsed.hubUrl, pages.pinFor(parsed.hubUrl, parsed.fingerprint));
    },
    async saveHubUrl(event, address, saveOptions) {
      if (pages.senderOf(event) !== 'setup' || pages.mode() !== 'setup') {
        return fail('NOT_ALLOWED', 'the hub address is changed on the set-up page only');
      }
      const input = addressSchema.safeParse(address);
      const extra = saveOptionsSchema.safeParse(saveOptions);
      if (!input.success || !extra.success) return fail('INVALID_INPUT', 'invalid address or options');
      const parsed = parseHubAddress(input.data);
      if (!parsed) return fail('INVALID_ADDRESS', 'not a hub address');
      const fingerprint = pages.pinFor(parsed.hubUrl, parsed.fingerprint);
      if (parsed.hubUrl.startsWith('https:')) {
        if (!fingerprint)
          return fail('CERT_UNPINNED', 'an https hub needs its certificate fingerprint (#fp=)');
        // A hub that is down may be saved (it is waited for); one showing another certificate may not.
        const health = await pages.probe(parsed.hubUrl, fingerprint);
        if (!health.ok && health.error.code === 'CERT_MISMATCH') return health;
      }
      const before = settings.get().autoStart;
      pages.certificateProblem = null;
      settings.update({
        hubUrl: parsed.hubUrl,
        hubFingerprint: fingerprint ?? undefined,
        ...(extra.data?.exitPin ? { exitPinHash: await hashPin(extra.data.exitPin) } : {}),
        ...(extra.data?.autoStart !== undefined ? { autoStart: extra.data.autoStart } : {}),
      });
      if (settings.get().autoStart !== before) options.applyLoginItem();
      log(`hub address saved: ${parsed.hubUrl}${fingerprint ? ` (certificate ${fingerprint})` : ''}`);
      void pages.showApp(parsed.token);
      return { ok: true, data: { hubUrl: parsed.hubUrl } };
    },
    async discoverHubs(event) {
      if (pages.senderOf(event) !== 'setup')
        return fail('NOT_ALLOWED', 'only the set-up page may search for hubs');
      try {
        const { bonjour, timeoutMs } = options.discovery;
        const found = await discoverHubs({ timeoutMs, ...(bonjour ? { bonjour: bonjour() } : {}) });
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
      pages.showSetup('setup');
      return { ok: true, data: null };
    },
  };

  handleIpc(ipcMain, SHELL_CHANNELS, api);
}
