import { access, constants, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeEscPos, previewText } from '../decode';
import type { PrinterTransport } from './types';

/** Until a real printer is set up: each job as its ESC/POS bytes and a text preview in a folder. */
export function createFilePrinter(options: { dir: string }): PrinterTransport {
  let seq = 0;
  return {
    description: `file ${options.dir}`,
    async print(job) {
      await mkdir(options.dir, { recursive: true });
      const number =
        decodeEscPos(job)
          .lines.find((l) => l.width >= 4)
          ?.text.trim() || `job-${++seq}`;
      const base = join(options.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${number}`);
      await writeFile(`${base}.bin`, job);
      await writeFile(`${base}.txt`, previewText(job));
    },
    async status() {
      try {
        await mkdir(options.dir, { recursive: true });
        await access(options.dir, constants.W_OK);
        return { state: 'ok', detail: `file ${options.dir}` };
      } catch (error) {
        return { state: 'error', detail: String(error) };
      }
    },
    async close() {},
  };
}
