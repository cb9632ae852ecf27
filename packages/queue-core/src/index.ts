export { decide } from './decide';
export { evolve } from './evolve';
export { ticketAtDesk } from './lookups';
// The rest of clock.ts, desk-park.ts, estimate.ts and state.ts serves decide, evolve and the views only.
export { createState, currentStage, firstChangedStage, ticketStatus } from './state';
export * from './stats';
export * from './types';
export * from './views';
export * from './work-profile';

import { decide } from './decide';
import { evolve } from './evolve';
import type { Command, DomainEvent, QueueState } from './types';

/** decide, then evolve: what the hub does for one command once its events are stored. */
export function execute(state: QueueState, command: Command, now: number): DomainEvent[] {
  const events = decide(state, command, now);
  for (const event of events) evolve(state, event);
  return events;
}
export * from './appointment-order';
export * from './appointments';
export * from './online-clock';
export * from './online-request';
