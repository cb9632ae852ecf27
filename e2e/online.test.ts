import { ok, type TestHub } from '@pst/hub/testing';
import { addDays, dayInputText, officeDay } from '@pst/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { DEWI, signIn } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

/** The counter's wide window. */
const WIDE = { width: 1440, height: 1000 };

describe.runIf(run)('online requests in the counter app', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true }));
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('records a WhatsApp request, asks for details, completes, answers, closes and has it rated, each step in the history', async () => {
    await hub.staff('front-office', 'rina');
    const page = await signIn(browser, hub.url, { username: 'rina' }, WIDE);
    await page.getByRole('button', { name: /Front Office/ }).click();
    await page.getByRole('button', { name: /Permintaan online \(0\)/ }).click();
    await page.getByRole('button', { name: 'Catat permintaan baru' }).click();

    const form = page.getByRole('form', { name: 'Catat permintaan baru' });
    // No contact at all: the form says what is missing in Indonesian and nothing is sent.
    await form.getByLabel('Nama lengkap').fill('Rudi Hartono');
    await form.getByRole('button', { name: 'Simpan permintaan' }).click();
    await form.getByText('Isi nomor telepon atau email (salah satu wajib)').waitFor();
    await screenshot(page, 'online-form-errors');

    await form.getByLabel('Kanal').selectOption('whatsapp');
    await form.getByLabel('Nomor HP/WhatsApp').fill('0857 1234 5678');
    await form.getByLabel('Jenis identitas').selectOption('Lainnya');
    await form.getByLabel('Nomor identitas').fill('tidak diberikan');
    await form.getByLabel('Jenis kelamin').selectOption('Laki-laki');
    await form.getByLabel('Tahun lahir').fill('1988');
    await form.getByLabel('Pendidikan tertinggi').selectOption('S2');
    await form.getByLabel('Pekerjaan utama').selectOption('Peneliti/Dosen');
    await form.getByLabel('Kategori instansi').selectOption('Lembaga Penelitian & Pendidikan');
    await form.getByLabel('Nama instansi').fill('Universitas Negeri Semarang');
    await form.getByLabel('Pemanfaatan utama hasil kunjungan').selectOption('Penelitian');
    await form.getByLabel('Topik').fill('Data PDRB Kabupaten Kendal');
    await form.getByLabel('Data yang dibutuhkan').fill('PDRB ADHK 2020-2025 per lapangan usaha');
    await form.getByLabel('Pesan pengguna').fill('Selamat malam, saya butuh data PDRB Kendal.');
    await form.getByLabel(/Pengunjung menyetujui/).check();
    await form.getByRole('button', { name: 'Simpan permintaan' }).click();

    const request = page.getByRole('article');
    await request.getByText('Baru', { exact: false }).first().waitFor();
    const id = (await request.getByRole('heading', { level: 3 }).textContent())?.split(' ')[0] ?? '';
    expect(id).toMatch(/^ON-\d{8}-001$/);
    await request.getByText('Jam berhenti (menunggu permintaan jelas dan lengkap)').waitFor();

    await request.getByLabel('Catatan / isi pesan').fill('Mohon sebutkan satuan yang dibutuhkan.');
    await request.getByRole('button', { name: 'Minta kelengkapan' }).click();
    await request.getByRole('heading', { name: /Menunggu kelengkapan/ }).waitFor();

    // A consultant sees it arrive and takes it on from here.
    await hub.staff('consultant', 'budi');
    const consultant = await signIn(browser, hub.url, { username: 'budi' }, WIDE);
    await consultant.getByRole('button', { name: /Meja Konsultasi 1/ }).click();
    await consultant.getByRole('button', { name: /Permintaan online \(1\)/ }).click();
    await consultant.getByRole('button', { name: id }).click();
    const page2 = consultant.getByRole('article');
    await page2.getByLabel('Catatan / isi pesan').fill('Juta rupiah, harga konstan.');
    await page2.getByLabel('Jenis catatan').selectOption('dari-pengguna');
    await page2.getByRole('button', { name: 'Catat pesan' }).click();
    // The history's entry, not the text box: React mirrors a text area's value into its text
    // (defaultValue) until the form clears it, so a bare getByText can match both for a moment.
    await page2.locator('.online-history li', { hasText: 'Juta rupiah, harga konstan.' }).waitFor();
    await page2.getByRole('button', { name: 'Jelas & lengkap: mulai proses' }).click();
    await page2.getByRole('heading', { name: /Diproses/ }).waitFor();
    await page2
      .getByText(/hari kerja$/)
      .first()
      .waitFor();
    // Whole working days ("3 hari kerja"), never "3,0 hari kerja".
    expect(await page2.locator('.due-left').first().textContent()).toMatch(
      /· (\d+|kurang dari 1) hari kerja$/,
    );
    await expect
      .poll(() => consultant.locator(`tr[data-request="${id}"]`).getAttribute('class'))
      .toMatch(/level-(on-track|near)/);
    expect(await accessibilityViolations(consultant)).toEqual([]);
    await screenshot(consultant, 'online-request-in-progress');

    await page2.getByLabel('Catatan / isi pesan').fill('Data PDRB terlampir.');
    await page2.getByRole('button', { name: 'Kirim jawaban' }).click();
    await page2.getByRole('heading', { name: /Dijawab/ }).waitFor();
    await page2.getByRole('button', { name: 'Tutup: selesai' }).click();
    await page2.getByRole('heading', { name: /Ditutup \(selesai\)/ }).waitFor();

    // The front office's list followed every change (online:changed) without a reload.
    await page.getByRole('button', { name: 'Ditutup' }).click();
    await page.locator(`tr[data-request="${id}"]`).getByText('Ditutup (selesai)').waitFor();
    const history = await page2.locator('.online-history li').allTextContents();
    expect(history.map((h) => h.split(' · ').slice(1).join(' · '))).toEqual([
      'Rina Wulandari · Baru',
      'Rina Wulandari · Dari pengguna: Selamat malam, saya butuh data PDRB Kendal.',
      'Rina Wulandari · Menunggu kelengkapan',
      'Rina Wulandari · Ke pengguna: Mohon sebutkan satuan yang dibutuhkan.',
      'Budi Santoso · Dari pengguna: Juta rupiah, harga konstan.',
      'Budi Santoso · Diproses',
      'Budi Santoso · Dijawab',
      'Budi Santoso · Ke pengguna: Data PDRB terlampir.',
      'Budi Santoso · Ditutup',
    ]);
    await screenshot(consultant, 'online-request-closed');

    // The user rates the service on the form the consultant opens from the request (the same 9 SKM elements).
    await page2.getByRole('button', { name: 'Isi penilaian layanan (SKM)' }).click();
    const survey = consultant.getByRole('form', { name: /Survei Kepuasan Masyarakat/ });
    await survey.getByRole('radio', { name: 'Sangat puas' }).check();
    // Every element answered: the top answer, except "Cepat" (3) for the time taken.
    for (const group of await survey.getByRole('group', { name: /^U\d\./ }).all())
      await group.getByRole('radio').last().check();
    await survey
      .getByRole('group', { name: 'U3. Waktu penyelesaian' })
      .getByRole('radio', { name: 'Cepat', exact: true })
      .check();
    await survey
      .getByRole('group', { name: /imbalan/ })
      .getByRole('radio', { name: 'Tidak' })
      .check();
    expect(await accessibilityViolations(consultant)).toEqual([]);
    await screenshot(consultant, 'online-rating-form');
    await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page2.getByText(/Penilaian diberikan .* \(formulir\)/).waitFor();
    const stored = hub.store.db.prepare('SELECT source, overall, scores FROM online_ratings').get();
    expect(stored).toEqual({
      source: 'formulir',
      overall: 4,
      scores: '[4,4,3,4,4,4,4,4,4]',
    });
  });

  it("shows an overdue request in red on the supervisor's board", async () => {
    const staff = await hub.staff('consultant');
    const recorded = await ok(staff, 'online:record', {
      channel: 'email',
      receivedAt: hub.now.value - 60_000,
      requester: { ...DEWI, email: 'dewi@kendalkab.go.id' },
      topic: 'Indeks Pembangunan Manusia',
      isComplete: true,
    });
    // Twenty days on: overdue whatever the weekdays and holidays. The supervisor signs in then (sessions last 14 hours).
    hub.now.value += 20 * 24 * 3600_000;
    await hub.staff('supervisor', 'kepala');
    const page = await signIn(browser, hub.url, { username: 'kepala' }, WIDE);
    const overdue = page.getByRole('region', { name: 'Permintaan online lewat tenggat 3 hari kerja' });
    await overdue.locator(`tr[data-request="${recorded.id}"].level-overdue`).waitFor();
    await overdue
      .locator(`tr[data-request="${recorded.id}"] .due-left`)
      .getByText(/· lewat (\d+|kurang dari 1) hari kerja$/)
      .waitFor();
    await screenshot(page, 'online-overdue-board');

    // The month's online figures beside the walk-in report: both requests of this file, one answered in time.
    await page.getByRole('button', { name: 'Laporan' }).click();
    const today = officeDay(hub.now.value);
    await page.getByLabel('Dari').fill(dayInputText(addDays(today, -40)));
    await page.getByLabel('Sampai').fill(dayInputText(today));
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const online = page.getByRole('region', { name: 'Layanan online' });
    const all = online.getByRole('row', { name: /Semua kanal/ });
    await expect.poll(() => all.locator('td').first().textContent()).toBe('2');
    expect(await all.locator('td').nth(1).textContent()).toBe('50,0%');
    await online.getByTestId('online-ikm').getByText('IKM online').waitFor();
    // (8 x 4 + 3) / 9 x 25 = 97.22
    expect(await online.getByTestId('online-ikm').textContent()).toContain('IKM online 97,22 (1 responden)');
    expect(await accessibilityViolations(page)).toEqual([]);
    await online.scrollIntoViewIfNeeded();
    await screenshot(page, 'online-report');
  });
});
