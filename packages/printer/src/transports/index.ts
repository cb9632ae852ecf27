import { createDevicePrinter } from './device';
import { createFilePrinter } from './file';
import { createNetworkPrinter } from './network';
import type { PrinterStatus, PrinterTransport } from './types';
import { createUsbPrinter } from './usb';

/**
 * Where the hub prints. The OS spooler transport lives in the Electron kiosk shell: it implements
 * PrinterTransport, and is not configured here.
 */
export type PrinterConfig =
  | { kind: 'file'; dir: string }
  | { kind: 'network'; host: string; port?: number }
  | { kind: 'usb'; vendorId?: number; productId?: number }
  | { kind: 'device'; path: string };

/** `onStatusBack`: what a network printer with Automatic Status Back says unasked (paper out, ...). */
export function createPrinter(
  config: PrinterConfig,
  events: { onStatusBack?: (status: PrinterStatus) => void } = {},
): PrinterTransport {
  switch (config.kind) {
    case 'file':
      return createFilePrinter({ dir: config.dir });
    case 'network':
      return createNetworkPrinter({
        host: config.host,
        port: config.port,
        onStatusBack: events.onStatusBack,
      });
    case 'usb':
      return createUsbPrinter({ vendorId: config.vendorId, productId: config.productId });
    case 'device':
      return createDevicePrinter({ path: config.path });
  }
}

export { createDevicePrinter, type DevicePrinterOptions } from './device';
export { createFilePrinter, type FilePrinterOptions } from './file';
export { createNetworkPrinter, type NetworkPrinterOptions } from './network';
export * from './types';
export {
  createUsbPrinter,
  listUsbPrinters,
  type UsbAdapterLoader,
  type UsbModules,
  type UsbPrinterInfo,
  type UsbPrinterOptions,
} from './usb';
