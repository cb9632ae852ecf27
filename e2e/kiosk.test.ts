import { closeClients, startHub, type TestHub } from '@pst/hub/testing';
import { decodeEscPos, previewText } from '@pst/printer';
import { startFakePrinter } from '@pst/printer/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, screenshot } from './browser';
import { openDesk } from './pages';

const run = browserAvailable();

describe.runIf(run)('kiosk in Chromium against a real hub and a TCP printer stand-in', () => {
  let browser: Browser;
  let hub: TestHub;
  let printer: Awaited<ReturnType<typeof startFakePrinter>>;
  let token: string;

  beforeAll(async () => {
    printer = await startFakePrinter();
    hub = await startHub({
      printer: { kind: 'network', host: printer.host, port: printer.port },
      appsDir: undefined,
    });
    token = hub.store.addDevice('kiosk', 'Kiosk Lobi', null, hub.now.value).token;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    closeClients();
    await browser?.close();
    await hub?.stop();
    await printer?.close();
  });

  it('a tap prints the ticket and shows the number big; a double tap makes one ticket', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const konsultasi = page.getByRole('button', { name: /Konsultasi Statistik/ });
    await expect.poll(() => konsultasi.isEnabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-welcome');

    const box = await konsultasi.boundingBox();
    // 20 mm at 96 CSS px per inch is about 76 px: every service button is far bigger.
    expect(box?.height).toBeGreaterThan(76);

    const job = printer.nextJob();
    await konsultasi.dblclick();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('K-001');
    const ticket = decodeEscPos((await job).subarray(6, -3));
    expect(ticket.lines.find((l) => l.width > 1)?.text).toBe('K-001');
    expect(ticket.qr).toEqual(['http://pst.local:3324/t/20261125-K001']);
    await page.getByText('Silakan ambil tiket Anda').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-ticket');
    expect(previewText((await job).subarray(6, -3))).toContain('K  -  0  0  1');

    await page.getByTestId('ticket-number').click();
    await konsultasi.waitFor();
    const rows = hub.store.db.prepare('SELECT number FROM tickets').all();
    expect(rows).toEqual([{ number: 'K-001' }]);
  });

  it('shows the number with a clear message when the printer is out of paper', async () => {
    await printer.close();
    const empty = await startFakePrinter({ status: 'paper-out' });
    const dataDir = hub.dataDir;
    closeClients();
    await hub.stop();
    hub = await startHub({
      dataDir,
      printer: { kind: 'network', host: empty.host, port: empty.port },
      appsDir: undefined,
    });
    printer = empty;
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    await page.getByRole('button', { name: /Perpustakaan/ }).click();
    await page.getByText(/Mohon catat nomor Anda/).waitFor();
    expect(await page.getByTestId('ticket-number').textContent()).toBe('P-001');
    await screenshot(page, 'kiosk-printer-failed');
    expect(hub.store.db.prepare(`SELECT print_state FROM tickets WHERE number = 'P-001'`).get()).toEqual({
      print_state: 'failed:paper-out',
    });
    // The front office is told too, in words, with what it means for the visitors.
    hub.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, hub.now.value);
    const frontOffice = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await frontOffice
      .getByTestId('printer-alert')
      .filter({ hasText: 'Printer tiket: kertas habis' })
      .waitFor();
    expect(await accessibilityViolations(frontOffice)).toEqual([]);
    await screenshot(frontOffice, 'counter-printer-alert');
    await frontOffice.context().close();
  });

  it('says plainly when the hub is gone and recovers by itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const button = page.getByRole('button', { name: /Rekomendasi Statistik/ });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const { dataDir, port } = hub;
    closeClients();
    await hub.stop();
    await page.getByRole('alert').filter({ hasText: 'Tidak terhubung' }).waitFor();
    expect(await button.isDisabled()).toBe(true);
    await screenshot(page, 'kiosk-offline');
    hub = await startHub({
      dataDir,
      port,
      printer: { kind: 'network', host: printer.host, port: printer.port },
      appsDir: undefined,
    });
    await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  });

  it('in the Electron shell, holding the office name opens the staff dialog, which asks for the PIN', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    // The shell's bridge, as its preload would put it on the page: answers like the real main process.
    await context.addInitScript(() => {
      const calls: string[] = [];
      const answer = (pin: string) =>
        pin === '2468'
          ? { ok: true, data: null }
          : { ok: false, error: { code: 'WRONG_PIN', message: 'wrong PIN' } };
      Object.assign(window, {
        staffCalls: calls,
        pstShell: {
          kind: 'kiosk',
          exit: async (pin: string) => (calls.push(`exit ${pin}`), answer(pin)),
          openSetup: async (pin: string) => (calls.push(`setup ${pin}`), answer(pin)),
        },
      });
    });
    const page = await context.newPage();
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const hold = page.getByTestId('staff-hold');
    const box = await hold.boundingBox();
    if (!box) throw new Error('the office name is not on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.getByRole('dialog').waitFor();
    await page.mouse.up();
    await page.getByLabel('PIN petugas').fill('1111');
    await page.getByRole('button', { name: 'Tutup aplikasi' }).click();
    await page.getByRole('alert').filter({ hasText: 'PIN salah.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-staff');
    await page.getByLabel('PIN petugas').fill('2468');
    await page.getByRole('button', { name: 'Buka pengaturan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { staffCalls: string[] }).staffCalls)).toEqual([
      'exit 1111',
      'setup 2468',
    ]);
    await context.close();
  });
});
