import { directOfficeDir, ok, type TestHub } from '@pst/hub/testing';
import { dayStart, officeDay } from '@pst/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { currentNumber, openDesk } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** The accessible name of the focused element (a button's aria-label, or its text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });

/** Presses a desk key once its button is enabled (the desk has taken in the last answer: not busy). */
async function pressWhenReady(page: Page, key: string, button: string) {
  const target = page.locator('.actions').getByRole('button', { name: button });
  await expect.poll(() => target.isEnabled()).toBe(true);
  await page.keyboard.press(key);
}

describe.runIf(run)(
  'desk control in Chromium: a chosen ticket with its reason, shortcuts, a work profile',
  () => {
    let browser: Browser;
    let hub: TestHub;

    beforeAll(async () => {
      // 09.00 WIB of today by its own clock: the run never crosses midnight, where the day's tickets close.
      ({ hub, browser } = await openOffice({
        realTime: true,
        startAt: dayStart(officeDay(Date.now())) + 9 * 3_600_000,
        dataDir: directOfficeDir(),
      }));
      const now = hub.now.value;
      hub.store.addStaff({ username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' }, now);
      hub.store.addStaff({ username: 'sari', name: 'Sari Dewi', role: 'consultant', pin: '9753' }, now);
      hub.store.addStaff({ username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' }, now);
    });
    afterAll(() => closeOffice({ hub, browser }));

    it('calls a chosen ticket with a reason from the queue list, by keyboard and touch, and runs the desk by its keys', async () => {
      const kiosk = await hub.device('kiosk');
      const take = async () => (await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).ticket;
      const first = await take();
      const second = await take();
      const third = await take();

      const desk = await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
      await desk.getByTestId(`waiting-${third.number}`).waitFor();
      expect(await desk.getByTestId('desk-shortcuts').textContent()).toContain('N Panggil berikutnya');

      // P: to the list's first "Panggil"; Tab to the third ticket's; Enter opens its reason dialog.
      await desk.keyboard.press('p');
      await expect.poll(() => focused(desk)).toBe(`Panggil ${first.number} di luar urutan`);
      await desk.keyboard.press('Tab');
      await desk.keyboard.press('Tab');
      expect(await focused(desk)).toBe(`Panggil ${third.number} di luar urutan`);
      await desk.keyboard.press('Enter');
      const dialog = desk.getByRole('dialog', { name: `Panggil ${third.number}` });
      await dialog.waitFor();
      expect(await dialog.getByTestId('pick-effect').textContent()).toContain(
        `Mendahului 2 antrian yang menunggu lebih dulu: ${first.number}, ${second.number}.`,
      );
      // The keyboard starts in the reasons: Space picks the first one.
      await expect
        .poll(() => desk.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
        .toBe('dokumen-siap');
      await desk.keyboard.press('Space');
      expect(await dialog.getByRole('radio', { name: 'Dokumen/persyaratan sudah siap' }).isChecked()).toBe(
        true,
      );
      await desk.setViewportSize({ width: 1366, height: 768 });
      expect(await accessibilityViolations(desk)).toEqual([]);
      await screenshot(desk, 'counter-call-chosen-dialog');
      // Escape closes it: nothing is called.
      await desk.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await currentNumber(desk).count()).toBe(0);

      // By touch: "Lainnya" needs a note before "Panggil sekarang" works.
      await desk.getByRole('button', { name: `Panggil ${third.number} di luar urutan` }).click();
      await dialog.getByText('Lainnya').click();
      const confirm = dialog.getByRole('button', { name: 'Panggil sekarang' });
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByText('Keterangan wajib diisi untuk alasan "Lainnya".').waitFor();
      await dialog.getByLabel('Keterangan').fill('Pengunjung lanjut usia, diminta kepala PST');
      await screenshot(desk, 'counter-call-chosen-note');
      await confirm.click();
      await expect.poll(() => currentNumber(desk).textContent()).toBe(third.number);
      await desk.getByText(`${third.number} dipanggil ke Meja Konsultasi 1`).waitFor();
      // The tickets it overtook still wait, first in line.
      await desk.getByTestId(`waiting-${first.number}`).waitFor();
      await desk.getByTestId(`waiting-${second.number}`).waitFor();
      const audit = hub.store.db
        .prepare(`SELECT how, note, overtook FROM out_of_turn WHERE kind = 'chosen' AND ticket_id = ?`)
        .get(third.id) as { how: string; note: string; overtook: string };
      expect(audit).toEqual({
        how: 'lainnya',
        note: 'Pengunjung lanjut usia, diminta kepala PST',
        overtook: JSON.stringify([first.id, second.id]),
      });

      // M starts, S finishes, N calls the next, U recalls, A marks the no-show.
      await pressWhenReady(desk, 'm', 'Mulai layani');
      await desk.getByText('Sedang dilayani').first().waitFor();
      await pressWhenReady(desk, 's', 'Selesai');
      await desk.getByText('Belum ada antrian dipanggil').waitFor();
      await pressWhenReady(desk, 'n', 'Panggil berikutnya');
      await expect.poll(() => currentNumber(desk).textContent()).toBe(first.number);
      await pressWhenReady(desk, 'u', 'Panggil ulang');
      await desk.locator('.action .badge').getByText('1').waitFor();
      await pressWhenReady(desk, 'a', 'Tidak hadir');
      await desk.getByText('Belum ada antrian dipanggil').waitFor();
      expect(hub.store.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(first.id)).toBe(
        'no-show',
      );

      // Letters typed into the visit's notes are text, not shortcuts.
      await pressWhenReady(desk, 'n', 'Panggil berikutnya');
      await expect.poll(() => currentNumber(desk).textContent()).toBe(second.number);
      await pressWhenReady(desk, 'm', 'Mulai layani');
      await desk.getByText('Sedang dilayani').first().waitFor();
      const notes = desk.getByLabel('Catatan konsultasi');
      await notes.click();
      await desk.keyboard.type('sumber data SUSENAS');
      expect(await notes.inputValue()).toBe('sumber data SUSENAS');
      expect(await currentNumber(desk).textContent()).toBe(second.number);
      await desk.getByRole('button', { name: 'Selesai' }).click();
      await desk.getByText('Belum ada antrian dipanggil').waitFor();
    });

    it('the supervisor sets a 2:1 work profile in Settings; the desk then calls by it', async () => {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      await page.goto(`${hub.url}/counter/`);
      await page.getByLabel('Nama pengguna').fill('kepala');
      await page.getByLabel('PIN').fill('8642');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Pengaturan' }).click();
      await page.getByLabel('Pola kerja Meja Konsultasi 2').selectOption('ratio');
      const profile = page.getByTestId('work-profile-konsultasi-2');
      await profile.getByLabel('Bobot Konsultasi Statistik').fill('2');
      await profile.getByText('dipanggil paling lambat dalam 3 panggilan').waitFor();
      await profile.scrollIntoViewIfNeeded();
      await screenshot(page, 'counter-settings-work-profile');
      // Desk names show whole (not "Meja Konsulta"); the one-letter prefix column stays narrow.
      for (const id of ['konsultasi-1', 'konsultasi-2']) {
        const name = page.getByLabel(`Nama ${id}`);
        expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      }
      const prefix = await page.getByLabel('Huruf konsultasi').boundingBox();
      expect(prefix?.width).toBeLessThan(80);
      await page.getByRole('button', { name: 'Simpan layanan dan meja' }).click();
      await page.getByText('Pengaturan disimpan').waitFor();
      // The first test's out-of-order call is in the report, per desk, staff member and reason.
      await page.getByRole('button', { name: 'Laporan' }).first().click();
      const chosen = page.getByTestId('chosen-calls-report');
      await chosen.getByRole('row', { name: /Petugas Budi Santoso 1 1 2/ }).waitFor();
      await chosen.getByRole('row', { name: /Alasan Lainnya 1 1 2/ }).waitFor();
      await chosen.scrollIntoViewIfNeeded();
      await screenshot(page, 'counter-report-chosen-calls');
      expect(hub.store.queueConfig().desks.find((d) => d.id === 'konsultasi-2')?.profile).toEqual({
        kind: 'ratio',
        weights: { konsultasi: 2, rekomendasi: 1 },
      });

      const kiosk = await hub.device('kiosk');
      const take = async (serviceId: string) => (await ok(kiosk, 'ticket:take', { serviceId })).ticket.number;
      const r = [await take('rekomendasi'), await take('rekomendasi')];
      const k = [await take('konsultasi'), await take('konsultasi'), await take('konsultasi')];
      const desk = await openDesk(browser, hub.url, { username: 'sari', pin: '9753' }, 'Meja Konsultasi 2');
      await desk.getByTestId(`waiting-${k[2]}`).waitFor();
      const called: string[] = [];
      for (let i = 0; i < 5; i++) {
        await pressWhenReady(desk, 'n', 'Panggil berikutnya');
        await currentNumber(desk).waitFor();
        called.push((await currentNumber(desk).textContent()) as string);
        await pressWhenReady(desk, 's', 'Selesai');
        await desk.getByText('Belum ada antrian dipanggil').waitFor();
      }
      expect(called).toEqual([k[0], r[0], k[1], k[2], r[1]]);
    });
  },
);
