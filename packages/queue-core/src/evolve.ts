import { enterInOrder } from './appointment-order';
import { CALL_LOG, closedDesk, currentStage, resetDay, syncConfig, tallyTicket } from './state';
import type { DomainEvent, Line, QueueState, SentFrom, Stage, Ticket } from './types';

const RECENT_SERVICE_TIMES = 10;

/**
 * Applies one event to the day's state and returns it. The state is updated in place: copying a
 * busy day's tickets for every event would cost more than the whole command (see the benchmarks);
 * `decide` never writes, so a refused command leaves the state as it was. Every event that changes
 * a ticket names it, so the day's tally takes that ticket's share out before and adds it after.
 */
export function evolve(state: QueueState, event: DomainEvent): QueueState {
  const id = 'ticketId' in event ? event.ticketId : null;
  const before = id === null ? undefined : state.tickets.get(id);
  if (before) tallyTicket(state.tally, before, -1);
  const next = apply(state, event);
  const after = id === null ? undefined : next.tickets.get(id);
  if (after) tallyTicket(next.tally, after, 1);
  return next;
}

function apply(state: QueueState, event: DomainEvent): QueueState {
  switch (event.type) {
    case 'day.ended': {
      for (const id of event.unserved) {
        const ticket = state.tickets.get(id);
        if (ticket) endStage(currentStage(ticket), event.at, 'unserved');
      }
      return resetDay(state, event.at);
    }
    case 'config.changed': {
      state.config = event.config;
      syncConfig(state);
      return state;
    }
    case 'ticket.issued': {
      const ticket: Ticket = {
        id: event.ticketId,
        day: event.day,
        number: event.number,
        serviceId: event.serviceId,
        priority: event.priority,
        issuedAt: event.at,
        source: event.source,
        stages: [],
        guestBookId: null,
        ratingId: null,
        ...(event.appointmentSlotAt !== undefined ? { appointmentSlotAt: event.appointmentSlotAt } : {}),
      };
      state.tickets.set(ticket.id, ticket);
      state.lastSeq[event.serviceId] = (state.lastSeq[event.serviceId] ?? 0) + 1;
      enterQueue(state, ticket, event.queue, event.at, event.targetMinutes);
      return state;
    }
    case 'ticket.called': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      const calledRef = { ticketId: ticket.id, stage: ticket.stages.length - 1 };
      // Only a call of the head moves "ahead" (clock.ts): an out-of-order call leaves it, so the
      // tickets it overtook keep the clock they had. A ticket sent to a named desk was not in the
      // queue's line: nobody there waits behind it.
      const inOrder = !event.chosen || event.chosen.overtook.length === 0;
      if (stage.forDeskId === null && inOrder) lineOf(state, stage.queue).lastCalled = calledRef;
      takeWaiting(state, ticket);
      deskOf(state, event.deskId).lastCalled = calledRef;
      Object.assign(stage, {
        calledAt: event.at,
        lastCalledAt: event.at,
        deskId: event.deskId,
        staffId: event.staffId,
        clockStart: event.clockStart,
        serviceWait: event.serviceWait,
        withinTarget: event.withinTarget,
      });
      const desk = deskOf(state, event.deskId);
      desk.current = ticket.id;
      if (event.profileSlot !== undefined) desk.profileCursor = event.profileSlot + 1;
      pushCall(state, { ticketId: ticket.id, deskId: event.deskId, at: event.at, recall: 0 });
      return state;
    }
    case 'ticket.recalled': {
      const stage = currentStage(ticketOf(state, event.ticketId));
      stage.recalls = event.recalls;
      stage.lastCalledAt = event.at;
      pushCall(state, {
        ticketId: event.ticketId,
        deskId: event.deskId,
        at: event.at,
        recall: event.recalls,
      });
      return state;
    }
    case 'ticket.started': {
      currentStage(ticketOf(state, event.ticketId)).startedAt = event.at;
      return state;
    }
    case 'ticket.finished': {
      const stage = currentStage(ticketOf(state, event.ticketId));
      endStage(stage, event.at, 'finished');
      noteServiceTime(lineOf(state, stage.queue), stage);
      releaseDesk(state, event.deskId, true);
      return state;
    }
    case 'ticket.no-show': {
      const stage = currentStage(ticketOf(state, event.ticketId));
      // A parked ticket leaves the desk's parked list; the desk may be serving someone else.
      if (stage.parkedAt !== null) removeFrom(deskOf(state, event.deskId).parked, event.ticketId);
      else releaseDesk(state, event.deskId, false);
      endStage(stage, event.at, 'no-show');
      return state;
    }
    case 'ticket.moved': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      endStage(stage, event.at, event.kind);
      stage.note = event.note;
      noteServiceTime(lineOf(state, stage.queue), stage);
      releaseDesk(state, event.deskId, true);
      const sentFrom = event.forDesk && {
        fromDeskId: event.deskId,
        byStaffId: event.forDesk.staffId ?? stage.staffId ?? '',
        // Stored before `via` was: the front office's forward of a ticket with its guest book entry
        // (attached by the same command) came from the guest book; anything else was a send.
        via:
          event.forDesk.via ??
          (event.kind === 'forwarded' && ticket.guestBookId !== null ? 'guest-book' : 'send'),
      };
      enterQueue(state, ticket, event.toQueue, event.at, event.targetMinutes, {
        forDesk: event.forDesk,
        sentFrom,
        head: event.toHead,
      });
      return state;
    }
    case 'ticket.cancelled': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      if (stage.calledAt === null) takeWaiting(state, ticket);
      else if (stage.deskId) releaseDesk(state, stage.deskId, false);
      endStage(stage, event.at, 'cancelled');
      stage.note = event.reason;
      return state;
    }
    case 'guestbook.attached': {
      ticketOf(state, event.ticketId).guestBookId = event.guestBookId;
      return state;
    }
    case 'rating.attached': {
      ticketOf(state, event.ticketId).ratingId = event.ratingId;
      return state;
    }
    case 'desk.opened': {
      const desk = deskOf(state, event.deskId);
      desk.status = 'open';
      desk.staffId = event.staffId;
      return state;
    }
    case 'desk.paused':
    case 'desk.resumed': {
      deskOf(state, event.deskId).status = event.type === 'desk.paused' ? 'paused' : 'open';
      return state;
    }
    case 'desk.closed': {
      const desk = deskOf(state, event.deskId);
      desk.status = 'closed';
      desk.staffId = null;
      return state;
    }
    // ---- hold and send to a desk (issue 20, desk-park.ts) ----
    case 'ticket.parked': {
      const stage = currentStage(ticketOf(state, event.ticketId));
      stage.parkedAt = event.at;
      stage.firstParkedAt ??= event.at;
      stage.callsWithdrawnAt = event.at;
      const desk = deskOf(state, event.deskId);
      desk.current = null;
      desk.parked.push(event.ticketId);
      return state;
    }
    case 'ticket.unparked': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      const desk = deskOf(state, event.deskId);
      removeFrom(desk.parked, ticket.id);
      closePark(stage, event.at);
      stage.parkOverdueAt = null;
      if (event.to === 'desk') {
        // Called back: at the desk again, and announced like a recall (the only way a parked ticket is).
        desk.current = ticket.id;
        desk.lastCalled = { ticketId: ticket.id, stage: ticket.stages.length - 1 };
        stage.lastCalledAt = event.at;
        pushCall(state, { ticketId: ticket.id, deskId: event.deskId, at: event.at, recall: stage.recalls });
      } else {
        endStage(stage, event.at, 'requeued');
        enterQueue(state, ticket, stage.queue, event.at, event.targetMinutes, { head: true });
      }
      return state;
    }
    case 'ticket.park-overdue': {
      currentStage(ticketOf(state, event.ticketId)).parkOverdueAt = event.at;
      return state;
    }
    case 'ticket.desk-wait-ended': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      removeFrom(deskOf(state, event.deskId).sentHere, ticket.id);
      stage.forDeskId = null;
      stage.forDeskUntil = null;
      // Into the whole queue where it would have been had it been sent there: by the time it was sent.
      const line = lineOf(state, stage.queue);
      enterInOrder(state, ticket.priority ? line.priority : line.normal, ticket);
      return state;
    }
  }
}

