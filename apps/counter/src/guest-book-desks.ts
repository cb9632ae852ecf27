import type { BoardSnapshot, DeskView } from '@pst/shared';
import { sendTargets } from './desk-park-logic';

/** A desk the front office may send the guest to from the guest book (issue 20 leftover). */
export interface GuestBookDesk {
  deskId: string;
  deskName: string;
  /** Paused (istirahat): it still takes the ticket, and calls it once it resumes. */
  paused: boolean;
  /** Tickets already sent to this desk by name: it calls them first, in that order. */
  waitingHere: number;
}

/**
 * The desks the guest book offers for the service it forwards to: the send-to-desk targets (the hub's
 * rule, desk-park-logic.ts) that wait in that service's queue. The hub decides for real.
 */
export function guestBookDesks(
  board: BoardSnapshot | null,
  frontDesk: DeskView | undefined,
  serviceId: string,
): GuestBookDesk[] {
  return sendTargets(board, frontDesk)
    .filter((target) => target.queue === serviceId)
    .flatMap((target) => {
      const desk = board?.desks.find((d) => d.id === target.deskId);
      if (!desk) return [];
      return [
        {
          deskId: desk.id,
          deskName: desk.name,
          paused: desk.status === 'paused',
          waitingHere: desk.sentHere.length,
        },
      ];
    });
}

/** The desk picked, while it is still offered; otherwise none (the whole queue), as the form shows it. */
export function pickedDesk(
  choices: readonly GuestBookDesk[],
  picked: string | undefined,
): GuestBookDesk | null {
  return choices.find((c) => c.deskId === picked) ?? null;
}
