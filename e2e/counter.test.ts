import { closeClients, ok, startHub, type TestHub } from '@pst/hub/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, screenshot } from './browser';
import { currentNumber, openDesk } from './pages';

const run = browserAvailable();

describe.runIf(run)('counter: front office and consultant desks in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ realTime: true, appsDir: undefined });
    const now = hub.now.value;
    hub.store.addStaff({ username: 'rina', name: 'Rina Wulandari', role: 'front-office', pin: '2468' }, now);
    hub.store.addStaff({ username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' }, now);
    hub.store.addStaff({ username: 'sari', name: 'Sari Dewi', role: 'consultant', pin: '9753' }, now);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    closeClients();
    await browser?.close();
    await hub?.stop();
  });

  it('calls, recalls, marks a no-show, fills and forwards the guest book, serves, transfers and finishes', async () => {
    const kiosk = await hub.device('kiosk');
    const first = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const second = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    const fo = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await fo.getByTestId(`waiting-${first.ticket.number}`).waitFor();
    expect(await accessibilityViolations(fo)).toEqual([]);
    await screenshot(fo, 'counter-front-office-queue');

    // The first visitor does not come: recall, then no-show.
    await fo.keyboard.press('Space');
    await expect.poll(() => currentNumber(fo).textContent()).toBe('K-001');
    expect(await fo.getByRole('button', { name: 'Tidak hadir' }).isDisabled()).toBe(true);
    await fo.getByRole('button', { name: 'Panggil ulang' }).click();
    await fo.getByText('dipanggil ulang 1×').waitFor();
    await fo.getByRole('button', { name: 'Tidak hadir' }).click();
    await fo.getByText('Belum ada antrian dipanggil').waitFor();

    // The second fills the guest book; bad values are refused with clear messages.
    await fo.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(fo).textContent()).toBe(second.ticket.number);
    const form = fo.getByRole('form', { name: 'Buku Tamu' });
    await form.getByLabel('Nomor HP/WhatsApp').fill('021 555');
    await form.getByLabel('Email').fill('budi@');
    await form.getByLabel('Nomor identitas').fill('1234');
    await form.getByRole('button', { name: 'Simpan & teruskan' }).click();
    await form.getByText('NIK terdiri dari 16 angka').waitFor();
    await form.getByText('Alamat email tidak valid, mis. nama@contoh.com').waitFor();
    await form.getByText('Nomor HP Indonesia, mis. 0812 3456 7890').waitFor();
    await form.getByText('Persetujuan pengunjung diperlukan').waitFor();
    await screenshot(fo, 'counter-guest-book-errors');

    await form.getByLabel('Nomor HP/WhatsApp').fill('0812-3456-7890');
    await form.getByLabel('Email').fill('ahmad.fauzi@example.com');
    await form.getByLabel('Nama lengkap').fill('Ahmad Fauzi');
    await form.getByLabel('Nomor identitas').fill('3324010101900001');
    await form.getByLabel('Jenis kelamin').selectOption('Laki-laki');
    await form.getByLabel('Tahun lahir').fill('1990');
    await form.getByLabel('Pendidikan tertinggi').selectOption('S2');
    await form.getByLabel('Pekerjaan utama').selectOption('ASN/TNI/Polri');
    await form.getByLabel('Kategori instansi').selectOption('Pemerintah Daerah');
    await form.getByLabel('Nama instansi').fill('Bappeda Kabupaten Kendal');
    await form.getByLabel('Pemanfaatan utama hasil kunjungan').selectOption('Pemerintahan');
    await form.getByRole('checkbox', { name: 'Konsultasi Statistik' }).check();
    await form.getByLabel('Data yang dibutuhkan').fill('IPM kecamatan 2024');
    await form.getByLabel(/Pengunjung menyetujui/).check();
    expect(await accessibilityViolations(fo)).toEqual([]);
    await screenshot(fo, 'counter-guest-book');

    // A consultant desk is open meanwhile and sees the forwarded visit arrive live.
    const desk = await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
    await form.getByRole('button', { name: 'Simpan & teruskan' }).click();
    await fo.getByText(`${second.ticket.number} diteruskan`).waitFor();
    await desk.getByTestId(`waiting-${second.ticket.number}`).waitFor();

    await desk.keyboard.press('F2');
    await expect.poll(() => currentNumber(desk).textContent()).toBe(second.ticket.number);
    await desk.getByRole('button', { name: 'Mulai layani' }).click();
    await desk.getByText('Sedang dilayani').first().waitFor();
    await desk.getByText('IPM kecamatan 2024').waitFor();
    await desk.getByLabel('Catatan konsultasi').fill('Diarahkan ke publikasi Kecamatan Dalam Angka');
    await desk.getByRole('button', { name: 'Simpan catatan' }).click();
    await desk.locator('.notes').getByText('Diarahkan ke publikasi Kecamatan Dalam Angka').waitFor();
    expect(await accessibilityViolations(desk)).toEqual([]);
    await screenshot(desk, 'counter-consultant');

    // Transfer to the library (same number), then the library desk finishes it.
    const library = await openDesk(browser, hub.url, { username: 'sari', pin: '9753' }, 'Meja Perpustakaan');
    await desk.getByRole('button', { name: 'Alihkan' }).click();
    await desk.getByLabel('Alihkan ke layanan').selectOption('perpustakaan');
    await desk.getByLabel('Catatan pengalihan').fill('Perlu publikasi cetak');
    await desk.getByRole('form', { name: 'Alihkan' }).getByRole('button', { name: 'Alihkan' }).click();
    await desk.getByText(`${second.ticket.number} dialihkan`).waitFor();
    await library.getByTestId(`waiting-${second.ticket.number}`).waitFor();
    await library.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(library).textContent()).toBe(second.ticket.number);
    await library.getByRole('button', { name: 'Selesai' }).click();
    await library.getByText('Belum ada antrian dipanggil').waitFor();

    const stages = hub.store.db
      .prepare('SELECT queue, outcome, desk_id FROM stages WHERE ticket_id = ? ORDER BY idx')
      .all(second.ticket.id);
    expect(stages).toEqual([
      { queue: 'front-office', outcome: 'forwarded', desk_id: 'fo-1' },
      { queue: 'konsultasi', outcome: 'transferred', desk_id: 'konsultasi-1' },
      { queue: 'perpustakaan', outcome: 'finished', desk_id: 'perpustakaan-1' },
    ]);
    expect(hub.store.db.prepare('SELECT status FROM tickets WHERE id = ?').get(first.ticket.id)).toEqual({
      status: 'no-show',
    });
  });

  it('finds a returning visitor by phone and pre-fills the form; shows a waiting ticket red past 10 minutes', async () => {
    const kiosk = await hub.device('kiosk');
    const again = await ok(kiosk, 'ticket:take', { serviceId: 'penjualan' });
    const waiting = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const fo = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await fo.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(fo).textContent()).toBe(again.ticket.number);
    const form = fo.getByRole('form', { name: 'Buku Tamu' });
    await form.getByLabel('Nomor HP/WhatsApp').fill('0812 3456 7890');
    await form.getByRole('button', { name: 'Cari dari nomor HP' }).click();
    await fo.getByText('Data kunjungan sebelumnya dimuat: Ahmad Fauzi').waitFor();
    expect(await form.getByLabel('Nama lengkap').inputValue()).toBe('Ahmad Fauzi');
    expect(await form.getByLabel(/Pengunjung menyetujui/).isChecked()).toBe(false);

    // Forwarded: the ticket behind now waits on the 10-minute clock, and nobody calls it for 11 minutes.
    await form.getByLabel(/Pengunjung menyetujui/).check();
    await form.getByRole('button', { name: 'Simpan & teruskan' }).click();
    await fo.getByText(`${again.ticket.number} diteruskan`).waitFor();
    const row = fo.getByTestId(`waiting-${waiting.ticket.number}`);
    await expect.poll(() => row.getAttribute('data-clock')).toBe('green');
    hub.advance(11 * 60_000);
    await ok(kiosk, 'ticket:take', { serviceId: 'rekomendasi' });
    await expect.poll(() => row.getAttribute('data-clock')).toBe('red');
    await screenshot(fo, 'counter-breach');
  });
});
