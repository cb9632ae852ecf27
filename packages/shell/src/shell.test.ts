import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOGIN_THROTTLE } from '@pst/shared';
import { hashPin } from '@pst/shared/pin-hash';
import { describe, expect, it } from 'vitest';
import { type AppKind, KIOSK_PRINTER_CHANNELS, SHELL_CHANNELS } from './bridge';
import { SETTINGS_FILE } from './settings';
import { startShell } from './shell';
import {
  createFakeElectron,
  createManualClock,
  type FakeElectronOptions,
  navigationEvent,
  tempDir,
} from './test-fakes';

const HUB = 'http://192.168.1.10:3324';
const DIST = '/opt/pst/resources/app.asar/electron-dist';
const SETUP_URL = pathToFileURL(join(DIST, 'setup.html')).href;

interface Setup extends FakeElectronOptions {
  settings?: Record<string, unknown>;
  platform?: NodeJS.Platform;
  healthy?: () => boolean;
}

async function start(kind: AppKind, setup: Setup = {}) {
  const userData = setup.userData ?? tempDir();
  if (setup.settings) writeFileSync(join(userData, SETTINGS_FILE), JSON.stringify(setup.settings));
  const fake = createFakeElectron({ ...setup, userData });
  const clock = createManualClock();
  const log: string[] = [];
  const healthy = setup.healthy ?? (() => true);
  const fetched: string[] = [];
  const handle = await startShell(kind, fake.electron, {
    distDir: DIST,
    platform: setup.platform ?? 'win32',
    env: {},
    execPath: '/opt/pst/pst-app',
    clock,
    log: (line) => log.push(line),
    fetch: async (input) => {
      fetched.push(String(input));
      if (!healthy()) throw new TypeError('fetch failed');
      return Response.json({ status: 'ok', version: '0.1.0' });
    },
  });
  return { ...fake, handle, clock, log, userData, fetched };
}

function savedSettings(userData: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(userData, SETTINGS_FILE), 'utf8'));
}

