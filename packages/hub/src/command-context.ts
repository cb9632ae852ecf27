import { DomainError, ticketView } from '@pst/queue-core';
import { type CommandResult, type SocketData, type TicketView, ticketStatusPath } from '@pst/shared';
import type { HubContext } from './context';
import type { KioskSocket } from './kiosk-printers';

/** Who sent a command: the socket's identity, a logger, and the kiosk's socket for print outcomes. */
export type Ctx = { data: SocketData; log: HubContext['log']; socket?: KioskSocket };

export function ticketById(hub: HubContext, ticketId: string): TicketView {
  const ticket = hub.runner.state.tickets.get(ticketId);
  if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
  return ticketView(hub.runner.state, ticket);
}

/** A ticket just issued: the answer with its status link, and its printing, whose outcome follows. */
export function printTaken(
  hub: HubContext,
  ctx: Ctx,
  ticketId: string,
  jobId: number | null,
): CommandResult<'ticket:take'> {
  const ticket = ticketById(hub, ticketId);
  const statusUrl = `${hub.publicUrl()}${ticketStatusPath(ticket.id)}`;
  // The number is the visitor's as soon as it is on disk: printing follows (never a number that a
  // power cut could give to the next visitor again), and its outcome is pushed to this socket.
  hub.store
    .synced()
    .then(() => hub.printTicket(ticket.id, ctx.data.deviceId, jobId))
    .then((printed) => ctx.socket?.emit('ticket:printed', { ticketId: ticket.id, printed }))
    .catch((error: unknown) => ctx.log.error({ err: error, ticketId: ticket.id }, 'printing failed'));
  return { ticket, statusUrl };
}
