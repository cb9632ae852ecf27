import type { CallView } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { shownCall } from './current-call';

const call = (number: string, deskId: string, at: number, recall = 0): CallView => ({
  ticketId: `20261125-${number.replace('-', '')}`,
  number,
  serviceId: 'konsultasi',
  deskId,
  deskName: deskId,
  at,
  recall,
});

const K1 = call('K-001', 'konsultasi-1', 100);
const K2 = call('K-002', 'konsultasi-2', 200);
const K3 = call('K-003', 'konsultasi-1', 300);

describe('the call shown big on the display', () => {
  it('with nothing shown yet: the newest call, if it stands (else none)', () => {
    expect(shownCall(null, { recentCalls: [K2, K1], withdrawnCalls: [] })).toBe(K2);
    expect(shownCall(null, { recentCalls: [], withdrawnCalls: [K1] })).toBeNull();
  });

  it('keeps a call that stands, also when an older one was taken back', () => {
    expect(shownCall(K2, { recentCalls: [K2], withdrawnCalls: [K1] })).toBe(K2);
  });

  it('a call taken back (forwarded, parked, sent to a desk) leaves the big card empty, never to an older call', () => {
    // K-003 forwarded from the front office: K-002 (maybe finished long ago) must not read as a new call.
    expect(shownCall(K3, { recentCalls: [K2, K1], withdrawnCalls: [K3] })).toBeNull();
    expect(shownCall(K1, { recentCalls: [], withdrawnCalls: [K1] })).toBeNull();
    // The same after a reload or on the next board (nothing shown): still not the older call.
    expect(shownCall(null, { recentCalls: [K2, K1], withdrawnCalls: [K3] })).toBeNull();
    // A newer call takes the card again.
    const K4 = call('K-004', 'konsultasi-2', 400);
    expect(shownCall(null, { recentCalls: [K4, K2, K1], withdrawnCalls: [K3] })).toBe(K4);
  });

  it('the same ticket called back after a park is a new call: it stands though its first call was taken back', () => {
    const back = call('K-003', 'konsultasi-1', 400);
    expect(shownCall(back, { recentCalls: [back, K2], withdrawnCalls: [K3] })).toBe(back);
  });

  it('keeps a pushed call the board does not hold yet; drops one the board has long passed', () => {
    expect(shownCall(K3, { recentCalls: [K2, K1], withdrawnCalls: [] })).toBe(K3);
    expect(shownCall(K1, { recentCalls: [K3, K2], withdrawnCalls: [] })).toBe(K3);
  });
});
