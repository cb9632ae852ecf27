import { describe, expect, it } from 'vitest';
import { APP_KINDS } from './bridge';
import { PRIMARY, SECOND } from './test-fakes';
import { chooseDisplay, visibleBounds, windowOptions } from './window-options';

const base = { preload: '/opt/pst/resources/app.asar/electron-dist/preload.cjs', display: PRIMARY };

describe('windowOptions', () => {
  it.each(APP_KINDS)('%s: isolated, sandboxed renderer with the preload and its kind', (kind) => {
    const options = windowOptions(kind, { ...base, isPackaged: true });
    expect(options.webPreferences).toMatchObject({
      preload: base.preload,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      devTools: false,
      additionalArguments: [`--pst-shell-kind=${kind}`],
    });
  });

  it.each(APP_KINDS)('%s: developer tools only when not packaged', (kind) => {
    expect(windowOptions(kind, { ...base, isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('kiosk: kiosk mode, full screen, frameless, no menu bar, on its display', () => {
    const options = windowOptions('kiosk', { ...base, isPackaged: true, display: SECOND });
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
    expect(options).toMatchObject(SECOND.bounds);
  });

  it('display: full screen on the chosen display, autoplay with sound allowed', () => {
    const options = windowOptions('display', { ...base, isPackaged: true, display: SECOND });
    expect(options).toMatchObject({ ...SECOND.bounds, fullscreen: true, frame: false });
    expect(options.kiosk).toBeUndefined();
    expect(options.webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('counter: an ordinary window with a minimum size, centred or at its remembered place', () => {
    const fresh = windowOptions('counter', { ...base, isPackaged: true });
    expect(fresh).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 640, center: true });
    expect(fresh.kiosk).toBeUndefined();
    expect(fresh.fullscreen).toBeUndefined();
    expect(fresh.frame).toBeUndefined();
    expect(fresh.webPreferences?.autoplayPolicy).toBeUndefined();
    const bounds = { x: 100, y: 50, width: 1400, height: 900 };
    const remembered = windowOptions('counter', { ...base, isPackaged: true, bounds });
    expect(remembered).toMatchObject(bounds);
    expect(remembered.center).toBeUndefined();
  });
});

describe('chooseDisplay', () => {
  it('takes the configured display while it is connected, else the primary', () => {
    expect(chooseDisplay([PRIMARY, SECOND], PRIMARY, 2)).toBe(SECOND);
    expect(chooseDisplay([PRIMARY], PRIMARY, 2)).toBe(PRIMARY);
    expect(chooseDisplay([PRIMARY, SECOND], PRIMARY, undefined)).toBe(PRIMARY);
  });
});

describe('visibleBounds', () => {
  it('keeps bounds on a connected screen, and raises them to the minimum size', () => {
    expect(visibleBounds({ x: 2000, y: 10, width: 1100, height: 700 }, [PRIMARY, SECOND])).toEqual({
      x: 2000,
      y: 10,
      width: 1100,
      height: 700,
    });
    expect(visibleBounds({ x: 0, y: 0, width: 800, height: 500 }, [PRIMARY])).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 640,
    });
  });

  it('moves bounds left on a screen that is gone onto the nearest connected one', () => {
    expect(visibleBounds({ x: 2000, y: 10, width: 1100, height: 700 }, [PRIMARY])).toEqual({
      x: 820,
      y: 10,
      width: 1100,
      height: 700,
    });
    // Far below and left of everything (a screen that stood there is gone).
    expect(visibleBounds({ x: -3000, y: 2500, width: 1300, height: 900 }, [PRIMARY, SECOND])).toEqual({
      x: 0,
      y: 140,
      width: 1300,
      height: 900,
    });
    expect(visibleBounds(undefined, [PRIMARY])).toBeUndefined();
    expect(visibleBounds({ x: 0, y: 0, width: 1300, height: 900 }, [])).toBeUndefined();
  });

  it('takes the screen the window overlaps most, and fits the window inside its work area', () => {
    // Mostly on the second screen, sticking out at its right edge and too tall for it.
    expect(visibleBounds({ x: 2500, y: -20, width: 1200, height: 1000 }, [PRIMARY, SECOND])).toEqual({
      x: 2086,
      y: 0,
      width: 1200,
      height: 768,
    });
    // Straddling both, more on the primary: stays on the primary.
    expect(visibleBounds({ x: 1000, y: 100, width: 1300, height: 800 }, [PRIMARY, SECOND])).toEqual({
      x: 620,
      y: 100,
      width: 1300,
      height: 800,
    });
  });
});
