/**
 * The slices of Electron's main-process API the shell uses, written as small interfaces so the
 * shell runs in tests with fake objects and never needs the Electron binary. The real `electron`
 * module must satisfy `ElectronDeps`: each app's `electron/main.ts` passes it in and is
 * type-checked against electron.d.ts, so a mismatch here fails `npm run typecheck`.
 */
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface NavigationEvent extends PreventableEvent {
  url: string;
}

/** Electron's certificate verification request (`session.setCertificateVerifyProc`), the part the pin reads. */
export interface CertificateVerifyRequestLike {
  hostname: string;
  certificate: { data: string };
  verificationResult: string;
  errorCode: number;
}

export interface SessionLike {
  /** 0 accepts the certificate, -2 refuses it, -3 leaves it to Chromium. */
  setCertificateVerifyProc(
    proc: (request: CertificateVerifyRequestLike, callback: (verificationResult: number) => void) => void,
  ): void;
  setPermissionRequestHandler(
    handler: (
      contents: { getURL(): string },
      permission: string,
      callback: (permissionGranted: boolean) => void,
    ) => void,
  ): void;
}

export interface WebContentsLike {
  readonly session: SessionLike;
  getURL(): string;
  reload(): void;
  forcefullyCrashRenderer(): void;
  /** Sends a message to the page (the preload's `ipcRenderer.on`). */
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
  /** The operating system's printers (the kiosk's spooler printing). */
  getPrintersAsync(): Promise<PrinterInfoLike[]>;
  /** Prints the page; with `silent` and `deviceName`, straight to that printer, no dialog. */
  print(
    options?: WebContentsPrintOptions,
    callback?: (success: boolean, failureReason: string) => void,
  ): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
}

/** Electron's `PrinterInfo`: `name` is what `print({ deviceName })` takes. */
export interface PrinterInfoLike {
  name: string;
  displayName: string;
  description: string;
}

export interface BrowserWindowLike {
  readonly webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  loadFile(filePath: string, options?: { query?: Record<string, string> }): Promise<void>;
  getNormalBounds(): Rectangle;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isMaximized(): boolean;
  maximize(): void;
  restore(): void;
  show(): void;
  focus(): void;
  /** Closes the window at once, without `close` handlers (the hidden print window). */
  destroy(): void;
  on(
    event: 'unresponsive' | 'responsive' | 'close' | 'closed' | 'move' | 'resize' | 'maximize' | 'unmaximize',
    listener: () => void,
  ): unknown;
}

/** `BrowserWindow` itself is the factory: `new electron.BrowserWindow(options)`. */
export type BrowserWindowFactory = new (options: BrowserWindowConstructorOptions) => BrowserWindowLike;

export interface AppLike {
  readonly isPackaged: boolean;
  readonly commandLine: {
    appendSwitch(name: string, value?: string): void;
    hasSwitch(name: string): boolean;
  };
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  relaunch(): void;
  exit(exitCode?: number): void;
  getPath(name: 'userData' | 'home'): string;
  getName(): string;
  setLoginItemSettings(settings: { openAtLogin?: boolean; path?: string; args?: string[] }): void;
  /** Windows shows a notification only for an app with a user model id (the installer's appId). */
  setAppUserModelId(id: string): void;
  on(event: 'second-instance' | 'window-all-closed' | 'will-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  /** A certificate Chromium (and the verify proc) refused; `callback(true)` would accept it anyway. */
  on(
    event: 'certificate-error',
    listener: (
      event: PreventableEvent,
      webContents: unknown,
      url: string,
      error: string,
      certificate: { data: string },
      callback: (isTrusted: boolean) => void,
    ) => void,
  ): unknown;
}

export interface IpcMainInvokeEventLike {
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep' | 'prevent-app-suspension'): number;
  stop(id: number): boolean | undefined;
}

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

export interface ScreenLike {
  getPrimaryDisplay(): DisplayLike;
  getAllDisplays(): DisplayLike[];
}

export interface MenuLike {
  setApplicationMenu(menu: null): void;
}

export interface GlobalShortcutLike {
  /** False when another program holds the combination; throws on one Electron cannot parse. */
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export interface NotificationLike {
  show(): void;
  close(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

/** `Notification` itself: `new electron.Notification(options)`, and whether the system has them. */
export interface NotificationFactory {
  new (options: { title: string; body: string; silent?: boolean }): NotificationLike;
  isSupported(): boolean;
}

/** What `startShell` needs from `import electron from 'electron'`. */
export interface ElectronDeps {
  app: AppLike;
  BrowserWindow: BrowserWindowFactory;
  ipcMain: IpcMainLike;
  Menu: MenuLike;
  powerSaveBlocker: PowerSaveBlockerLike;
  screen: ScreenLike;
  globalShortcut: GlobalShortcutLike;
  Notification: NotificationFactory;
}
