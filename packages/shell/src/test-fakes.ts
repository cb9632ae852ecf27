/**
 * Fake Electron objects for tests: they keep what the shell did to them and let a test fire the
 * events Electron would. Only the parts the shell uses (see electron-like.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import type {
  AppLike,
  BrowserWindowLike,
  DisplayLike,
  ElectronDeps,
  IpcMainInvokeEventLike,
  NavigationEvent,
  PrinterInfoLike,
  Rectangle,
  SessionLike,
  WebContentsLike,
} from './electron-like';
import type { Clock } from './recovery';

type Listener = (...args: never[]) => unknown;

class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
}

export function tempDir(prefix = 'pst-shell-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function navigationEvent(url: string): NavigationEvent & { isPrevented: boolean } {
  const event = {
    url,
    isPrevented: false,
    preventDefault() {
      event.isPrevented = true;
    },
  };
  return event;
}

type PermissionHandler = Parameters<SessionLike['setPermissionRequestHandler']>[0];
type VerifyProc = Parameters<SessionLike['setCertificateVerifyProc']>[0];

/** What the fake operating system does with a silent print: its printers and their answer. */
export interface FakeSpooler {
  printers: PrinterInfoLike[];
  /** Answer to `print()`: success, or the failure reason Electron gives. */
  answer: { success: true } | { success: false; reason: string } | 'never';
  /** Each print: the options and the page's URL at that moment. */
  jobs: Array<{ options: WebContentsPrintOptions | undefined; url: string }>;
}

export function createFakeSpooler(printers: string[] = []): FakeSpooler {
  return {
    printers: printers.map((name) => ({ name, displayName: name, description: `${name} (driver)` })),
    answer: { success: true },
    jobs: [],
  };
}

export class FakeWebContents extends Emitter implements WebContentsLike {
  /** The printers and print outcome every window of this fake Electron shares. */
  spooler: FakeSpooler = createFakeSpooler();
  url = '';
  reloads = 0;
  crashes = 0;
  openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  permissionHandler: PermissionHandler | null = null;
  verifyProc: VerifyProc | null = null;
  readonly session: SessionLike = {
    setPermissionRequestHandler: (handler) => {
      this.permissionHandler = handler;
    },
    setCertificateVerifyProc: (proc) => {
      this.verifyProc = proc;
    },
  };
  /** Asks the certificate verify proc as Chromium would for `hostname` presenting `pem`. */
  verifyCertificate(hostname: string, pem: string): number {
    let answer: number | undefined;
    this.verifyProc?.(
      {
        hostname,
        certificate: { data: pem },
        verificationResult: 'net::ERR_CERT_AUTHORITY_INVALID',
        errorCode: -202,
      },
      (result) => {
        answer = result;
      },
    );
    if (answer === undefined) throw new Error('certificate verify proc did not answer');
    return answer;
  }
  getURL(): string {
    return this.url;
  }
  reload(): void {
    this.reloads += 1;
  }
  forcefullyCrashRenderer(): void {
    this.crashes += 1;
  }
  /** Messages main sent to the page. */
  readonly sent: unknown[][] = [];
  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.openHandler = handler;
  }
  async getPrintersAsync(): Promise<PrinterInfoLike[]> {
    return this.spooler.printers;
  }
  print(
    options?: WebContentsPrintOptions,
    callback?: (success: boolean, failureReason: string) => void,
  ): void {
    this.spooler.jobs.push({ options, url: this.url });
    const answer = this.spooler.answer;
    if (answer === 'never') return;
    setImmediate(() => callback?.(answer.success, answer.success ? '' : answer.reason));
  }
  /** Asks the permission handler as Chromium would, and returns its answer. */
  requestPermission(permission: string, fromUrl: string): boolean {
    let answer: boolean | undefined;
    this.permissionHandler?.({ getURL: () => fromUrl }, permission, (granted) => {
      answer = granted;
    });
    if (answer === undefined) throw new Error('permission handler did not answer');
    return answer;
  }
}

export type Load =
  | { type: 'url'; url: string }
  | { type: 'file'; path: string; query: Record<string, string> | undefined };

export interface FakeElectronOptions {
  isPackaged?: boolean;
  hasLock?: boolean;
  switches?: string[];
  userData?: string;
  home?: string;
  displays?: DisplayLike[];
  /** Key combinations another program holds: registering them fails. */
  takenShortcuts?: string[];
  notificationsSupported?: boolean;
  /** The operating system's printers and how silent prints go (kiosk printing). */
  spooler?: FakeSpooler;
}

