import { PrinterError, type PrinterStatus, type PrinterTransport } from './types';

/**
 * What this transport uses of `@node-escpos/usb-adapter` (with `usb@2.18.0`, pinned by the root
 * overrides: usb 3.x has no getDeviceList/findByIds). Typed here, and loaded with a dynamic import
 * inside the functions, so the package type-checks and runs where the optional module or libusb is
 * missing: USB printing is then 'offline' with a clear detail.
 */
export interface UsbDeviceLike {
  deviceDescriptor: { idVendor: number; idProduct: number };
}
interface UsbAdapterLike {
  open(callback: (error: Error | null) => void): unknown;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): unknown;
  close(callback: (error: Error | null) => void): unknown;
}
export interface UsbAdapterClass {
  new (vid?: number | UsbDeviceLike, pid?: number): UsbAdapterLike;
  findPrinter(): UsbDeviceLike[];
}
/** The adapter class, and every USB device connected (printer class or not). */
export interface UsbModules {
  Adapter: UsbAdapterClass;
  devices(): UsbDeviceLike[];
}
export type UsbAdapterLoader = () => Promise<UsbModules>;

const MODULE = '@node-escpos/usb-adapter';
const USB = 'usb';

const loadAdapter: UsbAdapterLoader = async () => {
  const adapterModule = (await import(/* @vite-ignore */ MODULE)) as {
    default: UsbAdapterClass | { default: UsbAdapterClass };
  };
  const usb = (await import(/* @vite-ignore */ USB)) as { getDeviceList?: () => UsbDeviceLike[] };
  const Adapter =
    'findPrinter' in adapterModule.default ? adapterModule.default : adapterModule.default.default;
  if (typeof Adapter?.findPrinter !== 'function') throw new Error(`${MODULE} has no USBAdapter`);
  const { getDeviceList } = usb;
  if (typeof getDeviceList !== 'function')
    throw new Error('usb has no getDeviceList (usb 3.x? pin usb@2.18.0)');
  return { Adapter, devices: () => getDeviceList() };
};

export interface UsbPrinterOptions {
  vendorId?: number;
  productId?: number;
  /** Opening and writing to the device (the adapter's callbacks may never come): default 10 s. */
  timeoutMs?: number;
  /** For tests: how the adapter module is loaded. */
  load?: UsbAdapterLoader;
}

export interface UsbPrinterInfo {
  vendorId: number;
  productId: number;
}

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

async function tryLoad(load: UsbAdapterLoader): Promise<UsbModules | Error> {
  try {
    return await load();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function unavailable(error: Error): string {
  return `USB printing is not available here (${MODULE} or libusb missing): ${error.message}`;
}

function info(device: UsbDeviceLike): UsbPrinterInfo {
  return { vendorId: device.deviceDescriptor.idVendor, productId: device.deviceDescriptor.idProduct };
}

/** USB printers (interface class 7) connected now; [] when none, or when USB is unavailable. */
export async function listUsbPrinters(options: { load?: UsbAdapterLoader } = {}): Promise<UsbPrinterInfo[]> {
  const usb = await tryLoad(options.load ?? loadAdapter);
  if (usb instanceof Error) return [];
  try {
    return usb.Adapter.findPrinter().map(info);
  } catch {
    return [];
  }
}

/** Runs a callback-style adapter call; its callback may never come (no endpoint), hence the timer. */
function call(
  start: (done: (error: Error | null | undefined) => void) => void,
  timeoutMs: number,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      start((error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      });
    } catch (error) {
      clearTimeout(timer);
      reject(error);
    }
  });
}

/**
 * A USB thermal printer through libusb, opened for each job. With both ids the device is found
 * by them (also printers that do not declare the printer class); otherwise the first printer-class
 * device (of that vendor). USB gives no paper or cover status here: 'ok' means connected.
 */
export function createUsbPrinter(options: UsbPrinterOptions = {}): PrinterTransport {
  const load = options.load ?? loadAdapter;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const { vendorId, productId } = options;
  const byIds = vendorId !== undefined && productId !== undefined;
  const wanted =
    vendorId === undefined ? 'any' : `${hex(vendorId)}:${productId === undefined ? '*' : hex(productId)}`;
  const description = `USB printer ${wanted}`;

  /** The device to print on, or an Error saying why there is none. */
  async function locate(): Promise<{ usb: UsbModules; device: UsbDeviceLike } | Error> {
    const usb = await tryLoad(load);
    if (usb instanceof Error) return new Error(unavailable(usb));
    try {
      const candidates = byIds ? usb.devices() : usb.Adapter.findPrinter();
      const device = candidates.find(
        (d) =>
          (vendorId === undefined || info(d).vendorId === vendorId) &&
          (productId === undefined || info(d).productId === productId),
      );
      return device ? { usb, device } : new Error('no USB printer connected');
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  return {
    description,
    async print(job) {
      const found = await locate();
      if (found instanceof Error) throw new PrinterError('offline', `${description}: ${found.message}`);
      let adapter: UsbAdapterLike;
      try {
        adapter = new found.usb.Adapter(found.device);
      } catch (error) {
        throw new PrinterError('offline', `${description}: ${(error as Error).message}`);
      }
      try {
        await call((done) => adapter.open(done), timeoutMs, 'opening the printer');
        await call((done) => adapter.write(Buffer.from(job), done), timeoutMs, 'sending the job');
      } catch (error) {
        const message = (error as Error).message;
        // LIBUSB_ERROR_ACCESS and the like: the device is there but may not be used (a udev rule).
        const state = /NO_DEVICE|NOT_FOUND|no answer/.test(message) ? 'offline' : 'error';
        throw new PrinterError(state, `${description}: ${message}`);
      } finally {
        try {
          adapter.close(() => undefined);
        } catch {
          // the device is gone already
        }
      }
    },
    async status(): Promise<PrinterStatus> {
      const found = await locate();
      if (found instanceof Error) return { state: 'offline', detail: `${description}: ${found.message}` };
      const { vendorId: v, productId: p } = info(found.device);
      return {
        state: 'ok',
        detail: `USB printer ${hex(v)}:${hex(p)} connected (paper and cover status are not read over USB)`,
      };
    },
    async close() {},
  };
}
