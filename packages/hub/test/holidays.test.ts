import { dayStart } from '@pst/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseHolidayFile } from '../src/holiday-import';
import { ok, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

// Dates as an admin types them from the SKB; the file is the test's own, not a claim about 2027.
const CSV = [
  'Tanggal;Keterangan;Cuti bersama',
  '01/01/2027;Tahun Baru 2027 Masehi;tidak',
  '2027-02-08;Cuti Bersama Tahun Baru Imlek;',
  '"2027-03-10";"Hari Suci Nyepi; Tahun Baru Saka";tidak',
  '',
].join('\r\n');

describe('holiday import', () => {
  it('reads CSV with a header, ";" and quotes, and marks cuti bersama by column or by name', async () => {
    expect(await parseHolidayFile(Buffer.from(`\uFEFF${CSV}`))).toEqual({
      ok: true,
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', isJointLeave: false },
        { date: '2027-02-08', name: 'Cuti Bersama Tahun Baru Imlek', isJointLeave: true },
        { date: '2027-03-10', name: 'Hari Suci Nyepi; Tahun Baru Saka', isJointLeave: false },
      ],
    });
  });

  it('reads the first sheet of an XLSX, date cells included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Libur 2027');
    sheet.addRow(['Tanggal', 'Keterangan', 'Cuti bersama']);
    sheet.addRow([new Date(Date.UTC(2027, 0, 1)), 'Tahun Baru 2027 Masehi', 'tidak']);
    sheet.addRow(['15/02/2027', 'Cuti Bersama', 'ya']);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseHolidayFile(data)).toEqual({
      ok: true,
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', isJointLeave: false },
        { date: '2027-02-15', name: 'Cuti Bersama', isJointLeave: true },
      ],
    });
  });

  it('names the row of a bad date or a missing description', async () => {
    expect(await parseHolidayFile(Buffer.from('2027-01-01;Tahun Baru\n31/02/2027;Salah'))).toEqual({
      ok: false,
      problem: { row: 2, field: 'date' },
    });
    expect(await parseHolidayFile(Buffer.from('2027-01-01;Tahun Baru\n2027-01-02;'))).toEqual({
      ok: false,
      problem: { row: 2, field: 'name' },
    });
  });
});

describe('the board warns when next year has no holidays', () => {
  it('from December, until the year is imported and saved; the import endpoint needs a supervisor', async () => {
    hub = await startHub();
    const display = await hub.device('display');
    // November 2026 (the hub's test clock): 2026 is shipped, nothing to warn about yet.
    expect((await ok(display, 'board:get', {})).holidaysMissingYear).toBeNull();
    hub.now.value = dayStart('2026-12-01') + 9 * 3_600_000;
    expect((await ok(display, 'board:get', {})).holidaysMissingYear).toBe(2027);

    hub.store.addStaff(
      { username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' },
      hub.now.value,
    );
    const session = hub.store.login('kepala', '8642', hub.now.value);
    const post = (body: string, token = session?.token) =>
      fetch(`${hub.url}/api/holidays/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body,
      });
    expect((await post(CSV, '')).status).toBe(401);
    const bad = await post('2027-13-01;Salah');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { row: '1', field: 'date' } },
    });
    const read = (await (await post(CSV)).json()) as { ok: true; data: Array<{ date: string }> };
    expect(read.data.map((h) => h.date)).toEqual(['2027-01-01', '2027-02-08', '2027-03-10']);

    const head = await hub.staff('supervisor');
    const settings = await ok(head, 'settings:get', {});
    await ok(head, 'settings:holidays', { holidays: [...settings.holidays, ...(read.data as never[])] });
    expect((await ok(display, 'board:get', {})).holidaysMissingYear).toBeNull();
  });
});
