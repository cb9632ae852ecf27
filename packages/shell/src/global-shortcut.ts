import type { ShortcutStatus } from './bridge';
import type { GlobalShortcutLike } from './electron-like';

/**
 * The counter's default global "call next" key: Ctrl+Alt+Space is free in Windows and the usual
 * Linux desktops and in the programs staff keep open beside the queue (office suites, browsers),
 * unlike F9 (recalculate in spreadsheets, refresh fields in word processors).
 */
export const DEFAULT_CALL_NEXT_SHORTCUT = 'Control+Alt+Space';

export interface ShortcutRegistration {
  readonly accelerator: string | null;
  readonly status: ShortcutStatus;
  /** Gives the key combination back to the system (on quit); safe to call twice. */
  unregister(): void;
}

/** The configured combination: the setting when present, null when it is switched off. */
export function callNextAccelerator(setting: string | null | undefined): string | null {
  if (setting === undefined) return DEFAULT_CALL_NEXT_SHORTCUT;
  return setting?.trim() || null;
}

/**
 * Registers a key combination that works while another program has the focus. A combination held
 * by another program (`register` returns false) or one Electron cannot parse (it throws) is logged
 * and reported, never fatal: the on-screen button and the in-window keys still work.
 */
export function registerGlobalShortcut(
  globalShortcut: GlobalShortcutLike,
  accelerator: string | null,
  onPress: () => void,
  log: (message: string) => void,
): ShortcutRegistration {
  if (accelerator === null) return { accelerator, status: 'off', unregister: () => {} };
  let status: ShortcutStatus;
  try {
    status = globalShortcut.register(accelerator, onPress) ? 'registered' : 'taken';
  } catch (error) {
    log(`global shortcut ${accelerator} is not a valid key combination: ${(error as Error).message}`);
    return { accelerator, status: 'invalid', unregister: () => {} };
  }
  if (status === 'taken') {
    log(`global shortcut ${accelerator} not registered: another program holds it`);
    return { accelerator, status, unregister: () => {} };
  }
  log(`global shortcut ${accelerator} registered`);
  let registered = true;
  return {
    accelerator,
    status,
    unregister() {
      if (!registered) return;
      registered = false;
      try {
        globalShortcut.unregister(accelerator);
      } catch (error) {
        log(`global shortcut ${accelerator} not unregistered: ${(error as Error).message}`);
      }
    },
  };
}
