import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAutoStart, linuxAutostartEntry, quoteExec } from './autostart';
import { tempDir } from './test-fakes';

function fakeApp(home: string) {
  const settings: unknown[] = [];
  return {
    settings,
    app: {
      setLoginItemSettings: (value: { openAtLogin?: boolean }) => void settings.push(value),
      getPath: () => home,
    },
  };
}

describe('applyAutoStart', () => {
  it('uses login items on Windows', () => {
    const { app, settings } = fakeApp(tempDir());
    const common = { app, id: 'pst-kiosk', name: 'Kiosk Antrian PST', exec: 'C:\\x.exe' };
    expect(applyAutoStart({ ...common, enabled: true, platform: 'win32' })).toBeNull();
    applyAutoStart({ ...common, enabled: false, platform: 'win32' });
    expect(settings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('writes and removes an XDG autostart entry on Linux', () => {
    const home = tempDir();
    const { app, settings } = fakeApp(home);
    const common = { app, id: 'pst-display', name: 'Layar Antrian PST', platform: 'linux' as const };
    const file = applyAutoStart({ ...common, enabled: true, exec: '/home/pst/Layar Antrian PST.AppImage' });
    expect(file).toBe(join(home, '.config', 'autostart', 'pst-display.desktop'));
    expect(readFileSync(file ?? '', 'utf8')).toContain('Exec="/home/pst/Layar Antrian PST.AppImage"');
    applyAutoStart({ ...common, enabled: false, exec: '' });
    expect(existsSync(file ?? '')).toBe(false);
    expect(settings).toEqual([]);
  });

  it('honours XDG_CONFIG_HOME', () => {
    const config = tempDir();
    const { app } = fakeApp(tempDir());
    const file = applyAutoStart({
      app,
      enabled: true,
      platform: 'linux',
      id: 'pst-kiosk',
      name: 'Kiosk',
      exec: '/opt/pst/pst-kiosk',
      xdgConfigHome: config,
    });
    expect(file).toBe(join(config, 'autostart', 'pst-kiosk.desktop'));
  });
});

describe('linuxAutostartEntry', () => {
  it('quotes what needs quoting', () => {
    expect(quoteExec('/opt/pst/pst-kiosk')).toBe('/opt/pst/pst-kiosk');
    expect(quoteExec('/opt/Kiosk Antrian PST/pst-kiosk')).toBe('"/opt/Kiosk Antrian PST/pst-kiosk"');
    expect(quoteExec('/tmp/a"$b')).toBe('"/tmp/a\\"\\$b"');
    expect(linuxAutostartEntry('Kiosk\nX', '/opt/k')).toBe(
      '[Desktop Entry]\nType=Application\nName=Kiosk X\nExec=/opt/k\nX-GNOME-Autostart-enabled=true\nTerminal=false\n',
    );
  });
});
