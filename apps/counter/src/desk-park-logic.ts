import type { BoardSnapshot, DeskView } from '@pst/shared';
import { queuesOfDesk, sendRefusal } from '@pst/shared';
import { isHeldByOther } from './desk-logic';

/** Hold and send to a named desk (issue 20, part 2): the desk's actions besides desk-logic's. */
export const DESK_PARK_ACTIONS = ['park', 'sendToDesk', 'transferBack'] as const;
export type DeskParkAction = (typeof DESK_PARK_ACTIONS)[number];

export function isDeskParkAction(action: string): action is DeskParkAction {
  return (DESK_PARK_ACTIONS as readonly string[]).includes(action);
}

export interface SendTarget {
  deskId: string;
  deskName: string;
  /** The queue the ticket would wait in there (a service id, or the front office's queue). */
  queue: string;
}

/**
 * Where this desk's current ticket may be sent by name: every desk and queue the hub's rule (shared's
 * sendRefusal, which queue-core decides with) takes. The hub decides for real; this fills the picker.
 */
export function sendTargets(board: BoardSnapshot | null, desk: DeskView | undefined): SendTarget[] {
  if (!board || !desk) return [];
  return board.desks.flatMap((d) =>
    queuesOfDesk(d)
      .filter((queue) => sendRefusal(d, desk.id, queue, board.services) === null)
      .map((queue) => ({ deskId: d.id, deskName: d.name, queue })),
  );
}

/** Which of these actions apply now (shown disabled otherwise, like desk-logic's). */
export function deskParkActions(
  board: BoardSnapshot | null,
  desk: DeskView | undefined,
  online: boolean,
  me?: string,
): Record<DeskParkAction, boolean> {
  const open = online && desk?.status === 'open' && !isHeldByOther(desk, me);
  const current = open ? (desk?.current ?? null) : null;
  return {
    park: current !== null,
    sendToDesk: current !== null && sendTargets(board, desk).length > 0,
    transferBack: current !== null && current.cameFrom !== null,
  };
}
