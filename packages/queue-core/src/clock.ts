import type { ServiceClockView } from '@pst/shared';
import { currentStage } from './state';
import type { DeskState, Line, QueueState, Stage } from './types';

const MINUTE = 60_000;

/**
 * The service target of DOMAIN.md: a visitor is served at most `target` minutes after the visitor
 * directly ahead in the same queue has finished.
 *
 * "Directly ahead" of the head of a line is `line.lastCalled`: the ticket called last by an in-order
 * call, i.e. a call that took the head of the line ("Panggil berikutnya", or a chosen call of the head).
 * Everyone behind the head has an uncalled ticket ahead of them, so their clock has not started.
 *
 * An out-of-order call (issue 20: a chosen ticket that is not the head) does not change "ahead":
 * - the tickets it overtook were ahead of it in the line, so it cannot be "ahead" of them: the head
 *   keeps the clock it had (started at the finish of the same visitor, or not yet started), it loses
 *   no time and no ticket gets a clock started by a visitor who was behind it;
 * - the tickets behind it still have the overtaken tickets waiting ahead of them (not started);
 * - when the overtaken tickets are called in turn, "ahead" moves on with them as usual, so the ticket
 *   that stood behind the chosen one counts from the finish of the last overtaken ticket called.
 * The chosen ticket itself had a ticket still waiting ahead of it when called: like any ticket called
 * before the one ahead has finished, its wait counted is 0 (chosenCallClock).
 */
export function clockStartOfHead(state: QueueState, line: Line, stage: Stage): number | null {
  return clockStartAfter(state, line.lastCalled, stage);
}

/**
 * When the visitor ahead "finished" for the clock of the one behind: when their stage ended, or,
 * if the desk parked them (tunda) first, when it first parked them: the desk was free from then. A
 * parked visitor taken back later does not stop a clock that has started (a clock never runs back).
 */
function freedAt(ahead: Stage): number | null {
  return ahead.firstParkedAt ?? ahead.endedAt;
}

/**
 * The clock start of a waiting stage given the stage directly ahead of it (null: nobody ahead, the
 * clock runs from entry). Null when the one ahead is still at a desk.
 */
function clockStartAfter(
  state: QueueState,
  aheadRef: { ticketId: string; stage: number } | null,
  stage: Stage,
): number | null {
  if (!aheadRef) return stage.enteredAt;
  const ahead = state.tickets.get(aheadRef.ticketId)?.stages[aheadRef.stage];
  const freed = ahead && freedAt(ahead);
  if (freed === undefined || freed === null) return null;
  return Math.max(stage.enteredAt, freed);
}

/**
 * The clock of a ticket sent to a named desk (desk-park.ts). It waits in that desk's own line (the
 * tickets sent to it, in the order sent), which the desk calls before its queues; so the visitor
 * directly ahead of the first of them is the one that desk called last. Its clock runs from
 * max(sent, that visitor's finish), and not while the desk still has that visitor. The tickets sent
 * behind the first wait on one not even called: their clocks have not started. A ticket that falls
 * back to its queue is an ordinary waiting ticket of the queue from then (clockStartOfHead).
 */
function clockStartAtDesk(state: QueueState, desk: DeskState, stage: Stage): number | null {
  return clockStartAfter(state, desk.lastCalled, stage);
}

/** The clock fixed when a ticket is called: its start (null: not started), the wait it counts, in target or not. */
type CallClock = { clockStart: number | null; serviceWait: number; withinTarget: boolean };

function clockAtCall(clockStart: number | null, stage: Stage, calledAt: number): CallClock {
  const serviceWait = clockStart === null ? 0 : Math.max(0, calledAt - clockStart);
  return { clockStart, serviceWait, withinTarget: serviceWait <= stage.targetMinutes * MINUTE };
}

export function serviceClockAtCall(state: QueueState, line: Line, stage: Stage, calledAt: number): CallClock {
  return clockAtCall(clockStartOfHead(state, line, stage), stage, calledAt);
}

/** The clock fixed when a named desk calls the first ticket sent to it. */
export function sentClockAtCall(
  state: QueueState,
  desk: DeskState,
  stage: Stage,
  calledAt: number,
): CallClock {
  return clockAtCall(clockStartAtDesk(state, desk, stage), stage, calledAt);
}

/**
 * The clock of a chosen call: the head's usual clock when it takes the head (`outOfOrder` false); an
 * out-of-order call had someone waiting ahead, so its clock had not started and its wait counts 0.
 */
export function chosenCallClock(
  state: QueueState,
  line: Line,
  stage: Stage,
  calledAt: number,
  outOfOrder: boolean,
): CallClock {
  if (!outOfOrder) return serviceClockAtCall(state, line, stage, calledAt);
  return { clockStart: null, serviceWait: 0, withinTarget: true };
}

/** The clock of a waiting ticket as desks see it: when it started (if it did) and its deadline. */
export function waitingClock(
  state: QueueState,
  line: Line,
  ticketId: string,
  positionInLine: number,
): ServiceClockView {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`unknown ticket ${ticketId}`);
  const stage = currentStage(ticket);
  const startedAt = positionInLine === 0 ? clockStartOfHead(state, line, stage) : null;
  return clockView(stage, startedAt);
}

/** The clock of a ticket waiting for a named desk, at `position` among those sent to it. */
export function sentWaitingClock(
  state: QueueState,
  desk: DeskState,
  stage: Stage,
  position: number,
): ServiceClockView {
  return clockView(stage, position === 0 ? clockStartAtDesk(state, desk, stage) : null);
}

function clockView(stage: Stage, startedAt: number | null): ServiceClockView {
  return {
    startedAt,
    deadline: startedAt === null ? null : startedAt + stage.targetMinutes * MINUTE,
    targetMinutes: stage.targetMinutes,
  };
}
