import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeEscPos, renderTicket } from '@pst/printer';
import { startFakePrinter, withoutStatusRequests } from '@pst/printer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_PRINTER_CHANNELS as CH, type KioskPrinterSetting } from './bridge';
import { PRINT_JOURNAL_FILE } from './print-journal';
import { SETTINGS_FILE } from './settings';
import { startShell } from './shell';
import { createFakeElectron, createFakeSpooler, createManualClock, tempDir } from './test-fakes';

const HUB = 'http://192.168.1.10:3324';
const APP_URL = `${HUB}/kiosk/`;
const DIST = '/opt/pst/resources/app.asar/electron-dist';
const SETUP_URL = pathToFileURL(join(DIST, 'setup.html')).href;
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const TICKET = renderTicket(
  {
    id: '20261125-K001',
    number: 'K-001',
    serviceName: 'Konsultasi Statistik',
    priority: false,
    issuedAt: Date.UTC(2026, 10, 25, 2, 0),
    peopleAhead: 0,
    estimatedWaitMinutes: 0,
    statusUrl: `${HUB}/t/20261125-K001`,
  },
  { name: 'BPS Kabupaten Kendal', address: 'Kendal', timeZone: 'Asia/Jakarta', complaintChannels: [] },
  { width: 80 },
);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
/** A job as the hub's `print:job` carries it. */
const job = (jobId: string, data = base64(TICKET)) => ({ jobId, ticketId: '20261125-K001', data });

async function kioskShell(settings: Record<string, unknown> = { hubUrl: HUB }, userData = tempDir()) {
  writeFileSync(join(userData, SETTINGS_FILE), JSON.stringify(settings));
  const spooler = createFakeSpooler(['EPSON TM-T82 Receipt', 'Microsoft Print to PDF']);
  const fake = createFakeElectron({ userData, spooler });
  const log: string[] = [];
  await startShell('kiosk', fake.electron, {
    distDir: DIST,
    platform: 'win32',
    env: {},
    clock: createManualClock(),
    log: (line) => log.push(line),
    fetch: async () => Response.json({ status: 'ok', version: '0.1.0' }),
    kioskPrinting: { listUsb: async () => [{ vendorId: 0x0416, productId: 0x5011 }] },
  });
  const saved = () => JSON.parse(readFileSync(join(userData, SETTINGS_FILE), 'utf8'));
  return { ...fake, spooler, log, saved, userData };
}

