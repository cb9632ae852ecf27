import { access, constants, writeFile } from 'node:fs/promises';
import { PrinterError, type PrinterTransport } from './types';

/** A printer seen as a device file (Linux usblp: /dev/usb/lp0; a serial port). */
export function createDevicePrinter(options: { path: string }): PrinterTransport {
  const description = `device ${options.path}`;
  return {
    description,
    async print(job) {
      try {
        await writeFile(options.path, job, { flag: 'a' });
      } catch (error) {
        throw new PrinterError('offline', `${description}: ${(error as Error).message}`);
      }
    },
    async status() {
      try {
        await access(options.path, constants.W_OK);
        return { state: 'ok', detail: description };
      } catch (error) {
        return { state: 'offline', detail: `${description}: ${(error as Error).message}` };
      }
    },
    async close() {},
  };
}
