import { describe, expect, it } from 'vitest';
import { isCalendarDay, isPlausibleBirthYear, reportRangeSchema } from './calendar';
import { holidaySchema } from './working-days';

describe('calendar days', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '2026-04-30'])('%s is a day', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });
  it.each([
    '2026-13-45',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-00-01',
    '2026-01-00',
    '2026-1-01',
    '26-01-01',
    '',
  ])('%s is not', (day) => {
    expect(isCalendarDay(day)).toBe(false);
    expect(holidaySchema.safeParse({ date: day, name: 'Libur', isJointLeave: false }).success).toBe(false);
  });
  it('report ranges are two real days in order', () => {
    expect(reportRangeSchema.safeParse({ from: '2026-02-01', to: '2026-02-28' }).success).toBe(true);
    expect(reportRangeSchema.safeParse({ from: '2026-02-01', to: '2026-02-30' }).success).toBe(false);
    expect(reportRangeSchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(reportRangeSchema.safeParse({ from: '2000-01-01', to: '2026-01-01' }).success).toBe(false);
  });
  it('birth years are checked against the year of the visit', () => {
    expect(isPlausibleBirthYear(1990, 2026)).toBe(true);
    expect(isPlausibleBirthYear(2026, 2026)).toBe(true);
    expect(isPlausibleBirthYear(2027, 2026)).toBe(false);
    expect(isPlausibleBirthYear(1905, 2026)).toBe(false);
  });
});
