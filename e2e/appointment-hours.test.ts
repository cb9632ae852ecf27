import { ok, type TestHub } from '@pst/hub/testing';
import { addDays, dayInputText, formatLongDay, isoWeekday, officeDay } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { DEWI, signIn } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** The counter's wide window. */
const WIDE = { width: 1440, height: 1000 };

/** One online request's page, with its appointment form, reached from a desk (the front office's by default). */
async function requestPage(page: Page, requestId: string, desk: RegExp = /Front Office/) {
  await page.getByRole('button', { name: desk }).click();
  await page.getByRole('button', { name: /Permintaan online/ }).click();
  await page.getByRole('button', { name: requestId }).click();
  return page.getByRole('region', { name: 'Janji temu lanjutan' });
}

describe.runIf(run)('appointments in the counter app follow the office hours', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true }));
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('offers the times the opening hours allow, says when the office is closed, and marks a Zoom meeting attended', async () => {
    // Whatever today is: the next day the holiday table leaves open, and the day after it closed by the hours.
    const holidays = new Set(hub.store.holidays().map((h) => h.date));
    let open = addDays(officeDay(hub.now.value), 1);
    while (holidays.has(open) || holidays.has(addDays(open, 1))) open = addDays(open, 1);
    const closed = addDays(open, 1);
    const week = Array.from({ length: 7 }, (_, i) =>
      i + 1 === isoWeekday(closed) ? null : { open: '07:00', close: '09:00' },
    );
    await ok(await hub.staff('supervisor'), 'settings:opening-hours', { hours: { week } });
    const staff = await hub.staff('front-office', 'rina');
    hub.staffAccount('consultant', 'budi');
    const request = await ok(staff, 'online:record', {
      channel: 'whatsapp',
      receivedAt: hub.now.value - 60_000,
      requester: { ...DEWI, phone: '0857 1234 5678' },
      topic: 'Indeks Pembangunan Manusia',
      isComplete: true,
    });

    let page = await signIn(browser, hub.url, { username: 'rina' }, WIDE);
    let form = await requestPage(page, request.id);
    await form.getByLabel('Tanggal').fill(dayInputText(open));
    const time = form.getByLabel('Jam');
    await expect
      .poll(() => time.locator('option').allTextContents())
      .toEqual(['07.00', '07.15', '07.30', '07.45', '08.00', '08.15', '08.30']);
    await form.getByLabel('Tanggal').fill(dayInputText(closed));
    await form.getByRole('status').getByText('PST tutup pada tanggal ini').waitFor();
    await form.getByRole('status').scrollIntoViewIfNeeded();
    await screenshot(page, 'appointment-closed-day');

    await form.getByLabel('Tanggal').fill(dayInputText(open));
    await form.getByLabel('Jenis').selectOption('zoom');
    // The booking schema's rule, checked in the form: a Zoom meeting needs an https link.
    for (const link of ['', 'http://zoom.us/j/123456789']) {
      await form.getByLabel('Tautan Zoom').fill(link);
      await form.getByRole('button', { name: 'Buat janji temu' }).click();
      await form
        .getByRole('alert')
        .getByText(
          'Janji temu Zoom memerlukan tautan rapat Zoom (https://….zoom.us/…) tanpa spasi atau teks lain.',
        )
        .waitFor();
    }
    await screenshot(page, 'appointment-zoom-link-missing');
    expect((await ok(staff, 'appointment:list', { date: open })).appointments).toEqual([]);
    await form.getByLabel('Tautan Zoom').fill('https://zoom.us/j/123456789');
    await form.getByLabel('Petugas konsultasi').selectOption({ label: 'Budi Santoso' });
    await time.selectOption('08:00');
    await form.getByRole('button', { name: 'Buat janji temu' }).click();
    await form.getByTestId('appointment-message').getByText('https://zoom.us/j/123456789').waitFor();
    await form.getByRole('listitem').getByText('Dijadwalkan').waitFor();
    expect(await form.getByRole('button', { name: 'Hadir di Zoom' }).count()).toBe(0);
    await page.context().close();

    // At the meeting's time (a new sign-in: the last session has ended by then) its consultant marks it;
    // the front office is not offered the mark of another's meeting (the hub refuses it too).
    hub.now.value = Date.parse(`${open}T08:05:00+07:00`);
    page = await signIn(browser, hub.url, { username: 'rina' }, WIDE);
    form = await requestPage(page, request.id);
    await form.getByLabel('Tanggal').fill(dayInputText(open));
    await form.getByRole('listitem').getByText('Budi Santoso').waitFor();
    expect(await form.getByRole('button', { name: 'Hadir di Zoom' }).count()).toBe(0);
    await page.context().close();
    page = await signIn(browser, hub.url, { username: 'budi' }, WIDE);
    form = await requestPage(page, request.id, /Meja Konsultasi 1/);
    await form.getByLabel('Tanggal').fill(dayInputText(open));
    await form.getByRole('button', { name: 'Hadir di Zoom' }).click();
    await form.getByRole('listitem').getByText('Hadir', { exact: true }).waitFor();
    // The mark given looks chosen; "Tidak hadir" is the alternative, not a second active choice.
    expect(await form.getByRole('button', { name: 'Hadir di Zoom' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await form.getByRole('button', { name: 'Hadir di Zoom' }).getAttribute('class')).toContain(
      'chosen',
    );
    expect(await form.getByRole('button', { name: 'Tidak hadir' }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(await form.getByRole('button', { name: 'Tidak hadir' }).getAttribute('class')).not.toContain(
      'chosen',
    );
    // The day is written out, day first, both under the field and above the list (never "2026-12-03").
    const written = formatLongDay(open);
    expect(await form.getByLabel('Tanggal').inputValue()).toBe(dayInputText(open));
    await form.getByText(written, { exact: true }).waitFor();
    await form.getByRole('heading', { name: `Janji temu tanggal ${written}` }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'appointment-zoom-attended');
    const [row] = (await ok(await hub.staff('supervisor'), 'appointment:list', { date: open })).appointments;
    expect(row).toMatchObject({ kind: 'zoom', status: 'hadir', attended: true });
  });
});