/**
 * A new stage of a ticket in `queue`: in the queue's line, at its head (`head`: back from a park, or
 * transferred back), or waiting for a named desk (`forDesk`: in that desk's own list, not the line).
 */
function enterQueue(
  state: QueueState,
  ticket: Ticket,
  queue: string,
  at: number,
  targetMinutes: number,
  place: {
    forDesk?: { deskId: string; until: number } | undefined;
    sentFrom?: SentFrom | undefined;
    head?: boolean | undefined;
  } = {},
): void {
  const stage: Stage = {
    queue,
    enteredAt: at,
    targetMinutes,
    calledAt: null,
    deskId: null,
    staffId: null,
    recalls: 0,
    lastCalledAt: null,
    startedAt: null,
    endedAt: null,
    outcome: null,
    clockStart: null,
    serviceWait: null,
    withinTarget: null,
    note: '',
    parkedAt: null,
    firstParkedAt: null,
    parkedMs: 0,
    serviceParkedMs: 0,
    parkOverdueAt: null,
    callsWithdrawnAt: null,
    forDeskId: place.forDesk?.deskId ?? null,
    forDeskUntil: place.forDesk?.until ?? null,
    sentFrom: place.sentFrom ?? null,
  };
  ticket.stages.push(stage);
  if (place.forDesk) {
    deskOf(state, place.forDesk.deskId).sentHere.push(ticket.id);
    return;
  }
  const line = lineOf(state, queue);
  const list = ticket.priority ? line.priority : line.normal;
  if (place.head) list.unshift(ticket.id);
  else if (ticket.priority) list.push(ticket.id);
  else enterInOrder(state, list, ticket);
}

