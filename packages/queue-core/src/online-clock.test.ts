import {
  DEFAULT_HOLIDAYS,
  formatDue,
  type Holiday,
  isWorkingDay,
  officeDay,
  WORKING_DAY_MS,
} from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMs,
  deadlineLevel,
  type OfficeCalendar,
  onlineDueAt,
  workingMsBetween,
  workingMsLeft,
} from './online-clock';
import { wib } from './test-helpers';

const calendar: OfficeCalendar = { holidays: DEFAULT_HOLIDAYS };
const HOUR = 3600_000;

/** The worked examples of docs/online-requests.md, on the shipped 2026 holiday table. */
describe('the 3-working-day due time', () => {
  it.each([
    ['Friday afternoon: Fri 9 h, Mon, Tue, Wed 15 h', wib('15:00', '2026-11-27'), wib('15:00', '2026-12-02')],
    [
      'before the Ascension long weekend (Thu holiday, Fri cuti bersama)',
      wib('10:00', '2026-05-13'),
      wib('10:00', '2026-05-20'),
    ],
    [
      'the day before Nyepi and the Lebaran cuti bersama (18-24 March stand still)',
      wib('14:00', '2026-03-17'),
      wib('14:00', '2026-03-27'),
    ],
    [
      'inside the Lebaran cuti bersama: the clock starts Wednesday 25 March 00.00',
      wib('09:00', '2026-03-23'),
      wib('00:00', '2026-03-28'),
    ],
    ['on a Saturday: the clock starts Monday 00.00', wib('10:00', '2026-11-28'), wib('00:00', '2026-12-03')],
    [
      'before Christmas (24 cuti bersama, 25 holiday)',
      wib('16:30', '2026-12-23'),
      wib('16:30', '2026-12-30'),
    ],
  ])('%s', (_name, completeAt, due) => {
    expect(new Date(onlineDueAt(completeAt, calendar)).toISOString()).toBe(new Date(due).toISOString());
  });

  it('reads a clock that ends at midnight as 24.00 of the last working day', () => {
    expect(formatDue(onlineDueAt(wib('09:00', '2026-03-23'), calendar))).toBe(
      'Jumat, 27 Maret 2026 24.00 WIB',
    );
    expect(formatDue(wib('15:00', '2026-12-02'))).toBe('Rabu, 2 Desember 2026 15.00 WIB');
  });

  it('follows an edited holiday table: a new holiday moves the due time one working day on', () => {
    const extra: Holiday = { date: '2026-11-30', name: 'Libur daerah', isJointLeave: false };
    const due = onlineDueAt(wib('15:00', '2026-11-27'), { holidays: [...DEFAULT_HOLIDAYS, extra] });
    expect(due).toBe(wib('15:00', '2026-12-03'));
  });
});

describe('colours as the deadline nears', () => {
  const dueAt = wib('15:00', '2026-12-02');
  it.each([
    [wib('15:00', '2026-11-27'), 'on-track'],
    [wib('23:00', '2026-11-29'), 'on-track'], // Sunday: still more than a working day left
    [wib('15:00', '2026-12-01'), 'near'],
    [wib('15:00', '2026-12-02'), 'overdue'],
  ] as const)('at %s it is %s', (now, level) => {
    expect(deadlineLevel({ dueAt, answeredAt: null }, now, calendar)).toBe(level);
  });
  it('stopped before the clock starts, done once answered', () => {
    expect(deadlineLevel({ dueAt: null, answeredAt: null }, dueAt, calendar)).toBe('stopped');
    expect(deadlineLevel({ dueAt, answeredAt: dueAt + HOUR }, dueAt + 2 * HOUR, calendar)).toBe('done');
  });
  it('counts overdue time in working time too: a weekend adds nothing', () => {
    expect(workingMsLeft(wib('15:00', '2026-11-27'), wib('15:00', '2026-11-30'), calendar)).toBe(
      -WORKING_DAY_MS,
    );
  });
});

// ---------- properties ----------

const DAY = 24 * HOUR;
/** Instants from 2026 (the shipped table) plus a little of 2027 (weekends only). */
const instant = fc.integer({ min: wib('00:00', '2026-01-01'), max: wib('00:00', '2027-03-01') });
const days = fc.uniqueArray(fc.integer({ min: 0, max: 420 }), { maxLength: 40 });
const holidayTable = days.map((offsets) =>
  offsets.map(
    (o): Holiday => ({
      date: officeDay(wib('12:00', '2026-01-01') + o * DAY),
      name: 'Libur',
      isJointLeave: false,
    }),
  ),
);
const property = { numRuns: 300 };

describe('the clock, by property', () => {
  it('never counts a weekend or a holiday: time inside a non-working day adds nothing', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: DAY }), holidayTable, (from, length, holidays) => {
        const cal = { holidays: [...DEFAULT_HOLIDAYS, ...holidays] };
        const day = officeDay(from);
        const counted = workingMsBetween(from, from + length, cal);
        if (!isWorkingDay(day, cal.holidays) && officeDay(from + length - 1) === day) expect(counted).toBe(0);
        expect(counted).toBeLessThanOrEqual(length);
      }),
      property,
    );
  });

  it('is the sum of the working days it crosses, whatever way an interval is cut', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * DAY }),
        fc.integer({ min: 0, max: 20 * DAY }),
        (a, x, y) => {
          const [m, b] = [a + Math.min(x, y), a + Math.max(x, y)];
          expect(workingMsBetween(a, m, calendar) + workingMsBetween(m, b, calendar)).toBe(
            workingMsBetween(a, b, calendar),
          );
        },
      ),
      property,
    );
  });

  it('is due exactly when three working days have run, and not a moment earlier', () => {
    fc.assert(
      fc.property(instant, holidayTable, (start, holidays) => {
        const cal = { holidays: [...DEFAULT_HOLIDAYS, ...holidays] };
        const due = onlineDueAt(start, cal);
        expect(workingMsBetween(start, due, cal)).toBe(3 * WORKING_DAY_MS);
        expect(workingMsBetween(start, due - 1, cal)).toBeLessThan(3 * WORKING_DAY_MS);
        // The last counted moment is on a working day, and at least three calendar days have passed.
        expect(isWorkingDay(officeDay(due - 1), cal.holidays)).toBe(true);
        expect(due - start).toBeGreaterThanOrEqual(3 * DAY);
      }),
      property,
    );
  });

  it('only moves later when a holiday is added', () => {
    fc.assert(
      fc.property(instant, holidayTable, fc.integer({ min: 0, max: 420 }), (start, holidays, extra) => {
        const cal = { holidays: [...DEFAULT_HOLIDAYS, ...holidays] };
        const added: Holiday = {
          date: officeDay(wib('12:00', '2026-01-01') + extra * DAY),
          name: 'Tambahan',
          isJointLeave: true,
        };
        expect(onlineDueAt(start, { holidays: [...cal.holidays, added] })).toBeGreaterThanOrEqual(
          onlineDueAt(start, cal),
        );
      }),
      property,
    );
  });

  it('adds working time in steps that agree with adding it at once', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 5 * DAY }),
        fc.integer({ min: 1, max: 5 * DAY }),
        (s, x, y) => {
          expect(addWorkingMs(addWorkingMs(s, x, calendar), y, calendar)).toBe(
            addWorkingMs(s, x + y, calendar),
          );
        },
      ),
      property,
    );
  });
});
