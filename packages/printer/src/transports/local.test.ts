import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { renderTicket } from '../ticket';
import { createFilePrinter, createPrinter, createUsbPrinter, listUsbPrinters, PrinterError } from '.';

const job = renderTicket(
  {
    id: '20261125-J003',
    number: 'J-003',
    serviceName: 'Penjualan Produk Statistik',
    priority: false,
    issuedAt: Date.UTC(2026, 10, 25, 4, 30),
    peopleAhead: 0,
    estimatedWaitMinutes: 0,
    statusUrl: 'http://10.0.0.2:3324/t/20261125-J003',
  },
  DEFAULT_CONFIG.office,
  { width: 80 },
);

async function refusal(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => new Error('expected the printer to refuse'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('file printer', () => {
  it('writes <time>-<number>.bin with the bytes and .txt with the preview, creating the folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pst-print-')), 'printed', 'today');
    const at = Date.UTC(2026, 10, 25, 4, 30, 15, 250);
    const printer = createFilePrinter({ dir, now: () => at });
    expect((await printer.status()).state).toBe('ok');
    await printer.print(job);
    await printer.print(job); // the same millisecond: a second pair, nothing overwritten
    await printer.print(Uint8Array.of(0x1b, 0x40, 0x0a));
    expect(readdirSync(dir).sort()).toEqual([
      '2026-11-25_11-30-15-250_WIB-J-003-2.bin',
      '2026-11-25_11-30-15-250_WIB-J-003-2.txt',
      '2026-11-25_11-30-15-250_WIB-J-003.bin',
      '2026-11-25_11-30-15-250_WIB-J-003.txt',
      '2026-11-25_11-30-15-250_WIB-job3.bin',
      '2026-11-25_11-30-15-250_WIB-job3.txt',
    ]);
    expect(readFileSync(join(dir, '2026-11-25_11-30-15-250_WIB-J-003.bin')).equals(Buffer.from(job))).toBe(
      true,
    );
    const preview = readFileSync(join(dir, '2026-11-25_11-30-15-250_WIB-J-003.txt'), 'utf8');
    expect(preview).toContain('J  -  0  0  3');
    expect(preview).toContain('[QR] http://10.0.0.2:3324/t/20261125-J003');
    expect(preview).toContain('--- cut ---');
  });

  it('reports a folder it cannot write as not ok', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pst-print-')), 'a-file');
    writeFileSync(file, '');
    const printer = createPrinter({ kind: 'file', dir: join(file, 'sub') });
    expect((await printer.status()).state).toBe('error');
    expect((await refusal(printer.print(job))).state).toBe('error');
  });
});

describe('device printer', () => {
  it('appends each job to the device', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pst-dev-')), 'lp0');
    writeFileSync(path, 'before|');
    const printer = createPrinter({ kind: 'device', path });
    expect((await printer.status()).state).toBe('ok');
    await printer.print(job);
    await printer.print(job);
    expect(readFileSync(path).equals(Buffer.concat([Buffer.from('before|'), job, job]))).toBe(true);
  });

  it('reports a missing device as offline and does not create it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pst-dev-'));
    const printer = createPrinter({ kind: 'device', path: join(dir, 'lp9') });
    expect((await printer.status()).state).toBe('offline');
    expect((await refusal(printer.print(job))).state).toBe('offline');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('USB printer', () => {
  it('with no USB printer attached: status offline, print refused, nothing listed, no crash', async () => {
    const printer = createPrinter({ kind: 'usb' });
    const status = await printer.status();
    expect(status.state).toBe('offline');
    expect(status.detail).toMatch(/no USB printer connected|not available/);
    expect((await refusal(printer.print(job))).state).toBe('offline');
    expect(await listUsbPrinters()).toEqual([]);
    const byIds = createUsbPrinter({ vendorId: 0x0416, productId: 0x5011 });
    expect(byIds.description).toBe('USB printer 0x0416:0x5011');
    expect((await byIds.status()).state).toBe('offline');
  });

  it('where the adapter module or libusb is missing: offline, saying so', async () => {
    const missing = '@pst/no-such-usb-adapter';
    const load = () => import(/* @vite-ignore */ missing);
    const printer = createUsbPrinter({ load });
    const status = await printer.status();
    expect(status.state).toBe('offline');
    expect(status.detail).toContain('USB printing is not available here');
    const error = await refusal(printer.print(job));
    expect(error.state).toBe('offline');
    expect(error.message).toContain('not available');
    expect(await listUsbPrinters({ load })).toEqual([]);
  });

  it('prints through the adapter to the matching device, and closes it', async () => {
    const written: Buffer[] = [];
    const events: string[] = [];
    const device = { deviceDescriptor: { idVendor: 0x0416, idProduct: 0x5011 } };
    class FakeAdapter {
      static findPrinter() {
        return [device];
      }
      constructor(found: unknown) {
        events.push(found === device ? 'found' : 'other');
      }
      open(done: (error: Error | null) => void) {
        events.push('open');
        done(null);
      }
      write(data: Buffer, done: (error: Error | null) => void) {
        written.push(data);
        done(null);
      }
      close(done: (error: Error | null) => void) {
        events.push('close');
        done(null);
      }
    }
    const load = async () => ({ Adapter: FakeAdapter, devices: () => [device] });
    const printer = createUsbPrinter({ vendorId: 0x0416, productId: 0x5011, load });
    expect(await printer.status()).toMatchObject({ state: 'ok' });
    await printer.print(job);
    expect(events).toEqual(['found', 'open', 'close']);
    expect(Buffer.concat(written).equals(Buffer.from(job))).toBe(true);
    expect(await listUsbPrinters({ load })).toEqual([{ vendorId: 0x0416, productId: 0x5011 }]);
    const other = createUsbPrinter({ vendorId: 0x04b8, load });
    expect((await other.status()).state).toBe('offline');
  });

  it('times out an adapter that never calls back', async () => {
    const device = { deviceDescriptor: { idVendor: 1, idProduct: 2 } };
    class StuckAdapter {
      static findPrinter() {
        return [device];
      }
      open() {}
      write() {}
      close(done: (error: Error | null) => void) {
        done(null);
      }
    }
    const printer = createUsbPrinter({
      timeoutMs: 50,
      load: async () => ({ Adapter: StuckAdapter, devices: () => [device] }),
    });
    expect((await refusal(printer.print(job))).state).toBe('offline');
  });
});
