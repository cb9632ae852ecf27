import { describe, expect, it } from 'vitest';
import {
  formatCsvNumber,
  formatDay,
  formatMinutes,
  formatNumber,
  formatPercent,
  formatShortDay,
} from './format';

describe('Indonesian number and date formats', () => {
  it('writes a decimal comma and thousands dots', () => {
    expect(formatNumber(88.888, 'id', 2)).toBe('88,89');
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatNumber(88.888, 'en', 2)).toBe('88.89');
    expect(formatNumber(null, 'id', 2)).toBe('–');
  });

  it('writes minutes and shares', () => {
    expect(formatMinutes(78_000)).toBe('1,3 mnt');
    expect(formatMinutes(null)).toBe('–');
    expect(formatMinutes(78_000, 'en')).toBe('1.3 min');
    expect(formatPercent(0.625)).toBe('62,5%');
    expect(formatPercent(null)).toBe('–');
  });

  it('writes CSV numbers without thousands separators', () => {
    expect(formatCsvNumber(1234.5)).toBe('1234,5');
    expect(formatCsvNumber(12345)).toBe('12345');
    expect(formatCsvNumber(3.125)).toBe('3,125');
    expect(formatCsvNumber(1234.5, 'en')).toBe('1234.5');
  });

  it('writes short days', () => {
    expect(formatShortDay('2026-12-01')).toBe('1 Des');
    expect(formatShortDay('2027-05-14')).toBe('14 Mei');
    expect(formatShortDay('2026-12-01', 'en')).toBe('1 Dec');
    expect(formatDay('2027-01-01')).toBe('1 Jan 2027');
  });
});