describe('startShell: start-up', () => {
  it('quits at once when another copy of the app holds the single-instance lock', async () => {
    const shell = await start('kiosk', { hasLock: false });
    expect(shell.handle).toBeNull();
    expect(shell.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(shell.windows).toEqual([]);
    expect(shell.channels()).toEqual([]);
  });

  it('focuses the running window when a second copy is started', async () => {
    const shell = await start('counter', { settings: { hubUrl: HUB } });
    shell.window().minimized = true;
    shell.app.emit('second-instance');
    expect(shell.window().minimized).toBe(false);
    expect(shell.window().focused).toBe(1);
  });

  it('turns auto-start on for an installed kiosk and display, off for the counter', async () => {
    for (const [kind, expected] of [
      ['kiosk', true],
      ['display', true],
      ['counter', false],
    ] as const) {
      const shell = await start(kind, { isPackaged: true });
      expect(shell.loginItems).toEqual([{ openAtLogin: expected }]);
    }
  });

  it('follows the autoStart setting, and leaves login items alone in development', async () => {
    expect((await start('kiosk', { isPackaged: true, settings: { autoStart: false } })).loginItems).toEqual([
      { openAtLogin: false },
    ]);
    expect((await start('kiosk', { isPackaged: false })).loginItems).toEqual([]);
  });

  it('writes an XDG autostart entry on Linux instead', async () => {
    const home = tempDir();
    const shell = await start('kiosk', { isPackaged: true, platform: 'linux', home });
    expect(shell.loginItems).toEqual([]);
    expect(readFileSync(join(home, '.config/autostart/pst-kiosk.desktop'), 'utf8')).toContain(
      'Exec=/opt/pst/pst-app',
    );
  });

  it('display: autoplay switch before ready, no menu, display kept awake', async () => {
    const shell = await start('display', { settings: { hubUrl: HUB } });
    expect(
      shell.calls.indexOf('appendSwitch autoplay-policy=no-user-gesture-required'),
    ).toBeGreaterThanOrEqual(0);
    expect(shell.calls.indexOf('appendSwitch autoplay-policy=no-user-gesture-required')).toBeLessThan(
      shell.calls.indexOf('whenReady'),
    );
    expect(shell.calls).toContain('setApplicationMenu null');
    expect(shell.calls).toContain('powerSaveBlocker.start prevent-display-sleep');
    expect(shell.window().options).toMatchObject({ fullscreen: true, frame: false });
  });

  it('kiosk: no menu and kept awake, but no autoplay switch', async () => {
    const shell = await start('kiosk');
    expect(shell.calls).toContain('setApplicationMenu null');
    expect(shell.calls).toContain('powerSaveBlocker.start prevent-display-sleep');
    expect(shell.calls.some((call) => call.startsWith('appendSwitch'))).toBe(false);
    expect(shell.window().options).toMatchObject({ kiosk: true, webPreferences: { sandbox: true } });
  });

  it('counter: keeps its menu, lets the screen sleep', async () => {
    const shell = await start('counter');
    expect(shell.calls).not.toContain('setApplicationMenu null');
    expect(shell.calls.some((call) => call.startsWith('powerSaveBlocker'))).toBe(false);
  });

  it('registers one IPC handler per bridge channel (the kiosk adds its printer)', async () => {
    const shell = await start('kiosk');
    expect(shell.channels().sort()).toEqual(
      [...Object.values(SHELL_CHANNELS), ...Object.values(KIOSK_PRINTER_CHANNELS)].sort(),
    );
    const display = await start('display');
    expect(display.channels().sort()).toEqual(Object.values(SHELL_CHANNELS).sort());
  });

  it('reports a broken settings file and carries on with the set-up page', async () => {
    const userData = tempDir();
    writeFileSync(join(userData, SETTINGS_FILE), '{ broken');
    const shell = await start('kiosk', { userData });
    expect(shell.log.join('\n')).toMatch(/not valid JSON/);
    expect(shell.window().lastLoad()).toMatchObject({ type: 'file', query: { mode: 'setup' } });
    expect(await shell.invoke(SHELL_CHANNELS.getSettings, SETUP_URL)).toMatchObject({
      problem: expect.stringMatching(/not valid JSON/),
    });
  });
});

describe('startShell: what the window shows', () => {
  it('first run: the local set-up page', async () => {
    const shell = await start('kiosk');
    expect(shell.window().loads).toEqual([
      { type: 'file', path: join(DIST, 'setup.html'), query: { mode: 'setup' } },
    ]);
    expect(shell.handle?.mode()).toBe('setup');
    expect(await shell.invoke(SHELL_CHANNELS.getSettings, SETUP_URL)).toEqual({
      kind: 'kiosk',
      hubUrl: null,
      autoStart: true,
      hasExitPin: false,
      mode: 'setup',
      problem: null,
      hubFingerprint: null,
      certificateProblem: null,
    });
  });

  it('a saved hub address: the app on the hub', async () => {
    for (const kind of ['kiosk', 'counter', 'display'] as const) {
      const shell = await start(kind, { settings: { hubUrl: HUB } });
      expect(shell.window().loads).toEqual([{ type: 'url', url: `${HUB}/${kind}/` }]);
      expect(shell.handle?.mode()).toBe('app');
    }
  });

  it('--setup shows the set-up page even with a saved address', async () => {
    const shell = await start('display', { settings: { hubUrl: HUB }, switches: ['setup'] });
    expect(shell.window().lastLoad()).toMatchObject({ type: 'file', query: { mode: 'setup' } });
  });

  it('set-up: tests the hub, saves the address, PIN hash and auto-start, then opens the app', async () => {
    const shell = await start('kiosk', { isPackaged: true });
    expect(await shell.invoke(SHELL_CHANNELS.testHub, SETUP_URL, '192.168.1.10')).toEqual({
      ok: true,
      data: { hubUrl: HUB, status: 'ok', version: '0.1.0' },
    });
    expect(shell.fetched).toEqual([`${HUB}/healthz`]);
    const saved = await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, `${HUB}/kiosk/#token=abc123`, {
      exitPin: '2468',
      autoStart: false,
    });
    expect(saved).toEqual({ ok: true, data: { hubUrl: HUB } });
    // The pairing token goes to the renderer once, in the fragment it already understands.
    expect(shell.window().lastLoad()).toEqual({ type: 'url', url: `${HUB}/kiosk/#token=abc123` });
    const onDisk = savedSettings(shell.userData);
    expect(onDisk).toMatchObject({ hubUrl: HUB, autoStart: false });
    expect(onDisk.exitPinHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(onDisk)).not.toContain('2468');
    expect(shell.loginItems).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
    expect(shell.handle?.mode()).toBe('app');
  });

  it('set-up: refuses a bad address and a bad PIN without saving', async () => {
    const shell = await start('kiosk');
    expect(await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, 'file:///etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ADDRESS' },
    });
    expect(await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, HUB, { exitPin: '12' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await shell.invoke(SHELL_CHANNELS.saveHubUrl, SETUP_URL, 42)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(existsSync(join(shell.userData, SETTINGS_FILE))).toBe(false);
  });

  it('only the set-up page, in set-up mode, may change the hub address', async () => {
    const shell = await start('kiosk', { settings: { hubUrl: HUB } });
    for (const sender of [`${HUB}/kiosk/`, 'https://evil.example/', SETUP_URL]) {
      expect(await shell.invoke(SHELL_CHANNELS.saveHubUrl, sender, 'http://10.9.9.9:3324')).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED' },
      });
    }
    expect(await shell.invoke(SHELL_CHANNELS.testHub, `${HUB}/kiosk/`, '10.9.9.9')).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    await expect(shell.invoke(SHELL_CHANNELS.getSettings, 'https://evil.example/')).rejects.toThrow();
    expect(savedSettings(shell.userData)).toEqual({ hubUrl: HUB });
  });

  it('waits for a hub that is not up yet, then opens the app by itself', async () => {
    let up = false;
    const userData = tempDir();
    writeFileSync(join(userData, SETTINGS_FILE), JSON.stringify({ hubUrl: HUB }));
    const fake = createFakeElectron({ userData });
    fake.failing.count = 1;
    const clock = createManualClock();
    const handle = await startShell('display', fake.electron, {
      distDir: DIST,
      clock,
      log: () => {},
      retryMs: 5000,
      fetch: async () => {
        if (!up) throw new TypeError('fetch failed');
        return Response.json({ status: 'ok' });
      },
    });
    const window = fake.window();
    expect(window.lastLoad()).toMatchObject({ type: 'file', query: { mode: 'waiting' } });
    expect(handle?.mode()).toBe('waiting');
    expect(await fake.invoke(SHELL_CHANNELS.getSettings, `${SETUP_URL}?mode=waiting`)).toMatchObject({
      mode: 'waiting',
      hubUrl: HUB,
    });
    await clock.advance(5000);
    expect(window.loads).toHaveLength(2);
    up = true;
    await clock.advance(5000);
    expect(window.lastLoad()).toEqual({ type: 'url', url: `${HUB}/display/` });
    expect(handle?.mode()).toBe('app');
    expect(clock.pending()).toBe(0);
  });

  it('guards every web contents: no navigation away from the hub', async () => {
    const shell = await start('kiosk', { settings: { hubUrl: HUB } });
    const away = navigationEvent('https://www.bps.go.id/');
    shell.window().webContents.emit('will-navigate', away);
    expect(away.isPrevented).toBe(true);
    expect(shell.window().webContents.openHandler?.({ url: `${HUB}/kiosk/` })).toEqual({ action: 'deny' });
  });
});

