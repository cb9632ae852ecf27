import { FRONT_OFFICE_QUEUE } from '@pst/shared';
import type { QueueState } from './types';

const MINUTE = 60_000;

/**
 * Minutes a visitor with `peopleAhead` waiting before them can expect to wait: those ahead times the
 * queue's recent mean service time (or the configured typical time early in the day), shared by the
 * desks open for that queue (at least one, so a closed queue still gets a figure).
 */
export function estimateWaitMinutes(state: QueueState, queue: string, peopleAhead: number): number {
  if (peopleAhead <= 0) return 0;
  const line = state.lines[queue];
  const recent = line?.recentServiceMs ?? [];
  const meanMinutes =
    recent.length > 0
      ? recent.reduce((a, b) => a + b, 0) / recent.length / MINUTE
      : typicalMinutes(state, queue);
  const openDesks = state.config.desks.filter(
    (d) =>
      state.desks[d.id]?.status === 'open' &&
      (queue === FRONT_OFFICE_QUEUE ? d.kind === 'front-office' : d.services.includes(queue)),
  ).length;
  return Math.ceil((peopleAhead * Math.max(1, meanMinutes)) / Math.max(1, openDesks));
}

function typicalMinutes(state: QueueState, queue: string): number {
  if (queue === FRONT_OFFICE_QUEUE) return state.config.office.frontOfficeTypicalMinutes;
  return state.config.services.find((s) => s.id === queue)?.typicalServiceMinutes ?? 10;
}
