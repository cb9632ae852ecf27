import { DEFAULT_OPENING_HOURS } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { MORNING, nextPush, ok, send, startHub, type TestHub } from '../src/testing';
import { stopHubAfterEach } from './hub-per-test';

let hub: TestHub;
stopHubAfterEach(() => hub);

const HOUR = 3_600_000;

describe('service hours close the kiosk, not the staff', () => {
  it('refuses kiosk tickets outside the hours and on holidays, tells when it opens, lets staff issue', async () => {
    hub = await startHub();
    const supervisor = await hub.staff('supervisor');
    const frontOffice = await hub.staff('front-office');
    const kiosk = await hub.device('kiosk');
    const closed = nextPush(kiosk, 'board:snapshot', (b) => !b.opening.open);
    const settings = await ok(supervisor, 'settings:opening-hours', { hours: DEFAULT_OPENING_HOURS });
    expect(settings.openingHours).toEqual(DEFAULT_OPENING_HOURS);

    // Wednesday 09:00 WIB: open until 15:30.
    expect((await ok(kiosk, 'board:get', {})).opening).toEqual({
      open: true,
      closesAt: MORNING + 6.5 * HOUR,
    });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });

    // 19:22 the same evening: closed until Thursday 08:00; the front office may still issue.
    hub.advance(10 * HOUR + 22 * 60_000);
    const refused = await send(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OFFICE_CLOSED' } });
    expect((await ok(kiosk, 'board:get', {})).opening).toEqual({
      open: false,
      opensAt: MORNING + 23 * HOUR,
      holiday: null,
    });
    await ok(supervisor, 'settings:holidays', {
      holidays: [{ date: '2026-11-26', name: 'Hari Libur Uji', isJointLeave: false }],
    });
    // Thursday is a holiday now: the kiosk opens on Friday.
    expect((await closed).opening.open).toBe(false);
    expect((await ok(kiosk, 'board:get', {})).opening).toEqual({
      open: false,
      opensAt: MORNING + 47 * HOUR,
      holiday: null,
    });
    const late = await ok(frontOffice, 'ticket:take', { serviceId: 'perpustakaan' });
    expect(late.ticket.number).toBe('P-001');

    // A supervisor may turn the hours off: the kiosk gives tickets at any hour again.
    await ok(supervisor, 'settings:opening-hours', { hours: null });
    await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' });
  });

  it('only supervisors set the hours, and only valid ones', async () => {
    hub = await startHub();
    const frontOffice = await hub.staff('front-office');
    const supervisor = await hub.staff('supervisor');
    expect(await send(frontOffice, 'settings:opening-hours', { hours: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const week = [...DEFAULT_OPENING_HOURS.week];
    week[0] = { open: '16:00', close: '08:00' };
    expect(await send(supervisor, 'settings:opening-hours', { hours: { week } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});