describe('startShell: recovery', () => {
  it('reloads a crashed renderer after a short pause, ignores a clean exit', async () => {
    const shell = await start('kiosk', { settings: { hubUrl: HUB } });
    const { webContents } = shell.window();
    webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await shell.clock.advance(5000);
    expect(webContents.reloads).toBe(0);
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await shell.clock.advance(999);
    expect(webContents.reloads).toBe(0);
    await shell.clock.advance(1);
    expect(webContents.reloads).toBe(1);
  });

  it('relaunches the app when the renderer keeps crashing', async () => {
    const shell = await start('display', { settings: { hubUrl: HUB } });
    const { webContents } = shell.window();
    for (let i = 0; i < 4; i++) {
      webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
      await shell.clock.advance(1000);
    }
    expect(webContents.reloads).toBe(3);
    expect(shell.calls.slice(-2)).toEqual(['relaunch', 'exit 0']);
  });

  it('kills a renderer that stays unresponsive, so it gets reloaded; not one that recovers', async () => {
    const shell = await start('kiosk', { settings: { hubUrl: HUB } });
    const window = shell.window();
    window.emit('unresponsive');
    await shell.clock.advance(10_000);
    window.emit('responsive');
    await shell.clock.advance(10_000);
    expect(window.webContents.crashes).toBe(0);
    window.emit('unresponsive');
    await shell.clock.advance(15_000);
    expect(window.webContents.crashes).toBe(1);
  });
});

