/**
 * Where an appointment ticket (janji temu) waits among walk-ins. The rule, in one place:
 *
 *   A queue's non-priority tickets wait in order of the time they count from: a walk-in from the moment it
 *   entered the queue, an appointment ticket (first queue of its visit) from its slot time. So at its slot
 *   an appointment goes ahead of every walk-in who came after the slot, and behind those who came before it.
 *
 * Bound for walk-ins: a walk-in is passed only by appointment tickets whose slot is not later than its own
 * entry, and the booking rules allow one appointment per consultant per slot; so no number of appointments
 * made or redeemed after a walk-in has come can delay it (it cannot be starved). Priority tickets
 * (UU 25/2009) still go first. With walk-ins only, the order is exactly the order of entry.
 */
import { currentStage } from './state';
import type { QueueState, Ticket } from './types';

/** The time a waiting ticket counts from in its queue's order. */
export function orderKey(ticket: Ticket): number {
  const stage = currentStage(ticket);
  return ticket.appointmentSlotAt !== undefined && ticket.stages.length === 1
    ? ticket.appointmentSlotAt
    : stage.enteredAt;
}

/** The index at which a ticket with `key` enters a list ordered by key: after every ticket with a key <= its own. */
export function orderIndex(keys: readonly number[], key: number): number {
  let index = keys.length;
  while (index > 0 && (keys[index - 1] as number) > key) index--;
  return index;
}

/** Where a ticket enters a list of a queue's line by the rule above (its index). */
export function placeInOrder(state: QueueState, line: readonly string[], ticket: Ticket): number {
  return placeOfKey(state, line, orderKey(ticket));
}

/** Where a ticket that counts from `key` enters a list of a queue's line by the rule above (its index). */
export function placeOfKey(state: QueueState, line: readonly string[], key: number): number {
  const keys = line.map((id) => {
    const waiting = state.tickets.get(id);
    return waiting ? orderKey(waiting) : Number.NEGATIVE_INFINITY;
  });
  return orderIndex(keys, key);
}

/** Puts a ticket into a queue's non-priority line by the rule above. */
export function enterInOrder(state: QueueState, line: string[], ticket: Ticket): void {
  line.splice(placeInOrder(state, line, ticket), 0, ticket.id);
}
