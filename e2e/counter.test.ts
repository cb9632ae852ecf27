import { directOfficeDir, ok, send, type TestHub } from '@pst/hub/testing';
import { dayStart, officeDay } from '@pst/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { currentNumber, openDesk, signIn } from './pages';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();
/**
 * 09.00 WIB of today, running in real time: a block must not cross midnight WIB while it runs (a new
 * office day empties the queues and desks it watches), nor when it moves the hub's clock on by minutes.
 */
const MORNING = () => dayStart(officeDay(Date.now())) + 9 * 3_600_000;

describe.runIf(run)('counter: front office and consultant desks in Chromium against a real hub', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true, startAt: MORNING() }));
    const now = hub.now.value;
    hub.store.addStaff({ username: 'rina', name: 'Rina Wulandari', role: 'front-office', pin: '2468' }, now);
    hub.store.addStaff({ username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' }, now);
    hub.store.addStaff({ username: 'sari', name: 'Sari Dewi', role: 'consultant', pin: '9753' }, now);
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('calls, recalls, marks a no-show, fills and forwards the guest book, serves, transfers and finishes', async () => {
    const kiosk = await hub.device('kiosk');
    const first = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const second = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    const fo = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');
    await fo.getByTestId(`waiting-${first.ticket.number}`).waitFor();
    expect(await accessibilityViolations(fo)).toEqual([]);
    await screenshot(fo, 'counter-front-office-queue');

    // The first visitor does not come: recall, then no-show.
    await fo.keyboard.press('n');
    await expect.poll(() => currentNumber(fo).textContent()).toBe('K-001');
    expect(await fo.getByRole('button', { name: 'Tidak hadir' }).isDisabled()).toBe(true);
    // Disabled, with the reason next to it.
    await fo
      .getByTestId('no-show-hint')
      .getByText('"Tidak hadir" bisa dipakai setelah satu kali panggil ulang.')
      .waitFor();
    await fo.getByRole('button', { name: 'Panggil ulang' }).click();
    await fo.getByText('dipanggil ulang 1×').waitFor();
    expect(await fo.getByTestId('no-show-hint').count()).toBe(0);
    await fo.getByText('K-001 dipanggil ke Front Office').waitFor();
    await fo.getByRole('button', { name: 'Tidak hadir' }).click();
    await fo.getByText('Belum ada antrian dipanggil').waitFor();
    // The call banner goes with the ticket it was about.
    await expect.poll(() => fo.getByText('K-001 dipanggil ke Front Office').count()).toBe(0);

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
    await form
      .getByText('Nomor telepon tidak valid, mis. 0812 3456 7890, 0294 381461 atau +65 6123 4567')
      .waitFor();
    await form.getByText('Persetujuan pengunjung diperlukan').waitFor();
    // An empty field says "Wajib diisi"; a wrong one says what is wrong.
    await form.getByLabel('Nama lengkap').locator('xpath=..').getByText('Wajib diisi').waitFor();
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
    // At 1366x768 the consent is below the fold: a refused submit scrolls to it and focuses it.
    await fo.setViewportSize({ width: 1366, height: 768 });
    await form.getByRole('button', { name: 'Simpan & teruskan' }).click();
    const consent = form.getByLabel(/Pengunjung menyetujui/);
    await expect.poll(() => consent.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await consent.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    await consent.check();
    await fo.setViewportSize({ width: 1366, height: 900 });
    expect(await accessibilityViolations(fo)).toEqual([]);
    await screenshot(fo, 'counter-guest-book');

    // A consultant desk is open meanwhile and sees the forwarded visit arrive live.
    const desk = await openDesk(browser, hub.url, { username: 'budi', pin: '1357' }, 'Meja Konsultasi 1');
    await form.getByRole('button', { name: 'Simpan & teruskan' }).click();
    await fo.getByText(`${second.ticket.number} diteruskan`).waitFor();
    await desk.getByTestId(`waiting-${second.ticket.number}`).waitFor();

    await desk.keyboard.press('N');
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
    // The receiving desk reads why the visit came.
    await library.getByTestId('transfer-note').getByText('Perlu publikasi cetak').waitFor();
    expect(await library.getByTestId('transfer-note').textContent()).toContain(
      'Catatan pengalihan dari Konsultasi Statistik',
    );
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

  it('cancels phantom tickets from the queue list; finds a returning visitor by phone; shows a waiting ticket red past 10 minutes', async () => {
    const kiosk = await hub.device('kiosk');
    const again = await ok(kiosk, 'ticket:take', { serviceId: 'penjualan' });
    const phantom = await ok(kiosk, 'ticket:take', { serviceId: 'penjualan' });
    const waiting = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const fo = await openDesk(browser, hub.url, { username: 'rina', pin: '2468' }, 'Front Office');

    // A second tap at the kiosk made a phantom ticket: cancelled from the list, with a reason.
    await fo.getByRole('button', { name: `Batalkan antrian ${phantom.ticket.number}` }).click();
    const dialog = fo.getByRole('form', { name: `Batalkan antrian ${phantom.ticket.number}` });
    expect(await dialog.getByLabel('Alasan pembatalan').inputValue()).toBe('Tiket ganda');
    await screenshot(fo, 'counter-cancel-ticket');
    await dialog.getByRole('button', { name: 'Batalkan antrian' }).click();
    await fo.getByText(`${phantom.ticket.number} dibatalkan`).waitFor();
    await expect.poll(() => fo.getByTestId(`waiting-${phantom.ticket.number}`).count()).toBe(0);
    expect(
      hub.store.db.prepare('SELECT outcome, note FROM stages WHERE ticket_id = ?').get(phantom.ticket.id),
    ).toEqual({ outcome: 'cancelled', note: 'Tiket ganda' });

    await fo.getByRole('button', { name: 'Panggil berikutnya' }).click();
    await expect.poll(() => currentNumber(fo).textContent()).toBe(again.ticket.number);
    const form = fo.getByRole('form', { name: 'Buku Tamu' });
    // Nobody on record with this number: the desk says so.
    await form.getByLabel('Nomor HP/WhatsApp').fill('0811 1111 1111');
    await form.getByRole('button', { name: 'Cari dari nomor HP' }).click();
    await fo.getByText('Belum ada pengunjung tercatat dengan nomor telepon ini.').waitFor();
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

describe.runIf(run)('counter: a desk another staff member holds', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true, startAt: MORNING(), dataDir: directOfficeDir() }));
    hub.store.addStaff(
      { username: 'budi', name: 'Budi Santoso', role: 'consultant', pin: '1357' },
      hub.now.value,
    );
  });
  afterAll(() => closeOffice({ hub, browser }));

  /** Budi signs in and picks the desk (without opening it: it may be held). */
  const signInAt = async (deskName: string) => {
    const page = await signIn(
      browser,
      hub.url,
      { username: 'budi', pin: '1357' },
      { width: 1366, height: 768 },
    );
    await page.getByRole('button', { name: new RegExp(deskName) }).click();
    return page;
  };

  it('warns, takes the desk over after a confirmation with its called visit, and shows that visit at once in a new browser', async () => {
    const kiosk = await hub.device('kiosk');
    const colleague = await hub.staff('consultant', 'sari');
    const taken = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(colleague, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(colleague, 'desk:call-next', { deskId: 'konsultasi-1' });

    const page = await signInAt('Meja Konsultasi 1');
    await page.getByText('Meja ini sedang dibuka oleh petugas lain.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Panggil berikutnya' }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'counter-desk-held');
    await page.getByRole('button', { name: 'Ambil alih meja' }).click();
    await page.getByText(/Ambil alih Meja Konsultasi 1\?/).waitFor();
    await page.getByRole('button', { name: 'Ambil alih meja' }).click();
    await page.getByText('Anda sekarang memegang Meja Konsultasi 1.').waitFor();
    await page
      .getByRole('region', { name: 'Kunjungan' })
      .getByText(`Kunjungan ${taken.ticket.number}`)
      .waitFor();
    expect(await page.getByRole('button', { name: 'Mulai layani' }).isDisabled()).toBe(false);
    // The colleague's desk commands are refused now.
    const refused = await send(colleague, 'ticket:start', {
      deskId: 'konsultasi-1',
      ticketId: taken.ticket.id,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_IN_USE' } });

    // Another browser (the desk forgotten): the called visit shows at once, not at the next board push.
    const again = await signInAt('Meja Konsultasi 1');
    await again
      .getByRole('region', { name: 'Kunjungan' })
      .getByText(`Kunjungan ${taken.ticket.number}`)
      .waitFor({ timeout: 5_000 });
    expect(await again.locator('.held-banner').count()).toBe(0);
  });
});

describe.runIf(run)('counter in its Electron shell (the bridge stood in by a fake in the page)', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    ({ hub, browser } = await openOffice({ realTime: true, startAt: MORNING() }));
    hub.store.addStaff(
      { username: 'rina', name: 'Rina Wulandari', role: 'front-office', pin: '2468' },
      hub.now.value,
    );
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('takes the desk the shell remembers, calls on the global key only when allowed, warns once before a breach', async () => {
    const kiosk = await hub.device('kiosk');
    const first = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    // What apps/counter/electron/preload.ts exposes, with main's answers: this PC's desk is the
    // front office, and another program holds the global key.
    await context.addInitScript(() => {
      const record = { saved: [] as unknown[], notices: [] as unknown[], listeners: [] as Array<() => void> };
      Object.assign(window, {
        shellRecord: record,
        pstShell: {
          kind: 'counter',
          counter: {
            getState: async () => ({
              ok: true,
              data: { deskId: 'fo-1', shortcut: { accelerator: 'Control+Alt+Space', status: 'taken' } },
            }),
            saveDesk: async (deskId: unknown) => {
              record.saved.push(deskId);
              return { ok: true, data: null };
            },
            notify: async (notice: unknown) => {
              record.notices.push(notice);
              return { ok: true, data: { shown: true } };
            },
            onCallNext: (listener: () => void) => {
              record.listeners.push(listener);
              return () => {};
            },
          },
        },
      });
    });
    const page = await context.newPage();
    type Record = { saved: unknown[]; notices: Array<{ tag: string; title: string; body: string }> };
    const record = () => page.evaluate(() => (window as unknown as { shellRecord: Record }).shellRecord);
    const pressGlobalKey = () =>
      page.evaluate(() => {
        for (const listener of (window as unknown as { shellRecord: { listeners: Array<() => void> } })
          .shellRecord.listeners)
          listener();
      });

    await page.goto(`${hub.url}/counter/`);
    await page.getByLabel('Nama pengguna').fill('rina');
    await page.getByLabel('PIN').fill('2468');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // No desk picker: the shell's desk is taken.
    await expect.poll(() => page.locator('.desk-name').textContent()).toBe('Front Office');
    await page.getByText('Tombol pintas Ctrl+Alt+Space untuk "Panggil berikutnya" sedang dipakai').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tutup pemberitahuan' }).click();
    expect(await page.locator('.shell-notice').count()).toBe(0);

    // The desk is closed: the key does nothing, as the button would not. A call it sent would reach
    // the hub before the opening (one socket keeps the order) and leave its error notice standing.
    await page.getByTestId(`waiting-${first.ticket.number}`).waitFor();
    await pressGlobalKey();
    await page.getByRole('button', { name: 'Buka meja' }).click();
    await page.locator('.status-open').waitFor();
    expect(await page.locator('.notice.error').count()).toBe(0);
    expect(await currentNumber(page).count()).toBe(0);

    // Eight and a half minutes on the clock: amber, one notification for that ticket.
    hub.advance(8.5 * 60_000);
    await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    await expect.poll(async () => (await record()).notices.length).toBe(1);
    const [notice] = (await record()).notices;
    expect(notice).toEqual({
      tag: first.ticket.id,
      title: `Antrian ${first.ticket.number} hampir melewati 10 menit`,
      body: `${first.ticket.number} di antrian Front Office sudah menunggu 8 menit; sisa 2 menit dari target layanan.`,
    });
    // The warnings are checked as each board arrives, before it is drawn: once the next ticket shows,
    // that board has been checked too.
    const next = await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    await page.getByTestId(`waiting-${next.ticket.number}`).waitFor();
    expect((await record()).notices).toHaveLength(1);

    // The desk is open and idle: the global key calls, like the button.
    await pressGlobalKey();
    await expect.poll(() => currentNumber(page).textContent()).toBe(first.ticket.number);

    // Choosing the desk again goes to the shell too.
    await page.getByRole('button', { name: 'Ganti meja' }).click();
    await page.getByRole('button', { name: /Front Office/ }).click();
    await expect.poll(async () => (await record()).saved).toEqual([null, 'fo-1']);
    await context.close();
  });
});
