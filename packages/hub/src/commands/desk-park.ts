/**
 * Hold (tunda) and send to a named desk (issue 20, part 2): the hub's side. The rules are queue-core's
 * (desk-park.ts); the time limits run on the hub's half-minute timer (`applyDue`, housekeeping.ts).
 */
import { currentStage } from '@pst/queue-core';
import { ticketById } from '../command-context';
import { type AreaHandlers, announce, deskView, staffId } from './handler';

export const deskParkCommands = {
  'ticket:park': (hub, ctx, { deskId, ticketId }) => {
    hub.runner.execute({ type: 'park', deskId, ticketId, staffId: staffId(ctx) }, staffId(ctx));
    return deskView(hub, deskId);
  },
  'ticket:unpark': (hub, ctx, { deskId, ticketId, to }) => {
    const [event] = hub.runner.execute(
      { type: 'unpark', deskId, ticketId, to, staffId: staffId(ctx) },
      staffId(ctx),
    );
    // Called back to the desk: announced like a recall (the only way a parked ticket is announced again).
    if (to === 'desk' && event) {
      const ticket = hub.runner.state.tickets.get(ticketId);
      announce(hub, ticketId, deskId, event.at, ticket ? currentStage(ticket).recalls : 0);
    }
    return deskView(hub, deskId);
  },
  'ticket:send-to-desk': (hub, ctx, p) => {
    hub.runner.execute({ type: 'sendToDesk', ...p, staffId: staffId(ctx) }, staffId(ctx));
    return ticketById(hub, p.ticketId);
  },
  'ticket:transfer-back': (hub, ctx, { deskId, ticketId }) => {
    hub.runner.execute({ type: 'transferBack', deskId, ticketId, staffId: staffId(ctx) }, staffId(ctx));
    return ticketById(hub, ticketId);
  },
} satisfies AreaHandlers;
