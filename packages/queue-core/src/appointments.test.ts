import {
  addDays,
  appointmentTimes,
  DEFAULT_CONFIG,
  DEFAULT_HOLIDAYS,
  type ErrorCode,
  type OpeningHours,
  serviceHoursOn,
} from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderKey } from './appointment-order';
import {
  appointmentStatus,
  checkArrival,
  checkAttendanceMark,
  checkBookingParties,
  checkSlot,
} from './appointments';
import { execute } from './index';
import { act, call, directConfig, MINUTE, newState, openDesk, ticketOf, wib } from './test-helpers';
import { DomainError, type QueueState } from './types';

const calendar = { holidays: DEFAULT_HOLIDAYS };

function refused(run: () => unknown): ErrorCode | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('booking a slot', () => {
  const now = wib('09:00'); // Wednesday 25 November 2026
  it('takes a working day inside the hours, for a consultant who is free', () => {
    expect(checkSlot({ date: '2026-11-26', time: '10:00', staffId: 'budi' }, [], now, calendar, null)).toBe(
      wib('10:00', '2026-11-26'),
    );
    // 90 days ahead to the day (Tuesday 23 February 2027) is still bookable.
    expect(checkSlot({ date: '2027-02-23', time: '08:30', staffId: 'budi' }, [], now, calendar, null)).toBe(
      wib('08:30', '2027-02-23'),
    );
  });
  it.each([
    ['Christmas Day', { date: '2026-12-25', time: '10:00' }, 'APPOINTMENT_HOLIDAY'],
    ['cuti bersama', { date: '2026-12-24', time: '10:00' }, 'APPOINTMENT_HOLIDAY'],
    ['a Saturday', { date: '2026-11-28', time: '10:00' }, 'APPOINTMENT_HOLIDAY'],
    ['before opening', { date: '2026-11-26', time: '07:30' }, 'APPOINTMENT_OUTSIDE_HOURS'],
    ['a slot running past closing', { date: '2026-11-26', time: '15:15' }, 'APPOINTMENT_OUTSIDE_HOURS'],
    ['the past', { date: '2026-11-25', time: '08:30' }, 'APPOINTMENT_IN_PAST'],
    ['more than 90 days ahead', { date: '2027-02-24', time: '10:00' }, 'APPOINTMENT_TOO_FAR'],
  ] as const)('refuses %s', (_name, slot, code) => {
    expect(refused(() => checkSlot({ ...slot, staffId: 'budi' }, [], now, calendar, null))).toBe(code);
  });
  it('never books a consultant twice in overlapping slots; another consultant or a freed slot is fine', () => {
    const booked = [{ slotAt: wib('10:00', '2026-11-26'), staffId: 'budi', isActive: true }];
    const at = (time: string, staffId: string) => () =>
      checkSlot({ date: '2026-11-26', time, staffId }, booked, now, calendar, null);
    expect(refused(at('10:15', 'budi'))).toBe('APPOINTMENT_CONSULTANT_BUSY');
    expect(refused(at('09:45', 'budi'))).toBe('APPOINTMENT_CONSULTANT_BUSY');
    expect(refused(at('10:30', 'budi'))).toBeNull();
    expect(refused(at('10:00', 'sari'))).toBeNull();
    expect(
      refused(() =>
        checkSlot(
          { date: '2026-11-26', time: '10:00', staffId: 'budi' },
          [{ ...booked[0], isActive: false } as never],
          now,
          calendar,
          null,
        ),
      ),
    ).toBeNull();
  });

  // Opening hours as an office might set them: Wednesday closed, Saturday mornings open.
  const hours: OpeningHours = {
    week: [
      { open: '07:30', close: '14:00' },
      { open: '07:30', close: '14:00' },
      null,
      { open: '07:30', close: '14:00' },
      { open: '07:30', close: '11:00' },
      { open: '09:00', close: '12:00' },
      null,
    ],
  };
  it.each([
    ['07:30 on a Thursday that opens at 07:30', { date: '2026-11-26', time: '07:30' }, null],
    ['13:30 ending at closing', { date: '2026-11-26', time: '13:30' }, null],
    ['14:00, after the office’s closing', { date: '2026-11-26', time: '14:00' }, 'APPOINTMENT_OUTSIDE_HOURS'],
    [
      'a Friday afternoon past its early closing',
      { date: '2026-11-27', time: '10:45' },
      'APPOINTMENT_OUTSIDE_HOURS',
    ],
    ['a Saturday morning the office opens', { date: '2026-11-28', time: '09:00' }, null],
    ['a Wednesday the office closes', { date: '2026-12-02', time: '10:00' }, 'APPOINTMENT_HOLIDAY'],
    ['a holiday on an open weekday', { date: '2026-12-25', time: '10:00' }, 'APPOINTMENT_HOLIDAY'],
  ] as const)('follows the office’s own opening hours: %s', (_name, slot, code) => {
    expect(refused(() => checkSlot({ ...slot, staffId: 'budi' }, [], now, calendar, hours))).toBe(code);
  });

  it('accepts exactly the start times the booking form offers, for any hours and any day (property)', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const dayHours = fc
      .tuple(time, time)
      .map(([a, b]) => (a < b ? { open: a, close: b } : null))
      .filter((h) => h !== null);
    const week = fc.array(fc.option(dayHours, { nil: null }), { minLength: 7, maxLength: 7 });
    // Days inside the booking horizon (90 days; the day past it is refused whatever the hours, above).
    const date = fc.integer({ min: 1, max: 89 }).map((n) => addDays('2026-11-25', n));
    fc.assert(
      fc.property(week, date, time, (days, day, start) => {
        const configured = { week: days };
        const offered = appointmentTimes(serviceHoursOn(configured, day, DEFAULT_HOLIDAYS));
        const code = refused(() =>
          checkSlot({ date: day, time: start, staffId: null }, [], now, calendar, configured),
        );
        expect(code === null).toBe(offered.includes(start));
        if (DEFAULT_HOLIDAYS.some((h) => h.date === day)) expect(code).toBe('APPOINTMENT_HOLIDAY');
      }),
    );
  });
});

