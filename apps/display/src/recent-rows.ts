import type { CallView } from '@pst/shared';

export interface RecentRow {
  key: string;
  number: string;
  deskName: string;
  /** How many times this ticket was called to this desk: 1, or more after recalls. */
  calls: number;
}

const keyOf = (call: Pick<CallView, 'ticketId' | 'deskId'>) => `${call.ticketId}@${call.deskId}`;

/**
 * The "Panggilan terakhir" list: one row per ticket and desk, newest first (a recall counts on its
 * row, it does not repeat it), without the call shown big.
 */
export function recentRows(calls: readonly CallView[], shown: CallView | null, limit = 8): RecentRow[] {
  const rows = new Map<string, RecentRow>();
  for (const call of calls) {
    const key = keyOf(call);
    const row = rows.get(key);
    const count = call.recall + 1;
    if (row) row.calls = Math.max(row.calls, count);
    else rows.set(key, { key, number: call.number, deskName: call.deskName, calls: count });
  }
  if (shown) rows.delete(keyOf(shown));
  return [...rows.values()].slice(0, limit);
}
