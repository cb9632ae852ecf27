import { currentStage, DomainError, ticketAtDesk, ticketView } from '@pst/queue-core';
import { type CommandResult, isPlausibleBirthYear } from '@pst/shared';
import { newId } from '../auth';
import { type Ctx, ticketById } from '../command-context';
import type { HubContext } from '../context';
import { eraseVisitor } from '../data-care';
import { type AreaHandlers, staffId } from './handler';

/** A consultant sees only the visit at its own desk; front office and supervisors see any. */
function mayReadVisit(hub: HubContext, ctx: Ctx, ticketId: string): boolean {
  if (ctx.data.role !== 'consultant') return true;
  const ticket = hub.runner.state.tickets.get(ticketId);
  const deskId = ticket && currentStage(ticket).deskId;
  return !!deskId && hub.runner.state.desks[deskId]?.staffId === ctx.data.staffId;
}

function visitDetail(hub: HubContext, ticketId: string): CommandResult<'visit:get'> {
  const ticket = hub.runner.state.tickets.get(ticketId);
  if (!ticket) throw new DomainError('UNKNOWN_TICKET', ticketId);
  const entry = ticket.guestBookId ? hub.store.guestBookById(ticket.guestBookId) : null;
  return {
    ticket: ticketView(hub.runner.state, ticket),
    stages: ticket.stages.map((s) => ({
      queue: s.queue,
      enteredAt: s.enteredAt,
      calledAt: s.calledAt,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      deskId: s.deskId,
      outcome: s.outcome,
      note: s.note,
    })),
    guestBook: entry
      ? {
          fullName: entry.fullName,
          institutionName: entry.institutionName,
          purpose: entry.purpose,
          dataNeeded: entry.dataNeeded,
          servicesUsed: entry.servicesUsed,
        }
      : null,
    notes: hub.store.notes(ticketId),
  };
}

/** The guest book (front office) and the visit record a desk reads and notes. */
export const guestBookCommands = {
  'guestbook:save': (hub, ctx, { deskId, ticketId, entry, forwardTo, forDeskId }) => {
    if (!isPlausibleBirthYear(entry.birthYear, Number(hub.runner.state.day.slice(0, 4))))
      throw new DomainError('VALIDATION_FAILED', 'birthYear');
    const id = newId('gb');
    const who = staffId(ctx);
    const day = hub.runner.state.day;
    hub.runner.execute(
      // With a desk chosen, queue-core sends it there by name; a refusal writes nothing (not the entry either).
      { type: 'forward', deskId, ticketId, serviceId: forwardTo, guestBookId: id, forDeskId, staffId: who },
      who,
      () => hub.store.insertGuestBook(id, entry, ticketId, day, who, hub.clock()),
    );
    return ticketById(hub, ticketId);
  },
  'guestbook:lookup': (hub, ctx, by) => {
    hub.store.audit(hub.clock(), 'guestbook.lookup', { by: 'phone' in by ? 'phone' : 'email' }, staffId(ctx));
    return hub.store.lookupGuest(by);
  },
  'guestbook:erase': (hub, ctx, by) => ({
    erased: eraseVisitor(hub.store, by, hub.clock(), staffId(ctx)),
  }),
  'visit:get': (hub, ctx, { ticketId }) => {
    // First who may read, then whether it exists: a consultant learns nothing of other desks' tickets.
    if (!mayReadVisit(hub, ctx, ticketId)) throw new DomainError('FORBIDDEN');
    if (!hub.runner.state.tickets.has(ticketId)) throw new DomainError('UNKNOWN_TICKET', ticketId);
    const visit = visitDetail(hub, ticketId);
    hub.store.audit(hub.clock(), 'visit.read', { ticketId }, staffId(ctx));
    return visit;
  },
  'visit:note': (hub, ctx, { deskId, ticketId, text }) => {
    ticketAtDesk(hub.runner.state, { deskId, ticketId, staffId: staffId(ctx) });
    hub.store.addNote(ticketId, staffId(ctx), text, hub.clock());
    return visitDetail(hub, ticketId);
  },
} satisfies AreaHandlers;
