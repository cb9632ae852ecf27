import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileStamp } from '@pst/shared';
import { decodeEscPos, previewText } from '../decode';
import { PrinterError, type PrinterTransport } from './types';

export interface FilePrinterOptions {
  dir: string;
  /** For tests: the time in the file names. */
  now?: () => number;
}

/** The ticket number of a job: its first line printed wide (a name safe for files). */
function jobName(job: Uint8Array): string | null {
  const number = decodeEscPos(job)
    .lines.find((line) => line.width > 1)
    ?.text.trim();
  const safe = number?.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 40);
  return safe || null;
}

/**
 * Until a real printer is set up (and for demos): each job as `<time>-<number>.bin` with its
 * ESC/POS bytes, beside `<time>-<number>.txt` with a text preview.
 */
export function createFilePrinter(options: FilePrinterOptions): PrinterTransport {
  const now = options.now ?? Date.now;
  const description = `file printer ${options.dir}`;
  let jobs = 0;
  return {
    description,
    async print(job) {
      jobs++;
      // Office time (WIB), as staff read the clock, not UTC.
      const stamp = fileStamp(now());
      const name = jobName(job) ?? `job${jobs}`;
      try {
        await mkdir(options.dir, { recursive: true });
        // Two jobs in one millisecond with the same name (a reprint) must not overwrite each other.
        let base = join(options.dir, `${stamp}-${name}`);
        for (let n = 2; ; n++) {
          try {
            await writeFile(`${base}.bin`, job, { flag: 'wx' });
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
            base = join(options.dir, `${stamp}-${name}-${n}`);
          }
        }
        await writeFile(`${base}.txt`, previewText(job));
      } catch (error) {
        throw new PrinterError('error', `${description}: ${(error as Error).message}`);
      }
    },
    async status() {
      try {
        await mkdir(options.dir, { recursive: true });
        await access(options.dir, constants.W_OK);
        return { state: 'ok', detail: description };
      } catch (error) {
        return { state: 'error', detail: `${description}: ${(error as Error).message}` };
      }
    },
    async close() {},
  };
}
