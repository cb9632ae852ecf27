import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppLike } from './electron-like';

export interface AutoStartInput {
  enabled: boolean;
  platform: NodeJS.Platform;
  app: Pick<AppLike, 'setLoginItemSettings' | 'getPath'>;
  /** A stable file name for the Linux autostart entry, e.g. `pst-kiosk`. */
  id: string;
  /** Shown in the desktop's list of startup programs. */
  name: string;
  /** The program to start: the AppImage file when run from one, else the executable. */
  exec: string;
  /** `$XDG_CONFIG_HOME`, when set. */
  xdgConfigHome?: string | undefined;
}

/**
 * Windows (and macOS) keep login items through `app.setLoginItemSettings`; on Linux that call
 * does nothing, so the shell writes an XDG autostart entry, which GNOME, KDE, XFCE and LXDE read.
 * Returns the Linux entry's path, or null.
 */
export function applyAutoStart(input: AutoStartInput): string | null {
  if (input.platform !== 'linux') {
    input.app.setLoginItemSettings({ openAtLogin: input.enabled });
    return null;
  }
  const dir = join(input.xdgConfigHome || join(input.app.getPath('home'), '.config'), 'autostart');
  const file = join(dir, `${input.id}.desktop`);
  if (input.enabled) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, linuxAutostartEntry(input.name, input.exec), 'utf8');
  } else {
    rmSync(file, { force: true });
  }
  return file;
}

export function linuxAutostartEntry(name: string, exec: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name.replace(/[\r\n]/g, ' ')}`,
    `Exec=${quoteExec(exec)}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Desktop Entry spec: an argument with spaces is double-quoted, with `"`, `` ` ``, `$`, `\` escaped. */
export function quoteExec(path: string): string {
  if (!/[\s"'`$\\><~|&;*?#()]/.test(path)) return path;
  return `"${path.replace(/["`$\\]/g, (char) => `\\${char}`)}"`;
}

/** The Linux autostart file name of one app: `pst-kiosk.desktop`. */
export function autoStartId(kind: string): string {
  return `pst-${kind}`;
}
