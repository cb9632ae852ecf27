import { readFileSync } from 'node:fs';
import { Store, seedOffice } from '@pst/hub';
import { ok, type TestHub, tempDir } from '@pst/hub/testing';
import { addDays, dayInputText, formatLongDay, missingHolidayYear, officeDay } from '@pst/shared';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, screenshot } from './browser';
import { closeOffice, openOffice } from './setup';

const run = browserAvailable();

describe.runIf(run)('supervisor: live board and reports over a seeded month', () => {
  let browser: Browser;
  let hub: TestHub;

  beforeAll(async () => {
    const dataDir = tempDir();
    const store = new Store(`${dataDir}/pst.sqlite`);
    seedOffice(store, { days: 30, seed: 11 });
    store.addStaff({ username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' }, Date.now());
    store.close();
    ({ hub, browser } = await openOffice({ dataDir, realTime: true }));
  });
  afterAll(() => closeOffice({ hub, browser }));

  it('shows desks, staff and queues live, then the month in charts and tables, and exports it', async () => {
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant', 'budi');
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${hub.url}/counter/`);
    await page.getByLabel('Nama pengguna').fill('kepala');
    await page.getByLabel('PIN').fill('8642');
    await page.getByRole('button', { name: 'Masuk' }).click();
    const desk = page.getByTestId('desk-konsultasi-1');
    await desk.getByText('Budi Santoso').waitFor();
    await expect.poll(() => page.getByTestId('queue-front-office').locator('.big').textContent()).toBe('1');
    // No online request is overdue: no empty card above the desks, one line under them.
    await page.locator('.online-overdue-none').waitFor();
    expect(await page.locator('.online-overdue').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-board');

    // The seeded month ends yesterday: ask for those 30 days by dates ("Bulan ini" holds only today on the 1st).
    await page.getByRole('button', { name: 'Laporan' }).click();
    const today = officeDay(hub.now.value);
    await page.getByLabel('Dari').fill(dayInputText(addDays(today, -30)));
    await page.getByLabel('Sampai').fill(dayInputText(today));
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page
      .getByTestId('kpi-ikm')
      .getByText(/[ABCD]$/)
      .waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-reports');
    // The range is typed and read day first, written out beside it (never the browser's mm/dd/yyyy).
    expect(await page.getByLabel('Dari').inputValue()).toBe(dayInputText(addDays(today, -30)));
    await page.getByText(formatLongDay(addDays(today, -30)), { exact: true }).waitFor();

    // Indonesian numbers and labels: "62,5%", "1,3 mnt", the guest-book statistics by name.
    expect(await page.getByTestId('kpi-target').locator('strong').textContent()).toMatch(/^\d{1,3}(,\d)?%$/);
    expect(await page.getByTestId('kpi-ikm').locator('strong').textContent()).toMatch(
      /^\d{2,3},\d\d [ABCD]$/,
    );
    const captions = await page.locator('.breakdowns caption').allTextContents();
    expect(captions).toContain('Jenis kelamin');
    expect(captions).toContain('Kelompok umur');
    expect(captions.join(' ')).not.toMatch(/gender|ageGroup|servicesUsed/);

    // A complaint is followed up: status, response; the hub records who and when.
    const complaint = page.locator('[data-testid^="complaint-"]').first();
    const ticketId = ((await complaint.getAttribute('data-testid')) as string).replace('complaint-', '');
    await complaint.getByLabel(`Status ${ticketId}`).selectOption('selesai');
    await complaint.getByLabel(`Tanggapan ${ticketId}`).fill('Sudah dihubungi lewat WhatsApp');
    await complaint.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tindak lanjut pengaduan disimpan.').waitFor();
    await page.getByTestId(`complaint-${ticketId}`).getByText('Kepala PST').waitFor();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Laporan (XLSX)' }).click();
    const file = await (await downloading).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toContain('IKM');
    const followed = (workbook.getWorksheet('Pengaduan dan saran')?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1))
      .find((r) => r[1] === ticketId);
    expect(followed?.slice(4, 7)).toEqual(['Selesai', 'Kepala PST', 'Sudah dihubungi lewat WhatsApp']);
    const statistics = (workbook.getWorksheet('Statistik buku tamu')?.getSheetValues() ?? [])
      .filter(Boolean)
      .map((r) => (r as unknown[])[1]);
    expect(statistics).toContain('Pendidikan tertinggi');
    expect(statistics).not.toContain('education');
  });

  it('edits the office details, names roles in Indonesian, and imports holidays until the board stops warning', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await page.goto(`${hub.url}/counter/`);
    await page.getByLabel('Nama pengguna').fill('kepala');
    await page.getByLabel('PIN').fill('8642');
    await page.getByRole('button', { name: 'Masuk' }).click();
    // The warning follows the table and the hub's day (whatever the date the suite runs on).
    const today = officeDay(hub.now.value);
    const expected = missingHolidayYear(today, hub.store.holidays());
    await page.getByRole('region', { name: 'Peringatan' }).waitFor();
    expect(await page.getByTestId('holidays-missing').count()).toBe(expected === null ? 0 : 1);

    await page.getByRole('button', { name: 'Pengaturan' }).click();
    const office = page.getByRole('form', { name: 'Data kantor' });
    await office.getByLabel('Nama kantor').fill('BPS Kabupaten Kendal (PST)');
    await office
      .getByLabel('Teks berjalan di layar ruang tunggu')
      .fill('Layanan PST buka Senin-Jumat 08.00-15.30 WIB');
    await office.getByRole('button', { name: 'Simpan data kantor' }).click();
    await page.getByText('Pengaturan disimpan').waitFor();
    const saved = await ok(await hub.staff('supervisor'), 'settings:get', {});
    expect(saved.config.office).toMatchObject({
      name: 'BPS Kabupaten Kendal (PST)',
      runningText: 'Layanan PST buka Senin-Jumat 08.00-15.30 WIB',
    });
    await page.getByRole('cell', { name: 'Kepala PST (supervisor)' }).waitFor();
    expect(await page.getByRole('cell', { name: 'supervisor', exact: true }).count()).toBe(0);

    // This year and the next, as an admin types them from the SKB (the test's own dates).
    const year = Number(today.slice(0, 4));
    const csv = `Tanggal;Keterangan;Cuti bersama\r\n25/12/${year};Hari Raya Natal;tidak\r\n01/01/${year + 1};Tahun Baru ${year + 1} Masehi;tidak\r\n`;
    const holidays = page.getByRole('region', { name: 'Hari libur' });
    await holidays.getByLabel('Impor dari berkas CSV/XLSX').setInputFiles({
      name: `libur-${year + 1}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByText('2 tanggal dibaca dari berkas. Periksa daftar, lalu simpan.').waitFor();
    await holidays.getByText(`1 Jan ${year + 1} · Tahun Baru ${year + 1} Masehi`).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await holidays.getByRole('button', { name: 'Simpan hari libur' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'supervisor-settings-holidays');
    await holidays.getByRole('button', { name: 'Simpan hari libur' }).click();
    await page.getByText('Pengaturan disimpan').waitFor();
    await page.getByRole('button', { name: 'Papan pemantauan' }).click();
    await page.getByRole('region', { name: 'Peringatan' }).waitFor();
    await expect.poll(() => page.getByTestId('holidays-missing').count()).toBe(0);
  });

  it('changes a service live on the kiosk, and pairs a new display with a link', async () => {
    const kioskToken = hub.store.addDevice('kiosk', 'Kiosk', null, hub.now.value).token;
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${hub.url}/kiosk/#token=${kioskToken}`);
    await kiosk.getByRole('button', { name: /Perpustakaan/ }).waitFor();

    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await page.goto(`${hub.url}/counter/`);
    await page.getByLabel('Nama pengguna').fill('kepala');
    await page.getByLabel('PIN').fill('8642');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Pengaturan' }).click();
    await page.getByLabel('Nama perpustakaan', { exact: true }).fill('Perpustakaan Digital');
    await page.getByRole('button', { name: 'Simpan layanan dan meja' }).click();
    await page.getByText('Pengaturan disimpan').waitFor();
    await kiosk.getByRole('button', { name: /Perpustakaan Digital/ }).waitFor();

    const pair = page.getByRole('form', { name: 'Pasangkan perangkat baru' });
    await pair.getByLabel('Peran').selectOption('display');
    await pair.getByLabel('Nama').fill('TV Ruang Tunggu');
    await pair.getByRole('button', { name: 'Pasangkan perangkat baru' }).click();
    const link = (await page.getByTestId('pair-link').textContent()) as string;
    expect(link).toMatch(/^http:\/\/pst\.local:3324\/display\/#token=[\w-]{32}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-settings');
    // The ticket's texts show whole: text areas with no hidden rest, and the channels one a line.
    for (const label of ['Janji waktu layanan', 'Langkah pertama', 'Saluran pengaduan']) {
      const box = page.getByLabel(label);
      expect(await box.evaluate((el) => el.tagName)).toBe('TEXTAREA');
      expect(
        await box.evaluate(
          (el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
        ),
      ).toBe(true);
    }
    const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tv.goto(link.replace('http://pst.local:3324', hub.url));
    await tv.getByText('Belum ada panggilan').or(tv.getByTestId('called-number')).waitFor();
  });
});
