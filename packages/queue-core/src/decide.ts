import {
  entryQueue,
  FRONT_OFFICE_QUEUE,
  officeDay,
  overtakenBy,
  RECALLS_BEFORE_NO_SHOW,
  transferTarget,
} from '@pst/shared';
import { chosenCallClock, serviceClockAtCall } from './clock';
import {
  callSentHere,
  decideSendToDesk,
  decideTransferBack,
  decideUnpark,
  dueEvents,
  fallBackOnClose,
  parkedAtDesk,
} from './desk-park';
import { deskOf, freeOpenDesk, isFrontOffice, ownDesk, serviceOf, ticketAtDesk, ticketOf } from './lookups';
import {
  currentStage,
  deskQueues,
  targetMinutesOf,
  ticketIdFor,
  ticketNumber,
  ticketStatus,
  waitingInOrder,
} from './state';
import { type Command, DomainError, type DomainEvent, type QueueState } from './types';
import { nextQueue } from './work-profile';

/**
 * Decides what a command does to the day, without changing the state: the events to append,
 * or a DomainError. A command on a new office day first ends the previous one.
 */
export function decide(state: QueueState, command: Command, now: number): DomainEvent[] {
  const today = officeDay(now, state.config.office.timeZone);
  if (today !== state.day) {
    const ended = endDay(state, now);
    const dayWork = command.type === 'endDay' || command.type === 'applyDue';
    return dayWork ? ended : [...ended, ...decideOnDay(state, command, now, true)];
  }
  if (command.type === 'endDay') return [];
  return decideOnDay(state, command, now, false);
}

function endDay(state: QueueState, now: number): DomainEvent[] {
  const unserved = [...state.tickets.values()]
    .filter((t) => currentStage(t).outcome === null)
    .map((t) => t.id);
  return [{ type: 'day.ended', at: now, day: state.day, unserved }];
}

