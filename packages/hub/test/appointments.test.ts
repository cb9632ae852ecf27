import { describe, expect, it } from 'vitest';
import { connectClient, ok, send, startHub, type TestHub, takePrinted } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub | undefined;
stopHubAfterEach(() => hub);

const MINUTE = 60_000;
// The test hub starts at 09:00 WIB on Wednesday 25 November 2026.
const SLOT = { date: '2026-11-25', time: '10:00' };
const at = (time: string) => Date.parse(`2026-11-25T${time}:00+07:00`);

/** A consultant to book (Budi, an active account) and a front-office account that books. */
async function people(test: TestHub) {
  const budi = test.staffAccount('consultant', 'budi');
  return { budi: budi.id, budiToken: budi.token, frontOffice: await test.staff('front-office') };
}

function booking(staffId: string | null, extra: Record<string, unknown> = {}) {
  return {
    kind: 'langsung' as const,
    serviceId: 'konsultasi',
    ...SLOT,
    staffId,
    requesterName: 'Rudi Hartono',
    phone: '0857 1234 5678',
    ...extra,
  };
}

describe('appointments over real sockets', () => {
  it('books a slot with a code and a WhatsApp text; refuses a holiday, a busy consultant, a Zoom without link', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const booked = await ok(frontOffice, 'appointment:book', booking(budi));
    expect(booked).toMatchObject({ status: 'dijadwalkan', slotAt: at('10:00'), phone: '085712345678' });
    expect(booked.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(booked.message).toContain(`Kode Anda: ${booked.code}`);
    expect(booked.message).toContain('Rabu, 25 November 2026 pukul 10.00 WIB');

    const refusals = await Promise.all([
      send(frontOffice, 'appointment:book', booking(budi, { date: '2026-12-25' })),
      send(frontOffice, 'appointment:book', booking(budi, { date: '2026-11-28' })),
      send(frontOffice, 'appointment:book', booking(budi, { time: '10:15' })),
      send(frontOffice, 'appointment:book', booking(budi, { time: '17:00' })),
      send(frontOffice, 'appointment:book', booking(budi, { kind: 'zoom', time: '13:00' })),
      send(
        frontOffice,
        'appointment:book',
        booking(budi, { kind: 'zoom', time: '13:00', zoomLink: 'javascript:alert(1)' }),
      ),
      send(
        frontOffice,
        'appointment:book',
        booking(budi, { kind: 'zoom', time: '13:00', zoomLink: 'http://zoom.us/j/1' }),
      ),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'APPOINTMENT_HOLIDAY',
      'APPOINTMENT_HOLIDAY',
      'APPOINTMENT_CONSULTANT_BUSY',
      'APPOINTMENT_OUTSIDE_HOURS',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
      'VALIDATION_FAILED',
    ]);
    // A missing or non-https Zoom link: the booking schema's field problem names the code the form shows.
    for (const zoom of refusals.slice(4))
      expect(zoom).toMatchObject({ error: { details: { zoomLink: 'APPOINTMENT_ZOOM_LINK' } } });
    const holiday = refusals[0];
    expect(holiday?.ok === false && holiday.error.message).toBe(
      'Tanggal janji temu jatuh pada hari libur atau akhir pekan. Pilih hari kerja.',
    );
    // Nothing of the refused bookings was kept.
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-11-25' })).appointments).toHaveLength(1);
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-12-25' })).appointments).toEqual([]);

    const zoom = await ok(
      frontOffice,
      'appointment:book',
      booking(budi, { kind: 'zoom', time: '13:00', zoomLink: 'https://zoom.us/j/123456789' }),
    );
    expect(zoom.message).toContain('https://zoom.us/j/123456789');
  });

  it('books in the office’s own opening hours and holidays, and offers the times those hours allow', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    // No hours set (the kiosk runs around the clock): the PST's usual hours, Thursday 08.00-15.30.
    const usual = await ok(frontOffice, 'appointment:list', { date: '2026-11-26' });
    expect(usual.times[0]).toBe('08:00');
    expect(usual.times.at(-1)).toBe('15:00');
    const supervisor = await hub.staff('supervisor');
    const week = [
      { open: '07:30', close: '12:00' },
      { open: '07:30', close: '12:00' },
      null,
      { open: '07:30', close: '12:00' },
      { open: '07:30', close: '11:00' },
      { open: '09:00', close: '11:00' },
      null,
    ];
    await ok(supervisor, 'settings:opening-hours', { hours: { week } });
    const thursday = await ok(frontOffice, 'appointment:list', { date: '2026-11-26' });
    expect(thursday.times).toEqual([
      '07:30',
      '07:45',
      '08:00',
      '08:15',
      '08:30',
      '08:45',
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
      '10:45',
      '11:00',
      '11:15',
      '11:30',
    ]);
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-11-28' })).times).toEqual([
      '09:00',
      '09:15',
      '09:30',
      '09:45',
      '10:00',
      '10:15',
      '10:30',
    ]);
    // Closed: a weekday the office closes, and a holiday.
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-12-02' })).times).toEqual([]);
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-12-25' })).times).toEqual([]);

    const answers = await Promise.all([
      send(frontOffice, 'appointment:book', booking(budi, { date: '2026-11-26', time: '07:30' })),
      send(frontOffice, 'appointment:book', booking(null, { date: '2026-11-28', time: '09:00' })),
      send(frontOffice, 'appointment:book', booking(null, { date: '2026-11-26', time: '13:00' })),
      send(frontOffice, 'appointment:book', booking(null, { date: '2026-12-02', time: '10:00' })),
      send(frontOffice, 'appointment:book', booking(null, { date: '2026-12-25', time: '10:00' })),
    ]);
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ok',
      'APPOINTMENT_OUTSIDE_HOURS',
      'APPOINTMENT_HOLIDAY',
      'APPOINTMENT_HOLIDAY',
    ]);
  });

  it('turns a code into a ticket straight in the service queue (the requester is in the books), used once', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const kiosk = await hub.device('kiosk');
    const booked = await ok(frontOffice, 'appointment:book', booking(budi));

    hub.now.value = at('09:55');
    const walkIn = await takePrinted(kiosk, { serviceId: 'konsultasi' });
    hub.now.value = at('10:05');
    const redeemed = await send(kiosk, 'appointment:redeem', { code: booked.code.toLowerCase() });
    if (!redeemed.ok) throw new Error(redeemed.error.code);
    expect(redeemed.data.ticket).toMatchObject({ queue: 'konsultasi', number: 'K-002', peopleAhead: 0 });
    expect(await send(kiosk, 'appointment:redeem', { code: booked.code })).toMatchObject({
      error: { code: 'APPOINTMENT_USED' },
    });
    // The walk-in goes to the front office first; the appointment does not.
    expect(walkIn.ticket.queue).toBe('front-office');
    const { appointments: list } = await ok(frontOffice, 'appointment:list', { date: '2026-11-25' });
    expect(list[0]).toMatchObject({
      status: 'hadir',
      ticketId: redeemed.data.ticket.id,
      redeemedAt: at('10:05'),
    });

    const consultant = await hub.staff('consultant');
    await ok(consultant, 'desk:open', { deskId: 'konsultasi-1' });
    const called = await ok(consultant, 'desk:call-next', { deskId: 'konsultasi-1' });
    expect(called.ticketId).toBe(redeemed.data.ticket.id);
  });

  it('refuses a code too early or too late, and marks a slot never redeemed as a no-show', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const kiosk = await hub.device('kiosk');
    const booked = await ok(frontOffice, 'appointment:book', booking(budi, { time: '11:00' }));
    hub.now.value = at('09:59');
    expect(await send(kiosk, 'appointment:redeem', { code: booked.code })).toMatchObject({
      error: { code: 'APPOINTMENT_TOO_EARLY' },
    });
    hub.now.value = at('11:16');
    expect(await send(kiosk, 'appointment:redeem', { code: booked.code })).toMatchObject({
      error: {
        code: 'APPOINTMENT_TOO_LATE',
        message: 'Jadwal janji temu Anda sudah lewat lebih dari 15 menit. Silakan ambil nomor antrian biasa.',
      },
    });
    expect(hub.context.runner.state.tickets.size).toBe(0);
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-11-25' })).appointments).toMatchObject([
      { status: 'tidak-hadir', ticketId: null },
    ]);
  });

  it('throttles a kiosk after five wrong codes: even the right code waits five minutes, and nothing is issued', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const kiosk = await hub.device('kiosk', 'kiosk-lobi');
    const other = await hub.device('kiosk', 'kiosk-2');
    const booked = await ok(frontOffice, 'appointment:book', booking(budi, { time: '09:30' }));
    const wrong = booked.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 4; i++)
      expect(await send(kiosk, 'appointment:redeem', { code: wrong })).toMatchObject({
        error: { code: 'APPOINTMENT_CODE_UNKNOWN' },
      });
    expect(await send(kiosk, 'appointment:redeem', { code: wrong })).toMatchObject({
      error: { code: 'APPOINTMENT_CODE_UNKNOWN' },
    });
    const throttled = await send(kiosk, 'appointment:redeem', { code: booked.code });
    expect(throttled).toMatchObject({
      ok: false,
      error: {
        code: 'APPOINTMENT_CODE_THROTTLED',
        message: 'Kode salah 5 kali. Tunggu 5 menit atau minta bantuan petugas.',
      },
    });
    expect(hub.context.runner.state.tickets.size).toBe(0);
    expect((await ok(frontOffice, 'appointment:list', { date: '2026-11-25' })).appointments[0]?.status).toBe(
      'dijadwalkan',
    );
    // Another kiosk is not held up; this one is again after five minutes.
    hub.advance(5 * MINUTE);
    expect(await send(kiosk, 'appointment:redeem', { code: booked.code })).toMatchObject({ ok: true });
    expect(await send(other, 'appointment:redeem', { code: wrong })).toMatchObject({
      error: { code: 'APPOINTMENT_CODE_UNKNOWN' },
    });
    expect(await send(kiosk, 'appointment:redeem', { code: 'abc' })).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('lets staff mark a Zoom meeting attended or not, from its slot time on, and reports count it', async () => {
    hub = await startHub();
    const { budi, budiToken, frontOffice } = await people(hub);
    const zoomLink = 'https://zoom.us/j/123456789';
    const kept = await ok(
      frontOffice,
      'appointment:book',
      booking(budi, { kind: 'zoom', time: '10:00', zoomLink }),
    );
    const missed = await ok(
      frontOffice,
      'appointment:book',
      booking(null, { kind: 'zoom', time: '11:00', zoomLink }),
    );
    const inPerson = await ok(frontOffice, 'appointment:book', booking(null, { time: '13:00' }));
    // Budi marks his own meeting; the supervisor the one no consultant was named for.
    const consultant = await hub.connect(budiToken);
    const supervisor = await hub.staff('supervisor');
    const mark = (appointmentId: string, attended: boolean) =>
      send(supervisor, 'appointment:attendance', { appointmentId, attended });

    expect(await mark(kept.id, true)).toMatchObject({ error: { code: 'APPOINTMENT_NOT_STARTED' } });
    // Unmarked, a Zoom meeting is never a no-show by the clock alone.
    hub.now.value = at('15:00');
    const before = await ok(frontOffice, 'appointment:list', { date: '2026-11-25' });
    expect(before.appointments.map((a) => a.status)).toEqual(['dijadwalkan', 'dijadwalkan', 'tidak-hadir']);

    expect(
      await ok(consultant, 'appointment:attendance', { appointmentId: kept.id, attended: true }),
    ).toMatchObject({ status: 'hadir', attended: true, attendanceAt: at('15:00') });
    expect(await mark(missed.id, false)).toMatchObject({ ok: true, data: { status: 'tidak-hadir' } });
    expect(await mark(inPerson.id, true)).toMatchObject({ error: { code: 'APPOINTMENT_NOT_ZOOM' } });
    expect(await mark('janji-zzzzzz', true)).toMatchObject({ error: { code: 'UNKNOWN_APPOINTMENT' } });
    const kiosk = await hub.device('kiosk');
    expect(
      await send(kiosk, 'appointment:attendance', { appointmentId: kept.id, attended: true }),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });

    const after = await ok(frontOffice, 'appointment:list', { date: '2026-11-25' });
    expect(after.appointments.map((a) => a.status)).toEqual(['hadir', 'tidak-hadir', 'tidak-hadir']);
    const audit = hub.store.db
      .prepare("SELECT payload, actor FROM events WHERE type = 'appointment.attendance' ORDER BY id")
      .all() as Array<{ payload: string; actor: string }>;
    expect(audit.map((a) => JSON.parse(a.payload))).toEqual([
      { id: kept.id, attended: true },
      { id: missed.id, attended: false },
    ]);

    // The report: kept and missed count the Zoom meetings as marked; the marks survive a restart.
    const { dataDir } = hub;
    const now = hub.now.value;
    await hub.stop();
    hub = await startHub({ dataDir, clock: () => now });
    const token = hub.staffToken('supervisor');
    const report = (await (
      await fetch(`${hub.url}/api/reports/online?from=2026-11-25&to=2026-11-25`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { data: { appointments: Record<string, number> } };
    expect(report.data.appointments).toEqual({ booked: 3, kept: 1, missed: 2, pending: 0, zoom: 2 });
  });

  it('marks a Zoom meeting only by its own consultant (any consultant when none is named), or a supervisor or admin', async () => {
    hub = await startHub();
    const { budi, budiToken, frontOffice } = await people(hub);
    const zoomLink = 'https://zoom.us/j/123456789';
    const budis = await ok(frontOffice, 'appointment:book', booking(budi, { kind: 'zoom', zoomLink }));
    const unassigned = await ok(
      frontOffice,
      'appointment:book',
      booking(null, { kind: 'zoom', time: '11:00', zoomLink }),
    );
    hub.now.value = at('12:00');
    const by = {
      'front-office': frontOffice,
      'another consultant': await hub.staff('consultant', 'sari'),
      'its consultant': await hub.connect(budiToken),
      supervisor: await hub.staff('supervisor'),
      admin: await hub.staff('admin'),
    };
    const answers = async (appointmentId: string) =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(by).map(async ([who, client]) => {
            const answer = await send(client, 'appointment:attendance', { appointmentId, attended: true });
            return [who, answer.ok ? 'ok' : answer.error.code] as const;
          }),
        ),
      );
    expect(await answers(budis.id)).toEqual({
      'front-office': 'APPOINTMENT_NOT_YOURS',
      'another consultant': 'APPOINTMENT_NOT_YOURS',
      'its consultant': 'ok',
      supervisor: 'ok',
      admin: 'ok',
    });
    // No consultant named: whichever consultant held it marks it, or a supervisor or admin.
    expect(await answers(unassigned.id)).toEqual({
      'front-office': 'APPOINTMENT_NOT_YOURS',
      'another consultant': 'ok',
      'its consultant': 'ok',
      supervisor: 'ok',
      admin: 'ok',
    });
    const refused = await send(frontOffice, 'appointment:attendance', {
      appointmentId: budis.id,
      attended: false,
    });
    expect(refused.ok === false && refused.error.message).toBe(
      'Kehadiran janji temu ini hanya dapat ditandai oleh konsultannya sendiri, supervisor, atau admin.',
    );
    // Only the allowed marks were kept.
    const audit = hub.store.db
      .prepare("SELECT actor FROM events WHERE type = 'appointment.attendance'")
      .all() as Array<{ actor: string }>;
    expect(audit).toHaveLength(7);
  });

  it('books only an active consultant, for a service that is open', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const frontOfficeId = hub.staffAccount('front-office', 'rina').id;
    const supervisorId = hub.staffAccount('supervisor', 'kepala').id;
    const sari = hub.staffAccount('consultant', 'sari').id;
    hub.store.saveStaff(
      { username: 'sari', name: 'Petugas sari', role: 'consultant', active: false },
      hub.now.value,
      'admin',
    );
    const admin = await hub.staff('admin');
    const { config } = await ok(admin, 'settings:get', {});
    await ok(admin, 'settings:config', {
      config: {
        ...config,
        services: config.services.map((s) => (s.id === 'penjualan' ? { ...s, active: false } : s)),
      },
    });
    const answers = await Promise.all(
      [
        booking('staff-budi'),
        booking(frontOfficeId),
        booking(supervisorId),
        booking(sari),
        booking(budi, { serviceId: 'penjualan' }),
        booking(budi, { serviceId: 'tidak-ada' }),
        booking(null, { serviceId: 'penjualan' }),
        // What an office trips on: a slot already past, and the consultant's slot taken.
        booking(budi, { time: '08:30' }),
        booking(budi),
        booking(budi, { time: '10:15' }),
      ].map((b) => send(frontOffice, 'appointment:book', b)),
    );
    expect(answers.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'APPOINTMENT_NOT_CONSULTANT',
      'APPOINTMENT_NOT_CONSULTANT',
      'APPOINTMENT_NOT_CONSULTANT',
      'APPOINTMENT_NOT_CONSULTANT',
      'SERVICE_INACTIVE',
      'UNKNOWN_SERVICE',
      'SERVICE_INACTIVE',
      'APPOINTMENT_IN_PAST',
      'ok',
      'APPOINTMENT_CONSULTANT_BUSY',
    ]);
    const first = answers[0];
    expect(first?.ok === false && first.error.message).toBe(
      'Petugas yang dipilih bukan konsultan yang aktif.',
    );
    // The form offers the same people the hub accepts: Budi only (Sari is deactivated).
    const day = await ok(frontOffice, 'appointment:list', { date: '2026-11-25' });
    expect(day.consultants.map((c) => c.id)).toEqual([budi]);
    expect(day.appointments).toHaveLength(1);
  });

  it('keeps a kiosk throttled across a hub restart over the same database file', async () => {
    hub = await startHub();
    const { budi, frontOffice } = await people(hub);
    const { token } = hub.store.addDevice('kiosk', 'kiosk-lobi', null, hub.now.value);
    const kiosk = await connectClient(hub.url, token);
    const booked = await ok(frontOffice, 'appointment:book', booking(budi, { time: '09:30' }));
    const wrong = booked.code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    // Four wrong codes, a restart, the fifth: the count went on across the restart.
    for (let i = 0; i < 4; i++) await send(kiosk, 'appointment:redeem', { code: wrong });
    const { dataDir } = hub;
    let at = hub.now.value;
    await hub.stop();
    hub = await startHub({ dataDir, clock: () => at });
    let again = await connectClient(hub.url, token);
    expect(await send(again, 'appointment:redeem', { code: wrong })).toMatchObject({
      error: { code: 'APPOINTMENT_CODE_UNKNOWN' },
    });
    // Throttled now, and still after a second restart.
    at = hub.now.value + MINUTE;
    await hub.stop();
    hub = await startHub({ dataDir, clock: () => at });
    again = await connectClient(hub.url, token);
    expect(await send(again, 'appointment:redeem', { code: booked.code })).toMatchObject({
      error: { code: 'APPOINTMENT_CODE_THROTTLED' },
    });
    expect(hub.context.runner.state.tickets.size).toBe(0);
    hub.advance(5 * MINUTE);
    expect(await send(again, 'appointment:redeem', { code: booked.code })).toMatchObject({ ok: true });
  });
});
