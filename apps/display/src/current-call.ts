import type { BoardSnapshot, CallView } from '@pst/shared';

const sameCall = (a: CallView, b: CallView) =>
  a.ticketId === b.ticketId && a.deskId === b.deskId && a.at === b.at && a.recall === b.recall;

/**
 * The call shown big once a board arrives. The board decides what stands (queue-core views, callStands):
 * a call it has taken back (its ticket waits again or is at another desk) gives way to the newest
 * call that stands, silently. A call pushed (`ticket:called`) before the board that holds it stays: calls
 * go out at once, boards at most every so often.
 */
export function shownCall(
  shown: CallView | null,
  board: Pick<BoardSnapshot, 'recentCalls' | 'withdrawnCalls'>,
) {
  const newest = board.recentCalls[0] ?? null;
  if (!shown) return newest;
  if (board.recentCalls.some((c) => sameCall(c, shown))) return shown;
  if (board.withdrawnCalls.some((c) => sameCall(c, shown))) return newest;
  // Not on this board: built before the call came, or the call is long gone (the board has newer ones).
  return newest && newest.at > shown.at ? newest : shown;
}
