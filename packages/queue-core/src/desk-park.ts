/**
 * Desk control, part 2 (issue 20): hold (tunda) and send to a named desk. The rules, in one place:
 *
 * Hold. A desk parks the ticket it has called or serves (the visitor stepped out): the ticket leaves
 * the desk (which may call the next) and waits in the desk's parked list, in no queue, so no call-next
 * ever takes it. It comes back with one command: to the same desk (called or serving again, as it was,
 * and announced like a recall: the only way a parked ticket is announced again), or to the head of its
 * queue (its stage ends `requeued`, a new stage starts at the head). Parked time is no service time: a
 * stage's `serviceParkedMs` (parks after the service started) is taken off its service duration. A
 * ticket parked `parkLimitMinutes` is proposed to its desk as a no-show (`ticket.park-overdue`); the
 * staff confirms with the ordinary no-show (no recall needed for a parked ticket), nothing is lost by
 * itself. A desk with parked tickets does not close; at day end a parked ticket closes unserved.
 *
 * Send to a named desk. The ticket at a desk goes to another open (or paused) desk, into one of that
 * desk's queues (its own, or another service: a transfer): it waits in that desk's list, which the desk
 * calls before its queues; no other desk calls it. After `sentFallbackMinutes`, or at once when that
 * desk closes, it falls back into the whole queue, where it would have been had it been sent there
 * (ordered by the time it was sent). Its 10-minute clock: clock.ts `clockStartAtDesk`.
 *
 * Transfer back (Kembalikan ke antrian sebelumnya): the ticket at a desk goes back to the queue its
 * visit came from by its last forward or transfer, at the head of that queue.
 *
 * Both ways to the head of a queue (transfer back, a parked ticket back to its queue) name on their event
 * the tickets they go ahead of (`overtook`), like a chosen call: the reports count them per staff member.
 */
import { deskControlOf, overtakenBy, queueRefusal, type SendVia, sendRefusal } from '@pst/shared';
import { placeInOrder, placeOfKey } from './appointment-order';
import { sentClockAtCall } from './clock';
import { checkFreeOpen, deskConfig, deskOf, isFrontOffice, ownDesk, ticketOf } from './lookups';
import { currentStage, targetMinutesOf, waitingInOrder } from './state';
import {
  type Command,
  type DeskState,
  DomainError,
  type DomainEvent,
  type QueueState,
  type SentFrom,
  type Ticket,
} from './types';

const MINUTE = 60_000;

type DeskTicket = { deskId: string; staffId: string; ticketId: string };

/** The ticket parked at the staff member's own desk, or null when it is not parked there. */
export function parkedAtDesk(state: QueueState, command: DeskTicket): Ticket | null {
  return parkedAt(state, ownDesk(state, command.deskId, command.staffId), command.ticketId);
}

function parkedAt(state: QueueState, desk: DeskState, ticketId: string): Ticket | null {
  return desk.parked.includes(ticketId) ? ticketOf(state, ticketId) : null;
}

export function decideUnpark(
  state: QueueState,
  command: Extract<Command, { type: 'unpark' }>,
  at: number,
): DomainEvent[] {
  const desk = ownDesk(state, command.deskId, command.staffId);
  const ticket = parkedAt(state, desk, command.ticketId);
  if (!ticket) throw new DomainError('TICKET_NOT_AT_DESK', command.ticketId);
  if (command.to === 'desk') checkFreeOpen(desk, command.deskId);
  const queue = currentStage(ticket).queue;
  return [
    {
      type: 'ticket.unparked',
      at,
      ticketId: ticket.id,
      deskId: command.deskId,
      to: command.to,
      targetMinutes: targetMinutesOf(state.config, queue),
      ...(command.to === 'queue' ? { overtook: overtakenAtHead(state, ticket, queue, at) } : {}),
    },
  ];
}

/**
 * The tickets a ticket put at the head of `queue` at `at` goes ahead of: those of its own list (priority
 * tickets stay ahead of the others) before the place it would have had entering the queue then
 * (appointment-order.ts; a priority ticket's place is the end of the priority list).
 */
function overtakenAtHead(state: QueueState, ticket: Ticket, queue: string, at: number): string[] {
  const line = state.lines[queue];
  if (!line) return [];
  if (ticket.priority) return [...line.priority];
  return line.normal.slice(0, placeOfKey(state, line.normal, at));
}

/** Checks a named desk can take the ticket in `queue` (open or paused, and serving that queue). */
function checkTarget(state: QueueState, fromDeskId: string, toDeskId: string, queue: string): void {
  const target = { ...deskConfig(state, toDeskId), status: deskOf(state, toDeskId).status };
  const refusal = sendRefusal(target, fromDeskId, queue, state.config.services);
  if (refusal === 'SAME_DESK' || refusal === 'DESK_NOT_OPEN') throw new DomainError(refusal, toDeskId);
  if (refusal) throw new DomainError(refusal, queue);
}

/** Checks a queue takes visitors now (shared's queueRefusal). */
function checkQueueOpen(state: QueueState, queue: string): void {
  const refusal = queueRefusal(state.config.services, queue);
  if (refusal) throw new DomainError(refusal, queue);
}

/**
 * Also the front office's guest book with a desk chosen (`forward` with `forDeskId`, `via: 'guest-book'`):
 * the same rule. Who sent it and how go with the move; its first call at that desk is the audit record.
 */
