import type { QueueState, Ticket } from '@pst/queue-core';
import type { HubToClientEvents } from '@pst/shared';

export type RatingRequest = Parameters<HubToClientEvents['rating:request']>[0];

/** How long after a visit finishes a tablet that connects late (Wi-Fi back, hub restarted) still asks it. */
export const LATE_RATING_MS = 10 * 60_000;

export function ratingRequest(state: QueueState, ticketId: string, deskId: string): RatingRequest | null {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) return null;
  const deskName = state.config.desks.find((d) => d.id === deskId)?.name ?? '';
  return { ticketId, number: ticket.number, deskId, deskName };
}

/**
 * The visit finished last at the desk, if it is not rated yet and finished less than LATE_RATING_MS
 * ago: the request a tablet missed while it was away, sent when it connects. Only the last one: an
 * earlier visitor has left once the next was served.
 */
export function missedRatingRequest(state: QueueState, deskId: string, now: number): RatingRequest | null {
  let last: { ticket: Ticket; endedAt: number } | null = null;
  for (const ticket of state.tickets.values())
    for (const stage of ticket.stages)
      if (stage.deskId === deskId && stage.outcome === 'finished' && stage.endedAt !== null)
        if (!last || stage.endedAt > last.endedAt) last = { ticket, endedAt: stage.endedAt };
  if (!last || last.ticket.ratingId || now - last.endedAt > LATE_RATING_MS) return null;
  return ratingRequest(state, last.ticket.id, deskId);
}