describe('arriving with a code', () => {
  const slot = wib('10:00');
  it('is taken from an hour before to 15 minutes after the slot', () => {
    expect(refused(() => checkArrival(slot, slot - 61 * MINUTE))).toBe('APPOINTMENT_TOO_EARLY');
    expect(refused(() => checkArrival(slot, slot - 60 * MINUTE))).toBeNull();
    expect(refused(() => checkArrival(slot, slot + 15 * MINUTE))).toBeNull();
    expect(refused(() => checkArrival(slot, slot + 16 * MINUTE))).toBe('APPOINTMENT_TOO_LATE');
  });
  const inPerson = { kind: 'langsung' as const, slotAt: slot, attended: null };
  it('counts an appointment never redeemed as a no-show once 15 minutes have passed', () => {
    expect(appointmentStatus({ ...inPerson, redeemedAt: null }, slot + 15 * MINUTE)).toBe('dijadwalkan');
    expect(appointmentStatus({ ...inPerson, redeemedAt: null }, slot + 16 * MINUTE)).toBe('tidak-hadir');
    expect(appointmentStatus({ ...inPerson, redeemedAt: slot - MINUTE }, slot + 60 * MINUTE)).toBe('hadir');
  });
  it('takes a Zoom meeting’s attendance from staff’s mark, never from the clock', () => {
    const zoom = { kind: 'zoom' as const, slotAt: slot, redeemedAt: null };
    const late = slot + 24 * 60 * MINUTE;
    expect(appointmentStatus({ ...zoom, attended: null }, late)).toBe('dijadwalkan');
    expect(appointmentStatus({ ...zoom, attended: true }, late)).toBe('hadir');
    expect(appointmentStatus({ ...zoom, attended: false }, slot)).toBe('tidak-hadir');
    const budi = { staffId: 'budi', role: 'consultant' as const };
    const budis = { ...zoom, staffId: 'budi' };
    expect(refused(() => checkAttendanceMark(budis, budi, slot - MINUTE))).toBe('APPOINTMENT_NOT_STARTED');
    expect(refused(() => checkAttendanceMark(budis, budi, slot))).toBeNull();
    expect(refused(() => checkAttendanceMark({ ...inPerson, staffId: 'budi' }, budi, slot))).toBe(
      'APPOINTMENT_NOT_ZOOM',
    );
  });
  it('lets only the appointment’s own consultant (any consultant when none is named), or a supervisor or admin, mark it', () => {
    const zoom = { kind: 'zoom' as const, slotAt: slot };
    const markers = [
      { staffId: 'budi', role: 'consultant' },
      { staffId: 'sari', role: 'consultant' },
      { staffId: 'rina', role: 'front-office' },
      { staffId: 'kepala', role: 'supervisor' },
      { staffId: 'admin', role: 'admin' },
    ] as const;
    const allowed = (staffId: string | null) =>
      markers
        .filter((m) => refused(() => checkAttendanceMark({ ...zoom, staffId }, m, slot)) === null)
        .map((m) => m.staffId);
    expect(allowed('budi')).toEqual(['budi', 'kepala', 'admin']);
    expect(allowed(null)).toEqual(['budi', 'sari', 'kepala', 'admin']);
    expect(refused(() => checkAttendanceMark({ ...zoom, staffId: 'budi' }, markers[1], slot))).toBe(
      'APPOINTMENT_NOT_YOURS',
    );
    // A booking from before the consultant check that names a front-office account is still not theirs.
    expect(refused(() => checkAttendanceMark({ ...zoom, staffId: 'rina' }, markers[2], slot))).toBe(
      'APPOINTMENT_NOT_YOURS',
    );
  });
});

