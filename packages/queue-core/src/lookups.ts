import { DomainError, type QueueState, type Ticket } from './types';

/** Lookups every decision starts from, refusing what does not exist or is not the caller's. */

export function deskConfig(state: QueueState, deskId: string) {
  const desk = state.config.desks.find((d) => d.id === deskId);
  if (!desk) throw new DomainError('UNKNOWN_DESK', deskId);
  return desk;
}

export function deskOf(state: QueueState, deskId: string) {
  deskConfig(state, deskId);
  const desk = state.desks[deskId];
  if (!desk) throw new DomainError('UNKNOWN_DESK', deskId);
  return desk;
}

/** A desk the staff member has opened (a desk in someone else's hands is refused). */
export function ownDesk(state: QueueState, deskId: string, staffId: string) {
  const desk = deskOf(state, deskId);
  if (desk.status === 'closed') throw new DomainError('DESK_NOT_OPEN', deskId);
  if (desk.staffId !== staffId) throw new DomainError('DESK_IN_USE', deskId);
  return desk;
}

export function ticketOf(state: QueueState, ticketId: string): Ticket {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
  return ticket;
}

/** The ticket a staff member works on at their own open desk ("the ticket must be at my desk"). */
export function ticketAtDesk(
  state: QueueState,
  command: { deskId: string; staffId: string; ticketId: string },
): Ticket {
  const desk = ownDesk(state, command.deskId, command.staffId);
  const ticket = ticketOf(state, command.ticketId);
  if (desk.current !== ticket.id) throw new DomainError('TICKET_NOT_AT_DESK', ticket.id);
  return ticket;
}
