import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDayFacts } from '../src/testing';
import { push, signIn, startCentral, type TestCentral } from './helpers';

let central: TestCentral;
let national: { username: string; password: string };
let jateng: { username: string; password: string };

const DAY = 86_400_000;

beforeAll(async () => {
  central = await startCentral();
  // Two offices of Jawa Tengah and one of Jawa Barat; Kota Semarang stops sending after 2 November.
  const kendal = await central.office('3324', 'BPS Kabupaten Kendal');
  const semarang = await central.office('3374', 'BPS Kota Semarang');
  const bogor = await central.office('3201', 'BPS Kabupaten Bogor');
  await central.office('3301', 'BPS Kabupaten Cilacap');
  const start = central.now.value;
  central.now.value = Date.UTC(2026, 10, 3, 2);
  expect(
    (
      await push(central, semarang, {
        days: [{ day: '2026-11-02', version: 1, facts: sampleDayFacts(40, 10) }],
      })
    ).status,
  ).toBe(200);
  central.now.value = start;
  const october = Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`);
  for (const [key, visits] of [
    [kendal, 10],
    [bogor, 30],
  ] as const) {
    for (let i = 0; i < october.length; i += 10) {
      const days = october
        .slice(i, i + 10)
        .map((day) => ({ day, version: 1, facts: sampleDayFacts(visits, visits - 1, 1) }));
      expect((await push(central, key, { days })).status).toBe(200);
    }
  }
  expect(
    (
      await push(central, kendal, {
        days: [{ day: '2026-11-24', version: 1, facts: sampleDayFacts(20, 20) }],
      })
    ).status,
  ).toBe(200);
  national = await central.user({ username: 'pusat', role: 'national', province: null });
  jateng = await central.user({ username: 'jateng', role: 'province', province: '33' });
});
afterAll(() => central.close());

describe('the dashboard', () => {
  it('asks for a sign-in first, and throttles guessing', async () => {
    const anonymous = await fetch(`${central.url}/`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/masuk/);
    for (let i = 0; i < 5; i++) expect((await signIn(central, 'jateng', 'salah-sandi-123')).status).toBe(401);
    const throttled = await fetch(`${central.url}/masuk`, {
      method: 'POST',
      body: new URLSearchParams(jateng),
      redirect: 'manual',
    });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain('Terlalu banyak percobaan masuk');
    central.now.value += 16 * 60_000;
    expect((await signIn(central, jateng.username, jateng.password)).status).toBe(303);
  });

  it('shows a province user every office of the province, with figures, IKM category and sync state', async () => {
    const session = await signIn(central, jateng.username, jateng.password);
    const page = await (await session.get('/?periode=bulan&bulan=2026-10')).text();
    expect(page).toContain('BPS Kabupaten Kendal');
    expect(page).toContain('BPS Kota Semarang');
    expect(page).toContain('BPS Kabupaten Cilacap');
    expect(page).not.toContain('Bogor');
    // Kendal in October: 31 days x 10 visits, 9 of 10 within 10 minutes, IKM (3 x 8 + 4) / 9 x 25 = 77,78: B.
    const kendal = page.slice(page.indexOf('3324 BPS Kabupaten Kendal'));
    const row = kendal.slice(0, kendal.indexOf('</tr>'));
    expect(row).toContain('<td>310</td>');
    expect(row).toContain('90,0%');
    expect(row).toContain('77,78');
    expect(row).toMatch(/class="cat-B"[^>]*>B</);
    expect(row).toContain('Lancar');
    const semarang = page.slice(page.indexOf('3374 BPS Kota Semarang'));
    expect(semarang.slice(0, semarang.indexOf('</tr>'))).toContain('Terlambat (22 hari lalu)');
    const cilacap = page.slice(page.indexOf('3301 BPS Kabupaten Cilacap'));
    expect(cilacap.slice(0, cilacap.indexOf('</tr>'))).toContain('Belum pernah mengirim');
    expect(page).toContain('<svg');
    expect(page).toContain('Belum ada data: hub kantor belum mencatat permintaan online.');
  });

  it('keeps a province user out of other provinces, even when asked for', async () => {
    const session = await signIn(central, jateng.username, jateng.password);
    expect(await (await session.get('/?provinsi=32&periode=bulan&bulan=2026-10')).text()).not.toContain(
      'Bogor',
    );
    expect((await session.get('/kantor/3201?periode=bulan&bulan=2026-10')).status).toBe(403);
    expect((await session.get('/ekspor.xlsx?kantor=3201&periode=bulan&bulan=2026-10')).status).toBe(403);
  });

  it('shows national users every province, a year by month, and one office in detail', async () => {
    const session = await signIn(central, national.username, national.password);
    const year = await (await session.get('/?periode=tahun&tahun=2026')).text();
    expect(year).toContain('BPS Kabupaten Bogor');
    expect(year).toContain('BPS Kabupaten Kendal');
    // The trend of the year: October (31 x 40 visits) and November.
    expect(year).toMatch(/<td class="name">Oktober 2026<\/td><td>1\.240<\/td>/);
    expect(year).toMatch(/<td class="name">November 2026<\/td><td>60<\/td>/);
    // The chart's axis names months too, never "2026-01".
    expect(year).not.toMatch(/>\d{4}-\d{2}</);
    const office = await (await session.get('/kantor/3324?periode=tahun&tahun=2026')).text();
    // Service names and guest-book labels, not the internal keys ("konsultasi", "gender").
    expect(office).toContain('<td class="name">Konsultasi Statistik</td>');
    expect(office).not.toContain('<td class="name">konsultasi</td>');
    expect(office).toContain('<td class="name">Jenis kelamin</td>');
    expect(office).not.toContain('<td class="name">gender</td>');
    expect(office).toContain('Laki-laki: 165');
    expect(office).toMatch(/<td class="name">Oktober 2026<\/td><td>310<\/td>/);
    // The last day received is written day first in Indonesian, not as "2026-11-24".
    expect(office).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const english = await (await session.get('/?periode=tahun&tahun=2026&lang=en')).text();
    expect(english).toContain('Served within 10 min');
  });

  it('chooses a month by its name and year (no native month input), and links keep working', async () => {
    const session = await signIn(central, jateng.username, jateng.password);
    const page = await (await session.get('/?periode=bulan&bulan=10&tahun=2026')).text();
    expect(page).not.toContain('type="month"');
    expect(page).toContain('<option value="10" selected>Oktober</option>');
    expect(page).toContain('<option selected>2026</option>');
    expect(page).toContain('Jawa Tengah Oktober 2026');
    const kendal = page.slice(page.indexOf('3324 BPS Kabupaten Kendal'));
    expect(kendal.slice(0, kendal.indexOf('</tr>'))).toContain('<td>310</td>');
    // Old links (bulan=2026-10) and the form's two selects show the same month.
    expect(await (await session.get('/?periode=bulan&bulan=2026-10')).text()).toContain(
      'Jawa Tengah Oktober 2026',
    );
    const english = await (await session.get('/?periode=bulan&bulan=10&tahun=2026&lang=en')).text();
    expect(english).toContain('<option value="10" selected>October</option>');
  });

  it('exports the view as XLSX', async () => {
    const session = await signIn(central, jateng.username, jateng.password);
    const response = await session.get('/ekspor.xlsx?periode=bulan&bulan=2026-10');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('rekap-pst-33-Jawa-Tengah-2026-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Kantor');
    const rows = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(4);
    const kendal = rows.find((r) => r[1] === '3324') as unknown[];
    expect(kendal.slice(1, 9)).toEqual([
      '3324',
      'BPS Kabupaten Kendal',
      'Jawa Tengah',
      310,
      90,
      77.78,
      'B',
      155,
    ]);
    expect(workbook.getWorksheet('Tren')?.rowCount).toBe(32);
  });

  it('signs out', async () => {
    const session = await signIn(central, national.username, national.password);
    expect((await session.get('/')).status).toBe(200);
    const cookie = (
      await fetch(`${central.url}/masuk`, {
        method: 'POST',
        body: new URLSearchParams(national),
        redirect: 'manual',
      })
    ).headers
      .get('set-cookie')
      ?.split(';')[0] as string;
    await fetch(`${central.url}/keluar`, { method: 'POST', headers: { cookie }, redirect: 'manual' });
    expect((await fetch(`${central.url}/`, { headers: { cookie }, redirect: 'manual' })).status).toBe(303);
    central.now.value += 13 * 3600_000 + DAY;
    expect((await session.get('/')).status).toBe(303);
  });
});