describe('who and what a booking names', () => {
  const staff = [
    { id: 'budi', role: 'consultant', active: true },
    { id: 'sari', role: 'consultant', active: false },
    { id: 'rina', role: 'front-office', active: true },
    { id: 'kepala', role: 'supervisor', active: true },
  ] as const;
  const state = newState({
    ...DEFAULT_CONFIG,
    services: DEFAULT_CONFIG.services.map((s) => (s.id === 'penjualan' ? { ...s, active: false } : s)),
  });
  const check = (change: Partial<{ serviceId: string; deskId: string | null; staffId: string | null }>) =>
    refused(() =>
      checkBookingParties(
        { serviceId: 'konsultasi', deskId: null, staffId: 'budi', ...change },
        state,
        staff,
      ),
    );
  it.each([
    ['an active consultant', {}, null],
    ['nobody named (whoever is free)', { staffId: null }, null],
    ['a desk', { deskId: 'konsultasi-1' }, null],
    ['an unknown staff id', { staffId: 'staff-budi' }, 'APPOINTMENT_NOT_CONSULTANT'],
    ['a deactivated consultant', { staffId: 'sari' }, 'APPOINTMENT_NOT_CONSULTANT'],
    ['a front-office account', { staffId: 'rina' }, 'APPOINTMENT_NOT_CONSULTANT'],
    ['a supervisor', { staffId: 'kepala' }, 'APPOINTMENT_NOT_CONSULTANT'],
    ['an unknown service', { serviceId: 'tidak-ada' }, 'UNKNOWN_SERVICE'],
    ['a closed service', { serviceId: 'penjualan' }, 'SERVICE_INACTIVE'],
    ['an unknown desk', { deskId: 'meja-9' }, 'UNKNOWN_DESK'],
  ] as const)('%s', (_name, change, code) => {
    expect(check(change)).toBe(code);
  });
});

function takeFor(state: QueueState, now: number, slotAt?: number): string {
  const events = execute(
    state,
    {
      type: 'takeTicket',
      serviceId: 'konsultasi',
      priority: false,
      source: 'kiosk-1',
      ...(slotAt ? { appointmentSlotAt: slotAt } : {}),
    },
    now,
  );
  const issued = events.find((e) => e.type === 'ticket.issued');
  if (!issued) throw new Error('no ticket');
  return issued.ticketId;
}

