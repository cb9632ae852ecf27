/**
 * The audit of moves out of turn (migration 13's `out_of_turn`), projected from the events that make
 * them: a chosen call, a sent ticket's first call at its desk, and a ticket put at the head of a queue
 * (Kembalikan ke antrian sebelumnya; a parked ticket back to its queue). Each names the tickets it went
 * ahead of; the event itself, in the event log, stays the audit record.
 */
import { currentStage, type DomainEvent, type QueueState } from '@pst/queue-core';
import type { HeadMoveWay } from '@pst/shared';

export type OutOfTurnKind = 'chosen' | 'sent' | 'to-head';

export interface OutOfTurnRow {
  kind: OutOfTurnKind;
  day: string;
  at: number;
  ticketId: string;
  queue: string;
  /** The desk and staff member that called it (chosen, sent) or moved it (to-head). */
  deskId: string;
  staffId: string;
  /** Who chose the move: the caller, the sender, the mover. */
  decidedBy: string;
  fromDeskId: string | null;
  /** The reason (chosen), the way it was sent (sent), the way to the head (to-head). */
  how: string;
  note: string;
  overtook: string;
  overtaken: number;
}

/** The audit rows of one event (none for an event in turn); `actor` is who issued its command. */
export function outOfTurnRows(event: DomainEvent, state: QueueState, actor: string): OutOfTurnRow[] {
  // Every event of every command passes here: the common ones (a take, a call in turn) leave at once.
  if (!outOfTurn(event)) return [];
  const ticket = state.tickets.get(event.ticketId);
  if (!ticket) return [];
  // After the event: a called ticket's stage is the one called; a moved one's, the new stage at the head.
  const base = { day: ticket.day, at: event.at, ticketId: ticket.id, queue: currentStage(ticket).queue };
  const row = (
    kind: OutOfTurnKind,
    staffId: string,
    decidedBy: string,
    how: string,
    overtook: readonly string[],
    rest: { fromDeskId?: string; note?: string } = {},
  ): OutOfTurnRow => ({
    ...base,
    kind,
    deskId: event.deskId,
    staffId,
    decidedBy,
    fromDeskId: rest.fromDeskId ?? null,
    how,
    note: rest.note ?? '',
    overtook: JSON.stringify(overtook),
    overtaken: overtook.length,
  });
  const toHead = (way: HeadMoveWay, overtook: readonly string[] = []) =>
    row('to-head', actor, actor, way, overtook);
  switch (event.type) {
    case 'ticket.called': {
      const rows: OutOfTurnRow[] = [];
      const { chosen, sent, staffId } = event;
      if (chosen)
        rows.push(row('chosen', staffId, staffId, chosen.reason, chosen.overtook, { note: chosen.note }));
      if (sent)
        rows.push(
          row('sent', staffId, sent.byStaffId, sent.via, sent.overtook, { fromDeskId: sent.fromDeskId }),
        );
      return rows;
    }
    case 'ticket.moved':
      return [toHead('transfer-back', event.overtook)];
    case 'ticket.unparked':
      return [toHead('requeue', event.overtook)];
  }
}

type MaybeOutOfTurn = Extract<DomainEvent, { type: 'ticket.called' | 'ticket.moved' | 'ticket.unparked' }>;

/** Whether an event moves a ticket out of turn: a chosen or sent call, a move to the head of a queue. */
function outOfTurn(event: DomainEvent): event is MaybeOutOfTurn {
  switch (event.type) {
    case 'ticket.called':
      return event.chosen !== undefined || event.sent !== undefined;
    case 'ticket.moved':
      return event.toHead === true;
    case 'ticket.unparked':
      return event.to === 'queue';
    default:
      return false;
  }
}
