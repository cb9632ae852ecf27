/**
 * The contract between an Electron shell's main process and the pages it shows (the local set-up
 * page and the hub's web app). Main and preload both import it, so a handler's signature is the
 * contract. This file is loaded by the sandboxed preload: it must import nothing at run time
 * (no Node modules, no zod), only types.
 */

export const APP_KINDS = ['kiosk', 'counter', 'display'] as const;
export type AppKind = (typeof APP_KINDS)[number];

/** IPC channel names, one per bridge method. */
export const SHELL_CHANNELS = {
  getSettings: 'shell:get-settings',
  testHub: 'shell:test-hub',
  saveHubUrl: 'shell:save-hub-url',
  exit: 'shell:exit',
  openSetup: 'shell:open-setup',
  discoverHubs: 'shell:discover-hubs',
} as const satisfies Record<keyof ShellApi, string>;

/** The command-line argument main gives the renderer so the preload knows which app it serves. */
export const KIND_ARGUMENT = '--pst-shell-kind=';

export type ShellErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_ADDRESS'
  | 'HUB_UNREACHABLE'
  | 'NOT_A_HUB'
  | 'NOT_ALLOWED'
  | 'NO_EXIT_PIN'
  | 'WRONG_PIN'
  | 'LOCKED'
  /** The hub presented another certificate than the pinned one. */
  | 'CERT_MISMATCH'
  /** An https hub address without the certificate fingerprint to pin (`#fp=` of the pairing link). */
  | 'CERT_UNPINNED';

/** Same shape as the hub's `Ack<T>`, so pages handle both the same way. */
export type ShellResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ShellErrorCode; message: string } };

/** What pages may see of the settings: never the PIN hash. */
export interface SettingsView {
  kind: AppKind;
  hubUrl: string | null;
  autoStart: boolean;
  hasExitPin: boolean;
  /** `setup` shows the address form; `waiting` only says the hub is not answering yet. */
  mode: 'setup' | 'waiting' | 'app';
  /** Set when the settings file was unreadable and defaults are in use. */
  problem: string | null;
  /** The pinned SHA-256 fingerprint of an https hub's certificate. */
  hubFingerprint: string | null;
  /** Why the hub's certificate was refused, when it was: the set-up page says so. */
  certificateProblem: { code: 'CERT_MISMATCH' | 'CERT_UNPINNED'; message: string } | null;
}

/** A hub that answered on the LAN (mDNS / DNS-SD `_pst-hub._tcp`). */
export interface DiscoveredHub {
  /** The name it announces, e.g. `BPS Kabupaten Kendal (pst-server)`. */
  name: string;
  /** The address to reach it at (IPv4 where there is one). */
  address: string;
  port: number;
  /** `http(s)://address:port`. */
  hubUrl: string;
  office: string | null;
  version: string | null;
  tls: boolean;
  /** The certificate's SHA-256 fingerprint it announces (TLS only). */
  fingerprint: string | null;
  /** What to give `testHub` / `saveHubUrl`: the hub URL, with `#fp=` when it serves TLS. */
  setupAddress: string;
}

export interface HubHealth {
  hubUrl: string;
  status: string;
  version: string | null;
}

export interface SaveHubUrlOptions {
  /** 4 to 8 digits; kept only as a scrypt hash. */
  exitPin?: string;
  autoStart?: boolean;
}

/** The calls main answers (`ipcMain.handle`), one per channel in `SHELL_CHANNELS`. */
export interface ShellApi {
  getSettings(): Promise<SettingsView>;
  /** Fetches `<hub>/healthz` from main (a file:// page cannot, the hub sends no CORS headers). */
  testHub(address: string): Promise<ShellResult<HubHealth>>;
  /** Accepts an address (`192.168.1.10`, `http://hub:3324`) or a pairing link (`.../kiosk/#token=...`). */
  saveHubUrl(address: string, options?: SaveHubUrlOptions): Promise<ShellResult<{ hubUrl: string }>>;
  /** The kiosk's hidden staff exit: quits when the PIN matches the stored hash. */
  exit(pin: string): Promise<ShellResult<null>>;
  /** The same gesture's other way: back to the set-up page (hub, pairing, printer) with the PIN. */
  openSetup(pin: string): Promise<ShellResult<null>>;
  /** The hubs that answer on the LAN within a few seconds (set-up page only). */
  discoverHubs(): Promise<ShellResult<DiscoveredHub[]>>;
}

/** The object the preload puts on `window.pstShell`. */
export interface ShellBridge extends ShellApi {
  readonly kind: AppKind;
  /** Only in the counter's shell: what a staff desk gets beyond a browser. */
  readonly counter?: CounterBridge;
  /** Only in the kiosk's shell: the kiosk's own ticket printer. */
  readonly kioskPrinter?: KioskPrinterApi;
}