describe('startShell: staff exit', () => {
  async function kioskWithPin() {
    return start('kiosk', { settings: { hubUrl: HUB, exitPinHash: await hashPin('2468') } });
  }

  it('refuses a wrong PIN and stays open', async () => {
    const shell = await kioskWithPin();
    expect(await shell.invoke(SHELL_CHANNELS.exit, `${HUB}/kiosk/`, '1111')).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN' },
    });
    expect(shell.calls).not.toContain('quit');
  });

  it('keeps counting wrong PINs across a restart: a locked kiosk stays locked', async () => {
    const shell = await kioskWithPin();
    for (let i = 0; i < LOGIN_THROTTLE.lockAfter; i++) {
      await shell.invoke(SHELL_CHANNELS.exit, `${HUB}/kiosk/`, '1111');
      await shell.clock.advance(2 * 60_000);
    }
    expect(savedSettings(shell.userData).exitPinFailures).toMatchObject({
      failures: LOGIN_THROTTLE.lockAfter,
    });
    const again = await start('kiosk', { userData: shell.userData });
    expect(await again.invoke(SHELL_CHANNELS.exit, `${HUB}/kiosk/`, '2468')).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(again.calls).not.toContain('quit');
  });

  it('quits on the right PIN', async () => {
    const shell = await kioskWithPin();
    expect(await shell.invoke(SHELL_CHANNELS.exit, `${HUB}/kiosk/`, '2468')).toEqual({
      ok: true,
      data: null,
    });
    expect(shell.calls.at(-1)).toBe('quit');
  });

  it('opens the set-up page on the right PIN, and only then', async () => {
    const shell = await kioskWithPin();
    expect(shell.handle?.mode()).toBe('app');
    expect(await shell.invoke(SHELL_CHANNELS.openSetup, `${HUB}/kiosk/`, '1111')).toMatchObject({
      error: { code: 'WRONG_PIN' },
    });
    expect(shell.handle?.mode()).toBe('app');
    expect(await shell.invoke(SHELL_CHANNELS.openSetup, `${HUB}/kiosk/`, '2468')).toEqual({
      ok: true,
      data: null,
    });
    expect(shell.handle?.mode()).toBe('setup');
    expect(shell.calls).not.toContain('quit');
  });

  it('refuses when no PIN is set, and refuses pages that are not the hub', async () => {
    const noPin = await start('kiosk', { settings: { hubUrl: HUB } });
    expect(await noPin.invoke(SHELL_CHANNELS.exit, `${HUB}/kiosk/`, '2468')).toMatchObject({
      error: { code: 'NO_EXIT_PIN' },
    });
    const shell = await kioskWithPin();
    expect(await shell.invoke(SHELL_CHANNELS.exit, 'https://evil.example/', '2468')).toMatchObject({
      error: { code: 'NOT_ALLOWED' },
    });
    expect(shell.calls).not.toContain('quit');
  });
});

describe('startShell: counter window', () => {
  it('remembers its bounds when closed and reopens there', async () => {
    const userData = tempDir();
    const first = await start('counter', { userData, settings: { hubUrl: HUB } });
    first.window().normalBounds = { x: 40, y: 30, width: 1500, height: 950 };
    first.window().emit('close');
    expect(savedSettings(userData)).toMatchObject({
      windowBounds: { x: 40, y: 30, width: 1500, height: 950 },
    });
    const second = await start('counter', { userData });
    expect(second.window().options).toMatchObject({ x: 40, y: 30, width: 1500, height: 950, minWidth: 1024 });
  });
});
