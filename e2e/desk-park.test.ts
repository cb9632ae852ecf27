/**
 * Hold (tunda) and send to a named desk in Chromium against a real hub (issue 20, part 2): the desk's
 * keys T, K and B (the other actions by their buttons, whose keys desk control part 1 owns), the parked list and its no-show proposal, and the lobby display's
 * "menunggu di Meja Konsultasi 2" without announcing a parked ticket again.
 */
import { directOfficeDir, ok, type TestHub } from '@pst/hub/testing';
import { announcementUtterance, dayStart, officeDay } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { currentNumber, openDesk, signIn } from './pages';
import { closeOffice, openOffice, recordSpeech } from './setup';

const run = browserAvailable();
const MINUTE = 60_000;

const RECORD_SPEECH = recordSpeech(20);

/**
 * A desk ignores its keys while a command is under way (the call, then the visit it loads): wait for
 * the call's notice and the visit of the called ticket before the next key.
 */
async function settled(page: Page, number: string, desk: string): Promise<void> {
  await page.getByText(`${number} dipanggil ke ${desk}`).waitFor();
  await page.getByRole('heading', { name: `Kunjungan ${number}` }).waitFor();
}

const said = (page: Page) => page.evaluate(() => (window as unknown as { __said: string[] }).__said);
const K1 = { id: 'konsultasi-1', name: 'Meja Konsultasi 1' };
const announced = (number: string) => announcementUtterance(number, K1);

