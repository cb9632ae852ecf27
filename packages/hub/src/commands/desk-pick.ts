/**
 * Desk control, part 1 (issue 20): calling a chosen ticket. The rule (who may be called, what it
 * overtakes, its clock) is queue-core's callChosen; the event it writes is the audit record (reason,
 * note, staff, overtaken tickets), projected into the out-of-turn audit (storage/out-of-turn.ts) for the reports in the same transaction.
 */
import { type AreaHandlers, announce, eventOf, staffId } from './handler';

export const deskPickCommands = {
  'desk:call-chosen': (hub, ctx, { deskId, ticketId, reason, note }) => {
    const who = staffId(ctx);
    const events = hub.runner.execute(
      { type: 'callChosen', deskId, ticketId, reason, note, staffId: who },
      who,
    );
    const called = eventOf(events, 'ticket.called');
    return announce(hub, called.ticketId, deskId, called.at, 0);
  },
} satisfies AreaHandlers;
