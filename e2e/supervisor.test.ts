import { readFileSync } from 'node:fs';
import { Store, seedOffice } from '@pst/hub';
import { closeClients, ok, startHub, type TestHub, tempDir } from '@pst/hub/testing';
import { addDays, officeDay } from '@pst/shared';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, screenshot } from './browser';

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
    hub = await startHub({ dataDir, realTime: true, appsDir: undefined });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    closeClients();
    await browser?.close();
    await hub?.stop();
  });

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
    await desk.getByText('Petugas budi').waitFor();
    await expect.poll(() => page.getByTestId('queue-front-office').locator('.big').textContent()).toBe('1');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-board');

    // The seeded month ends yesterday: ask for those 30 days by dates ("Bulan ini" holds only today on the 1st).
    await page.getByRole('button', { name: 'Laporan' }).click();
    const today = officeDay(hub.now.value);
    await page.getByLabel('Dari').fill(addDays(today, -30));
    await page.getByLabel('Sampai').fill(today);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page
      .getByTestId('kpi-ikm')
      .getByText(/[ABCD]$/)
      .waitFor();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'supervisor-reports');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Laporan (XLSX)' }).click();
    const file = await (await downloading).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toContain('IKM');
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
    const tv = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await tv.goto(link.replace('http://pst.local:3324', hub.url));
    await tv.getByText('Belum ada panggilan').or(tv.getByTestId('called-number')).waitFor();
  });
});
