import { DomainError, ticketView } from '@pst/queue-core';
import { KIOSK_REPRINT_SECONDS } from '@pst/shared';
import { type AreaHandlers, staffId } from './handler';

/** Kiosk printers, print outcomes, test prints and reprints (issue 17). */
export const printingCommands = {
  'kiosk:printer': (hub, ctx, { local, description }) => {
    const deviceId = ctx.data.deviceId;
    if (!deviceId || !ctx.socket) throw new DomainError('FORBIDDEN');
    const name = hub.store.devices().find((d) => d.id === deviceId)?.name ?? deviceId;
    const status = hub.kioskPrinters.declare(deviceId, name, ctx.socket, local, description);
    hub.store.audit(hub.clock(), 'kiosk.printer', { local, description }, deviceId);
    return status;
  },
  'print:result': (hub, ctx, result) => ({
    accepted: hub.kioskPrinters.answer(ctx.data.deviceId ?? '', result),
  }),
  'printer:test': async (hub, ctx, { deviceId }) => {
    const who = staffId(ctx);
    if (deviceId !== undefined && !hub.kioskPrinters.printsLocally(deviceId))
      throw new DomainError('NOT_FOUND', deviceId);
    const status = await hub.printTest(deviceId);
    hub.store.audit(
      hub.clock(),
      'printer.test',
      { printer: status.id, state: status.state, detail: status.detail },
      who,
    );
    return status;
  },
  'ticket:reprint': async (hub, ctx, { ticketId }) => {
    const ticket = hub.runner.state.tickets.get(ticketId);
    if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
    if (ticketView(hub.runner.state, ticket).status !== 'waiting') throw new DomainError('NOT_REPRINTABLE');
    // A kiosk: only its own last ticket, shortly after, and only when its paper is in doubt.
    if (ctx.data.role === 'kiosk') {
      const recent = hub.clock() - ticket.issuedAt <= KIOSK_REPRINT_SECONDS * 1000;
      if (ticket.source !== ctx.data.deviceId || !recent || hub.store.printState(ticketId) === 'printed')
        throw new DomainError('NOT_REPRINTABLE');
    }
    const who = ctx.data.staffId ?? ctx.data.deviceId ?? 'unknown';
    hub.store.audit(hub.clock(), 'ticket.reprint', { ticketId, role: ctx.data.role }, who);
    return { ticketId, printed: await hub.reprintTicket(ticketId, who) };
  },
} satisfies AreaHandlers;
