import { describe, expect, it } from 'vitest';
import { FakeWebContents, navigationEvent } from './test-fakes';
import { guardWebContents, isPermissionAllowed, isTrustedUrl } from './trusted-url';

const HUB = 'http://192.168.1.10:3324';

describe('isTrustedUrl', () => {
  it.each([
    'http://192.168.1.10:3324/kiosk/',
    'http://192.168.1.10:3324/counter/#/reports',
    'http://192.168.1.10:3324/t/K-012?lang=en',
  ])('allows the hub origin: %s', (url) => {
    expect(isTrustedUrl(url, HUB)).toBe(true);
  });

  it.each([
    'http://192.168.1.10:3325/kiosk/',
    'https://192.168.1.10:3324/kiosk/',
    'http://192.168.1.11:3324/kiosk/',
    'http://192.168.1.10:3324@evil.example/',
    'http://user:pw@192.168.1.10:3324/',
    'http://192.168.1.10.evil.example:3324/',
    'https://www.google.com/',
    'file:///C:/Windows/System32/',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('denies everything else: %s', (url) => {
    expect(isTrustedUrl(url, HUB)).toBe(false);
  });

  it('trusts nothing before a hub is configured', () => {
    expect(isTrustedUrl('http://192.168.1.10:3324/kiosk/', null)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('grants only a short list, and only to the hub', () => {
    expect(isPermissionAllowed('fullscreen', `${HUB}/display/`, HUB)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'https://evil.example/', HUB)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'usb', 'hid']) {
      expect(isPermissionAllowed(permission, `${HUB}/kiosk/`, HUB)).toBe(false);
    }
  });
});

describe('guardWebContents', () => {
  function guarded(allowNewWindows: boolean) {
    const contents = new FakeWebContents();
    const denied: string[] = [];
    guardWebContents(contents, {
      hubUrl: () => HUB,
      allowNewWindows,
      onDenied: (what, detail) => denied.push(`${what} ${detail}`),
    });
    return { contents, denied };
  }

  it('stops navigation and redirects away from the hub', () => {
    const { contents, denied } = guarded(false);
    const away = navigationEvent('https://www.bps.go.id/');
    const home = navigationEvent(`${HUB}/kiosk/`);
    contents.emit('will-navigate', away);
    contents.emit('will-navigate', home);
    const redirect = navigationEvent('http://evil.example/');
    contents.emit('will-redirect', redirect);
    expect([away.isPrevented, home.isPrevented, redirect.isPrevented]).toEqual([true, false, true]);
    expect(denied).toEqual(['navigation https://www.bps.go.id/', 'navigation http://evil.example/']);
  });

  it('never opens windows on the kiosk and display, even to the hub', () => {
    const { contents } = guarded(false);
    expect(contents.openHandler?.({ url: `${HUB}/t/K-001` })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('lets the counter open hub pages only', () => {
    const { contents } = guarded(true);
    expect(contents.openHandler?.({ url: `${HUB}/api/reports.xlsx` })).toEqual({ action: 'allow' });
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('answers permission requests', () => {
    const { contents } = guarded(false);
    expect(contents.requestPermission('fullscreen', `${HUB}/display/`)).toBe(true);
    expect(contents.requestPermission('media', `${HUB}/display/`)).toBe(false);
  });

  it('follows a hub address changed after the guard was set', () => {
    let hub: string | null = null;
    const contents = new FakeWebContents();
    guardWebContents(contents, { hubUrl: () => hub, allowNewWindows: false });
    const before = navigationEvent(`${HUB}/kiosk/`);
    contents.emit('will-navigate', before);
    hub = HUB;
    const after = navigationEvent(`${HUB}/kiosk/`);
    contents.emit('will-navigate', after);
    expect([before.isPrevented, after.isPrevented]).toEqual([true, false]);
  });
});
