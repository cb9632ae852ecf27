import { type BoardSnapshot, type CallView, officeDay } from '@pst/shared';

const sameCall = (a: CallView, b: CallView) =>
  a.ticketId === b.ticketId && a.deskId === b.deskId && a.at === b.at && a.recall === b.recall;

/**
 * The call shown big once a board arrives: the newest call of the day, if it still stands (queue-core
 * views, callStands), else none. A call taken back (its ticket was forwarded, parked, sent elsewhere)
 * does not hand the big card to an older call: the lobby would read that older number, maybe of a
 * visitor long gone, as a new call. The big card only ever moves on to a newer call (two calls in the
 * same millisecond count as equals: either may be shown, never an older one). A call pushed
 * (`ticket:called`) before the board that holds it stays: calls go out at once, boards at most every
 * so often; but not past midnight: the new day's board has no calls, and yesterday's last must not
 * greet the morning.
 */
export function shownCall(
  shown: CallView | null,
  board: Pick<BoardSnapshot, 'recentCalls' | 'withdrawnCalls' | 'day'> & {
    office: Pick<BoardSnapshot['office'], 'timeZone'>;
  },
): CallView | null {
  const standing = board.recentCalls[0] ?? null;
  const withdrawn = board.withdrawnCalls[0] ?? null;
  // Two desks can call in the same millisecond: a call is no older than one taken back at its time.
  const newest = !withdrawn || (standing && standing.at >= withdrawn.at) ? standing : null;
  const onBoard = (call: CallView) =>
    board.recentCalls.some((c) => sameCall(c, call)) || board.withdrawnCalls.some((c) => sameCall(c, call));
  // Pushed before this board was built: it is newer than anything on it.
  const pushedSince = (call: CallView) =>
    !onBoard(call) &&
    call.at >= Math.max(standing?.at ?? 0, withdrawn?.at ?? 0) &&
    officeDay(call.at, board.office.timeZone) === board.day;
  if (shown && pushedSince(shown)) return shown;
  return newest;
}
