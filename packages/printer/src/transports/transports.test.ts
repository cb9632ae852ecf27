import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '@pst/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../decode';
import { startFakePrinter, withoutStatusRequests } from '../testing/fake-printer';
import { renderTicket } from '../ticket';
import { createNetworkPrinter, createPrinter, PrinterError } from '.';

const job = renderTicket(
  {
    id: '20261125-P007',
    number: 'P-007',
    serviceName: 'Perpustakaan',
    priority: true,
    issuedAt: Date.UTC(2026, 10, 25, 3, 0),
    peopleAhead: 1,
    estimatedWaitMinutes: 10,
    statusUrl: 'http://10.0.0.2:3324/t/20261125-P007',
  },
  DEFAULT_CONFIG.office,
  { width: 58 },
);

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function fake(options: Parameters<typeof startFakePrinter>[0] = {}) {
  const printer = await startFakePrinter(options);
  closers.push(printer.close);
  return printer;
}

async function refusal(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('network printer (raw TCP 9100) against a printer stand-in on 127.0.0.1', () => {
  it('asks the status, then sends the job, which decodes to the ticket', async () => {
    const stand = await fake();
    const printer = createPrinter({ kind: 'network', host: stand.host, port: stand.port });
    const arrived = stand.nextJob();
    await printer.print(job);
    const bytes = await arrived;
    expect([...bytes.subarray(0, 6)]).toEqual([0x10, 0x04, 4, 0x10, 0x04, 2]);
    // The job, then one more status request that confirms the printer received all of it.
    expect([...bytes.subarray(-3)]).toEqual([0x10, 0x04, 1]);
    expect(withoutStatusRequests(bytes.subarray(0, -3)).equals(Buffer.from(job))).toBe(true);
    const decoded = decodeEscPos(withoutStatusRequests(bytes.subarray(0, -3)));
    expect(decoded.lines.find((l) => l.width > 1 && l.text === 'P-007')).toBeDefined();
    expect(decoded.qr).toEqual(['http://10.0.0.2:3324/t/20261125-P007']);
    expect(await printer.status()).toMatchObject({ state: 'ok' });
  });

  it('reports a refused connection as offline', async () => {
    const stand = await fake();
    await stand.close();
    closers.pop();
    const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: stand.port });
    expect((await refusal(printer.print(job))).state).toBe('offline');
    expect((await printer.status()).state).toBe('offline');
  });

  it.each([
    ['paper-out', 'paper-out'],
    ['cover-open', 'cover-open'],
  ] as const)(
    'refuses to print when the printer says %s, sending nothing but the status requests',
    async (status, state) => {
      const stand = await fake({ status });
      const printer = createPrinter({ kind: 'network', host: stand.host, port: stand.port });
      const arrived = stand.nextJob();
      expect((await refusal(printer.print(job))).state).toBe(state);
      expect((await printer.status()).state).toBe(state);
      const sent = await Promise.race([
        arrived,
        new Promise<Buffer>((r) => setTimeout(() => r(Buffer.alloc(0)), 2000)),
      ]);
      expect(withoutStatusRequests(sent).length).toBe(0);
    },
  );

  it('prints on a printer that never answers status requests', async () => {
    const stand = await fake({ status: 'silent' });
    const printer = createPrinter({ kind: 'network', host: stand.host, port: stand.port });
    const arrived = stand.nextJob();
    await printer.print(job);
    expect(withoutStatusRequests(await arrived).equals(Buffer.from(job))).toBe(true);
    expect((await printer.status()).state).toBe('unknown');
  });

  it('fails a job when the printer closes in the middle of it', async () => {
    const stand = await fake({ behaviour: 'close-mid-job' });
    const printer = createPrinter({ kind: 'network', host: stand.host, port: stand.port });
    expect((await refusal(printer.print(job))).state).toBe('error');
  });

  it('times out a printer that accepts the connection and never reads', async () => {
    // A server that accepts and then does nothing at all: no status, no reading.
    const accepted: Socket[] = [];
    const server = createServer((socket) => void accepted.push(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => {
      for (const socket of accepted) socket.destroy();
      return new Promise((r) => server.close(() => r()));
    });
    const port = (server.address() as { port: number }).port;
    const impatient = createNetworkPrinter({
      host: '127.0.0.1',
      port,
      timeoutMs: 1500,
      statusTimeoutMs: 100,
    });
    // More than the socket buffers hold, so the write can only finish if the printer reads.
    const huge = new Uint8Array(64 * 1024 * 1024);
    expect((await refusal(impatient.print(huge))).state).toBe('offline');
  });
});

describe('file and device printers', () => {
  it('writes the bytes and a text preview per job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pst-print-'));
    const printer = createPrinter({ kind: 'file', dir });
    expect((await printer.status()).state).toBe('ok');
    await printer.print(job);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/P-007\.bin$/);
    expect(readFileSync(join(dir, files[0] as string)).equals(Buffer.from(job))).toBe(true);
    expect(readFileSync(join(dir, files[1] as string), 'utf8')).toContain(
      '[QR] http://10.0.0.2:3324/t/20261125-P007',
    );
  });

  it('appends jobs to a device path, and reports a missing device as offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pst-dev-'));
    const path = join(dir, 'lp0');
    writeFileSync(path, '');
    const printer = createPrinter({ kind: 'device', path });
    await printer.print(job);
    await printer.print(job);
    expect(readFileSync(path).length).toBe(job.length * 2);
    const missing = createPrinter({ kind: 'device', path: join(dir, 'nope', 'lp9') });
    expect((await missing.status()).state).toBe('offline');
    expect((await refusal(missing.print(job))).state).toBe('offline');
  });
});
