import { DomainError } from '@pst/queue-core';
import { printTaken, ticketById } from '../command-context';
import { type AreaHandlers, eventOf } from './handler';

/** Taking a ticket at the kiosk and reading tickets and the board. */
export const ticketCommands = {
  'ticket:take': async (hub, ctx, { serviceId, priority }) => {
    const source = ctx.data.deviceId ?? ctx.data.staffId ?? 'unknown';
    // Outside service hours the kiosk is closed; staff still issue (a visitor let in late, a test).
    if (ctx.data.role === 'kiosk' && !hub.opening().open) throw new DomainError('OFFICE_CLOSED');
    if (!hub.kioskLimiter.take(source, hub.clock())) throw new DomainError('RATE_LIMITED', source);
    // The print job is stored with the ticket: a hub that stops right after still prints it on start.
    let jobId: number | null = null;
    const issued = eventOf(
      hub.runner.execute({ type: 'takeTicket', serviceId, priority, source }, source, (events) => {
        jobId = hub.queueTicketPrint(eventOf(events, 'ticket.issued').ticketId, ctx.data.deviceId);
      }),
      'ticket.issued',
    );
    return printTaken(hub, ctx, issued.ticketId, jobId);
  },
  'ticket:status': (hub, _ctx, { ticketId }) => ticketById(hub, ticketId),
  'board:get': (hub) => hub.board(),
} satisfies AreaHandlers;
