import type { OnlineRequesterInput } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { eraseVisitor } from '../src/data-care';
import {
  closeClients,
  GUEST,
  MORNING,
  nextPush,
  ok,
  send,
  startHub,
  type TestHub,
  takePrinted,
} from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub | undefined;
stopHubAfterEach(() => hub);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A WhatsApp user who gave no email. */
const REQUESTER: OnlineRequesterInput = {
  ...GUEST,
  fullName: 'Rudi Hartono',
  email: '',
  phone: '0857 1234 5678',
  identityType: 'Lainnya',
  identityNumber: 'tidak diberikan',
};

/** A new session for an account after the hub's clock moved past the last one's 14 hours. */
async function signInAgain(test: TestHub, username: string) {
  const session = test.store.login(username, '123456', test.now.value);
  if (!session) throw new Error('login failed');
  return test.connect(session.token);
}

function requestInput(extra: Partial<Parameters<typeof ok<'online:record'>>[2]> = {}) {
  return {
    channel: 'whatsapp' as const,
    receivedAt: MORNING - 13 * HOUR, // Tuesday evening
    requester: REQUESTER,
    topic: 'Data PDRB Kabupaten Kendal',
    dataNeeded: 'PDRB ADHK 2020-2025 per lapangan usaha',
    note: 'Selamat malam, saya butuh data PDRB Kendal.',
    ...extra,
  };
}

