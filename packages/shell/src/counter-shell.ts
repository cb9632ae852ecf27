import { idSchema } from '@pst/shared';
import { z } from 'zod';
import { COUNTER_CHANNELS, COUNTER_EVENTS, type CounterShellApi, type ShellResult } from './bridge';
import { focusWindow, restoreWindowState, trackWindowState } from './counter-window';
import type { BrowserWindowLike, ElectronDeps, IpcMainInvokeEventLike } from './electron-like';
import { callNextAccelerator, registerGlobalShortcut, type ShortcutRegistration } from './global-shortcut';
import { handleIpc, type IpcHandlers } from './ipc-handlers';
import { createDesktopNotifier } from './notifications';
import type { Clock } from './recovery';
import type { SettingsStore } from './settings';

/** The installer's appId (apps/counter/electron-builder.yml); Windows needs it for notifications. */
export const COUNTER_APP_ID = 'id.go.bps.pst.counter';

export interface CounterFeaturesOptions {
  electron: Pick<ElectronDeps, 'app' | 'ipcMain' | 'globalShortcut' | 'Notification'>;
  window: BrowserWindowLike;
  settings: SettingsStore;
  clock: Clock;
  log: (message: string) => void;
  platform: NodeJS.Platform;
  /** Whether an IPC call comes from the hub's page (the counter app), not the set-up page or elsewhere. */
  fromHub(event: IpcMainInvokeEventLike): boolean;
  windowStateDelayMs?: number;
}

export interface CounterFeatures {
  readonly shortcut: ShortcutRegistration;
  /** Saves the window state and gives the shortcut back; runs by itself on quit. */
  dispose(): void;
}

/** The desk chosen on this PC: an id of the office's configuration. */
const deskIdSchema = idSchema.nullable();
const noticeSchema = z.strictObject({
  tag: z.string().min(1).max(100),
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});

function notAllowed(): ShellResult<never> {
  return { ok: false, error: { code: 'NOT_ALLOWED', message: 'only the counter app may call this' } };
}
function invalid(): ShellResult<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message: 'invalid input' } };
}

/**
 * What the counter's shell adds to an ordinary window: it remembers its place and the desk, a
 * global "call next" key that works while staff are in another program, and desktop notifications
 * the page asks for (the page has the queue and the hub's time, so it decides when).
 */
export function startCounterFeatures(options: CounterFeaturesOptions): CounterFeatures {
  const { electron, window, settings, log } = options;
  const { app, ipcMain } = electron;

  if (options.platform === 'win32') app.setAppUserModelId(COUNTER_APP_ID);

  restoreWindowState(window, settings);
  const saveWindowState = trackWindowState(window, {
    settings,
    clock: options.clock,
    log,
    ...(options.windowStateDelayMs === undefined ? {} : { delayMs: options.windowStateDelayMs }),
  });

  const shortcut = registerGlobalShortcut(
    electron.globalShortcut,
    callNextAccelerator(settings.get().callNextShortcut),
    () => {
      // The page runs the same action as its button, and only when the button is enabled.
      if (!window.isDestroyed()) window.webContents.send(COUNTER_EVENTS.callNext);
    },
    log,
  );

  const notifier = createDesktopNotifier({
    Notification: electron.Notification,
    onClick: () => focusWindow(window),
    log,
  });

  const api: IpcHandlers<CounterShellApi> = {
    async getState(event) {
      if (!options.fromHub(event)) return notAllowed();
      return {
        ok: true,
        data: {
          deskId: settings.get().deskId ?? null,
          shortcut: { accelerator: shortcut.accelerator, status: shortcut.status },
        },
      };
    },
    async saveDesk(event, deskId) {
      if (!options.fromHub(event)) return notAllowed();
      const input = deskIdSchema.safeParse(deskId);
      if (!input.success) return invalid();
      if ((settings.get().deskId ?? null) !== input.data) {
        try {
          settings.update({ deskId: input.data ?? undefined });
        } catch (error) {
          log(`desk not saved: ${(error as Error).message}`);
        }
      }
      return { ok: true, data: null };
    },
    async notify(event, notice) {
      if (!options.fromHub(event)) return notAllowed();
      const input = noticeSchema.safeParse(notice);
      if (!input.success) return invalid();
      return { ok: true, data: { shown: notifier.notify(input.data) } };
    },
  };
  handleIpc(ipcMain, COUNTER_CHANNELS, api);

  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    saveWindowState();
    shortcut.unregister();
  };
  app.on('will-quit', dispose);
  window.on('closed', () => shortcut.unregister());

  return { shortcut, dispose };
}
