import { openService } from '@pst/shared';
import { type DeskState, DomainError, type QueueState, type Ticket } from './types';

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

/** The staff member's own desk, open and with no ticket at it: a desk that may take one (call, take back). */
export function freeOpenDesk(state: QueueState, deskId: string, staffId: string): DeskState {
  const desk = ownDesk(state, deskId, staffId);
  checkFreeOpen(desk, deskId);
  return desk;
}

/** freeOpenDesk's test, for a desk already looked up as the caller's own. */
export function checkFreeOpen(desk: DeskState, deskId: string): void {
  if (desk.status !== 'open') throw new DomainError('DESK_NOT_OPEN', deskId);
  if (desk.current) throw new DomainError('DESK_BUSY', deskId);
}

/** Whether the desk is the front office (by its kind in the configuration). */
export function isFrontOffice(state: QueueState, deskId: string): boolean {
  return deskConfig(state, deskId).kind === 'front-office';
}

/** A service a visitor may be put in now: it exists and is active (shared's openService). */
export function serviceOf(state: QueueState, serviceId: string) {
  const service = openService(state.config.services, serviceId);
  if (typeof service === 'string') throw new DomainError(service, serviceId);
  return service;
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
