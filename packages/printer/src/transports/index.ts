import { createDevicePrinter } from './device';
import { createFilePrinter } from './file';
import { createNetworkPrinter } from './network';
import type { PrinterTransport } from './types';

export type PrinterConfig =
  | { kind: 'file'; dir: string }
  | { kind: 'network'; host: string; port?: number }
  | { kind: 'device'; path: string };

export function createPrinter(config: PrinterConfig): PrinterTransport {
  switch (config.kind) {
    case 'file':
      return createFilePrinter(config);
    case 'network':
      return createNetworkPrinter(config);
    case 'device':
      return createDevicePrinter(config);
  }
}

export * from './types';
export { createDevicePrinter, createFilePrinter, createNetworkPrinter };