/** Ends the open park interval of a stage: its time adds up, and counts against service once started. */
function closePark(stage: Stage, at: number): void {
  if (stage.parkedAt === null) return;
  const parked = at - stage.parkedAt;
  stage.parkedMs += parked;
  if (stage.startedAt !== null) stage.serviceParkedMs += parked;
  stage.parkedAt = null;
}

/** Ends a stage; a stage finished without "start" counts its service from the call (the visitor was at the desk). */
function endStage(stage: Stage, at: number, outcome: NonNullable<Stage['outcome']>): void {
  closePark(stage, at);
  if (
    (outcome === 'finished' || outcome === 'forwarded' || outcome === 'transferred') &&
    stage.startedAt === null
  ) {
    stage.startedAt = stage.calledAt;
    // Served from the call: every park since the call was inside the service.
    stage.serviceParkedMs = stage.parkedMs;
  }
  stage.endedAt = at;
  stage.outcome = outcome;
}

function noteServiceTime(line: Line, stage: Stage): void {
  if (stage.startedAt === null || stage.endedAt === null) return;
  line.recentServiceMs.push(stage.endedAt - stage.startedAt - stage.serviceParkedMs);
  if (line.recentServiceMs.length > RECENT_SERVICE_TIMES) line.recentServiceMs.shift();
}

/** Takes a waiting ticket out of where it waits: its queue's line, or the list of the desk it was sent to. */
function takeWaiting(state: QueueState, ticket: Ticket): void {
  const stage = currentStage(ticket);
  if (stage.forDeskId !== null) removeFrom(deskOf(state, stage.forDeskId).sentHere, ticket.id);
  else removeWaiting(lineOf(state, stage.queue), ticket);
}

function removeFrom(list: string[], id: string): void {
  const index = list.indexOf(id);
  if (index >= 0) list.splice(index, 1);
}

function removeWaiting(line: Line, ticket: Ticket): void {
  const list = ticket.priority ? line.priority : line.normal;
  // Calls mostly take the head (index 0); a chosen call takes any waiting ticket.
  const index = list.indexOf(ticket.id);
  if (index >= 0) list.splice(index, 1);
}

function releaseDesk(state: QueueState, deskId: string, served: boolean): void {
  const desk = deskOf(state, deskId);
  desk.current = null;
  if (served) desk.servedToday++;
}

function pushCall(state: QueueState, call: QueueState['recentCalls'][number]): void {
  state.recentCalls.unshift(call);
  if (state.recentCalls.length > CALL_LOG) state.recentCalls.pop();
}

function ticketOf(state: QueueState, id: string): Ticket {
  const ticket = state.tickets.get(id);
  if (!ticket) throw new Error(`evolve: unknown ticket ${id}`);
  return ticket;
}

function lineOf(state: QueueState, queue: string): Line {
  state.lines[queue] ??= { priority: [], normal: [], lastCalled: null, recentServiceMs: [] };
  return state.lines[queue];
}

function deskOf(state: QueueState, deskId: string) {
  state.desks[deskId] ??= closedDesk();
  return state.desks[deskId];
}