/** `freshDay`: the state is about to be reset, so the command sees an empty day. */
function decideOnDay(state: QueueState, command: Command, now: number, freshDay: boolean): DomainEvent[] {
  const at = now;
  if (
    freshDay &&
    command.type !== 'takeTicket' &&
    command.type !== 'configure' &&
    command.type !== 'openDesk'
  ) {
    // Nothing of yesterday is open any more: every desk is closed, no ticket is live.
    throw new DomainError(command.type === 'endDay' ? 'INVALID_TRANSITION' : refusalOnFreshDay(command));
  }
  switch (command.type) {
    case 'takeTicket': {
      const service = serviceOf(state, command.serviceId);
      const seq = (freshDay ? 0 : (state.lastSeq[service.id] ?? 0)) + 1;
      const day = officeDay(now, state.config.office.timeZone);
      // An appointment's requester is in the books already (recorded online): straight to the service.
      const isAppointment = command.appointmentSlotAt !== undefined;
      const queue = isAppointment ? service.id : entryQueue(state.config.office, service.id);
      return [
        {
          type: 'ticket.issued',
          at,
          ticketId: ticketIdFor(day, service.prefix, seq),
          day,
          number: ticketNumber(service.prefix, seq),
          serviceId: service.id,
          priority: command.priority,
          source: command.source,
          queue,
          targetMinutes: targetMinutesOf(state.config, queue),
          ...(isAppointment ? { appointmentSlotAt: command.appointmentSlotAt } : {}),
        },
      ];
    }
    case 'openDesk': {
      const desk = deskOf(state, command.deskId);
      const heldByOther = !freshDay && desk.status !== 'closed' && desk.staffId !== command.staffId;
      if (heldByOther && !command.takeOver) throw new DomainError('DESK_IN_USE', command.deskId);
      if (!freshDay && desk.status === 'open' && !heldByOther) return [];
      return [{ type: 'desk.opened', at, deskId: command.deskId, staffId: command.staffId }];
    }
    case 'pauseDesk':
    case 'closeDesk': {
      const desk = ownDesk(state, command.deskId, command.staffId);
      if (desk.current) throw new DomainError('DESK_BUSY', command.deskId);
      if (command.type === 'pauseDesk' && desk.status === 'paused') return [];
      if (command.type === 'pauseDesk')
        return [{ type: 'desk.paused', at, deskId: command.deskId, staffId: command.staffId }];
      // Parked visitors need the desk's decision first; tickets sent to it fall back to their queue.
      if (desk.parked.length > 0) throw new DomainError('DESK_HAS_PARKED', command.deskId);
      return [
        { type: 'desk.closed', at, deskId: command.deskId, staffId: command.staffId },
        ...fallBackOnClose(state, command.deskId, at),
      ];
    }
    case 'resumeDesk': {
      const desk = ownDesk(state, command.deskId, command.staffId);
      if (desk.status === 'open') return [];
      return [{ type: 'desk.resumed', at, deskId: command.deskId, staffId: command.staffId }];
    }
    case 'callNext': {
      freeOpenDesk(state, command.deskId, command.staffId);
      // Tickets sent to this desk by name first (desk-park.ts).
      const sent = callSentHere(state, command.deskId, command.staffId, now);
      if (sent) return [sent];
      // Which queue: the desk's work profile (work-profile.ts); which ticket: that queue's head.
      const next = nextQueue(state, command.deskId);
      const line = next && state.lines[next.queue];
      const ticketId = line && waitingInOrder(line)[0];
      if (!next || !line || !ticketId) throw new DomainError('QUEUE_EMPTY', command.deskId);
      const clock = serviceClockAtCall(state, line, currentStage(ticketOf(state, ticketId)), now);
      return [
        {
          type: 'ticket.called',
          at,
          ticketId,
          deskId: command.deskId,
          staffId: command.staffId,
          ...clock,
          ...(next.slot === null ? {} : { profileSlot: next.slot }),
        },
      ];
    }
    case 'callChosen': {
      freeOpenDesk(state, command.deskId, command.staffId);
      const ticket = ticketOf(state, command.ticketId);
      const stage = currentStage(ticket);
      const line = state.lines[stage.queue];
      const served = deskQueues(state.config, command.deskId).includes(stage.queue);
      // A ticket sent to a named desk waits in that desk's list, not in the line (desk-park.ts).
      if (!line || !served || ticketStatus(ticket) !== 'waiting' || stage.forDeskId !== null)
        throw new DomainError('NOT_WAITING_HERE', ticket.id);
      const overtook = overtakenBy(waitingInOrder(line), ticket.id);
      return [
        {
          type: 'ticket.called',
          at,
          ticketId: ticket.id,
          deskId: command.deskId,
          staffId: command.staffId,
          ...chosenCallClock(state, line, stage, now, overtook.length > 0),
          chosen: { reason: command.reason, note: command.note, overtook },
        },
      ];
    }
    case 'recall': {
      const ticket = ticketAtDesk(state, command);
      if (ticketStatus(ticket) !== 'called')
        throw new DomainError('INVALID_TRANSITION', 'recall needs a called ticket');
      const recalls = currentStage(ticket).recalls + 1;
      return [{ type: 'ticket.recalled', at, ticketId: ticket.id, deskId: command.deskId, recalls }];
    }
    case 'noShow': {
      // A parked visitor who did not come back (proposed at the park limit): no recall first.
      if (parkedAtDesk(state, command))
        return [{ type: 'ticket.no-show', at, ticketId: command.ticketId, deskId: command.deskId }];
      const ticket = ticketAtDesk(state, command);
      if (ticketStatus(ticket) !== 'called')
        throw new DomainError('INVALID_TRANSITION', 'no-show needs a called ticket');
      if (currentStage(ticket).recalls < RECALLS_BEFORE_NO_SHOW)
        throw new DomainError('RECALL_FIRST', ticket.id);
      return [{ type: 'ticket.no-show', at, ticketId: ticket.id, deskId: command.deskId }];
    }
    case 'start': {
      const ticket = ticketAtDesk(state, command);
      if (ticketStatus(ticket) !== 'called')
        throw new DomainError('INVALID_TRANSITION', 'start needs a called ticket');
      return [{ type: 'ticket.started', at, ticketId: ticket.id, deskId: command.deskId }];
    }
    case 'finish': {
      ticketAtDesk(state, command);
      return [{ type: 'ticket.finished', at, ticketId: command.ticketId, deskId: command.deskId }];
    }
    case 'transfer':
    case 'forward': {
      const ticket = ticketAtDesk(state, command);
      if (command.type === 'forward' && !isFrontOffice(state, command.deskId))
        throw new DomainError('NOT_FRONT_OFFICE', command.deskId);
      const service = transferTarget(state.config.services, currentStage(ticket).queue, command.serviceId);
      if (typeof service === 'string') throw new DomainError(service, command.serviceId);
      const events: DomainEvent[] = [];
      if (command.type === 'forward' && command.guestBookId) {
        events.push({
          type: 'guestbook.attached',
          at,
          ticketId: ticket.id,
          guestBookId: command.guestBookId,
        });
      }
      // The guest book with a desk chosen: sent to that desk by name, by the send-to-desk rule.
      if (command.type === 'forward' && command.forDeskId !== undefined) {
        const toDesk = {
          deskId: command.deskId,
          staffId: command.staffId,
          toDeskId: command.forDeskId,
          serviceId: service.id,
          note: '',
        };
        return [...events, ...decideSendToDesk(state, ticket, toDesk, at, 'guest-book')];
      }
      events.push({
        type: 'ticket.moved',
        at,
        ticketId: ticket.id,
        deskId: command.deskId,
        kind: command.type === 'forward' ? 'forwarded' : 'transferred',
        toQueue: service.id,
        note: command.type === 'transfer' ? command.note : '',
        targetMinutes: service.targetMinutes,
      });
      return events;
    }
    case 'attachGuestBook': {
      ticketAtDesk(state, command);
      if (!isFrontOffice(state, command.deskId)) throw new DomainError('NOT_FRONT_OFFICE', command.deskId);
      return [
        { type: 'guestbook.attached', at, ticketId: command.ticketId, guestBookId: command.guestBookId },
      ];
    }
    case 'cancel': {
      const ticket = ticketOf(state, command.ticketId);
      const status = ticketStatus(ticket);
      if (status !== 'waiting' && status !== 'called') throw new DomainError('INVALID_TRANSITION', status);
      return [
        {
          type: 'ticket.cancelled',
          at,
          ticketId: ticket.id,
          staffId: command.staffId,
          reason: command.reason,
        },
      ];
    }
    case 'attachRating': {
      const ticket = ticketOf(state, command.ticketId);
      const stage = currentStage(ticket);
      if (stage.outcome !== 'finished') throw new DomainError('NOT_FINISHED', ticket.id);
      if (stage.deskId !== command.deskId) throw new DomainError('TICKET_NOT_AT_DESK', ticket.id);
      if (ticket.ratingId) throw new DomainError('ALREADY_RATED', ticket.id);
      return [{ type: 'rating.attached', at, ticketId: ticket.id, ratingId: command.ratingId }];
    }
    case 'configure': {
      for (const [deskId, desk] of Object.entries(state.desks)) {
        const stillThere = command.config.desks.some((d) => d.id === deskId);
        const holds = desk.current || desk.parked.length > 0 || desk.sentHere.length > 0;
        if (!stillThere && holds && !freshDay) throw new DomainError('DESK_BUSY', deskId);
      }
      const waitingIn = new Set(
        [...state.tickets.values()]
          .filter((t) => currentStage(t).outcome === null)
          .map((t) => currentStage(t).queue),
      );
      for (const queue of waitingIn) {
        const kept = queue === FRONT_OFFICE_QUEUE || command.config.services.some((s) => s.id === queue);
        if (!kept && !freshDay) throw new DomainError('INVALID_TRANSITION', `tickets still in ${queue}`);
      }
      return [{ type: 'config.changed', at, config: command.config }];
    }
    case 'endDay':
      return [];
    // ---- hold and send to a desk (issue 20, desk-park.ts) ----
    case 'park':
      ticketAtDesk(state, command);
      return [{ type: 'ticket.parked', at, ticketId: command.ticketId, deskId: command.deskId }];
    case 'unpark':
      return decideUnpark(state, command, at);
    case 'sendToDesk':
      return decideSendToDesk(state, ticketAtDesk(state, command), command, at, 'send');
    case 'transferBack':
      return decideTransferBack(state, ticketAtDesk(state, command), command.deskId, at);
    case 'applyDue':
      return dueEvents(state, now);
  }
}

function refusalOnFreshDay(command: Command) {
  if ('ticketId' in command) return 'UNKNOWN_TICKET' as const;
  if ('deskId' in command) return 'DESK_NOT_OPEN' as const;
  return 'INVALID_TRANSITION' as const;
}
