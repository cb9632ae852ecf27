import type { TestHub } from '@pst/hub/testing';
import { decodeEscPos } from '@pst/printer';
import { type FakePrinter, startFakePrinter } from '@pst/printer/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { openDesk } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** The number and the reprint mark of a ticket on paper. */
function onPaper(job: Buffer) {
  const decoded = decodeEscPos(job);
  return {
    number: decoded.lines.find((l) => l.width > 2)?.text,
    mark: decoded.lines.map((l) => l.text).find((t) => t.startsWith('CETAK ULANG')) ?? null,
  };
}

describe.runIf(run)('reprints in Chromium: the kiosk offer and the front office list', () => {
  let browser: Browser;
  let hub: TestHub;
  let printer: FakePrinter;
  let token: string;

  beforeAll(async () => {
    printer = await startFakePrinter({ status: 'paper-out' });
    ({ hub, browser } = await openOffice({
      printer: { kind: 'network', host: printer.host, port: printer.port },
      // No retry by itself during the test: the paper comes back only when someone asks.
      printRetryDelayMs: 10 * 60_000,
    }));
    token = hub.store.addDevice('kiosk', 'Kiosk Lobi', null, hub.now.value).token;
    hub.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, hub.now.value);
  });
  afterAll(async () => {
    await closeOffice({ hub, browser });
    await printer?.close();
  });

  it('the kiosk offers "Cetak ulang" after a failed print; the front office sees and reprints the others', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/#token=${token}`);
    await kiosk.getByRole('button', { name: /Konsultasi Statistik/ }).click();
    await kiosk.getByText(/Mohon catat nomor Anda/).waitFor();
    const again = kiosk.getByRole('button', { name: 'Cetak ulang' });
    await again.waitFor();
    expect(await accessibilityViolations(kiosk)).toEqual([]);
    await screenshot(kiosk, 'kiosk-reprint-offer');

    // The front office sees the ticket with no paper, with the printer alert.
    const desk = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await desk.getByTestId('printer-alert').filter({ hasText: 'kertas habis' }).waitFor();
    const failed = desk.getByTestId('print-failure-K-001');
    await failed.filter({ hasText: 'gagal dicetak' }).waitFor();
    expect(await failed.getByRole('button', { name: 'Cetak ulang' }).isVisible()).toBe(true);

    // Paper in; the visitor presses "Cetak ulang": once on paper, marked.
    printer.set({ status: 'ok' });
    const job = printer.nextJob();
    await again.click();
    expect(onPaper(await job)).toEqual({
      number: 'K-001',
      mark: expect.stringMatching(/^CETAK ULANG \d\d\.\d\d$/),
    });
    await kiosk.getByText('Silakan ambil tiket Anda').waitFor();
    await failed.waitFor({ state: 'detached' });

    // Paper out again: the next visitor's ticket is in the list; the front office reprints it.
    printer.set({ status: 'paper-out' });
    await kiosk.getByTestId('ticket-number').click();
    await kiosk.getByRole('button', { name: /Perpustakaan/ }).click();
    await kiosk.getByText(/Mohon catat nomor Anda/).waitFor();
    const next = desk.getByTestId('print-failure-P-001');
    await next.waitFor();
    expect(await accessibilityViolations(desk)).toEqual([]);
    await screenshot(desk, 'counter-print-failures');
    printer.set({ status: 'ok' });
    const second = printer.nextJob();
    await next.getByRole('button', { name: 'Cetak ulang' }).click();
    expect(onPaper(await second)).toMatchObject({
      number: 'P-001',
      mark: expect.stringMatching(/^CETAK ULANG/),
    });
    await desk.getByText('P-001 dicetak ulang.').waitFor();
    await next.waitFor({ state: 'detached' });
    expect(printer.jobs).toHaveLength(2);
    await desk.context().close();
    await kiosk.close();
  });

  it('the kiosk drops its failure note when the hub prints the ticket after all (printer back)', async () => {
    // The printer is switched off: nothing reaches it, the job waits in the hub's queue.
    await printer.stop();
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/#token=${token}`);
    await kiosk.getByRole('button', { name: /Konsultasi Statistik/ }).click();
    await kiosk.getByRole('button', { name: 'Cetak ulang' }).waitFor();
    const taken = await kiosk.getByTestId('ticket-number').textContent();
    // Back on: the hub's print queue tries again by itself (here at its housekeeping) and prints it.
    await printer.start();
    const job = printer.nextJob();
    await hub.housekeeping();
    expect(onPaper(await job)).toMatchObject({ number: taken, mark: expect.stringMatching(/^CETAK ULANG/) });
    await kiosk.getByText('Silakan ambil tiket Anda').waitFor();
    await kiosk.getByRole('button', { name: 'Cetak ulang' }).waitFor({ state: 'detached' });
    expect(await kiosk.getByText(/Mohon catat nomor Anda/).count()).toBe(0);
    await kiosk.close();
  });
});
