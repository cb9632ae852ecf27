import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type AppKind, COUNTER_CHANNELS, COUNTER_EVENTS } from './bridge';
import { COUNTER_APP_ID } from './counter-shell';
import { DEFAULT_CALL_NEXT_SHORTCUT } from './global-shortcut';
import { SETTINGS_FILE } from './settings';
import { startShell } from './shell';
import {
  createFakeElectron,
  createManualClock,
  type FakeElectronOptions,
  PRIMARY,
  SECOND,
  tempDir,
} from './test-fakes';

const HUB = 'http://192.168.1.10:3324';
const PAGE = `${HUB}/counter/`;
const DIST = '/opt/pst/resources/app.asar/electron-dist';
const SETUP_URL = pathToFileURL(join(DIST, 'setup.html')).href;

interface Setup extends FakeElectronOptions {
  settings?: Record<string, unknown>;
  platform?: NodeJS.Platform;
  kind?: AppKind;
}

async function start(setup: Setup = {}) {
  const userData = setup.userData ?? tempDir();
  if (setup.settings)
    writeFileSync(join(userData, SETTINGS_FILE), JSON.stringify({ hubUrl: HUB, ...setup.settings }));
  const fake = createFakeElectron({ ...setup, userData });
  const clock = createManualClock();
  const log: string[] = [];
  const handle = await startShell(setup.kind ?? 'counter', fake.electron, {
    distDir: DIST,
    platform: setup.platform ?? 'linux',
    env: {},
    clock,
    log: (line) => log.push(line),
    fetch: async () => Response.json({ status: 'ok', version: '0.1.0' }),
  });
  return { ...fake, handle, clock, log, userData };
}

function onDisk(userData: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(userData, SETTINGS_FILE), 'utf8'));
}

describe('counter window: size, place and maximized state', () => {
  it('saves the bounds a moment after the last move or resize, not on every event', async () => {
    const shell = await start({ settings: {} });
    const window = shell.window();
    window.normalBounds = { x: 100, y: 80, width: 1200, height: 760 };
    window.emit('move');
    await shell.clock.advance(300);
    window.normalBounds = { x: 120, y: 90, width: 1250.4, height: 780 };
    window.emit('resize');
    await shell.clock.advance(499);
    expect(onDisk(shell.userData).windowBounds).toBeUndefined();
    await shell.clock.advance(1);
    expect(onDisk(shell.userData)).toMatchObject({
      windowBounds: { x: 120, y: 90, width: 1250, height: 780 },
      windowMaximized: false,
    });
  });

  it('saves the maximized state with the normal bounds, at once on close', async () => {
    const shell = await start({ settings: {} });
    const window = shell.window();
    window.normalBounds = { x: 40, y: 30, width: 1300, height: 850 };
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(onDisk(shell.userData)).toMatchObject({
      windowBounds: { x: 40, y: 30, width: 1300, height: 850 },
      windowMaximized: true,
    });
    expect(shell.clock.pending()).toBe(0);
  });

  it('does not save the parked position of a minimized window', async () => {
    const shell = await start({ settings: {} });
    const window = shell.window();
    window.minimized = true;
    window.normalBounds = { x: -32000, y: -32000, width: 160, height: 28 };
    window.emit('move');
    await shell.clock.advance(1000);
    expect(onDisk(shell.userData).windowBounds).toBeUndefined();
  });

  it('reopens where it was left, maximized again', async () => {
    const userData = tempDir();
    const first = await start({ userData, settings: {}, displays: [PRIMARY, SECOND] });
    first.window().normalBounds = { x: 2000, y: 20, width: 1200, height: 700 };
    first.window().maximized = true;
    first.window().emit('close');
    const second = await start({ userData, displays: [PRIMARY, SECOND] });
    expect(second.window().options).toMatchObject({ x: 2000, y: 20, width: 1200, height: 700 });
    expect(second.window().options.center).toBeUndefined();
    expect(second.window().maximized).toBe(true);
  });

  it('comes back onto a connected screen when its monitor was unplugged', async () => {
    const shell = await start({
      settings: { windowBounds: { x: 2000, y: 20, width: 1200, height: 700 } },
      displays: [PRIMARY],
    });
    expect(shell.window().options).toMatchObject({ x: 720, y: 20, width: 1200, height: 700 });
    expect(shell.window().maximized).toBe(false);
  });
});