describe('online requests over real sockets', () => {
  it('walks a request from baru to ditutup, each step noted with time and who, the clock only while it runs', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office', 'rina');
    let consultant = await hub.staff('consultant', 'budi');
    const heard = nextPush(consultant, 'online:changed');

    const recorded = await ok(frontOffice, 'online:record', requestInput());
    expect(recorded).toMatchObject({ id: 'ON-20261125-001', state: 'baru', dueAt: null, level: 'stopped' });
    expect(await heard).toEqual({ requestId: recorded.id });
    expect(recorded.actions).toEqual(['ask-completeness', 'complete']);

    const asked = await ok(frontOffice, 'online:act', {
      requestId: recorded.id,
      action: 'ask-completeness',
      note: 'Mohon sebutkan tahun dan satuan yang dibutuhkan.',
    });
    expect(asked).toMatchObject({ state: 'menunggu-kelengkapan', dueAt: null });

    hub.advance(6 * HOUR); // Wednesday 15.00: the user answers, the request is clear
    await ok(consultant, 'online:note', {
      requestId: recorded.id,
      direction: 'dari-pengguna',
      text: 'Tahun 2020-2025, juta rupiah.',
    });
    const complete = await ok(consultant, 'online:act', {
      requestId: recorded.id,
      action: 'complete',
      note: '',
    });
    // Wed 15.00 -> 9 h, Thu, Fri, Mon 30 Nov 15 h: due Monday 15.00 WIB.
    expect(complete).toMatchObject({
      state: 'diproses',
      clockStartedAt: MORNING + 6 * HOUR,
      level: 'on-track',
    });
    expect(complete.dueAt).toBe(Date.parse('2026-11-30T15:00:00+07:00'));

    hub.advance(2 * DAY); // Friday 15.00: one working day (Monday) left
    consultant = await signInAgain(hub, 'budi');
    expect((await ok(consultant, 'online:get', { requestId: recorded.id })).level).toBe('near');
    const answered = await ok(consultant, 'online:act', {
      requestId: recorded.id,
      action: 'answer',
      note: 'Data PDRB terlampir (tabel 2020-2025).',
    });
    expect(answered).toMatchObject({ state: 'dijawab', level: 'done', isProposedForClosing: false });
    expect(answered.actions).toEqual(['reopen', 'close-done']);

    // Closing for no response before the 7 days: refused, nothing changed.
    hub.advance(6 * DAY);
    consultant = await signInAgain(hub, 'budi');
    const early = await send(consultant, 'online:act', {
      requestId: recorded.id,
      action: 'close-no-response',
      note: '',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'ONLINE_CLOSE_TOO_EARLY' } });
    expect((await ok(consultant, 'online:get', { requestId: recorded.id })).state).toBe('dijawab');

    hub.advance(DAY);
    consultant = await signInAgain(hub, 'budi');
    const proposed = await ok(consultant, 'online:list', { filter: 'open' });
    expect(proposed).toMatchObject([{ id: recorded.id, isProposedForClosing: true }]);
    const closed = await ok(consultant, 'online:act', {
      requestId: recorded.id,
      action: 'close-no-response',
      note: 'Tidak ada balasan 7 hari.',
    });
    expect(closed).toMatchObject({ state: 'ditutup', closeReason: 'tidak-ada-respons', actions: [] });

    expect(closed.history.map((h) => [h.kind, h.state ?? h.direction, h.staffName])).toEqual([
      ['state', 'baru', 'Rina Wulandari'],
      ['note', 'dari-pengguna', 'Rina Wulandari'],
      ['state', 'menunggu-kelengkapan', 'Rina Wulandari'],
      ['note', 'ke-pengguna', 'Rina Wulandari'],
      ['note', 'dari-pengguna', 'Budi Santoso'],
      ['state', 'diproses', 'Budi Santoso'],
      ['state', 'dijawab', 'Budi Santoso'],
      ['note', 'ke-pengguna', 'Budi Santoso'],
      ['state', 'ditutup', 'Budi Santoso'],
      ['note', 'internal', 'Budi Santoso'],
    ]);
    const logged = hub.store.db
      .prepare(`SELECT type FROM events WHERE type LIKE 'online.%' AND type != 'online.read' ORDER BY id`)
      .all()
      .map((r) => (r as { type: string }).type);
    expect(logged).toEqual([
      'online.recorded',
      'online.completeness-asked',
      'online.noted',
      'online.completed',
      'online.answered',
      'online.closed',
    ]);
    expect(await ok(consultant, 'online:list', { filter: 'closed' })).toHaveLength(1);
  });

  it('does not offer the no-response close a millisecond before the 7 days, and refuses it if sent', async () => {
    hub = await startHub();
    let consultant = await hub.staff('consultant', 'budi');
    const r = await ok(consultant, 'online:record', requestInput({ isComplete: true }));
    await ok(consultant, 'online:act', { requestId: r.id, action: 'answer', note: 'Jawaban' });
    hub.advance(7 * DAY - 1);
    consultant = await signInAgain(hub, 'budi');
    // Not offered yet (the button is not shown); sent anyway, the state machine refuses it.
    expect((await ok(consultant, 'online:get', { requestId: r.id })).actions).not.toContain(
      'close-no-response',
    );
    const early = await send(consultant, 'online:act', {
      requestId: r.id,
      action: 'close-no-response',
      note: '',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'ONLINE_CLOSE_TOO_EARLY' } });
  });

  it('lists the overdue requests for the supervisor, in working time', async () => {
    hub = await startHub();
    const consultant = await hub.staff('consultant');
    const r = await ok(consultant, 'online:record', requestInput({ isComplete: true }));
    // Wed 09.00 -> due Mon 30 Nov 09.00.
    hub.now.value = Date.parse('2026-11-30T08:59:00+07:00');
    const supervisor = await hub.staff('supervisor');
    expect(await ok(supervisor, 'online:list', { filter: 'overdue' })).toEqual([]);
    hub.now.value = Date.parse('2026-11-30T09:00:00+07:00');
    const overdue = await ok(supervisor, 'online:list', { filter: 'overdue' });
    expect(overdue).toMatchObject([{ id: r.id, level: 'overdue', workingMsLeft: 0 }]);
  });

  it('refuses a request with no contact in Indonesian and stores nothing', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office');
    const reply = await send(
      frontOffice,
      'online:record',
      requestInput({ requester: { ...REQUESTER, phone: '', email: '' } }),
    );
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Data yang dikirim tidak valid.',
        details: { 'requester.phone': 'Isi nomor telepon atau email (salah satu wajib)' },
      },
    });
    const future = await send(frontOffice, 'online:record', requestInput({ receivedAt: MORNING + 60_000 }));
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await ok(frontOffice, 'online:list', { filter: 'all' })).toEqual([]);
    expect(hub.store.db.prepare('SELECT count(*) AS n FROM online_history').get()).toEqual({ n: 0 });
  });

  it('finds a returning requester by phone or email, from the walk-in guest book or an earlier request', async () => {
    hub = await startHub();
    const kiosk = await hub.device('kiosk');
    const frontOffice = await hub.staff('front-office');
    await ok(frontOffice, 'desk:open', { deskId: 'fo-1' });
    const { ticket } = await takePrinted(kiosk, { serviceId: 'konsultasi' });
    await ok(frontOffice, 'desk:call-next', { deskId: 'fo-1' });
    await ok(frontOffice, 'guestbook:save', {
      deskId: 'fo-1',
      ticketId: ticket.id,
      entry: GUEST,
      forwardTo: 'konsultasi',
    });
    const walkIn = await ok(frontOffice, 'online:requester-lookup', { email: 'SITI.AMINAH@example.ac.id' });
    expect(walkIn).toMatchObject({ fullName: 'Siti Aminah', phone: '081234567890', lastContactAt: MORNING });
    expect(walkIn).not.toHaveProperty('lastVisitAt');

    hub.advance(HOUR);
    await ok(
      frontOffice,
      'online:record',
      requestInput({ requester: { ...REQUESTER, fullName: 'Rudi H.' } }),
    );
    expect(await ok(frontOffice, 'online:requester-lookup', { phone: '+62 857-1234-5678' })).toMatchObject({
      fullName: 'Rudi H.',
      email: '',
    });
    expect(await ok(frontOffice, 'online:requester-lookup', { phone: '0899 0000 0000' })).toBeNull();
  });

  it('keeps requests across a restart and lets only staff who handle them in', async () => {
    hub = await startHub();
    const dataDir = hub.dataDir;
    const frontOffice = await hub.staff('front-office');
    const r = await ok(frontOffice, 'online:record', requestInput({ channel: 'email' }));
    const kiosk = await hub.device('kiosk');
    expect(await send(kiosk, 'online:list', { filter: 'open' })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    closeClients();
    await hub.stop();
    hub = await startHub({ dataDir });
    const supervisor = await hub.staff('supervisor');
    expect(await ok(supervisor, 'online:get', { requestId: r.id })).toMatchObject({
      channel: 'email',
      state: 'baru',
    });
    expect(await send(supervisor, 'online:get', { requestId: 'ON-20261125-099' })).toMatchObject({
      error: { code: 'UNKNOWN_ONLINE_REQUEST' },
    });
  });
});

