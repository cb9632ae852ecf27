import { guestBookEntrySchema } from '@pst/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, keepClosedDays, type Report } from '../src/reports';
import { seedOffice } from '../src/seed';
import { Store } from '../src/storage/store';
import { directOfficeDir, GUEST, MORNING, ok, startHub, type TestHub, tempDir } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

const MIN = 60_000;

/** Logs a supervisor in over HTTP and returns a fetch that sends its session. */
async function supervisorFetch(h: TestHub) {
  h.store.addStaff({ username: 'kepala', name: 'Kepala PST', role: 'supervisor', pin: '8642' }, h.now.value);
  const login = await fetch(`${h.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'kepala', pin: '8642' }),
  });
  const { data } = (await login.json()) as { data: { token: string } };
  return (path: string) => fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${data.token}` } });
}

describe('reports against hand-computed values', () => {
  it('counts, waits, service times, the 10-minute share and IKM of a small day', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const at = (minutes: number) => {
      hub.now.value = MORNING + minutes * MIN;
    };
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant');
    const librarian = await hub.staff('consultant');
    const tablet = await hub.device('rating', 'Tablet', 'konsultasi-1');

    at(0);
    const k1 = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(librarian, 'desk:open', { deskId: 'perpustakaan-1' });
    at(1);
    const k2 = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    at(2);
    const p1 = await ok(kiosk, 'ticket:take', { serviceId: 'perpustakaan' });
    // K-001: waits 3, served 10. K-002: waits 12 but K-001 ended at 13, so 0 on the clock; served 6.
    at(3);
    await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: k1.ticket.id });
    at(13);
    await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k1.ticket.id });
    await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    at(14);
    await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: k2.ticket.id });
    at(20);
    await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: k2.ticket.id });
    // P-001: first of its queue, called after 18 minutes: a breach; then a no-show.
    await ok(librarian, 'desk:call-next', { deskId: 'perpustakaan-1' });
    at(21);
    await ok(librarian, 'ticket:recall', { deskId: 'perpustakaan-1', ticketId: p1.ticket.id });
    at(22);
    await ok(librarian, 'ticket:no-show', { deskId: 'perpustakaan-1', ticketId: p1.ticket.id });
    const integrity = { imbalan: false, pungli: false };
    await ok(tablet, 'rating:submit', {
      ticketId: k1.ticket.id,
      overall: 4,
      scores: [4, 4, 4, 4, 4, 4, 4, 4, 4],
      integrity,
    });
    await ok(tablet, 'rating:submit', {
      ticketId: k2.ticket.id,
      overall: 3,
      scores: [3, 3, 3, 4, 3, 3, 3, 3, null],
      integrity,
      complaint: 'Kursi kurang',
    });

    const get = await supervisorFetch(hub);
    const response = await get('/api/reports?preset=today');
    expect(response.status).toBe(200);
    const { data: report } = (await response.json()) as { data: Report };
    expect(report.visitors).toEqual({
      total: 3,
      perDay: [{ day: '2026-11-25', services: { konsultasi: 2, perpustakaan: 1 }, total: 3 }],
    });
    expect(report.byQueue.konsultasi).toMatchObject({
      count: 2,
      served: 2,
      noShow: 0,
      wait: { mean: 7.5 * MIN, median: 3 * MIN, p90: 12 * MIN },
      service: { mean: 8 * MIN, median: 6 * MIN, p90: 10 * MIN },
      withinTargetShare: 1,
    });
    expect(report.byQueue.perpustakaan).toMatchObject({
      count: 1,
      noShow: 1,
      served: 0,
      withinTargetShare: 0,
    });
    expect(report.overall.withinTargetShare).toBeCloseTo(2 / 3);
    expect(report.byDesk['konsultasi-1']?.served).toBe(2);
    // Wednesday, 09:00-09:02 WIB.
    expect(report.busyHours[2]?.[9]).toBe(3);
    // U1..U8: (4+3)/2 = 3.5; U4: 4; U9: only one answer, 4. IKM = (7*3.5 + 4 + 4) / 9 = 3.6111 -> 90.28 A.
    expect(report.satisfaction.elements[0]).toMatchObject({ code: 'U1', respondents: 2, nrr: 3.5 });
    expect(report.satisfaction.elements[8]).toMatchObject({ code: 'U9', respondents: 1, nrr: 4 });
    expect(report.satisfaction.converted).toBeCloseTo(((7 * 3.5 + 8) / 9) * 25, 6);
    expect(report.satisfaction.category).toBe('A');
    expect(report.satisfaction.complaints).toEqual([
      {
        ticketId: k2.ticket.id,
        day: '2026-11-25',
        deskId: 'konsultasi-1',
        text: 'Kursi kurang',
        status: 'baru',
        handledBy: null,
        response: '',
        respondedAt: null,
      },
    ]);

    // The same numbers come out of the exports.
    const xlsx = await get('/api/reports/export.xlsx?from=2026-11-25&to=2026-11-25');
    expect(xlsx.headers.get('content-disposition')).toContain('laporan-pst-2026-11-25-2026-11-25.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Per layanan');
    const rows =
      sheet
        ?.getSheetValues()
        .filter(Boolean)
        .map((r) => (r as unknown[]).slice(1)) ?? [];
    // Outcomes add up to the stages (2 = 2 + 0 + 0 + 0 + 0); the target share is over the called ones,
    // K-001 waited 3 minutes on the 10-minute clock and K-002 none (mean 1.5).
    // biome-ignore format: one row of the sheet
    expect(rows.find((r) => r[0] === 'Konsultasi Statistik')).toEqual([
      'Konsultasi Statistik', 2, 2, 0, 0, 0, 0, 0, 2, 2, 0, 100, 1.5, 7.5, 3, 12, 8, 6, 10,
    ]);
    expect(rows.find((r) => r[0] === 'Perpustakaan')?.slice(0, 4)).toEqual(['Perpustakaan', 1, 0, 1]);
    // P-001 was called after 18 minutes: one breach of one called stage.
    expect(rows.find((r) => r[0] === 'Perpustakaan')?.slice(8, 12)).toEqual([1, 0, 1, 0]);
    const csv = await (await get('/api/reports/layanan.csv?preset=today')).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    // For Excel with Indonesian settings: ";" between fields, a decimal comma.
    expect(lines[0]?.split(';').slice(0, 2)).toEqual(['Layanan', 'Jumlah tahap antrian']);
    expect(lines.find((l) => l.startsWith('Konsultasi Statistik'))).toBe(
      'Konsultasi Statistik;2;2;0;0;0;0;0;2;2;0;100;1,5;7,5;3;12;8;6;10',
    );
    expect(
      lines
        .find((l) => l.startsWith('Semua'))
        ?.split(';')
        .slice(8, 12),
    ).toEqual(['3', '2', '1', '66,7']);
    const ikm = await (await get('/api/reports/ikm.csv?preset=today')).text();
    expect(ikm).toContain('IKM;Indeks (x25);2;90,28;A (Sangat Baik)');
  });

  it('refuses reports to staff without the role and to no session; checks the range', async () => {
    hub = await startHub();
    expect((await fetch(`${hub.url}/api/reports?preset=today`)).status).toBe(401);
    hub.store.addStaff({ username: 'fo', name: 'FO', role: 'front-office', pin: '1111' }, hub.now.value);
    const session = hub.store.login('fo', '1111', hub.now.value);
    const forbidden = await fetch(`${hub.url}/api/reports?preset=today`, {
      headers: { authorization: `Bearer ${session?.token}` },
    });
    expect(forbidden.status).toBe(403);
    const get = await supervisorFetch(hub);
    expect((await get('/api/reports?from=2026-11-30&to=2026-11-01')).status).toBe(400);
    expect((await get('/api/reports?from=kemarin')).status).toBe(400);
    expect((await get('/api/reports/tidak-ada.csv?preset=today')).status).toBe(404);
  });
});

