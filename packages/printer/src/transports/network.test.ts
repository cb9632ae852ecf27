import { createServer, type Socket } from 'node:net';
import { DEFAULT_CONFIG } from '@pst/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../decode';
import { type FakePrinterOptions, startFakePrinter, withoutStatusRequests } from '../test/fake-printer';
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
const STATUS_REQUESTS = [0x10, 0x04, 4, 0x10, 0x04, 2];

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fake(options: FakePrinterOptions = {}) {
  const printer = await startFakePrinter(options);
  cleanups.push(printer.close);
  return printer;
}

/** The PrinterError a promise rejects with (fails the test if it resolves or throws anything else). */
async function refusal(promise: Promise<unknown>): Promise<PrinterError> {
  const error = await promise.then(
    () => new Error('expected the printer to refuse'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterError);
  return error as PrinterError;
}

describe('network printer (raw TCP) against a printer stand-in on 127.0.0.1', () => {
  it('asks the status, sends the job, and the printer confirms it: the job decodes to the ticket', async () => {
    const stand = await fake();
    const printer = createPrinter({ kind: 'network', host: stand.host, port: stand.port });
    const arrived = stand.nextJob();
    await printer.print(job);
    const bytes = await arrived;
    expect([...bytes.subarray(0, 6)]).toEqual(STATUS_REQUESTS);
    expect([...bytes.subarray(-3)]).toEqual([0x10, 0x04, 1]); // "have you read it all?"
    expect(withoutStatusRequests(bytes).equals(Buffer.from(job))).toBe(true);
    expect(bytes.subarray(6, -3).equals(Buffer.from(job))).toBe(true);
    const decoded = decodeEscPos(withoutStatusRequests(bytes));
    expect(decoded.lines.find((l) => l.width > 1)?.text).toBe('P-007');
    expect(decoded.qr).toEqual(['http://10.0.0.2:3324/t/20261125-P007']);
    expect(decoded.unknown).toEqual([]);
    expect(stand.received().equals(bytes)).toBe(true);

    const statusConnection = stand.nextConnection();
    expect(await printer.status()).toEqual({ state: 'ok', detail: printer.description });
    expect([...(await statusConnection)]).toEqual(STATUS_REQUESTS);
    expect(stand.jobs).toHaveLength(1);
  });

  it('prints several jobs one connection each', async () => {
    const stand = await fake();
    const printer = createNetworkPrinter({ host: stand.host, port: stand.port });
    for (let n = 0; n < 3; n++) await printer.print(job);
    expect(stand.jobs.map((j) => withoutStatusRequests(j).length)).toEqual([
      job.length,
      job.length,
      job.length,
    ]);
  });

  it('reports a refused connection as offline', async () => {
    const stand = await startFakePrinter();
    await stand.close(); // the port is free again: connecting is refused
    const printer = createPrinter({ kind: 'network', host: '127.0.0.1', port: stand.port });
    const error = await refusal(printer.print(job));
    expect(error.state).toBe('offline');
    expect(error.message).toContain('ECONNREFUSED');
    expect(await printer.status()).toMatchObject({ state: 'offline' });
  });

  it.each([
    ['paper-out', 'paper out'],
    ['cover-open', 'cover open'],
  ] as const)(
    'refuses to print when the printer is %s, having sent only the status requests',
    async (state, says) => {
      const stand = await fake({ status: state });
      const printer = createNetworkPrinter({ host: stand.host, port: stand.port });
      const connection = stand.nextConnection();
      const error = await refusal(printer.print(job));
      expect(error.state).toBe(state);
      expect(error.message).toContain(says);
      expect([...(await connection)]).toEqual(STATUS_REQUESTS);
      expect(stand.jobs).toEqual([]);
      expect(await printer.status()).toMatchObject({ state });
    },
  );

  it('prints on a printer that never answers status requests (status unknown), once it closes', async () => {
    const stand = await fake({ status: 'no-status' });
    const printer = createNetworkPrinter({ host: stand.host, port: stand.port, statusTimeoutMs: 50 });
    const arrived = stand.nextJob();
    await printer.print(job);
    const bytes = await arrived;
    // Both questions in one write, no answer within the wait, then the job all the same.
    expect([...bytes.subarray(0, 6)]).toEqual([0x10, 0x04, 4, 0x10, 0x04, 2]);
    expect(bytes.subarray(6).equals(Buffer.from(job))).toBe(true);
    expect(await printer.status()).toMatchObject({ state: 'unknown' });
  });

  it('fails the job with error when the printer drops the connection mid-job', async () => {
    const stand = await fake({ behaviour: 'close-mid-job' });
    const printer = createNetworkPrinter({ host: stand.host, port: stand.port, timeoutMs: 5000 });
    const error = await refusal(printer.print(job));
    expect(error.state).toBe('error');
    expect(stand.jobs).toEqual([]);
  });

  it('times out as offline when the printer answers the status, then never reads the job', async () => {
    const stand = await fake({ behaviour: 'never-drain' });
    const printer = createNetworkPrinter({ host: stand.host, port: stand.port, timeoutMs: 300 });
    const started = Date.now();
    const error = await refusal(printer.print(job));
    expect(error.state).toBe('offline');
    expect(error.message).toContain('did not take the job');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out as offline when the printer accepts the connection and then says and reads nothing', async () => {
    const stand = await fake({ status: 'silent' });
    const printer = createNetworkPrinter({
      host: stand.host,
      port: stand.port,
      timeoutMs: 300,
      statusTimeoutMs: 50,
    });
    expect((await refusal(printer.print(job))).state).toBe('offline');
    expect((await printer.status()).state).toBe('unknown');
  });

  it('times out a huge job the printer never drains, even with no status answers', async () => {
    // A server that accepts and does nothing: the socket buffers fill, the write never finishes.
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      socket.pause();
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as { port: number };
    const printer = createNetworkPrinter({ host: '127.0.0.1', port, timeoutMs: 500, statusTimeoutMs: 20 });
    expect((await refusal(printer.print(new Uint8Array(32 * 1024 * 1024)))).state).toBe('offline');
  });

  it('close() ends a job in progress, and the transport prints no more', async () => {
    const stand = await fake({ behaviour: 'never-drain' });
    const printer = createNetworkPrinter({ host: stand.host, port: stand.port, timeoutMs: 60_000 });
    const printing = refusal(printer.print(job));
    await printer.close();
    expect((await printing).state).toBe('offline');
    expect((await refusal(printer.print(job))).message).toContain('closed');
  });
});