describe('online ratings and the online report', () => {
  it('takes the SKM once after an answer, and reports channels, the 3-day share, appointments and IKM by channel', async () => {
    hub = await startHub();
    const staff = await hub.staff('consultant', 'budi');
    const input = (channel: 'whatsapp' | 'email') => ({ ...requestInput({ channel, isComplete: true }) });
    const quick = await ok(staff, 'online:record', input('whatsapp')); // Wed 09.00, due Mon 30 Nov 09.00
    const slow = await ok(staff, 'online:record', input('email'));
    const silent = await ok(staff, 'online:record', input('whatsapp'));
    const answers = {
      overall: 4 as const,
      scores: [4, 4, 3, 4, 4, 4, 4, 3, 4] as Array<1 | 2 | 3 | 4>,
      integrity: { imbalan: false, pungli: false },
    };

    // Rating before the answer: refused, nothing kept.
    const early = await send(staff, 'online:rate', { requestId: quick.id, source: 'formulir', ...answers });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'ONLINE_NOT_ANSWERED', message: 'Penilaian diisi setelah permintaan dijawab.' },
    });

    hub.advance(24 * HOUR); // Thursday 09.00: 1 working day
    const thursday = await signInAgain(hub, 'budi');
    await ok(thursday, 'online:act', { requestId: quick.id, action: 'answer', note: 'Jawaban' });
    await ok(thursday, 'online:act', { requestId: silent.id, action: 'answer', note: 'Jawaban' });
    const rated = await ok(thursday, 'online:rate', { requestId: quick.id, source: 'formulir', ...answers });
    expect(rated.rating).toMatchObject({ source: 'formulir', overall: 4 });
    expect(
      await send(thursday, 'online:rate', { requestId: quick.id, source: 'formulir', ...answers }),
    ).toMatchObject({
      error: { code: 'ALREADY_RATED' },
    });
    const booked = await ok(thursday, 'appointment:book', {
      requestId: quick.id,
      kind: 'langsung',
      serviceId: 'konsultasi',
      date: '2026-11-27',
      time: '10:00',
      staffId: null,
      requesterName: 'Rudi Hartono',
      phone: '0857 1234 5678',
    });
    expect(booked.requestId).toBe(quick.id);

    hub.now.value = Date.parse('2026-12-01T09:00:00+07:00'); // Tuesday: the email request is a day late
    const budi = await signInAgain(hub, 'budi');
    await ok(budi, 'online:act', { requestId: slow.id, action: 'answer', note: 'Maaf terlambat' });
    await ok(budi, 'online:rate', {
      requestId: slow.id,
      source: 'whatsapp',
      overall: 2,
      scores: [2, 2, 1, 4, 2, 2, 2, 2, 2],
      integrity: { imbalan: null, pungli: null },
    });
    hub.now.value = Date.parse('2026-12-04T10:00:00+07:00');
    const later = await signInAgain(hub, 'budi');
    await ok(later, 'online:act', { requestId: silent.id, action: 'close-no-response', note: '' });

    hub.store.addStaff(
      { username: 'kepala', name: 'Kepala', role: 'supervisor', pin: '8642' },
      hub.now.value,
    );
    const session = hub.store.login('kepala', '8642', hub.now.value);
    const get = (path: string) =>
      fetch(`${hub?.url}${path}`, { headers: { authorization: `Bearer ${session?.token}` } });
    const reply = (await (await get('/api/reports/online?from=2026-11-01&to=2026-12-31')).json()) as {
      data: {
        channels: Array<{
          channel: string;
          requests: number;
          due: number;
          answeredInTime: number;
          medianWorkingDays: number | null;
          closedNoResponse: number;
          ikm: { respondents: number; converted: number | null };
        }>;
        total: { requests: number; inTimeShare: number; closedNoResponse: number };
        appointments: { booked: number; kept: number; missed: number };
        ikm: { walkIn: { respondents: number }; online: { respondents: number } };
      };
    };
    const report = reply.data;
    const whatsapp = report.channels.find((c) => c.channel === 'whatsapp');
    const email = report.channels.find((c) => c.channel === 'email');
    expect(whatsapp).toMatchObject({
      requests: 2,
      due: 2,
      answeredInTime: 2,
      medianWorkingDays: 1,
      closedNoResponse: 1,
    });
    expect(email).toMatchObject({ requests: 1, due: 1, answeredInTime: 0, medianWorkingDays: 4 });
    expect(report.total).toMatchObject({ requests: 3, inTimeShare: 2 / 3, closedNoResponse: 1 });
    expect(report.appointments).toMatchObject({ booked: 1, kept: 0, missed: 1 });
    expect(report.ikm).toMatchObject({ walkIn: { respondents: 0 }, online: { respondents: 2 } });
    expect(whatsapp?.ikm.respondents).toBe(1);

    const csv = await (await get('/api/reports/online.csv?from=2026-11-01&to=2026-12-31')).text();
    expect(csv).toContain('Semua kanal;3;3;2;66,7;1;0;1;2;73,61');
    const ikmCsv = await (await get('/api/reports/ikm-kanal.csv?from=2026-11-01&to=2026-12-31')).text();
    expect(ikmCsv).toContain('Online: Email;1;');
    const xlsx = await get('/api/reports/export.xlsx?from=2026-11-01&to=2026-12-31');
    expect(xlsx.status).toBe(200);
  });
});

