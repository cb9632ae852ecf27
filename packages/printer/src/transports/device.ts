import { access, constants, writeFile } from 'node:fs/promises';
import { PrinterError, type PrinterTransport } from './types';

export interface DevicePrinterOptions {
  /** e.g. /dev/usb/lp0 (Linux usblp), a serial port, or a file. */
  path: string;
  /** A device write blocks while the printer is off; give up (report offline) after this. */
  timeoutMs?: number;
}

/**
 * Append, but never create: with flag 'a' a missing /dev/usb/lp0 would become a plain file that
 * swallows every ticket while the kiosk says "printed".
 */
const APPEND_EXISTING = constants.O_WRONLY | constants.O_APPEND;

/** A printer seen as a device file: each job appended to it. */
export function createDevicePrinter(options: DevicePrinterOptions): PrinterTransport {
  const description = `device printer ${options.path}`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    description,
    async print(job) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new PrinterError('offline', `${description}: not written within ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([writeFile(options.path, job, { flag: APPEND_EXISTING }), timedOut]);
      } catch (error) {
        if (error instanceof PrinterError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        const state = code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' ? 'offline' : 'error';
        throw new PrinterError(state, `${description}: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
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
