import { afterEach, describe, expect, it } from 'vitest';
import { closeClients, connectClient, ok, send, startHub, type TestHub, takePrinted } from '../src/testing';

let hub: TestHub | undefined;
afterEach(async () => {
  closeClients();
  await hub?.stop();
  hub = undefined;
});

const MINUTE = 60_000;
// The test hub starts at 09:00 WIB on Wednesday 25 November 2026.
const SLOT = { date: '2026-11-25', time: '10:00' };
const at = (time: string) => Date.parse(`2026-11-25T${time}:00+07:00`);

function booking(extra: Record<string, unknown> = {}) {
  return {
    kind: 'langsung' as const,
    serviceId: 'konsultasi',
    ...SLOT,
    staffId: 'staff-budi',
    requesterName: 'Rudi Hartono',
    phone: '0857 1234 5678',
    ...extra,
  };
}

describe('appointments over real sockets', () => {
  it('books a slot with a code and a WhatsApp text; refuses a holiday, a busy consultant, a Zoom without link', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office');
    const booked = await ok(frontOffice, 'appointment:book', booking());
    expect(booked).toMatchObject({ status: 'dijadwalkan', slotAt: at('10:00'), phone: '085712345678' });
    expect(booked.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    expect(booked.message).toContain(`Kode Anda: ${booked.code}`);
    expect(booked.message).toContain('Rabu, 25 November 2026 pukul 10.00 WIB');

    const refusals = await Promise.all([
      send(frontOffice, 'appointment:book', booking({ date: '2026-12-25' })),
      send(frontOffice, 'appointment:book', booking({ date: '2026-11-28' })),
      send(frontOffice, 'appointment:book', booking({ time: '10:15' })),
      send(frontOffice, 'appointment:book', booking({ time: '17:00' })),
      send(frontOffice, 'appointment:book', booking({ kind: 'zoom', time: '13:00' })),
    ]);
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'APPOINTMENT_HOLIDAY',
      'APPOINTMENT_HOLIDAY',
      'APPOINTMENT_CONSULTANT_BUSY',
      'APPOINTMENT_OUTSIDE_HOURS',
      'APPOINTMENT_ZOOM_LINK',
    ]);
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
      booking({ kind: 'zoom', time: '13:00', zoomLink: 'https://zoom.us/j/123456789' }),
    );
    expect(zoom.message).toContain('https://zoom.us/j/123456789');
  });

  it('turns a code into a ticket straight in the service queue (the requester is in the books), used once', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office');
    const kiosk = await hub.device('kiosk');
    const booked = await ok(frontOffice, 'appointment:book', booking());

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
    const frontOffice = await hub.staff('front-office');
    const kiosk = await hub.device('kiosk');
    const booked = await ok(frontOffice, 'appointment:book', booking({ time: '11:00' }));
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
    const frontOffice = await hub.staff('front-office');
    const kiosk = await hub.device('kiosk', 'kiosk-lobi');
    const other = await hub.device('kiosk', 'kiosk-2');
    const booked = await ok(frontOffice, 'appointment:book', booking({ time: '09:30' }));
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

  it('keeps a kiosk throttled across a hub restart over the same database file', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office');
    const { token } = hub.store.addDevice('kiosk', 'kiosk-lobi', null, hub.now.value);
    const kiosk = await connectClient(hub.url, token);
    const booked = await ok(frontOffice, 'appointment:book', booking({ time: '09:30' }));
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