describe('personal data of online requesters', () => {
  it("erases a requester's data with the guest book on request, keeping the figures", async () => {
    hub = await startHub();
    const staff = await hub.staff('front-office');
    const supervisor = await hub.staff('supervisor');
    const r = await ok(staff, 'online:record', requestInput({ isComplete: true }));
    await ok(staff, 'appointment:book', {
      requestId: r.id,
      kind: 'langsung',
      serviceId: 'konsultasi',
      date: '2026-11-26',
      time: '10:00',
      staffId: null,
      requesterName: 'Rudi Hartono',
      phone: '0857 1234 5678',
    });
    const erased = await ok(supervisor, 'guestbook:erase', { phone: '0857-1234-5678' });
    expect(erased.erased).toBe(1);
    const after = await ok(supervisor, 'online:get', { requestId: r.id });
    expect(after.requester).not.toHaveProperty('fullName');
    expect(after.requester).not.toHaveProperty('phone');
    expect(after).toMatchObject({ state: 'diproses', requesterName: '(dihapus / erased)' });
    expect(after.history.filter((h) => h.kind === 'note').map((h) => h.text)).toEqual(['(dihapus / erased)']);
    const [appointment] = (await ok(supervisor, 'appointment:list', { date: '2026-11-26' })).appointments;
    expect(appointment).toMatchObject({ requesterName: '(dihapus / erased)', phone: '' });
    expect(await ok(supervisor, 'online:requester-lookup', { phone: '0857 1234 5678' })).toBeNull();
  });

  it('erases online requests too when the request comes through the command line (`pst-hub erase`)', async () => {
    hub = await startHub();
    const staff = await hub.staff('front-office');
    const r = await ok(staff, 'online:record', requestInput({ isComplete: true }));
    // What the command line runs, on the same store.
    expect(eraseVisitor(hub.store, { phone: '0857-1234-5678' }, hub.now.value, 'admin-cli')).toBe(1);
    const after = await ok(await hub.staff('supervisor'), 'online:get', { requestId: r.id });
    expect(after.requester).not.toHaveProperty('phone');
    expect(after.requesterName).toBe('(dihapus / erased)');
  });
});
