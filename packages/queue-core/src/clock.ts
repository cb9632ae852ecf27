import { currentStage } from './state';
import type { Line, QueueState, Stage } from './types';

const MINUTE = 60_000;

/**
 * The service target of DOMAIN.md: a visitor is served at most `target` minutes after the visitor
 * directly ahead in the same queue has finished. Calls within a queue always take its head, so the
 * stage called last is the one directly ahead of the head; everyone behind the head waits on a
 * ticket that has not even been called, so their clock has not started.
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
