import { describe, expect, it } from 'vitest';
import {
  dayInputText,
  formatClock,
  formatLongDay,
  formatMonth,
  formatShortMonth,
  monthNames,
  parseClockInput,
  parseDayInput,
} from './format';
import { formatWorkingDaysLeft } from './online';

describe('dates and times as Indonesian office staff write them', () => {
  it('writes a day out in full, day first, with Indonesian month names', () => {
    expect(formatLongDay('2026-12-03')).toBe('Kamis, 3 Desember 2026');
    expect(formatLongDay('2026-11-02')).toBe('Senin, 2 November 2026');
    expect(formatLongDay('2026-12-03', 'en')).toBe('Thursday, 3 December 2026');
  });

  it('names months and writes report months', () => {
    expect(monthNames()).toHaveLength(12);
    expect(monthNames()[0]).toBe('Januari');
    expect(monthNames()[7]).toBe('Agustus');
    expect(formatMonth('2026-11')).toBe('November 2026');
    expect(formatMonth('2026-01', 'en')).toBe('January 2026');
    expect(formatShortMonth('2026-08')).toBe('Agu 2026');
  });

  it('writes clock times with the Indonesian dot', () => {
    expect(formatClock('08:00')).toBe('08.00');
    expect(formatClock('15:30', 'en')).toBe('15:30');
  });

  it('reads typed days day first, and refuses days that do not exist', () => {
    expect(parseDayInput('02/11/2026')).toBe('2026-11-02');
    expect(parseDayInput('3/12/2026')).toBe('2026-12-03');
    expect(parseDayInput(' 03-12-2026 ')).toBe('2026-12-03');
    expect(parseDayInput('03.12.2026')).toBe('2026-12-03');
    expect(parseDayInput('31/02/2026')).toBeNull();
    expect(parseDayInput('13/13/2026')).toBeNull();
    expect(parseDayInput('2026-12-03')).toBeNull();
    expect(parseDayInput('03/12')).toBeNull();
    expect(parseDayInput('')).toBeNull();
    expect(dayInputText('2026-11-02')).toBe('02/11/2026');
    expect(parseDayInput(dayInputText('2028-02-29'))).toBe('2028-02-29');
  });

  it('reads typed times in 24-hour form, with a dot or a colon', () => {
    expect(parseClockInput('08.00')).toBe('08:00');
    expect(parseClockInput('8.00')).toBe('08:00');
    expect(parseClockInput('15:30')).toBe('15:30');
    expect(parseClockInput('1530')).toBe('15:30');
    expect(parseClockInput('24.00')).toBeNull();
    expect(parseClockInput('08.60')).toBeNull();
    expect(parseClockInput('8')).toBeNull();
    expect(parseClockInput('03:30 PM')).toBeNull();
  });
});

describe('working days left on an online request', () => {
  const DAY = 86_400_000;
  it('counts whole working days, never a fraction', () => {
    expect(formatWorkingDaysLeft(3 * DAY, false)).toBe('3 hari kerja');
    expect(formatWorkingDaysLeft(3 * DAY - 60_000, false)).toBe('3 hari kerja');
    expect(formatWorkingDaysLeft(2.4 * DAY, false)).toBe('2 hari kerja');
    expect(formatWorkingDaysLeft(1.2 * DAY, false)).toBe('1 hari kerja');
    expect(formatWorkingDaysLeft(-11.4 * DAY, true)).toBe('lewat 11 hari kerja');
    expect(formatWorkingDaysLeft(-2 * DAY, true, 'en')).toBe('2 working days late');
  });

  it('says "less than one working day" instead of zero', () => {
    expect(formatWorkingDaysLeft(0.4 * DAY, false)).toBe('kurang dari 1 hari kerja');
    expect(formatWorkingDaysLeft(-0.2 * DAY, true)).toBe('lewat kurang dari 1 hari kerja');
    expect(formatWorkingDaysLeft(0, true)).toBe('lewat kurang dari 1 hari kerja');
  });
});

it('takes a typed day only when the hub takes it too (a real calendar day, years 1900-2999)', () => {
  expect(parseDayInput('17/08/2026')).toBe('2026-08-17');
  expect(parseDayInput('31/02/2026')).toBeNull();
  expect(parseDayInput('01/01/0012')).toBeNull();
  expect(parseDayInput('01/01/9999')).toBeNull();
});