/** IPC channels of the kiosk's own printer (main answers them only in the kiosk shell). */
export const KIOSK_PRINTER_CHANNELS = {
  getPrinter: 'shell:kiosk:get-printer',
  print: 'shell:kiosk:print',
  lastFailedPrint: 'shell:kiosk:last-failed-print',
  listPrinters: 'shell:kiosk:list-printers',
  savePrinter: 'shell:kiosk:save-printer',
  printTest: 'shell:kiosk:print-test',
} as const satisfies Record<keyof KioskPrinterApi, string>;

export type PaperWidthMm = 58 | 80;

/**
 * Where the kiosk prints its tickets: `hub` (the hub prints them, the default), a network printer
 * (raw TCP 9100) or a USB printer next to the kiosk, or a printer of the operating system (its
 * driver, through the spooler: for printers that only come with a Windows driver).
 */
export type KioskPrinterSetting =
  | { kind: 'hub' }
  | { kind: 'network'; host: string; port: number }
  | { kind: 'usb'; vendorId: number; productId: number }
  | { kind: 'os'; deviceName: string; paperWidth: PaperWidthMm };

export type PrintOutcomeState = 'ok' | 'offline' | 'paper-out' | 'cover-open' | 'error';
/** How one print went: the same states the hub's `print:result` takes. */
export interface PrintOutcome {
  state: PrintOutcomeState;
  detail: string;
}

export interface KioskPrinterInfo {
  setting: KioskPrinterSetting;
  /** True when the kiosk prints itself (anything but `hub`): it then says so to the hub. */
  local: boolean;
  description: string;
}

export interface KioskPrinterChoices {
  usb: Array<{ vendorId: number; productId: number }>;
  os: Array<{ name: string; displayName: string; description: string }>;
}

/** A job of the hub's `print:job`, as the kiosk page hands it to the shell. */
export interface KioskPrintJob {
  jobId: string;
  ticketId: string | null;
  /** ESC/POS bytes, base64. */
  data: string;
}

/** The last print that failed at this kiosk, kept across a kiosk restart (the shell's print journal). */
export interface KioskFailedPrint {
  ticketId: string;
  outcome: PrintOutcomeState;
  detail: string;
}

export interface KioskPrinterApi {
  getPrinter(): Promise<KioskPrinterInfo>;
  /**
   * Prints a job (the kiosk app only). The shell keeps its jobs on disk: a job id it printed before,
   * even before a restart, is answered without printing again; one cut off by a restart is not printed
   * again by itself.
   */
  print(job: KioskPrintJob): Promise<PrintOutcome>;
  /** The newest job, when it failed less than KIOSK_REPRINT_SECONDS ago (the kiosk app only). */
  lastFailedPrint(): Promise<KioskFailedPrint | null>;
  /** USB printers connected and the operating system's printers: the set-up page only. */
  listPrinters(): Promise<ShellResult<KioskPrinterChoices>>;
  savePrinter(setting: KioskPrinterSetting): Promise<ShellResult<KioskPrinterInfo>>;
  /** A test ticket on `setting` (not saved), or on the saved printer. */
  printTest(setting?: KioskPrinterSetting): Promise<ShellResult<PrintOutcome>>;
}

/** IPC channels the counter's page calls (main answers them only in the counter shell). */
export const COUNTER_CHANNELS = {
  getState: 'shell:counter:get-state',
  saveDesk: 'shell:counter:save-desk',
  notify: 'shell:counter:notify',
} as const satisfies Record<keyof CounterShellApi, string>;

/** Messages main sends to the counter's page. */
export const COUNTER_EVENTS = {
  /** The global "call next" shortcut was pressed (the window need not have the focus). */
  callNext: 'shell:counter:call-next',
} as const;

/**
 * How the global "call next" shortcut fared: `taken` when another program holds the key
 * combination, `invalid` when the configured combination is not one Electron understands,
 * `off` when it is switched off in the settings.
 */
export type ShortcutStatus = 'registered' | 'taken' | 'invalid' | 'off';

export interface CounterShellState {
  /** The desk last chosen on this PC, kept in the shell settings (survives a cleared browser profile). */
  deskId: string | null;
  shortcut: { accelerator: string | null; status: ShortcutStatus };
}

/** A desktop notification; `tag` (the ticket id) makes it once per ticket. */
export interface DesktopNotice {
  tag: string;
  title: string;
  body: string;
}

export interface CounterShellApi {
  getState(): Promise<ShellResult<CounterShellState>>;
  saveDesk(deskId: string | null): Promise<ShellResult<null>>;
  /** `shown` is false when this tag was already shown or the system has no notifications. */
  notify(notice: DesktopNotice): Promise<ShellResult<{ shown: boolean }>>;
}

