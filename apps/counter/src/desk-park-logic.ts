import type { BoardSnapshot, DeskView } from '@pst/shared';
import { FRONT_OFFICE_QUEUE, queuesOfDesk } from '@pst/shared';
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
 * Where this desk's current ticket may be sent by name, as the hub's rule (queue-core desk-park.ts)
 * would take it: every other desk that is not closed, in each of its queues whose service is active.
 * The hub decides for real; this only fills the picker.
 */
export function sendTargets(board: BoardSnapshot | null, desk: DeskView | undefined): SendTarget[] {
  if (!board || !desk) return [];
  const active = new Set(board.services.filter((s) => s.active).map((s) => s.id));
  return board.desks
    .filter((d) => d.id !== desk.id && d.status !== 'closed')
    .flatMap((d) =>
      queuesOfDesk(d)
        .filter((queue) => queue === FRONT_OFFICE_QUEUE || active.has(queue))
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
