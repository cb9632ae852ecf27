export {
  chosenCallClock,
  clockStartOfHead,
  sentClockAtCall,
  sentWaitingClock,
  serviceClockAtCall,
  waitingClock,
} from './clock';
export { decide } from './decide';
export { dueEvents, previousQueue } from './desk-park';
export { estimateWaitMinutes } from './estimate';
export { evolve } from './evolve';
export { ticketAtDesk } from './lookups';
export {
  createState,
  currentStage,
  deskQueues,
  queueIds,
  resetDay,
  ticketIdFor,
  ticketNumber,
  ticketStatus,
  waitingInOrder,
} from './state';
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
