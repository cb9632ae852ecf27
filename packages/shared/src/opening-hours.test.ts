import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS, openingHoursSchema, openingStatus } from './opening-hours';

const wib = (iso: string) => Date.parse(`${iso}+07:00`);
const holidays = [{ date: '2026-12-25', name: 'Hari Raya Natal', isJointLeave: false }];
const at = (iso: string) => openingStatus(DEFAULT_OPENING_HOURS, holidays, wib(iso), 'Asia/Jakarta');

describe('opening hours', () => {
  it('is open inside the hours of the day, closing at its end', () => {
    expect(at('2026-11-25T09:00:00')).toEqual({ open: true, closesAt: wib('2026-11-25T15:30:00') });
    expect(at('2026-11-27T15:45:00')).toEqual({ open: true, closesAt: wib('2026-11-27T16:00:00') });
  });

  it('before opening says today at opening; after closing the next working day', () => {
    expect(at('2026-11-25T07:59:00')).toEqual({
      open: false,
      opensAt: wib('2026-11-25T08:00:00'),
      holiday: null,
    });
    expect(at('2026-11-25T19:22:00')).toEqual({
      open: false,
      opensAt: wib('2026-11-26T08:00:00'),
      holiday: null,
    });
    // Friday evening: Monday.
    expect(at('2026-11-27T16:00:00')).toEqual({
      open: false,
      opensAt: wib('2026-11-30T08:00:00'),
      holiday: null,
    });
  });

  it('a holiday closes the whole day and is named', () => {
    expect(at('2026-12-25T10:00:00')).toEqual({
      open: false,
      opensAt: wib('2026-12-28T08:00:00'),
      holiday: 'Hari Raya Natal',
    });
    // The evening before: skips the holiday.
    expect(at('2026-12-24T18:00:00').open === false && at('2026-12-24T18:00:00')).toMatchObject({
      opensAt: wib('2026-12-28T08:00:00'),
    });
  });

  it('no hours: open at any time; a week with no day open has no next opening', () => {
    expect(openingStatus(null, holidays, wib('2026-12-25T03:00:00'), 'Asia/Jakarta')).toEqual({
      open: true,
      closesAt: null,
    });
    const never = { week: Array(7).fill(null) };
    expect(openingStatus(never, [], wib('2026-11-25T10:00:00'), 'Asia/Jakarta')).toEqual({
      open: false,
      opensAt: null,
      holiday: null,
    });
  });

  it('other zones count in their own office time', () => {
    const wita = Date.parse('2026-11-25T08:30:00+08:00');
    expect(openingStatus(DEFAULT_OPENING_HOURS, [], wita, 'Asia/Makassar').open).toBe(true);
  });

  it('refuses a day that closes before it opens', () => {
    const week = [...DEFAULT_OPENING_HOURS.week];
    week[0] = { open: '15:00', close: '08:00' };
    expect(openingHoursSchema.safeParse({ week }).success).toBe(false);
  });
});