describe('kiosk printer: set-up page section (main side)', () => {
  it('lists USB printers and the operating system printers, for the set-up page only', async () => {
    const shell = await kioskShell();
    expect(await shell.invoke(CH.listPrinters, SETUP_URL)).toEqual({
      ok: true,
      data: {
        usb: [{ vendorId: 0x0416, productId: 0x5011 }],
        os: [
          {
            name: 'EPSON TM-T82 Receipt',
            displayName: 'EPSON TM-T82 Receipt',
            description: expect.any(String),
          },
          {
            name: 'Microsoft Print to PDF',
            displayName: 'Microsoft Print to PDF',
            description: expect.any(String),
          },
        ],
      },
    });
    expect(await shell.invoke(CH.listPrinters, APP_URL)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });

  it('starts "printed by the hub"; saves a checked choice, which the kiosk app then reads', async () => {
    const shell = await kioskShell();
    expect(await shell.invoke(CH.getPrinter, APP_URL)).toEqual({
      setting: { kind: 'hub' },
      local: false,
      description: 'printed by the hub',
    });
    const os: KioskPrinterSetting = { kind: 'os', deviceName: 'EPSON TM-T82 Receipt', paperWidth: 58 };
    expect(await shell.invoke(CH.savePrinter, SETUP_URL, os)).toMatchObject({
      ok: true,
      data: { local: true },
    });
    expect(shell.saved().kioskPrinter).toEqual(os);
    expect(await shell.invoke(CH.getPrinter, APP_URL)).toMatchObject({
      local: true,
      description: 'OS printer "EPSON TM-T82 Receipt" (58 mm)',
    });
    for (const bad of [
      { kind: 'network', host: 'printer; rm -rf', port: 9100 },
      { kind: 'usb', vendorId: 70000, productId: 1 },
      { kind: 'os', deviceName: 'X', paperWidth: 76 },
      { kind: 'lpt' },
    ]) {
      expect(await shell.invoke(CH.savePrinter, SETUP_URL, bad)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
    }
    // The hub's page cannot change the printer.
    expect(await shell.invoke(CH.savePrinter, APP_URL, { kind: 'hub' })).toMatchObject({ ok: false });
    expect(shell.saved().kioskPrinter).toEqual(os);
  });

  it('"Cetak tiket uji" prints a marked test ticket on the chosen OS printer and reports the result', async () => {
    const shell = await kioskShell();
    const os: KioskPrinterSetting = { kind: 'os', deviceName: 'EPSON TM-T82 Receipt', paperWidth: 80 };
    expect(await shell.invoke(CH.printTest, SETUP_URL, os)).toEqual({
      ok: true,
      data: { state: 'ok', detail: 'OS printer "EPSON TM-T82 Receipt" (80 mm)' },
    });
    expect(shell.spooler.jobs).toHaveLength(1);
    expect(shell.spooler.jobs[0]?.options).toMatchObject({
      silent: true,
      deviceName: 'EPSON TM-T82 Receipt',
    });
    const page = decodeURIComponent(shell.spooler.jobs[0]?.url ?? '');
    expect(page).toContain('TIKET UJI');
    expect(page).toContain('TEST TICKET');

    shell.spooler.answer = { success: false, reason: 'Printer out of paper' };
    expect(await shell.invoke(CH.printTest, SETUP_URL, os)).toMatchObject({
      ok: true,
      data: { state: 'error', detail: expect.stringContaining('Printer out of paper') },
    });
    // Not saved by testing it.
    expect(shell.saved().kioskPrinter).toBeUndefined();
    expect(await shell.invoke(CH.printTest, SETUP_URL, { kind: 'hub' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('a test ticket on a network printer reaches the printer as ESC/POS', async () => {
    const printer = await startFakePrinter();
    closers.push(() => printer.close());
    const shell = await kioskShell();
    const job = printer.nextJob();
    const network = { kind: 'network', host: printer.host, port: printer.port };
    expect(await shell.invoke(CH.printTest, SETUP_URL, network)).toMatchObject({
      ok: true,
      data: { state: 'ok' },
    });
    const ticket = decodeEscPos(withoutStatusRequests(await job));
    expect(ticket.lines.find((line) => line.width > 1)?.text).toBe('TIKET UJI');
    expect(ticket.qr).toEqual([HUB]);
  });
});

describe('kiosk printer: jobs from the hub', () => {
  it('prints the bytes the hub sent on the saved printer, only for the hub page', async () => {
    const printer = await startFakePrinter();
    closers.push(() => printer.close());
    const shell = await kioskShell({
      hubUrl: HUB,
      kioskPrinter: { kind: 'network', host: printer.host, port: printer.port },
    });
    const paper = printer.nextJob();
    expect(await shell.invoke(CH.print, APP_URL, job('a1'))).toMatchObject({ state: 'ok' });
    expect(Buffer.compare(withoutStatusRequests(await paper), Buffer.from(TICKET))).toBe(0);

    expect(await shell.invoke(CH.print, SETUP_URL, job('a2'))).toMatchObject({ state: 'error' });
    expect(await shell.invoke(CH.print, 'https://evil.example/', job('a3'))).toMatchObject({
      state: 'error',
    });
    expect(await shell.invoke(CH.print, APP_URL, job('a4', 'not base64!'))).toMatchObject({ state: 'error' });
    expect(await shell.invoke(CH.print, APP_URL, base64(TICKET))).toMatchObject({ state: 'error' });
  });

  it('reports paper out from the kiosk printer, and "does not print locally" when the hub prints', async () => {
    const printer = await startFakePrinter({ status: 'paper-out' });
    closers.push(() => printer.close());
    const shell = await kioskShell({
      hubUrl: HUB,
      kioskPrinter: { kind: 'network', host: printer.host, port: printer.port },
    });
    expect(await shell.invoke(CH.print, APP_URL, job('p1'))).toMatchObject({ state: 'paper-out' });
    expect(shell.log.join('\n')).toContain('paper-out');

    const hubPrints = await kioskShell();
    expect(await hubPrints.invoke(CH.print, APP_URL, job('h1'))).toMatchObject({
      state: 'error',
      detail: 'this kiosk does not print locally',
    });
  });

  it('keeps its jobs on disk: after a restart a printed job is not printed again, a failed one is known', async () => {
    const printer = await startFakePrinter();
    closers.push(() => printer.close());
    const settings = {
      hubUrl: HUB,
      kioskPrinter: { kind: 'network', host: printer.host, port: printer.port },
    };
    const first = await kioskShell(settings);
    expect(await first.invoke(CH.print, APP_URL, job('a1'))).toMatchObject({ state: 'ok' });
    // The same job again (the hub never heard the answer): answered, not printed twice.
    expect(await first.invoke(CH.print, APP_URL, job('a1'))).toMatchObject({ state: 'ok' });
    await expect.poll(() => printer.jobs.length).toBe(1);
    expect(await first.invoke(CH.lastFailedPrint, APP_URL)).toBeNull();

    // Paper runs out on the next ticket; the kiosk restarts.
    printer.set({ status: 'paper-out' });
    expect(await first.invoke(CH.print, APP_URL, job('b2'))).toMatchObject({ state: 'paper-out' });
    const second = await kioskShell(settings, first.userData);
    expect(await second.invoke(CH.lastFailedPrint, APP_URL)).toEqual({
      ticketId: '20261125-K001',
      outcome: 'paper-out',
      detail: expect.stringContaining('paper'),
    });
    expect(await second.invoke(CH.lastFailedPrint, SETUP_URL)).toBeNull();
    expect(await second.invoke(CH.print, APP_URL, job('a1'))).toMatchObject({ state: 'ok' });
    // New paper: the failed job prints when the hub sends it again, and nothing is left to offer.
    printer.set({ status: 'ok' });
    expect(await second.invoke(CH.print, APP_URL, job('b2'))).toMatchObject({ state: 'ok' });
    await expect.poll(() => printer.jobs.length).toBe(2);
    expect(await second.invoke(CH.lastFailedPrint, APP_URL)).toBeNull();
    const journal = JSON.parse(readFileSync(join(first.userData, PRINT_JOURNAL_FILE), 'utf8'));
    expect(journal.jobs.map((j: { jobId: string; state: string }) => [j.jobId, j.state])).toEqual([
      ['a1', 'ok'],
      ['b2', 'ok'],
    ]);
  });

  it('never prints again by itself a job cut off by a restart (it may be on paper)', async () => {
    // A printer that takes the connection and never reads: the kiosk stops mid-job.
    const hung = await startFakePrinter({ status: 'hung' });
    const after = await startFakePrinter();
    closers.push(
      () => hung.close(),
      () => after.close(),
    );
    const to = (p: { host: string; port: number }) => ({
      hubUrl: HUB,
      kioskPrinter: { kind: 'network', host: p.host, port: p.port },
    });
    const first = await kioskShell(to(hung));
    void first.invoke(CH.print, APP_URL, job('c3'));
    const file = join(first.userData, PRINT_JOURNAL_FILE);
    await expect.poll(() => existsSync(file) && readFileSync(file, 'utf8').includes('"printing"')).toBe(true);

    // Restarted (on a working printer): the hub sends the job again; it is answered, not printed.
    const second = await kioskShell(to(after), first.userData);
    expect(await second.invoke(CH.print, APP_URL, job('c3'))).toMatchObject({
      state: 'error',
      detail: expect.stringContaining('not printed again'),
    });
    expect(after.counts().connections).toBe(0);
    expect(await second.invoke(CH.lastFailedPrint, APP_URL)).toMatchObject({ ticketId: '20261125-K001' });
    // A reprint is a new job: that one prints.
    expect(await second.invoke(CH.print, APP_URL, job('c4'))).toMatchObject({ state: 'ok' });
    await expect.poll(() => after.jobs.length).toBe(1);
  });
});
