import type { CallView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { recentRows } from './recent-rows';

const call = (number: string, deskId: string, recall = 0): CallView => ({
  ticketId: `20261125-${number.replace('-', '')}`,
  number,
  serviceId: 'konsultasi',
  deskId,
  deskName: deskId === 'fo-1' ? 'Front Office' : 'Meja Konsultasi 1',
  at: 0,
  recall,
});

describe('recent calls on the display', () => {
  it('shows a recalled ticket once, with its count, newest first, without the one shown big', () => {
    const calls = [
      call('K-003', 'konsultasi-1'),
      call('K-002', 'fo-1', 2),
      call('K-002', 'fo-1', 1),
      call('K-001', 'konsultasi-1'),
      call('K-002', 'fo-1'),
      call('K-001', 'fo-1'),
    ];
    expect(recentRows(calls, calls[0] ?? null)).toEqual([
      { key: '20261125-K002@fo-1', number: 'K-002', deskName: 'Front Office', calls: 3 },
      { key: '20261125-K001@konsultasi-1', number: 'K-001', deskName: 'Meja Konsultasi 1', calls: 1 },
      { key: '20261125-K001@fo-1', number: 'K-001', deskName: 'Front Office', calls: 1 },
    ]);
  });

  it('a recall of the call shown big adds no row', () => {
    const calls = [call('K-001', 'fo-1', 1), call('K-001', 'fo-1')];
    expect(recentRows(calls, calls[0] ?? null)).toEqual([]);
  });
});
