import { closeClients, ok, send, startHub, type TestHub } from '@pst/hub/testing';
import { decodeEscPos, previewText } from '@pst/printer';
import { startFakePrinter } from '@pst/printer/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { openDesk } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

describe.runIf(run)('kiosk in Chromium against a real hub and a TCP printer stand-in', () => {
  let browser: Browser;
  let hub: TestHub;
  let printer: Awaited<ReturnType<typeof startFakePrinter>>;
  let token: string;

  beforeAll(async () => {
    printer = await startFakePrinter();
    ({ hub, browser } = await openOffice({
      printer: { kind: 'network', host: printer.host, port: printer.port },
    }));
    token = hub.store.addDevice('kiosk', 'Kiosk Lobi', null, hub.now.value).token;
  });
  const ticketCount = () =>
    (hub.store.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;

  afterAll(async () => {
    await closeOffice({ hub, browser });
    await printer?.close();
  });

  it('a tap prints the ticket and shows the number big; a double tap makes one ticket', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const konsultasi = page.getByRole('button', { name: /Konsultasi Statistik/ });
    await expect.poll(() => konsultasi.isEnabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-welcome');
    // A landscape touch screen of the common laptop size: every service and the appointment entry on
    // screen, whole (the kiosk never scrolls).
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'kiosk-welcome-1366x768');
    const targets = page.locator('button.service, button.appointment-entry, button.priority');
    // The four services and the appointment entry at least: an empty list must not pass.
    expect(await targets.count()).toBeGreaterThanOrEqual(5);
    for (const target of await targets.all()) {
      const rect = await target.boundingBox();
      if (!rect) throw new Error('a kiosk button is not laid out');
      expect(rect.y + rect.height).toBeLessThanOrEqual(768);
      expect(rect.x + rect.width).toBeLessThanOrEqual(1366);
    }
    await page.setViewportSize({ width: 1080, height: 1920 });

    const box = await konsultasi.boundingBox();
    // 20 mm at 96 CSS px per inch is about 76 px: every service button is far bigger.
    expect(box?.height).toBeGreaterThan(76);

    const job = printer.nextJob();
    await konsultasi.dblclick();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('K-001');
    const ticket = decodeEscPos(await job);
    expect(ticket.lines.find((l) => l.width > 1)?.text).toBe('K-001');
    expect(ticket.qr).toEqual(['http://pst.local:3324/t/20261125-K001']);
    await page.getByText('Silakan ambil tiket Anda').waitFor();
    // The visitor first stands in the front office's line: the number ahead counts that line.
    expect(await page.getByTestId('people-ahead').textContent()).toBe(
      '0 orang di depan Anda di antrian Front Office',
    );
    // What to do now: a walk-in goes to the front office first, for the guest book.
    await page
      .getByTestId('next-step')
      .filter({ hasText: 'menuju Front Office untuk mengisi buku tamu' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    // Taken once the tap guard is over: "Selesai" as the visitor sees it when they can press it.
    const finish = page.getByRole('button', { name: 'Selesai' });
    await expect.poll(() => finish.isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'kiosk-ticket');
    expect(previewText(await job)).toContain('K  -  0  0  1');

    // A tap on the ticket no longer goes back (the next tap would take a ticket): "Selesai" does.
    await page.getByTestId('ticket-number').click();
    await finish.click();
    await konsultasi.waitFor();
    // The start shows what the visitor can act on: the people waiting at the front office.
    await page
      .getByTestId('front-office-waiting')
      .filter({ hasText: '1 orang menunggu di Front Office' })
      .waitFor();
    expect(await page.getByText(/\d+ menunggu$/).count()).toBe(0);
    const rows = hub.store.db.prepare('SELECT number FROM tickets').all();
    expect(rows).toEqual([{ number: 'K-001' }]);
    await page.close();
  });

  it('twenty fast taps on a service make one ticket; another one is asked about first', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const sale = page.getByRole('button', { name: /Penjualan Produk Statistik/ });
    await expect.poll(() => sale.isEnabled()).toBe(true);
    const before = ticketCount();
    const tap = async (x: number, y: number) => {
      for (let i = 0; i < 20; i++) await page.mouse.click(x, y, { delay: 50 });
    };
    const card = await sale.boundingBox();
    if (!card) throw new Error('no service card');
    await tap(card.x + card.width / 2, card.y + card.height / 2);
    // Taps that go on land on the ticket, which only "Selesai" closes, and not in its first seconds.
    await page.getByTestId('ticket-number').waitFor();
    expect(ticketCount()).toBe(before + 1);

    // Hammering where "Selesai" is: back to the start once, then at most a question, never a ticket.
    const finish = page.getByRole('button', { name: 'Selesai' });
    await expect.poll(() => finish.isEnabled(), { timeout: 10_000 }).toBe(true);
    const done = await finish.boundingBox();
    if (!done) throw new Error('no Selesai button');
    await tap(done.x + done.width / 2, done.y + done.height / 2);
    const question = page.getByRole('dialog').filter({ hasText: 'baru saja diambil' });
    await sale.or(question).first().waitFor();
    expect(await page.getByText('Mohon tunggu').count()).toBe(0);
    expect(ticketCount()).toBe(before + 1);
    if (!(await question.isVisible())) await sale.click();
    await question.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const yes = page.getByRole('button', { name: 'Ya, ambil nomor baru' });
    await expect.poll(() => yes.isEnabled(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'kiosk-repeat-question');
    await page.getByRole('button', { name: 'Tidak, kembali' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(ticketCount()).toBe(before + 1);
    await page.close();
  });

  it('the next visitor finds the kiosk in Indonesian', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: /Sale of Statistical Products/ }).click();
    const again = page.getByRole('button', { name: 'Yes, take a new number' });
    await page.getByTestId('ticket-number').or(again).waitFor();
    if (await again.isVisible()) await again.click();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByText('Selamat datang di PST').waitFor();
    await page.getByRole('button', { name: /Penjualan Produk Statistik/ }).waitFor();
    await page.close();
  });

  it('a refusal shows in a slot that moves no card, and is gone after a hub restart', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    const rekomendasi = page.getByRole('button', { name: /Rekomendasi Statistik/ });
    await expect.poll(() => rekomendasi.isEnabled()).toBe(true);
    const before = await rekomendasi.boundingBox();
    // The kiosk's tickets are spent: the hub refuses with RATE_LIMITED.
    const kiosk = await hub.connect(token);
    while ((await send(kiosk, 'ticket:take', { serviceId: 'rekomendasi' })).ok);
    await rekomendasi.click();
    // Said in the visitor's words, over the welcome: not the table's "Terlalu banyak permintaan".
    await page
      .getByRole('alert')
      .filter({ hasText: 'Mohon tunggu beberapa detik lalu sentuh layanan lagi' })
      .waitFor();
    expect(await page.getByText('Terlalu banyak permintaan').count()).toBe(0);
    expect(await rekomendasi.boundingBox()).toEqual(before);
    await screenshot(page, 'kiosk-error');
    const { dataDir, port } = hub;
    closeClients();
    await hub.stop();
    hub = await startHub({
      dataDir,
      port,
      printer: { kind: 'network', host: printer.host, port: printer.port },
      appsDir: undefined,
    });
    await expect.poll(() => rekomendasi.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await rekomendasi.boundingBox()).toEqual(before);
    await page.close();
  });

  it('outside the service hours and on holidays the kiosk is closed and says when it opens', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${hub.url}/kiosk/#token=${token}`);
    await page.getByRole('button', { name: /Perpustakaan/ }).waitFor();
    const supervisor = await hub.staff('supervisor');
    const morning = hub.now.value;
    // Wednesday 25 November 2026, 19:22 WIB.
    hub.now.value = Date.parse('2026-11-25T19:22:00+07:00');
    const week = Array.from({ length: 7 }, (_, day) => (day < 5 ? { open: '08:00', close: '15:30' } : null));
    await ok(supervisor, 'settings:opening-hours', { hours: { week } });
    const closed = page.getByTestId('kiosk-closed');
    await closed.filter({ hasText: 'Buka kembali Kamis, 26 November 2026, pukul 08.00 WIB' }).waitFor();
    await ok(supervisor, 'settings:holidays', {
      holidays: [{ date: '2026-11-26', name: 'Libur Uji', isJointLeave: false }],
    });
    await closed.filter({ hasText: 'Buka kembali Jumat, 27 November 2026, pukul 08.00 WIB' }).waitFor();
    expect(await page.getByRole('button', { name: /Perpustakaan/ }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-closed');
    // The hours off again: the kiosk gives tickets.
    await ok(supervisor, 'settings:opening-hours', { hours: null });
    await page.getByRole('button', { name: /Perpustakaan/ }).waitFor();
    hub.now.value = morning;
    await page.close();
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
    const finish = page.getByRole('button', { name: 'Selesai' });
    await expect.poll(() => finish.isEnabled(), { timeout: 10_000 }).toBe(true);
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
    const banner = page.getByRole('alert').filter({ hasText: 'Koneksi terputus, menyambung kembali' });
    await banner.waitFor();
    expect(await button.isDisabled()).toBe(true);
    // The bar sits below the screen: the free-service line and every card stay uncovered.
    const bar = await banner.boundingBox();
    for (const target of await page
      .locator('button.service, button.appointment-entry, footer.footer')
      .all()) {
      const box = await target.boundingBox();
      if (!box || !bar) throw new Error('offline start screen not laid out');
      expect(box.y + box.height).toBeLessThanOrEqual(bar.y);
    }
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
          exit: async (pin: string) => {
            calls.push(`exit ${pin}`);
            return answer(pin);
          },
          openSetup: async (pin: string) => {
            calls.push(`setup ${pin}`);
            return answer(pin);
          },
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
    await page.getByRole('alert').filter({ hasText: 'PIN salah, coba lagi.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'kiosk-staff');
    // After a wrong PIN the field is cleared and keeps the keyboard: the PIN is typed again at once.
    await page.keyboard.type('2468');
    expect(await page.getByLabel('PIN petugas').inputValue()).toBe('2468');
    await page.getByRole('button', { name: 'Buka pengaturan' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { staffCalls: string[] }).staffCalls)).toEqual([
      'exit 1111',
      'setup 2468',
    ]);
    await context.close();
  });
});