describe.runIf(run)('hold and send to a named desk in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;
  let display: Page;
  let budi: Page;
  let sari: Page;

  beforeAll(async () => {
    // 09.00 WIB of today in real time: a morning that does not cross midnight while the test runs.
    ({ hub, browser } = await openOffice({
      dataDir: directOfficeDir(),
      realTime: true,
      startAt: dayStart(officeDay(Date.now())) + 9 * 3_600_000,
    }));
    const now = hub.now.value;
    hub.store.addStaff({ username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' }, now);
    hub.store.addStaff({ username: 'sari', name: 'Sari Dewi', role: 'consultant', pin: '9753' }, now);
    const token = hub.store.addDevice('display', 'TV Lobi', null, now).token;
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(RECORD_SPEECH);
    display = await context.newPage();
    await display.goto(`${hub.url}/display/#token=${token}`);
    await display.getByText('Belum ada panggilan').waitFor();
    await display.getByRole('status').filter({ hasText: 'Koneksi terputus' }).waitFor({ state: 'detached' });
    await display.getByText('Ketuk layar untuk mengaktifkan suara').click();
    await display.getByTestId('sound-off').waitFor({ state: 'detached' });
    budi = await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
    sari = await openDesk(browser, hub.url, { username: 'sari', pin: '9753' }, 'Meja Konsultasi 2');
    await budi.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('parks with T, calls the next, proposes a no-show past the limit, calls the parked one back', async () => {
    const kiosk = await hub.device('kiosk');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await budi.getByTestId('waiting-K-002').waitFor();

    await budi.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(budi).textContent()).toBe('K-001');
    await settled(budi, 'K-001', 'Meja Konsultasi 1');
    await budi.keyboard.press('t');
    await budi.getByTestId('parked-K-001').waitFor();
    await budi.getByText('K-001 ditunda').waitFor();
    // The lobby no longer sends K-001 to Meja Konsultasi 1: no call is shown big, and it does not say
    // "no call yet" either.
    await display.getByText('Silakan menunggu panggilan berikutnya').waitFor();
    await budi.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(budi).textContent()).toBe('K-002');
    await settled(budi, 'K-002', 'Meja Konsultasi 1');
    await expect.poll(() => display.getByTestId('called-number').textContent()).toBe('K-002');
    // The display announced K-001 once, then K-002: parking K-001 announced nothing.
    await expect
      .poll(() => said(display), { timeout: 10_000 })
      .toEqual([announced('K-001'), announced('K-002')]);
    await budi
      .locator('.actions')
      .getByRole('button', { name: /^Selesai/ })
      .click();
    await expect.poll(() => budi.getByRole('button', { name: 'Panggil berikutnya' }).isEnabled()).toBe(true);

    // Fifteen minutes on hold: the hub's timer proposes a no-show; the staff decides.
    hub.advance(15 * MINUTE);
    await hub.housekeeping();
    await budi.getByText('Lewat batas tunda: tandai tidak hadir?').waitFor();
    expect(await accessibilityViolations(budi)).toEqual([]);
    await screenshot(budi, 'counter-desk-parked');
    expect(await said(display)).toHaveLength(2);

    await budi.getByTestId('parked-K-001').getByRole('button', { name: 'Panggil kembali' }).click();
    await expect.poll(() => currentNumber(budi).textContent()).toBe('K-001');
    await settled(budi, 'K-001', 'Meja Konsultasi 1');
    await expect.poll(() => said(display), { timeout: 10_000 }).toHaveLength(3);
    expect((await said(display))[2]).toBe(announced('K-001'));
    await expect.poll(() => display.getByTestId('called-number').textContent()).toBe('K-001');
    await budi
      .locator('.actions')
      .getByRole('button', { name: /^Selesai/ })
      .click();
    await expect.poll(() => budi.getByRole('button', { name: 'Panggil berikutnya' }).isEnabled()).toBe(true);
  });

  it('sends with K to a named desk (shown on the lobby display), which calls it first; B sends it back', async () => {
    const kiosk = await hub.device('kiosk');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await budi.getByTestId('waiting-K-004').waitFor();
    await budi.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(budi).textContent()).toBe('K-003');
    await settled(budi, 'K-003', 'Meja Konsultasi 1');

    await budi.keyboard.press('k');
    const dialog = budi.getByRole('form', { name: 'Kirim ke meja' });
    await dialog
      .getByRole('combobox', { name: /Meja tujuan/ })
      .selectOption({ label: 'Meja Konsultasi 2 · Konsultasi Statistik' });
    await dialog.getByLabel('Catatan untuk meja tujuan').fill('Topik kemiskinan: Bu Sari');
    await screenshot(budi, 'counter-send-to-desk');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await budi.getByText('K-003 dikirim ke Meja Konsultasi 2').waitFor();

    // The lobby display says where K-003 waits; Sari's desk lists it.
    await display
      .getByTestId('sent-row')
      .filter({ hasText: 'K-003' })
      .getByText('menunggu di Meja Konsultasi 2')
      .waitFor();
    expect(await accessibilityViolations(display)).toEqual([]);
    await screenshot(display, 'display-waiting-at-desk');
    // K-003 no longer shows as called to Meja Konsultasi 1, and no older call takes the big card back
    // (K-001's, finished, would read as a new call), without announcing anything.
    await display.getByText('Silakan menunggu panggilan berikutnya').waitFor();
    expect(await display.getByTestId('called-number').count()).toBe(0);
    // Both calls that stand are listed: K-001's (called back, then finished) and K-002's.
    expect(await display.getByTestId('recent-row').allTextContents()).toEqual([
      'K-001Meja Konsultasi 1',
      'K-002Meja Konsultasi 1',
    ]);
    await expect.poll(() => said(display), { timeout: 10_000 }).toHaveLength(4);
    await display.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(display, 'display-sent-not-current-1920x1080');
    await display.setViewportSize({ width: 1366, height: 768 });
    await sari.getByTestId('sent-K-003').waitFor();

    // Sari calls K-003 before K-004, who waits in the queue.
    await sari.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(sari).textContent()).toBe('K-003');
    await settled(sari, 'K-003', 'Meja Konsultasi 2');
    await display.getByTestId('sent-panel').waitFor({ state: 'detached' });
    await expect.poll(() => display.getByTestId('called-desk').textContent()).toBe('Meja Konsultasi 2');
    expect(await display.getByTestId('called-number').textContent()).toBe('K-003');

    // Not for her after all: B sends it back to the head of Konsultasi.
    await sari.keyboard.press('b');
    await sari.getByText('K-003 dikembalikan ke Konsultasi Statistik').waitFor();
    await expect
      .poll(() => budi.locator('.waiting-list .number').allTextContents())
      .toEqual(['K-003', 'K-004']);
    // Back in the queue: the lobby no longer sends K-003 to Meja Konsultasi 2, and says nothing.
    await display.getByText('Silakan menunggu panggilan berikutnya').waitFor();
    await expect.poll(() => said(display), { timeout: 10_000 }).toHaveLength(5);
    expect(await said(display)).toHaveLength(5);

    // Sari's first call of K-003 went ahead of K-004: the report's chosen calls show it, sent by Budi.
    hub.store.addStaff(
      { username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' },
      hub.now.value,
    );
    const head = await signIn(browser, hub.url, { username: 'kepala', pin: '8642' });
    await head.getByRole('button', { name: 'Laporan' }).first().click();
    const sent = head.getByTestId('sent-calls-report');
    await sent.getByRole('row', { name: 'Dikirim oleh Budi Santoso 1 1 1' }).waitFor();
    await sent.getByRole('row', { name: 'Cara pengiriman Kirim ke meja 1 1 1' }).waitFor();
    // And Sari's Kembalikan put K-003 back ahead of K-004: counted beside them, with her name and the way.
    const toHead = head.getByTestId('head-moves-report');
    await toHead.getByRole('row', { name: 'Dikembalikan oleh Sari Dewi 1 1 1' }).waitFor();
    await toHead
      .getByRole('row', { name: 'Cara pengembalian Kembalikan ke antrian sebelumnya 1 1 1' })
      .waitFor();
    await sent.scrollIntoViewIfNeeded();
    expect(await accessibilityViolations(head)).toEqual([]);
    await screenshot(head, 'counter-report-sent-calls');
  });
});
