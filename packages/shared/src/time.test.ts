import { describe, expect, it } from 'vitest';
import holidays from './holidays-2026.json' with { type: 'json' };
import {
  addDays,
  dayStart,
  fileStamp,
  formatDate,
  formatDateTime,
  formatTime,
  isoWeekday,
  nextDayStart,
  officeDateTimeInput,
  officeDay,
  officeHour,
  parseOfficeDateTimeInput,
} from './time';
import { addWorkingDays, DEFAULT_HOLIDAYS, isWorkingDay, workingDaysBetween } from './working-days';

describe('office time', () => {
  it('starts the WIB day at 17:00 UTC', () => {
    expect(officeDay(Date.parse('2026-11-24T16:59:59.999Z'))).toBe('2026-11-24');
    expect(officeDay(Date.parse('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(officeDay(Date.parse('2026-11-24T16:00:00Z'), 'Asia/Makassar')).toBe('2026-11-25');
    expect(officeDay(Date.parse('2026-11-24T14:59:59Z'), 'Asia/Jayapura')).toBe('2026-11-24');
  });

  it('writes an instant as a datetime-local value in office time, and reads it back', () => {
    const at = Date.parse('2026-11-24T17:05:00Z');
    expect(officeDateTimeInput(at)).toBe('2026-11-25T00:05');
    expect(officeDateTimeInput(at, 'Asia/Jayapura')).toBe('2026-11-25T02:05');
    expect(parseOfficeDateTimeInput('2026-11-25T00:05')).toBe(at);
    expect(parseOfficeDateTimeInput('2026-11-25T01:05', 'Asia/Makassar')).toBe(at);
    expect(parseOfficeDateTimeInput('')).toBeNaN();
    expect(parseOfficeDateTimeInput('2026-11-25')).toBeNaN();
  });

  it('round-trips day starts', () => {
    expect(dayStart('2026-11-25')).toBe(Date.parse('2026-11-24T17:00:00Z'));
    expect(nextDayStart(Date.parse('2026-11-25T02:00:00Z'))).toBe(Date.parse('2026-11-25T17:00:00Z'));
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(isoWeekday('2026-11-25')).toBe(3);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(officeHour(Date.parse('2026-11-25T02:05:00Z'))).toBe(9);
    expect(fileStamp(Date.parse('2026-11-24T17:00:00.005Z'))).toBe('2026-11-25_00-00-00-005_WIB');
    expect(fileStamp(Date.parse('2026-11-24T17:00:00Z'), 'Asia/Jayapura')).toBe(
      '2026-11-25_02-00-00-000_WIT',
    );
    expect(() => dayStart('25-11-2026')).toThrow(RangeError);
  });

  it('formats dates and times the Indonesian way', () => {
    const at = Date.parse('2026-11-25T02:05:00Z');
    expect(formatDate(at)).toBe('Rabu, 25 November 2026');
    expect(formatTime(at)).toBe('09.05 WIB');
    expect(formatDateTime(at)).toBe('25/11/2026 09.05 WIB');
    expect(formatTime(at, 'id', 'Asia/Makassar')).toBe('10.05 WITA');
    expect(formatDate(at, 'en')).toBe('Wednesday, 25 November 2026');
    expect(formatTime(at, 'en')).toBe('09:05 WIB');
  });
});

describe('working days', () => {
  it('skips weekends, national holidays and cuti bersama', () => {
    expect(isWorkingDay('2026-11-25', DEFAULT_HOLIDAYS)).toBe(true);
    expect(isWorkingDay('2026-11-28', DEFAULT_HOLIDAYS)).toBe(false);
    expect(isWorkingDay('2026-08-17', DEFAULT_HOLIDAYS)).toBe(false);
    expect(isWorkingDay('2026-12-24', DEFAULT_HOLIDAYS)).toBe(false);
    // Friday 2026-12-18 + 3 working days skips the weekend: Wednesday 2026-12-23.
    expect(addWorkingDays('2026-12-18', 3, DEFAULT_HOLIDAYS)).toBe('2026-12-23');
    // ... and Christmas with its cuti bersama.
    expect(addWorkingDays('2026-12-23', 1, DEFAULT_HOLIDAYS)).toBe('2026-12-28');
    expect(workingDaysBetween('2026-12-18', '2026-12-28', DEFAULT_HOLIDAYS)).toBe(4);
  });

  it('ships a clean holiday table', () => {
    const dates = holidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of holidays) {
      expect(h.date).toMatch(/^2026-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(h.date))).toBe(false);
      expect(h.name.length).toBeGreaterThan(3);
    }
  });
});