export const PRIMARY: DisplayLike = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
};
export const SECOND: DisplayLike = {
  id: 2,
  bounds: { x: 1920, y: 0, width: 1366, height: 768 },
  workArea: { x: 1920, y: 0, width: 1366, height: 768 },
};

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const calls: string[] = [];
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown>();
  const switches = new Map<string, string | undefined>(
    (options.switches ?? []).map((name) => [name, undefined]),
  );
  const loginItems: Array<{ openAtLogin?: boolean }> = [];
  const shortcuts = new Map<string, () => void>();
  const notifications: FakeNotification[] = [];
  const displays = options.displays ?? [PRIMARY];
  /** Makes the next loads fail like an unreachable hub (ERR_CONNECTION_REFUSED). */
  const failing = { count: 0 };
  const spooler = options.spooler ?? createFakeSpooler();

  class FakeApp extends Emitter implements AppLike {
    isPackaged = options.isPackaged ?? false;
    readonly commandLine = {
      appendSwitch: (name: string, value?: string) => {
        calls.push(`appendSwitch ${name}${value === undefined ? '' : `=${value}`}`);
        switches.set(name, value);
      },
      hasSwitch: (name: string) => switches.has(name),
    };
    requestSingleInstanceLock(): boolean {
      calls.push('requestSingleInstanceLock');
      return options.hasLock ?? true;
    }
    async whenReady(): Promise<void> {
      calls.push('whenReady');
    }
    quit(): void {
      calls.push('quit');
    }
    relaunch(): void {
      calls.push('relaunch');
    }
    exit(code?: number): void {
      calls.push(`exit ${code ?? 0}`);
    }
    getPath(name: 'userData' | 'home'): string {
      if (name === 'home') return options.home ?? tempDir();
      return options.userData ?? tempDir();
    }
    getName(): string {
      return 'fake';
    }
    setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
      calls.push(`setLoginItemSettings openAtLogin=${settings.openAtLogin}`);
      loginItems.push(settings);
    }
    setAppUserModelId(id: string): void {
      calls.push(`setAppUserModelId ${id}`);
    }
  }
  const app = new FakeApp();

  class FakeWindow extends Emitter implements BrowserWindowLike {
    readonly webContents = new FakeWebContents();
    readonly loads: Load[] = [];
    destroyed = false;
    minimized = false;
    maximized = false;
    shown = 0;
    focused = 0;
    normalBounds: Rectangle = { x: 10, y: 20, width: 1300, height: 900 };
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      this.webContents.spooler = spooler;
      windows.push(this);
      calls.push('new BrowserWindow');
      app.emit('web-contents-created', {}, this.webContents);
    }
    private finish(url: string): Promise<void> {
      if (failing.count > 0) {
        failing.count -= 1;
        this.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', url, true);
        return Promise.reject(new Error('ERR_CONNECTION_REFUSED (-102)'));
      }
      this.webContents.url = url;
      return Promise.resolve();
    }
    loadURL(url: string): Promise<void> {
      this.loads.push({ type: 'url', url });
      return this.finish(url);
    }
    loadFile(path: string, loadOptions?: { query?: Record<string, string> }): Promise<void> {
      this.loads.push({ type: 'file', path, query: loadOptions?.query });
      const url = new URL(`file://${path}`);
      for (const [key, value] of Object.entries(loadOptions?.query ?? {})) url.searchParams.set(key, value);
      this.webContents.url = url.href;
      return Promise.resolve();
    }
    getNormalBounds(): Rectangle {
      return this.normalBounds;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    maximize(): void {
      this.maximized = true;
    }
    restore(): void {
      this.minimized = false;
    }
    show(): void {
      this.shown += 1;
    }
    focus(): void {
      this.focused += 1;
    }
    destroy(): void {
      this.destroyed = true;
    }
    lastLoad(): Load | undefined {
      return this.loads.at(-1);
    }
  }

  class FakeNotification extends Emitter {
    static isSupported(): boolean {
      return options.notificationsSupported ?? true;
    }
    shown = false;
    closed = false;
    constructor(readonly options: { title: string; body: string; silent?: boolean }) {
      super();
      notifications.push(this);
    }
    show(): void {
      this.shown = true;
    }
    close(): void {
      this.closed = true;
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    Notification: FakeNotification,
    globalShortcut: {
      register(accelerator: string, callback: () => void) {
        if (!/^[A-Za-z0-9+]+$/.test(accelerator))
          throw new TypeError(`conversion failure from ${accelerator}`);
        if (options.takenShortcuts?.includes(accelerator) || shortcuts.has(accelerator)) return false;
        calls.push(`globalShortcut.register ${accelerator}`);
        shortcuts.set(accelerator, callback);
        return true;
      },
      unregister(accelerator: string) {
        calls.push(`globalShortcut.unregister ${accelerator}`);
        shortcuts.delete(accelerator);
      },
    },
    ipcMain: {
      handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown) {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler(channel: string) {
        handlers.delete(channel);
      },
    },
    Menu: {
      setApplicationMenu(menu: null) {
        calls.push(`setApplicationMenu ${menu}`);
      },
    },
    powerSaveBlocker: {
      start(type: 'prevent-display-sleep' | 'prevent-app-suspension') {
        calls.push(`powerSaveBlocker.start ${type}`);
        return 7;
      },
      stop(id: number) {
        calls.push(`powerSaveBlocker.stop ${id}`);
        return true;
      },
    },
    screen: {
      getPrimaryDisplay: () => displays[0] ?? PRIMARY,
      getAllDisplays: () => displays,
    },
  } satisfies ElectronDeps;

  return {
    electron,
    app,
    calls,
    windows,
    loginItems,
    failing,
    spooler,
    notifications,
    /** The key combinations the shell holds now. */
    shortcuts: () => [...shortcuts.keys()],
    /** Presses a registered global key combination, as the user would in any program. */
    pressShortcut(accelerator: string): void {
      const callback = shortcuts.get(accelerator);
      if (!callback) throw new Error(`${accelerator} is not registered`);
      callback();
    },
    /** The one window the shell made. */
    window(): FakeWindow {
      const window = windows[0];
      if (!window) throw new Error('no window was created');
      return window;
    },
    /** Calls an IPC handler as if `senderUrl`'s page had called `ipcRenderer.invoke`. */
    invoke(channel: string, senderUrl: string, ...args: unknown[]): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      return Promise.resolve(handler({ senderFrame: { url: senderUrl } }, ...args));
    },
    channels: () => [...handlers.keys()],
  };
}

/** Timers that only move when the test says so. */
export function createManualClock(start = 1_000_000) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: Clock & { advance(ms: number): Promise<void>; pending(): number } = {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // Let promise chains started by the callback settle before the next timer.
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = until;
    },
    pending: () => timers.size,
  };
  return clock;
}
