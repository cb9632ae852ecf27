/**
 * The kiosk's own ticket printer (main process): which printer the kiosk prints on, the jobs the
 * hub sends the kiosk page (`print:job` → bridge `print`), and the set-up page's printer section
 * (list printers, save, print a test ticket).
 */
import {
  createNetworkPrinter,
  createUsbPrinter,
  listUsbPrinters,
  PrinterError,
  type PrinterTransport,
  renderTestTicket,
  type UsbPrinterInfo,
} from '@pst/printer';
import { KIOSK_REPRINT_SECONDS, printJobIdSchema } from '@pst/shared';
import { z } from 'zod';
import {
  KIOSK_PRINTER_CHANNELS,
  type KioskFailedPrint,
  type KioskPrinterApi,
  type KioskPrinterChoices,
  type KioskPrinterInfo,
  type KioskPrinterSetting,
  type KioskPrintJob,
  type PrintOutcome,
  type ShellResult,
} from './bridge';
import type { BrowserWindowLike, ElectronDeps, IpcMainInvokeEventLike } from './electron-like';
import { handleIpc, type IpcHandlers } from './ipc-handlers';
import type { PrintJournal } from './print-journal';
import { kioskPrinterSettingSchema } from './printer-setting';
import type { SettingsStore } from './settings';
import { createSpoolerPrinter } from './spooler';

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** The printer in words, for the hub's printer list and the set-up page. */
export function describePrinter(setting: KioskPrinterSetting): string {
  switch (setting.kind) {
    case 'hub':
      return 'printed by the hub';
    case 'network':
      return `network printer ${setting.host}:${setting.port}`;
    case 'usb':
      return `USB printer ${hex(setting.vendorId)}:${hex(setting.productId)}`;
    case 'os':
      return `OS printer "${setting.deviceName}" (${setting.paperWidth} mm)`;
  }
}

export interface KioskPrintingOptions {
  /** For tests: the USB printers connected. */
  listUsb?: () => Promise<UsbPrinterInfo[]>;
  /** For tests: the transport of a setting (default: network, USB or the OS spooler). */
  createTransport?: (setting: Exclude<KioskPrinterSetting, { kind: 'hub' }>) => PrinterTransport;
  now?: () => number;
}

export interface KioskPrintingDeps extends KioskPrintingOptions {
  electron: Pick<ElectronDeps, 'ipcMain' | 'BrowserWindow'>;
  /** The kiosk's window: its webContents lists the operating system's printers. */
  window: BrowserWindowLike;
  settings: SettingsStore;
  /** The kiosk's jobs on disk (print-journal.ts). */
  journal: PrintJournal;
  log: (message: string) => void;
  fromSetup(event: IpcMainInvokeEventLike): boolean;
  fromHub(event: IpcMainInvokeEventLike): boolean;
}