describe('an appointment among walk-ins', () => {
  it('is called at its slot ahead of walk-ins who came after the slot, behind those who came before', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    const before = takeFor(state, wib('09:50'));
    const appointment = takeFor(state, wib('09:55'), wib('10:00')); // early by 5 minutes
    const after = takeFor(state, wib('10:02'));
    expect(call(state, 'konsultasi-1', wib('10:05'))).toBe(before);
    act(state, 'finish', 'konsultasi-1', before, wib('10:10'));
    expect(call(state, 'konsultasi-1', wib('10:10'))).toBe(appointment);
    act(state, 'finish', 'konsultasi-1', appointment, wib('10:20'));
    expect(call(state, 'konsultasi-1', wib('10:20'))).toBe(after);
  });
  it('goes straight to its service even when the office sends walk-ins to the front office first', () => {
    const state = newState();
    const id = takeFor(state, wib('09:55'), wib('10:00'));
    expect(ticketOf(state, id).stages[0]?.queue).toBe('konsultasi');
  });

  // Random mornings: walk-ins and appointment holders arrive (in their window), one desk calls and finishes.
  const arrival = fc.oneof(
    fc.record({ kind: fc.constant('walk-in' as const), gap: fc.integer({ min: 0, max: 20 }) }),
    fc.record({
      kind: fc.constant('appointment' as const),
      gap: fc.integer({ min: 0, max: 20 }),
      slotOffset: fc.integer({ min: -15, max: 60 }), // the slot is up to 60 min after arrival, or 15 before
    }),
    fc.record({ kind: fc.constant('call' as const), gap: fc.integer({ min: 0, max: 20 }) }),
  );
  it('puts an appointment ahead of walk-ins who came after its slot, and never lets one pass a walk-in who came before its slot (no starvation)', () => {
    fc.assert(
      fc.property(fc.array(arrival, { maxLength: 60 }), (steps) => {
        const state = newState(directConfig());
        let now = wib('08:00');
        openDesk(state, 'konsultasi-1', now);
        const order: string[] = [];
        const callTime = new Map<string, number>();
        let current: string | null = null;
        for (const step of steps) {
          now += step.gap * MINUTE;
          if (step.kind === 'walk-in') takeFor(state, now);
          else if (step.kind === 'appointment') takeFor(state, now, now + step.slotOffset * MINUTE);
          else {
            if (current) act(state, 'finish', 'konsultasi-1', current, now);
            current = null;
            const waiting = state.lines.konsultasi?.normal ?? [];
            if (waiting.length === 0) continue;
            current = call(state, 'konsultasi-1', now);
            order.push(current);
            callTime.set(current, now);
          }
        }
        const calledAt = new Map(order.map((id, i) => [id, i]));
        for (const [id, ticket] of state.tickets) {
          if (ticket.appointmentSlotAt !== undefined) continue;
          const walkInCalled = calledAt.get(id) ?? Number.POSITIVE_INFINITY;
          for (const [otherId, other] of state.tickets) {
            if (other.appointmentSlotAt === undefined) continue;
            const appointmentCalled = calledAt.get(otherId);
            // An appointment called before this walk-in though it arrived after it...
            // At its slot it goes ahead of walk-ins who came after the slot (if it was there when they were called).
            const walkInCalledAt = callTime.get(id);
            if (
              walkInCalledAt !== undefined &&
              ticket.issuedAt > (other.appointmentSlotAt as number) &&
              other.issuedAt < walkInCalledAt
            )
              expect(appointmentCalled ?? Number.POSITIVE_INFINITY).toBeLessThan(walkInCalled);
            if (appointmentCalled === undefined || appointmentCalled > walkInCalled) continue;
            if (other.issuedAt <= ticket.issuedAt) continue;
            // ...had its slot no later than the walk-in's arrival.
            expect(other.appointmentSlotAt).toBeLessThanOrEqual(ticket.issuedAt);
          }
        }
        // Every call took the ticket with the smallest key among those waiting: walk-ins keep their order.
        const walkIns = order.filter((id) => ticketOf(state, id).appointmentSlotAt === undefined);
        expect(walkIns).toEqual(
          [...walkIns].sort((a, b) => orderKey(ticketOf(state, a)) - orderKey(ticketOf(state, b))),
        );
      }),
      { numRuns: 300 },
    );
  });
});
