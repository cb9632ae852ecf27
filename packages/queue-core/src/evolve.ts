import { enterInOrder } from './appointment-order';
import { closedDesk, currentStage, resetDay, syncConfig } from './state';
import type { DomainEvent, Line, QueueState, Stage, Ticket } from './types';

const RECENT_CALLS = 12;
const RECENT_SERVICE_TIMES = 10;

/**
 * Applies one event to the day's state and returns it. The state is updated in place: copying a
 * busy day's tickets for every event would cost more than the whole command (see the benchmarks);
 * `decide` never writes, so a refused command leaves the state as it was.
 */
export function evolve(state: QueueState, event: DomainEvent): QueueState {
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
      const line = lineOf(state, stage.queue);
      removeWaiting(line, ticket);
      // Only a call of the head moves "ahead" (clock.ts): an out-of-order call leaves it, so the
      // tickets it overtook keep the clock they had.
      if (!event.chosen || event.chosen.overtook.length === 0)
        line.lastCalled = { ticketId: ticket.id, stage: ticket.stages.length - 1 };
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
      endStage(currentStage(ticketOf(state, event.ticketId)), event.at, 'no-show');
      releaseDesk(state, event.deskId, false);
      return state;
    }
    case 'ticket.moved': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      endStage(stage, event.at, event.kind);
      stage.note = event.note;
      noteServiceTime(lineOf(state, stage.queue), stage);
      releaseDesk(state, event.deskId, true);
      enterQueue(state, ticket, event.toQueue, event.at, event.targetMinutes);
      return state;
    }
    case 'ticket.cancelled': {
      const ticket = ticketOf(state, event.ticketId);
      const stage = currentStage(ticket);
      if (stage.calledAt === null) removeWaiting(lineOf(state, stage.queue), ticket);
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
  }
}

function enterQueue(
  state: QueueState,
  ticket: Ticket,
  queue: string,
  at: number,
  targetMinutes: number,
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
  };
  ticket.stages.push(stage);
  const line = lineOf(state, queue);
  if (ticket.priority) line.priority.push(ticket.id);
  else enterInOrder(state, line.normal, ticket);
}

/** Ends a stage; a stage finished without "start" counts its service from the call (the visitor was at the desk). */
function endStage(stage: Stage, at: number, outcome: NonNullable<Stage['outcome']>): void {
  if (
    (outcome === 'finished' || outcome === 'forwarded' || outcome === 'transferred') &&
    stage.startedAt === null
  ) {
    stage.startedAt = stage.calledAt;
  }
  stage.endedAt = at;
  stage.outcome = outcome;
}

function noteServiceTime(line: Line, stage: Stage): void {
  if (stage.startedAt === null || stage.endedAt === null) return;
  line.recentServiceMs.push(stage.endedAt - stage.startedAt);
  if (line.recentServiceMs.length > RECENT_SERVICE_TIMES) line.recentServiceMs.shift();
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
  if (state.recentCalls.length > RECENT_CALLS) state.recentCalls.pop();
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