describe('counter: the desk remembered on this PC', () => {
  it('keeps the desk the page saves, across a restart', async () => {
    const userData = tempDir();
    const first = await start({ userData, settings: {} });
    expect(await first.invoke(COUNTER_CHANNELS.saveDesk, PAGE, 'konsultasi-1')).toEqual({
      ok: true,
      data: null,
    });
    expect(onDisk(userData)).toMatchObject({ deskId: 'konsultasi-1' });
    const second = await start({ userData });
    expect(await second.invoke(COUNTER_CHANNELS.getState, PAGE)).toMatchObject({
      ok: true,
      data: { deskId: 'konsultasi-1' },
    });
    expect(await second.invoke(COUNTER_CHANNELS.saveDesk, PAGE, null)).toMatchObject({ ok: true });
    expect(onDisk(userData).deskId).toBeUndefined();
  });

  it('answers only the hub page, and refuses a desk id that is not one', async () => {
    const shell = await start({ settings: {} });
    for (const sender of [SETUP_URL, 'https://evil.example/']) {
      expect(await shell.invoke(COUNTER_CHANNELS.saveDesk, sender, 'fo-1')).toMatchObject({
        ok: false,
        error: { code: 'NOT_ALLOWED' },
      });
      expect(await shell.invoke(COUNTER_CHANNELS.getState, sender)).toMatchObject({ ok: false });
    }
    for (const bad of ['../../etc', '', 42, { id: 'fo-1' }, 'x'.repeat(65)]) {
      expect(await shell.invoke(COUNTER_CHANNELS.saveDesk, PAGE, bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    expect(onDisk(shell.userData).deskId).toBeUndefined();
  });
});

describe('counter: global "call next" key', () => {
  it('registers the default key, forwards a press to the page, gives it back on quit', async () => {
    const shell = await start({ settings: {} });
    expect(shell.shortcuts()).toEqual([DEFAULT_CALL_NEXT_SHORTCUT]);
    expect(await shell.invoke(COUNTER_CHANNELS.getState, PAGE)).toEqual({
      ok: true,
      data: { deskId: null, shortcut: { accelerator: DEFAULT_CALL_NEXT_SHORTCUT, status: 'registered' } },
    });
    shell.pressShortcut(DEFAULT_CALL_NEXT_SHORTCUT);
    shell.pressShortcut(DEFAULT_CALL_NEXT_SHORTCUT);
    expect(shell.window().webContents.sent).toEqual([[COUNTER_EVENTS.callNext], [COUNTER_EVENTS.callNext]]);
    // It works without the focus: nothing brought the window forward.
    expect(shell.window().focused).toBe(0);
    shell.app.emit('will-quit');
    expect(shell.shortcuts()).toEqual([]);
    expect(shell.calls.filter((call) => call.startsWith('globalShortcut'))).toEqual([
      `globalShortcut.register ${DEFAULT_CALL_NEXT_SHORTCUT}`,
      `globalShortcut.unregister ${DEFAULT_CALL_NEXT_SHORTCUT}`,
    ]);
  });

  it('uses the key set in the settings, and none when it is switched off', async () => {
    const custom = await start({ settings: { callNextShortcut: 'F9' } });
    expect(custom.shortcuts()).toEqual(['F9']);
    const off = await start({ settings: { callNextShortcut: null } });
    expect(off.shortcuts()).toEqual([]);
    expect(await off.invoke(COUNTER_CHANNELS.getState, PAGE)).toMatchObject({
      data: { shortcut: { accelerator: null, status: 'off' } },
    });
  });

  it('reports a key another program holds, or one that is not a key, and carries on', async () => {
    const taken = await start({ settings: {}, takenShortcuts: [DEFAULT_CALL_NEXT_SHORTCUT] });
    expect(await taken.invoke(COUNTER_CHANNELS.getState, PAGE)).toMatchObject({
      data: { shortcut: { accelerator: DEFAULT_CALL_NEXT_SHORTCUT, status: 'taken' } },
    });
    expect(taken.log.join('\n')).toMatch(/Control\+Alt\+Space not registered: another program holds it/);
    expect(taken.window().loads).toEqual([{ type: 'url', url: PAGE }]);
    taken.app.emit('will-quit');
    expect(taken.calls.some((call) => call.startsWith('globalShortcut.unregister'))).toBe(false);

    const invalid = await start({ settings: { callNextShortcut: 'Ctrl+Nonsense Key' } });
    expect(await invalid.invoke(COUNTER_CHANNELS.getState, PAGE)).toMatchObject({
      data: { shortcut: { status: 'invalid' } },
    });
    expect(invalid.log.join('\n')).toMatch(/not a valid key combination/);
  });

  it('is only for the counter: the kiosk registers no key and answers no counter call', async () => {
    const kiosk = await start({ kind: 'kiosk', settings: {} });
    expect(kiosk.shortcuts()).toEqual([]);
    expect(kiosk.channels()).not.toContain(COUNTER_CHANNELS.getState);
    expect(kiosk.window().maximized).toBe(false);
  });
});

describe('counter: desktop notification before a ticket breaches the target', () => {
  const notice = {
    tag: '20261125-K012',
    title: 'K-012 hampir melewati 10 menit',
    body: 'K-012 sudah menunggu 9 menit',
  };

  it('shows it once per ticket', async () => {
    const shell = await start({ settings: {} });
    expect(await shell.invoke(COUNTER_CHANNELS.notify, PAGE, notice)).toEqual({
      ok: true,
      data: { shown: true },
    });
    expect(await shell.invoke(COUNTER_CHANNELS.notify, PAGE, notice)).toEqual({
      ok: true,
      data: { shown: false },
    });
    await shell.invoke(COUNTER_CHANNELS.notify, PAGE, { ...notice, tag: '20261125-K013', title: 'K-013' });
    expect(shell.notifications.map((n) => [n.options.title, n.options.body, n.shown])).toEqual([
      [notice.title, notice.body, true],
      ['K-013', notice.body, true],
    ]);
  });

  it('a click brings the window forward, restored from the taskbar', async () => {
    const shell = await start({ settings: {} });
    await shell.invoke(COUNTER_CHANNELS.notify, PAGE, notice);
    const window = shell.window();
    window.minimized = true;
    shell.notifications[0]?.emit('click');
    expect(window.minimized).toBe(false);
    expect(window.shown).toBe(1);
    expect(window.focused).toBe(1);
  });

  it('refuses other pages and malformed notices; says so when the system has none', async () => {
    const shell = await start({ settings: {} });
    expect(await shell.invoke(COUNTER_CHANNELS.notify, 'https://evil.example/', notice)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    for (const bad of [
      null,
      { ...notice, title: '' },
      { ...notice, extra: 1 },
      { ...notice, body: 'x'.repeat(1001) },
    ])
      expect(await shell.invoke(COUNTER_CHANNELS.notify, PAGE, bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    expect(shell.notifications).toEqual([]);

    const none = await start({ settings: {}, notificationsSupported: false });
    expect(await none.invoke(COUNTER_CHANNELS.notify, PAGE, notice)).toEqual({
      ok: true,
      data: { shown: false },
    });
    expect(none.log.join('\n')).toMatch(/not supported/);
  });

  it('sets the Windows app id the installer uses, so Windows shows the notification', async () => {
    const shell = await start({ settings: {}, platform: 'win32' });
    expect(shell.calls).toContain(`setAppUserModelId ${COUNTER_APP_ID}`);
  });
});