describe('per service and per desk counts', () => {
  it('count a ticket cancelled before any call under its service only: it never reached a desk', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant');
    const frontOffice = await hub.staff('front-office');
    hub.now.value = MORNING;
    const served = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const cancelled = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(frontOffice, 'ticket:cancel', { ticketId: cancelled.ticket.id, reason: 'Tiket ganda' });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: served.ticket.id });

    const get = await supervisorFetch(hub);
    const { data: report } = (await (await get('/api/reports?preset=today')).json()) as { data: Report };
    // The service table's count is "entered the queue" (2), the desk table's "called here" (1).
    expect(report.byQueue.konsultasi).toMatchObject({ count: 2, served: 1, cancelled: 1 });
    expect(report.byDesk['konsultasi-1']).toMatchObject({ count: 1, served: 1, cancelled: 0 });
  });
});

describe('a seeded month', () => {
  it('adds up, and the guest-book export is logged with who and which range', async () => {
    const dataDir = tempDir();
    const store = new Store(`${dataDir}/pst.sqlite`);
    const seeded = seedOffice(store, { days: 30, seed: 7, now: MORNING });
    store.close();
    hub = await startHub({ dataDir });
    const get = await supervisorFetch(hub);
    const { data: report } = (await (await get('/api/reports?from=2026-10-26&to=2026-11-24')).json()) as {
      data: Report;
    };
    expect(report.visitors.total).toBe(seeded.visits);
    const perService = report.visitors.perDay.reduce((sum: number, d: { total: number }) => sum + d.total, 0);
    expect(perService).toBe(seeded.visits);
    const genders = Object.values(report.guestBook.breakdown.gender as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(genders).toBe(report.guestBook.entries);
    expect(report.byQueue['front-office']?.count).toBe(seeded.visits);
    expect(report.satisfaction.respondents).toBeGreaterThan(0);
    expect(['A', 'B', 'C', 'D']).toContain(report.satisfaction.category);
    // Every stage outcome is counted once: the outcome columns add up to the stages.
    const all = report.overall;
    expect(all.served + all.noShow + all.cancelled + all.unserved).toBe(all.count);
    expect(all.withinTarget + all.breaches).toBe(all.called);

    // The guest-book statistics are labelled in Indonesian, never by their keys.
    const statistics = await (await get('/api/reports/buku-tamu.csv?from=2026-10-26&to=2026-11-24')).text();
    const labels = new Set(
      statistics
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(';')[0]),
    );
    expect([...labels].sort()).toEqual(
      [
        'Jenis kelamin',
        'Kelompok umur',
        'Kategori instansi',
        'Layanan yang digunakan',
        'Pekerjaan utama',
        'Pemanfaatan utama hasil kunjungan',
        'Pendidikan tertinggi',
      ].sort(),
    );

    const guestBook = await get('/api/guestbook/export.xlsx?from=2026-10-26&to=2026-11-24');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await guestBook.arrayBuffer());
    expect((workbook.getWorksheet('Buku tamu')?.rowCount ?? 0) - 4).toBe(report.guestBook.entries);
    const audit = hub.store.db
      .prepare(`SELECT payload, actor FROM events WHERE type = 'guestbook.export'`)
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse((audit[0] as { payload: string }).payload)).toEqual({
      from: '2026-10-26',
      to: '2026-11-24',
      format: 'xlsx',
    });
  });
});

