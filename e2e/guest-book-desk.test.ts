/**
 * The front office sends a guest to a named desk from the guest book (issue 20 leftover), in Chromium
 * against a real hub at 1366x768: the desk choice lists the open consultation desks with how many wait
 * for each, one save sends the ticket there, that desk lists it and the lobby display says
 * "menunggu di Meja Konsultasi 2" (and no longer shows it as called to the front office).
 */
import { ok, type TestHub } from '@pst/hub/testing';
import { dayStart, officeDay } from '@pst/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { currentNumber, fillGuestBook, openDesk, type Visitor } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

const visitor = (n: number): Visitor => ({
  phone: `0812-3456-70${n}0`,
  email: `tamu${n}@example.com`,
  fullName: n === 1 ? 'Ahmad Fauzi' : 'Dewi Lestari',
  nik: `332401010190000${n}`,
  gender: n === 1 ? 'Laki-laki' : 'Perempuan',
  birthYear: '1990',
  service: 'Konsultasi Statistik',
});

describe.runIf(run)('guest book: send to a named desk, in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;
  let display: Page;
  let rina: Page;
  let sari: Page;

  beforeAll(async () => {
    // 09.00 WIB of today in real time: a morning that does not cross midnight while the test runs.
    ({ hub, browser } = await openOffice({
      realTime: true,
      startAt: dayStart(officeDay(Date.now())) + 9 * 3_600_000,
    }));
    const now = hub.now.value;
    hub.store.addStaff({ username: 'rina', name: 'Rina Wulandari', role: 'front-office', pin: '2468' }, now);
    hub.store.addStaff({ username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' }, now);
    hub.store.addStaff({ username: 'sari', name: 'Sari Dewi', role: 'consultant', pin: '9753' }, now);
    const token = hub.store.addDevice('display', 'TV Lobi', null, now).token;
    display = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await display.goto(`${hub.url}/display/#token=${token}`);
    await display.getByText('Belum ada panggilan').waitFor();
    await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
    sari = await openDesk(browser, hub.url, { username: 'sari', pin: '9753' }, 'Meja Konsultasi 2');
    rina = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await rina.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('fills the guest book with Meja Konsultasi 2 chosen: that desk lists it, the lobby says where it waits', async () => {
    const kiosk = await hub.device('kiosk');
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await rina.getByTestId('waiting-K-002').waitFor();
    const form = rina.getByRole('form', { name: 'Buku Tamu' });
    const choice = form.getByTestId('gb-desk-choice');

    for (const [n, number] of [
      [1, 'K-001'],
      [2, 'K-002'],
    ] as const) {
      await rina.getByRole('button', { name: 'Panggil berikutnya' }).click();
      await expect.poll(() => currentNumber(rina).textContent()).toBe(number);
      await fillGuestBook(rina, visitor(n));
      // At 1366x768 every choice of every list reads whole in its box ("Kementerian & Lembaga Pemerintah").
      if (n === 1) {
        expect(await cutOptions(form.locator('select'))).toEqual([]);
        // The form is taller than a 1366x768 laptop's screen: its save button stays in sight at the
        // screen's foot, on top, with the page at its top (no scrolling to save).
        await rina.evaluate(() => window.scrollTo(0, 0));
        const save = form.getByRole('button', { name: 'Simpan & teruskan' });
        const box = await save.boundingBox();
        expect(box && box.y + box.height).toBeLessThanOrEqual(768);
        expect(
          await save.evaluate((button) => {
            const { x, y, width, height } = button.getBoundingClientRect();
            return document.elementFromPoint(x + width / 2, y + height / 2) === button;
          }),
        ).toBe(true);
      }
      // Whole queue by default; the open consultation desks by name, each with who waits for it.
      expect(await choice.getByRole('radio', { name: /Antrian umum/ }).isChecked()).toBe(true);
      await choice.getByRole('radio', { name: /Meja Konsultasi 1/ }).waitFor();
      await choice
        .getByRole('radio', { name: new RegExp(`Meja Konsultasi 2 ${n - 1} menunggu meja ini`) })
        .check();
      if (n === 2) {
        await rina.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        expect(await accessibilityViolations(rina)).toEqual([]);
        await screenshot(rina, 'counter-guest-book-desk');
      }
      await form.getByRole('button', { name: 'Simpan & kirim ke Meja Konsultasi 2' }).click();
      await rina.getByText(`${number} dikirim ke Meja Konsultasi 2`).waitFor();
    }

    // Meja Konsultasi 2 lists both (it calls them first), the lobby says where they wait.
    await sari.getByTestId('sent-K-001').waitFor();
    await sari.getByTestId('sent-K-002').waitFor();
    for (const number of ['K-001', 'K-002'])
      await display
        .getByTestId('sent-row')
        .filter({ hasText: number })
        .getByText('menunggu di Meja Konsultasi 2')
        .waitFor();
    // Neither is shown as called to the front office any more: they wait for Meja Konsultasi 2.
    await display.getByText('Silakan menunggu panggilan berikutnya').waitFor();
    expect(await display.getByTestId('recent-row').count()).toBe(0);
    await screenshot(display, 'display-guest-book-desk');

    await sari.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(sari).textContent()).toBe('K-001');
    await expect.poll(() => display.getByTestId('called-number').textContent()).toBe('K-001');
    expect(await display.getByTestId('called-desk').textContent()).toBe('Meja Konsultasi 2');
  });
});

/** Options of these selects whose text is wider than the select's box leaves for it (past the arrow). */
function cutOptions(selects: Locator): Promise<string[]> {
  return selects.evaluateAll((elements) =>
    (elements as HTMLSelectElement[]).flatMap((select) => {
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return ['no canvas'];
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const arrow = 20;
      const room =
        select.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight) -
        arrow;
      return Array.from(select.options)
        .filter((option) => context.measureText(option.text).width > room)
        .map((option) => option.text);
    }),
  );
}