/** A job as the hub's `print:job` carries it: base64 ESC/POS (a ticket is a few kB; frames stop at 1 MB). */
const jobSchema = z.strictObject({
  jobId: printJobIdSchema,
  ticketId: z.string().max(40).nullable(),
  data: z
    .string()
    .max(1_400_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

function fail(code: 'INVALID_INPUT' | 'NOT_ALLOWED', message: string): ShellResult<never> {
  return { ok: false, error: { code, message } };
}

/** Registers the kiosk printer's IPC handlers; returns the function that removes them. */
export function startKioskPrinting(deps: KioskPrintingDeps): () => void {
  const { electron, window, settings, journal, log } = deps;
  const now = deps.now ?? Date.now;
  const listUsb = deps.listUsb ?? (() => listUsbPrinters());
  const listOs = () => window.webContents.getPrintersAsync();
  const createTransport =
    deps.createTransport ??
    ((setting: Exclude<KioskPrinterSetting, { kind: 'hub' }>): PrinterTransport => {
      switch (setting.kind) {
        case 'network':
          return createNetworkPrinter({ host: setting.host, port: setting.port });
        case 'usb':
          return createUsbPrinter({ vendorId: setting.vendorId, productId: setting.productId });
        case 'os':
          return createSpoolerPrinter({
            BrowserWindow: electron.BrowserWindow,
            deviceName: setting.deviceName,
            paperWidth: setting.paperWidth,
            listPrinters: listOs,
          });
      }
    });

  const saved = (): KioskPrinterSetting => settings.get().kioskPrinter ?? { kind: 'hub' };
  const info = (setting = saved()): KioskPrinterInfo => ({
    setting,
    local: setting.kind !== 'hub',
    description: describePrinter(setting),
  });

  // One job at a time: a thermal printer takes one, and a repeated job must wait for the first.
  let chain: Promise<unknown> = Promise.resolve();
  let transport: { key: string; printer: PrinterTransport } | null = null;
  const transportFor = (setting: Exclude<KioskPrinterSetting, { kind: 'hub' }>): PrinterTransport => {
    const key = JSON.stringify(setting);
    if (transport?.key !== key) {
      void transport?.printer.close();
      transport = { key, printer: createTransport(setting) };
    }
    return transport.printer;
  };

  const printOn = (setting: KioskPrinterSetting, bytes: Uint8Array): Promise<PrintOutcome> => {
    const run = async (): Promise<PrintOutcome> => {
      if (setting.kind === 'hub') return { state: 'error', detail: 'this kiosk does not print locally' };
      const printer = transportFor(setting);
      try {
        await printer.print(bytes);
        return { state: 'ok', detail: printer.description };
      } catch (error) {
        if (error instanceof PrinterError)
          return { state: error.state === 'unknown' ? 'error' : error.state, detail: error.message };
        return { state: 'error', detail: `${printer.description}: ${String(error)}` };
      }
    };
    const done = chain.then(run);
    chain = done.catch(() => undefined);
    return done;
  };

  /** Jobs being printed now: the same job sent again waits for that print. */
  const printing = new Map<string, Promise<PrintOutcome>>();
  const printJob = (job: KioskPrintJob): Promise<PrintOutcome> => {
    const running = printing.get(job.jobId);
    if (running) return running;
    const known = journal.get(job.jobId);
    if (known?.state === 'ok')
      return Promise.resolve({ state: 'ok', detail: `${known.detail} (printed before)`.slice(0, 500) });
    if (known?.state === 'interrupted')
      return Promise.resolve({
        state: 'error',
        detail: 'cut off by a kiosk restart: it may be on paper, so it is not printed again by itself',
      });
    journal.begin(job.jobId, job.ticketId, now());
    const done = printOn(saved(), new Uint8Array(Buffer.from(job.data, 'base64')))
      .then((outcome) => {
        journal.finish(job.jobId, outcome, now());
        return outcome;
      })
      .finally(() => printing.delete(job.jobId));
    printing.set(job.jobId, done);
    return done;
  };

  const api: IpcHandlers<KioskPrinterApi> = {
    async getPrinter(event) {
      if (!deps.fromSetup(event) && !deps.fromHub(event)) throw new Error('not allowed');
      return info();
    },
    async print(event, job) {
      if (!deps.fromHub(event)) return { state: 'error', detail: 'only the kiosk app may print' };
      const input = jobSchema.safeParse(job);
      if (!input.success)
        return {
          state: 'error',
          detail: 'not a print job ({ jobId, ticketId, data: base64 ESC/POS } expected)',
        };
      const outcome = await printJob(input.data);
      if (outcome.state !== 'ok') log(`kiosk printer: ${outcome.state}: ${outcome.detail}`);
      return outcome;
    },
    async lastFailedPrint(event): Promise<KioskFailedPrint | null> {
      if (!deps.fromHub(event)) return null;
      const failed = journal.lastFailed(now(), KIOSK_REPRINT_SECONDS * 1000);
      return failed && { ticketId: failed.ticketId, outcome: failed.outcome, detail: failed.detail };
    },
    async listPrinters(event): Promise<ShellResult<KioskPrinterChoices>> {
      if (!deps.fromSetup(event)) return fail('NOT_ALLOWED', 'only the set-up page lists printers');
      const [usb, os] = await Promise.all([listUsb().catch(() => []), listOs().catch(() => [])]);
      return {
        ok: true,
        data: {
          usb: usb.map(({ vendorId, productId }) => ({ vendorId, productId })),
          os: os.map(({ name, displayName, description }) => ({ name, displayName, description })),
        },
      };
    },
    async savePrinter(event, setting): Promise<ShellResult<KioskPrinterInfo>> {
      if (!deps.fromSetup(event))
        return fail('NOT_ALLOWED', 'the printer is changed on the set-up page only');
      const input = kioskPrinterSettingSchema.safeParse(setting);
      if (!input.success) return fail('INVALID_INPUT', 'invalid printer setting');
      settings.update({ kioskPrinter: input.data });
      log(`kiosk printer saved: ${describePrinter(input.data)}`);
      return { ok: true, data: info(input.data) };
    },
    async printTest(event, setting): Promise<ShellResult<PrintOutcome>> {
      if (!deps.fromSetup(event)) return fail('NOT_ALLOWED', 'only the set-up page prints a test ticket');
      const input =
        setting === undefined
          ? { success: true as const, data: saved() }
          : kioskPrinterSettingSchema.safeParse(setting);
      if (!input.success) return fail('INVALID_INPUT', 'invalid printer setting');
      const target = input.data;
      if (target.kind === 'hub')
        return fail(
          'INVALID_INPUT',
          'the hub prints this kiosk’s tickets: test it from the supervisor screen',
        );
      const bytes = renderTestTicket(
        { printer: describePrinter(target), at: now(), url: settings.get().hubUrl ?? 'http://pst.local' },
        { name: 'Antrian PST', address: '', timeZone: 'Asia/Jakarta', complaintChannels: [] },
        // Any printer takes a 58 mm layout; an OS printer's page says which paper it has.
        { width: target.kind === 'os' ? target.paperWidth : 58 },
      );
      const outcome = await printOn(target, bytes);
      log(`test ticket on ${describePrinter(target)}: ${outcome.state}`);
      return { ok: true, data: outcome };
    },
  };

  handleIpc(electron.ipcMain, KIOSK_PRINTER_CHANNELS, api);
  return () => {
    for (const channel of Object.values(KIOSK_PRINTER_CHANNELS)) electron.ipcMain.removeHandler(channel);
    void transport?.printer.close();
  };
}