describe("closed days' kept facts", () => {
  const seeded = () => {
    const store = new Store(`${tempDir()}/pst.sqlite`);
    seedOffice(store, { days: 14, seed: 11, now: MORNING });
    return store;
  };
  const keptDays = (store: Store) =>
    store.db.prepare('SELECT day FROM report_days ORDER BY day').pluck().all() as string[];
  const range = { from: '2026-11-01', to: '2026-11-25' };
  const TODAY = '2026-11-25';

  it('are kept in batches, newest first, never today, and report exactly what the rows do', () => {
    const store = seeded();
    const fromRows = buildReport(store.reports, range, 'Asia/Jakarta', TODAY);
    store.db.exec('DELETE FROM report_days');
    expect(keepClosedDays(store.reports, 'Asia/Jakarta', TODAY, 3)).toBe(3);
    expect(keptDays(store)).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    while (keepClosedDays(store.reports, 'Asia/Jakarta', TODAY, 3) > 0);
    const kept = keptDays(store);
    expect(kept).not.toContain(TODAY);
    expect(kept.at(-1)).toBe('2026-11-24');
    expect(kept.length).toBeGreaterThanOrEqual(14);
    expect(buildReport(store.reports, range, 'Asia/Jakarta', TODAY)).toEqual(fromRows);
    store.close();
  });

  it("are forgotten when a day's rows change, and the next report counts the change", () => {
    const store = seeded();
    const before = buildReport(store.reports, range, 'Asia/Jakarta', TODAY);
    const day = before.visitors.perDay[0]?.day as string;
    expect(keptDays(store)).toContain(day);
    // A late row on a closed day (a restored entry, a correction): its facts must not go stale.
    const late = guestBookEntrySchema.parse({ ...GUEST, gender: 'Laki-laki' });
    store.insertGuestBook('gb-late', late, 'late', day, 'rina', MORNING);
    expect(keptDays(store)).not.toContain(day);
    const after = buildReport(store.reports, range, 'Asia/Jakarta', TODAY);
    expect(after.guestBook.entries).toBe(before.guestBook.entries + 1);
    expect(after.guestBook.breakdown.gender['Laki-laki']).toBe(
      (before.guestBook.breakdown.gender['Laki-laki'] ?? 0) + 1,
    );
    store.db.prepare("UPDATE stages SET outcome = 'no-show' WHERE day = ? AND outcome = 'finished'").run(day);
    expect(keptDays(store)).not.toContain(day);
    expect(buildReport(store.reports, range, 'Asia/Jakarta', TODAY).overall.noShow).toBeGreaterThan(
      after.overall.noShow,
    );
    store.close();
  });
});
