/**
 * The central dashboard in Chromium: a province user signs in through the form, reads the table of
 * the province's offices, opens one office, switches to English, and downloads the XLSX. Real
 * PostgreSQL (a throwaway cluster), real HTTP pushes, the service's own clock moved by the test.
 */
import { addOffice, addUser, type Central, createCentral } from '@pst/central';
import { sampleDayFacts, startPostgres, type TestPostgres } from '@pst/central/testing';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, browserAvailable, launchBrowser, screenshot } from './browser';

const NOW = { value: Date.UTC(2026, 10, 25, 2, 0) };
let postgres: TestPostgres;
let central: Central;
let browser: Browser;

async function pushDays(key: string, days: string[], visits: (i: number) => number) {
  for (let i = 0; i < days.length; i += 50) {
    const body = {
      days: days.slice(i, i + 50).map((day, j) => {
        const v = visits(i + j);
        return { day, version: 1, facts: sampleDayFacts(v, v - ((i + j) % 4), (i + j) % 11 === 0 ? 1 : 0) };
      }),
    };
    const response = await fetch(`${central.url}/api/v1/days`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  }
}

describe.runIf(browserAvailable())('central dashboard in the browser', () => {
  beforeAll(async () => {
    postgres = await startPostgres();
    central = await createCentral({
      databaseUrl: await postgres.createDatabase('central_e2e'),
      port: 0,
      host: '127.0.0.1',
      clock: () => NOW.value,
    });
    const days = Array.from({ length: 328 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    const offices: Array<[string, string, number]> = [
      ['3324', 'BPS Kabupaten Kendal', 12],
      ['3374', 'BPS Kota Semarang', 30],
      ['3301', 'BPS Kabupaten Cilacap', 8],
    ];
    for (const [id, name, visits] of offices) {
      const { key } = await addOffice(central.pool, { id, name }, NOW.value);
      // Cilacap stopped sending on 8 September.
      const now = NOW.value;
      if (id === '3301') NOW.value = Date.UTC(2026, 8, 8, 2);
      await pushDays(key, id === '3301' ? days.slice(0, 250) : days, (i) => visits + (i % 7));
      NOW.value = now;
    }
    await addOffice(central.pool, { id: '3325', name: 'BPS Kabupaten Batang' }, NOW.value);
    await addUser(
      central.pool,
      {
        username: 'jateng',
        name: 'Admin Jawa Tengah',
        role: 'province',
        province: '33',
        password: 'sandi-jateng-1',
      },
      NOW.value,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await central?.close();
    postgres?.stop();
  });

  it('signs in, shows the province, drills down to one office, speaks English, exports XLSX', async () => {
    // The page's CSP forbids scripts; the accessibility check injects axe, so only it bypasses the CSP.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${central.url}/`);
    await page.getByLabel('Nama pengguna').fill('jateng');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Nama pengguna atau kata sandi salah');
    await page.getByLabel('Kata sandi').fill('sandi-jateng-1');
    await page.getByRole('button', { name: 'Masuk' }).click();

    await page.getByLabel('Periode').selectOption('tahun');
    await page.getByLabel('Tahun').selectOption('2026');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    const kendal = page.getByRole('row', { name: /3324 BPS Kabupaten Kendal/ });
    await expect.poll(() => kendal.textContent()).toContain('Lancar');
    expect(await page.getByRole('row', { name: /3301 BPS Kabupaten Cilacap/ }).textContent()).toContain(
      'Terlambat',
    );
    expect(await page.getByRole('row', { name: /3325 BPS Kabupaten Batang/ }).textContent()).toContain(
      'Belum pernah mengirim',
    );
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'central-province-year');

    await page.getByRole('link', { name: '3374 BPS Kota Semarang' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('3374 BPS Kota Semarang');
    expect(
      await page
        .getByRole('row', { name: /Konsultasi Statistik/ })
        .first()
        .textContent(),
    ).toMatch(/\d/);
    await screenshot(page, 'central-office');

    await page.getByRole('link', { name: 'English' }).click();
    await expect
      .poll(() => page.getByRole('columnheader', { name: 'Served within 10 min' }).count())
      .toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download XLSX' }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('Offices')?.getRow(2).getCell(1).value).toBe('3374');
    await context.close();
  });
});
