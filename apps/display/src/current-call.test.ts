import { type CallView, DEFAULT_TIME_ZONE, officeDay } from '@pst/shared';
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

// 25 November 2026, 09.00 WIB, plus seconds: the calls of one office day.
const NINE = Date.UTC(2026, 10, 25, 2, 0);
const at = (seconds: number) => NINE + seconds * 1000;
const K1 = call('K-001', 'konsultasi-1', at(100));
const K2 = call('K-002', 'konsultasi-2', at(200));
const K3 = call('K-003', 'konsultasi-1', at(300));

/** The board's parts the big card reads, of the calls' day unless told. */
const board = (recentCalls: CallView[], withdrawnCalls: CallView[], day = officeDay(NINE)) => ({
  recentCalls,
  withdrawnCalls,
  day,
  office: { timeZone: DEFAULT_TIME_ZONE },
});

describe('the call shown big on the display', () => {
  it('with nothing shown yet: the newest call, if it stands (else none)', () => {
    expect(shownCall(null, board([K2, K1], []))).toBe(K2);
    expect(shownCall(null, board([], [K1]))).toBeNull();
  });

  it('keeps a call that stands, also when an older one was taken back', () => {
    expect(shownCall(K2, board([K2], [K1]))).toBe(K2);
  });

  it('a call taken back (forwarded, parked, sent to a desk) leaves the big card empty, never to an older call', () => {
    // K-003 forwarded from the front office: K-002 (maybe finished long ago) must not read as a new call.
    expect(shownCall(K3, board([K2, K1], [K3]))).toBeNull();
    expect(shownCall(K1, board([], [K1]))).toBeNull();
    // The same after a reload or on the next board (nothing shown): still not the older call.
    expect(shownCall(null, board([K2, K1], [K3]))).toBeNull();
    // A newer call takes the card again.
    const K4 = call('K-004', 'konsultasi-2', at(400));
    expect(shownCall(null, board([K4, K2, K1], [K3]))).toBe(K4);
  });

  it('the same ticket called back after a park is a new call: it stands though its first call was taken back', () => {
    const back = call('K-003', 'konsultasi-1', at(400));
    expect(shownCall(back, board([back, K2], [K3]))).toBe(back);
  });

  it('keeps a pushed call the board does not hold yet; drops one the board has long passed', () => {
    expect(shownCall(K3, board([K2, K1], []))).toBe(K3);
    expect(shownCall(K1, board([K3, K2], []))).toBe(K3);
  });

  it("does not keep yesterday's last call into the morning: the new day's board has none", () => {
    const tomorrow = officeDay(NINE + 24 * 3_600_000);
    expect(shownCall(K3, board([], [], tomorrow))).toBeNull();
    // A call pushed today before today's board holds it stays.
    expect(shownCall(K3, board([], []))).toBe(K3);
  });

  it('two desks calling in the same millisecond: the call that stands is shown, pushed or on the board', () => {
    const A = call('K-004', 'konsultasi-1', at(400));
    const B = call('K-005', 'konsultasi-2', at(400));
    // B was taken back (parked) at once: A, called at the same moment, still stands and is shown.
    expect(shownCall(null, board([A, K3], [B]))).toBe(A);
    expect(shownCall(B, board([A, K3], [B]))).toBe(A);
    // B pushed after the board that holds only A was built: B stays big.
    expect(shownCall(B, board([A, K3], []))).toBe(B);
  });
});