export function decideSendToDesk(
  state: QueueState,
  ticket: Ticket,
  command: Pick<
    Extract<Command, { type: 'sendToDesk' }>,
    'deskId' | 'staffId' | 'toDeskId' | 'serviceId' | 'note'
  >,
  at: number,
  via: SendVia,
): DomainEvent[] {
  checkTarget(state, command.deskId, command.toDeskId, command.serviceId);
  const fromFrontOffice = isFrontOffice(state, command.deskId);
  const { sentFallbackMinutes } = deskControlOf(state.config.office);
  return [
    {
      type: 'ticket.moved',
      at,
      ticketId: ticket.id,
      deskId: command.deskId,
      kind: fromFrontOffice ? 'forwarded' : 'transferred',
      toQueue: command.serviceId,
      note: command.note,
      targetMinutes: targetMinutesOf(state.config, command.serviceId),
      forDesk: {
        deskId: command.toDeskId,
        until: at + sentFallbackMinutes * MINUTE,
        staffId: command.staffId,
        via,
      },
    },
  ];
}

/** The queue a visit came from by its last forward or transfer (null: it never moved). */
export function previousQueue(ticket: Ticket): string | null {
  for (let i = ticket.stages.length - 2; i >= 0; i--) {
    const stage = ticket.stages[i];
    if (stage?.outcome === 'forwarded' || stage?.outcome === 'transferred') return stage.queue;
  }
  return null;
}

export function decideTransferBack(
  state: QueueState,
  ticket: Ticket,
  deskId: string,
  at: number,
): DomainEvent[] {
  const queue = previousQueue(ticket);
  if (queue === null) throw new DomainError('NO_PREVIOUS_QUEUE', ticket.id);
  checkQueueOpen(state, queue);
  return [
    {
      type: 'ticket.moved',
      at,
      ticketId: ticket.id,
      deskId,
      kind: 'transferred',
      toQueue: queue,
      note: '',
      targetMinutes: targetMinutesOf(state.config, queue),
      toHead: true,
      overtook: overtakenAtHead(state, ticket, queue, at),
    },
  ];
}

/**
 * The tickets of its queue a ticket sent to a desk goes ahead of when that desk calls it: those before
 * the place it would have in the queue's line, the place it falls back to (by the time it was sent,
 * appointment-order.ts). Counted at the call, not at the send: who waits ahead then is who it passes
 * (a ticket called by another desk meanwhile is passed by nobody; a fall-back passes nobody).
 */
function overtakenBySent(state: QueueState, ticket: Ticket): string[] {
  const line = state.lines[currentStage(ticket).queue];
  if (!line) return [];
  const own = [...(ticket.priority ? line.priority : line.normal)];
  own.splice(placeInOrder(state, own, ticket), 0, ticket.id);
  const withIt = ticket.priority ? { ...line, priority: own } : { ...line, normal: own };
  return overtakenBy(waitingInOrder(withIt), ticket.id);
}

/** The first ticket sent to this desk, called before its queues (null: none waits for it). */
export function callSentHere(
  state: QueueState,
  deskId: string,
  staffId: string,
  at: number,
): DomainEvent | null {
  const desk = deskOf(state, deskId);
  const next = desk.sentHere[0];
  if (!next) return null;
  const ticket = ticketOf(state, next);
  const stage = currentStage(ticket);
  // Set with forDeskId by every move to a named desk.
  const from = stage.sentFrom as SentFrom;
  return {
    type: 'ticket.called',
    at,
    ticketId: next,
    deskId,
    staffId,
    ...sentClockAtCall(state, desk, stage, at),
    sent: { ...from, overtook: overtakenBySent(state, ticket) },
  };
}

/** A closing desk lets every ticket sent to it fall back to its queue at once. */
export function fallBackOnClose(state: QueueState, deskId: string, at: number): DomainEvent[] {
  return deskOf(state, deskId).sentHere.map((ticketId) => ({
    type: 'ticket.desk-wait-ended' as const,
    at,
    ticketId,
    deskId,
    reason: 'desk-closed' as const,
  }));
}

/**
 * The time-based rules due at `now`, pure: tickets parked past the limit are proposed as no-shows
 * (once), tickets sent to a desk past their time fall back to their queue. The hub runs it on its
 * half-minute timer (the `applyDue` command), so each happens at most half a minute late.
 */
export function dueEvents(state: QueueState, now: number): DomainEvent[] {
  const { parkLimitMinutes } = deskControlOf(state.config.office);
  const events: DomainEvent[] = [];
  for (const [deskId, desk] of Object.entries(state.desks)) {
    for (const ticketId of desk.parked) {
      const stage = currentStage(ticketOf(state, ticketId));
      if (stage.parkOverdueAt !== null || stage.parkedAt === null) continue;
      if (now - stage.parkedAt >= parkLimitMinutes * MINUTE)
        events.push({ type: 'ticket.park-overdue', at: now, ticketId, deskId });
    }
    for (const ticketId of desk.sentHere) {
      const until = currentStage(ticketOf(state, ticketId)).forDeskUntil;
      if (until !== null && now >= until)
        events.push({ type: 'ticket.desk-wait-ended', at: now, ticketId, deskId, reason: 'timeout' });
    }
  }
  return events;
}
