import { currentStage } from './state';
import type { Line, QueueState, Stage } from './types';

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
  if (!line.lastCalled) return stage.enteredAt;
  const ahead = state.tickets.get(line.lastCalled.ticketId)?.stages[line.lastCalled.stage];
  if (!ahead || ahead.endedAt === null) return null;
  return Math.max(stage.enteredAt, ahead.endedAt);
}

export function serviceClockAtCall(
  state: QueueState,
  line: Line,
  stage: Stage,
  calledAt: number,
): { clockStart: number | null; serviceWait: number; withinTarget: boolean } {
  const clockStart = clockStartOfHead(state, line, stage);
  const serviceWait = clockStart === null ? 0 : Math.max(0, calledAt - clockStart);
  return { clockStart, serviceWait, withinTarget: serviceWait <= stage.targetMinutes * MINUTE };
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
): { clockStart: number | null; serviceWait: number; withinTarget: boolean } {
  if (!outOfOrder) return serviceClockAtCall(state, line, stage, calledAt);
  return { clockStart: null, serviceWait: 0, withinTarget: true };
}

/** The clock of a waiting ticket as desks see it: when it started (if it did) and its deadline. */
export function waitingClock(
  state: QueueState,
  line: Line,
  ticketId: string,
  positionInLine: number,
): { startedAt: number | null; deadline: number | null; targetMinutes: number } {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`unknown ticket ${ticketId}`);
  const stage = currentStage(ticket);
  const startedAt = positionInLine === 0 ? clockStartOfHead(state, line, stage) : null;
  return {
    startedAt,
    deadline: startedAt === null ? null : startedAt + stage.targetMinutes * MINUTE,
    targetMinutes: stage.targetMinutes,
  };
}