export interface CounterBridge extends CounterShellApi {
  /** Subscribes to the global "call next" shortcut; returns the unsubscribe function. */
  onCallNext(listener: () => void): () => void;
}

/** The slice of Electron's `ipcRenderer` the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function isAppKind(value: unknown): value is AppKind {
  return typeof value === 'string' && (APP_KINDS as readonly string[]).includes(value);
}

export function kindFromArgv(argv: readonly string[]): AppKind {
  const kind = argv.find((arg) => arg.startsWith(KIND_ARGUMENT))?.slice(KIND_ARGUMENT.length);
  if (!isAppKind(kind)) throw new Error(`pst shell: missing ${KIND_ARGUMENT}<kind> argument`);
  return kind;
}

// The sandboxed preload has a reduced `process` with argv; written without Node's types so pages
// may import this file's types too.
function processArgv(): readonly string[] {
  return (globalThis as { process?: { argv?: string[] } }).process?.argv ?? [];
}

/**
 * The fixed object the preload exposes. Every method forwards to one named channel: the page
 * cannot pick a channel, and main validates every argument again.
 */
export function createPreloadBridge(
  ipcRenderer: IpcRendererLike,
  argv: readonly string[] = processArgv(),
): ShellBridge {
  const bridge = {
    kind: kindFromArgv(argv),
    getSettings: () => ipcRenderer.invoke(SHELL_CHANNELS.getSettings) as Promise<SettingsView>,
    testHub: (address: string) =>
      ipcRenderer.invoke(SHELL_CHANNELS.testHub, address) as Promise<ShellResult<HubHealth>>,
    saveHubUrl: (address: string, options?: SaveHubUrlOptions) =>
      ipcRenderer.invoke(SHELL_CHANNELS.saveHubUrl, address, options) as Promise<
        ShellResult<{ hubUrl: string }>
      >,
    exit: (pin: string) => ipcRenderer.invoke(SHELL_CHANNELS.exit, pin) as Promise<ShellResult<null>>,
    openSetup: (pin: string) =>
      ipcRenderer.invoke(SHELL_CHANNELS.openSetup, pin) as Promise<ShellResult<null>>,
    discoverHubs: () =>
      ipcRenderer.invoke(SHELL_CHANNELS.discoverHubs) as Promise<ShellResult<DiscoveredHub[]>>,
  } satisfies ShellBridge;
  if (bridge.kind === 'kiosk') return { ...bridge, kioskPrinter: createKioskPrinterBridge(ipcRenderer) };
  return bridge.kind === 'counter' ? { ...bridge, counter: createCounterBridge(ipcRenderer) } : bridge;
}

function createKioskPrinterBridge(ipcRenderer: IpcRendererLike): KioskPrinterApi {
  const call = (channel: string, ...args: unknown[]) =>
    ipcRenderer.invoke(channel, ...args) as Promise<never>;
  return {
    getPrinter: () => call(KIOSK_PRINTER_CHANNELS.getPrinter),
    print: (job: KioskPrintJob) => call(KIOSK_PRINTER_CHANNELS.print, job),
    lastFailedPrint: () => call(KIOSK_PRINTER_CHANNELS.lastFailedPrint),
    listPrinters: () => call(KIOSK_PRINTER_CHANNELS.listPrinters),
    savePrinter: (setting: KioskPrinterSetting) => call(KIOSK_PRINTER_CHANNELS.savePrinter, setting),
    printTest: (setting?: KioskPrinterSetting) =>
      setting === undefined
        ? call(KIOSK_PRINTER_CHANNELS.printTest)
        : call(KIOSK_PRINTER_CHANNELS.printTest, setting),
  };
}

function createCounterBridge(ipcRenderer: IpcRendererLike): CounterBridge {
  return {
    getState: () => ipcRenderer.invoke(COUNTER_CHANNELS.getState) as Promise<ShellResult<CounterShellState>>,
    saveDesk: (deskId: string | null) =>
      ipcRenderer.invoke(COUNTER_CHANNELS.saveDesk, deskId) as Promise<ShellResult<null>>,
    notify: (notice: DesktopNotice) =>
      ipcRenderer.invoke(COUNTER_CHANNELS.notify, notice) as Promise<ShellResult<{ shown: boolean }>>,
    onCallNext(listener: () => void) {
      // The page never sees Electron's event object, only that the key was pressed.
      const forward = () => listener();
      ipcRenderer.on(COUNTER_EVENTS.callNext, forward);
      return () => {
        ipcRenderer.removeListener(COUNTER_EVENTS.callNext, forward);
      };
    },
  };
}
