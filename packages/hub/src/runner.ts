import {
  type Command,
  createState,
  type DomainEvent,
  decide,
  evolve,
  type QueueState,
} from '@pst/queue-core';
import type { Store } from './storage/store';

/**
 * Runs domain commands against the day's state: decide, apply, store in one transaction. If the
 * transaction fails, the state is rebuilt from storage so memory never runs ahead of the disk.
 */
export class QueueRunner {
  state: QueueState;

  constructor(
    private readonly store: Store,
    private readonly clock: () => number,
  ) {
    this.state = this.load();
    // A turn whose commit failed took its commands with it: memory follows the disk again.
    store.onBatchLost = () => {
      this.state = this.load();
    };
  }

  /** Rebuilds the last open day from the event log, then ends it if the office day has changed since. */
  private load(): QueueState {
    const events = this.store.openDayEvents();
    const first = events[0];
    const state = createState(this.store.queueConfig(), first ? first.at : this.clock());
    for (const event of events) evolve(state, event);
    return state;
  }

  /** `alsoWrite` writes rows of the same command in its transaction; it sees the events decided. */
  execute(command: Command, actor: string, alsoWrite?: (events: DomainEvent[]) => void): DomainEvent[] {
    const events = decide(this.state, command, this.clock());
    if (events.length === 0) return events;
    for (const event of events) evolve(this.state, event);
    try {
      this.store.commit(events, this.state, actor, alsoWrite && (() => alsoWrite(events)));
    } catch (error) {
      this.state = this.load();
      throw error;
    }
    return events;
  }
}
