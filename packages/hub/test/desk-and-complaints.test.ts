import { describe, expect, it } from 'vitest';
import { directOfficeDir, GUEST, MORNING, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

describe('two staff members at one desk', () => {
  it('refuses the second with DESK_IN_USE; a take-over moves the desk, keeps its ticket and is audited', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const budi = await hub.staff('consultant', 'budi');
    const sari = await hub.staff('consultant', 'sari');
    const taken = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const opened = await ok(budi, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(budi, 'desk:call-next', { deskId: 'konsultasi-1' });

    const refused = await send(sari, 'desk:open', { deskId: 'konsultasi-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DESK_IN_USE' } });

    const desk = await ok(sari, 'desk:open', { deskId: 'konsultasi-1', takeOver: true });
    expect(desk.heldBy).not.toBe(opened.heldBy);
    expect(desk.current?.ticketId).toBe(taken.ticket.id);
    // The one who left now is refused; the one who took over serves the visit.
    expect(
      await send(budi, 'ticket:start', { deskId: 'konsultasi-1', ticketId: taken.ticket.id }),
    ).toMatchObject({ ok: false, error: { code: 'DESK_IN_USE' } });
    await ok(sari, 'ticket:start', { deskId: 'konsultasi-1', ticketId: taken.ticket.id });
    const visit = await ok(sari, 'visit:get', { ticketId: taken.ticket.id });
    expect(visit.ticket.status).toBe('serving');

    const audit = hub.store.db
      .prepare(`SELECT payload FROM events WHERE type = 'desk.taken-over'`)
      .pluck()
      .all() as string[];
    expect(audit.map((p) => JSON.parse(p))).toEqual([{ deskId: 'konsultasi-1', from: opened.heldBy }]);
  });
});

describe('a transfer note and a cancelled ticket', () => {
  it('shows the note to the receiving desk; cancels a waiting ticket with its reason', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant');
    const librarian = await hub.staff('consultant');
    const fo = await hub.staff('front-office');
    const first = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    const phantom = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    const cancelled = await ok(fo, 'ticket:cancel', { ticketId: phantom.ticket.id, reason: 'Tiket ganda' });
    expect(cancelled.status).toBe('cancelled');
    expect(await send(consultant, 'ticket:cancel', { ticketId: first.ticket.id, reason: 'x' })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );

    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(librarian, 'desk:open', { deskId: 'perpustakaan-1' });
    await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: first.ticket.id });
    await ok(consultant, 'ticket:transfer', {
      deskId: 'konsultasi-1',
      ticketId: first.ticket.id,
      serviceId: 'perpustakaan',
      note: 'Butuh publikasi Kendal Dalam Angka 2025',
    });
    await ok(librarian, 'desk:call-next', { deskId: 'perpustakaan-1' });
    const visit = await ok(librarian, 'visit:get', { ticketId: first.ticket.id });
    expect(visit.stages[0]).toMatchObject({
      queue: 'konsultasi',
      outcome: 'transferred',
      note: 'Butuh publikasi Kendal Dalam Angka 2025',
    });
  });
});

describe('complaint follow-up', () => {
  it('records status, response, who and when; shows them in the report and its export; supervisors only', async () => {
    hub = await startHub({ dataDir: directOfficeDir() });
    const kiosk = await hub.device('kiosk');
    const consultant = await hub.staff('consultant');
    const tablet = await hub.device('rating', 'Tablet', 'konsultasi-1');
    const head = await hub.staff('supervisor', 'kepala');
    const taken = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    await ok(consultant, 'ticket:start', { deskId: 'konsultasi-1', ticketId: taken.ticket.id });
    await ok(consultant, 'ticket:finish', { deskId: 'konsultasi-1', ticketId: taken.ticket.id });
    await ok(tablet, 'rating:submit', {
      ticketId: taken.ticket.id,
      overall: 2,
      // The only respondent skips U9: no IKM yet, and the report says which element is missing.
      scores: [3, 3, 3, 4, 3, 3, 3, 3, null],
      integrity: { imbalan: false, pungli: false },
      complaint: 'Ruang tunggu panas',
    });

    const followUp = {
      ticketId: taken.ticket.id,
      status: 'ditindaklanjuti',
      response: 'Kipas angin dipasang',
    } as const;
    expect(await send(consultant, 'complaint:follow-up', followUp)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    hub.now.value = MORNING + 60 * 60_000;
    const view = await ok(head, 'complaint:follow-up', followUp);
    expect(view).toEqual({
      ticketId: taken.ticket.id,
      day: '2026-11-25',
      deskId: 'konsultasi-1',
      text: 'Ruang tunggu panas',
      status: 'ditindaklanjuti',
      handledBy: 'Kepala PST',
      response: 'Kipas angin dipasang',
      respondedAt: MORNING + 60 * 60_000,
    });
    // A ticket without a complaint has nothing to follow up.
    const other = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    expect(
      await send(head, 'complaint:follow-up', { ticketId: other.ticket.id, status: 'selesai' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    hub.store.addStaff(
      { username: 'kepala2', name: 'Kepala', role: 'supervisor', pin: '8642' },
      hub.now.value,
    );
    const session = hub.store.login('kepala2', '8642', hub.now.value);
    const get = (path: string) =>
      fetch(`${hub.url}${path}`, { headers: { authorization: `Bearer ${session?.token}` } });
    const report = (await (await get('/api/reports?preset=today')).json()) as {
      data: {
        satisfaction: {
          missingElements: string[];
          converted: number | null;
          elements: Array<{ nrr: number | null }>;
        };
      };
    };
    expect(report.data.satisfaction).toMatchObject({ missingElements: ['U9'], converted: null });
    expect(report.data.satisfaction.elements.map((e) => e.nrr)).toEqual([3, 3, 3, 4, 3, 3, 3, 3, null]);
    expect(await (await get('/api/reports/ikm.csv?preset=today')).text()).toContain(
      'IKM;Belum dapat dihitung: unsur U9 belum ada jawabannya;1;;',
    );
    const csv = await (await get('/api/reports/pengaduan.csv?preset=today')).text();
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('Tanggal;Tiket;Meja;Isi;Status;Ditangani oleh;Tanggapan;Tanggal tanggapan');
    expect(row).toBe(
      `2026-11-25;${taken.ticket.id};Meja Konsultasi 1;Ruang tunggu panas;Ditindaklanjuti;Kepala PST;Kipas angin dipasang;25/11/2026 10.00 WIB`,
    );
  });
});

describe('guest book contacts', () => {
  it('stores an entry with a landline and no email, and finds the visitor by that number', async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    const fo = await hub.staff('front-office');
    const taken = await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    await ok(fo, 'desk:open', { deskId: 'fo-1' });
    await ok(fo, 'desk:call-next', { deskId: 'fo-1' });
    await ok(fo, 'guestbook:save', {
      deskId: 'fo-1',
      ticketId: taken.ticket.id,
      entry: { ...GUEST, email: '', phone: '(0294) 381461' },
      forwardTo: 'konsultasi',
    });
    const found = await ok(fo, 'guestbook:lookup', { phone: '0294-381461' });
    expect(found).toMatchObject({ fullName: GUEST.fullName, phone: '0294381461', email: '' });
    expect(await ok(fo, 'guestbook:lookup', { phone: '0811 1111 1111' })).toBeNull();
  });
});
