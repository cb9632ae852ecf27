/**
 * Which queue a desk calls next: the desk's work profile (issue 20), the rule in one place.
 *
 * 1. Eligible: every queue of the desk with someone waiting.
 * 2. Among the eligible queues the profile chooses:
 *    - `order` (the default): the first eligible queue in the desk's configured order, so a later queue
 *      is called only when every earlier one is empty (Konsultasi, then Rekomendasi), as DOMAIN.md words
 *      a desk's call order;
 *    - `ratio`: weighted round-robin over a fixed cycle of W = sum of the weights slots (smoothly
 *      interleaved: 2:1 gives K, R, K). The desk keeps a cursor in the cycle; a call takes the first slot
 *      from the cursor whose queue is eligible, and moves the cursor just past it.
 * 3. Within the chosen queue, its head: priority tickets first (UU 25/2009 pasal 29, perlakuan khusus),
 *    then by entry or appointment time (the line's order, appointment-order.ts).
 *
 * Starvation bound of `ratio`: the cursor moves forward by at least one slot per call and can only pass
 * a queue's slot by calling it, so a queue that keeps someone waiting is called within W of the desk's
 * "call next" calls (at most W - weight calls pass it); a priority ticket at the head of such a queue
 * waits no longer. With every queue busy, each W calls follow the ratio exactly. A chosen call
 * (call-chosen) is outside the profile and leaves the cursor where it is.
 */
import type { WorkProfile } from '@pst/shared';
import { deskConfig } from './lookups';
import { deskQueues, waitingInOrder } from './state';
import type { QueueState } from './types';

/** The cycle of a ratio profile: each service `weight` times, interleaved (smooth weighted round-robin). */
export function ratioCycle(services: readonly string[], weights: Record<string, number>): string[] {
  const weightOf = (s: string) => weights[s] ?? 1;
  const total = services.reduce((sum, s) => sum + weightOf(s), 0);
  const current = services.map(() => 0);
  const cycle: string[] = [];
  for (let slot = 0; slot < total; slot++) {
    let best = 0;
    services.forEach((s, i) => {
      current[i] = (current[i] as number) + weightOf(s);
      if ((current[i] as number) > (current[best] as number)) best = i;
    });
    current[best] = (current[best] as number) - total;
    cycle.push(services[best] as string);
  }
  return cycle;
}

function deskProfile(state: QueueState, deskId: string): WorkProfile {
  return deskConfig(state, deskId).profile ?? { kind: 'order' };
}

/** The queue a desk's "call next" takes its ticket from, and the ratio slot used; null when nobody waits. */
export function nextQueue(state: QueueState, deskId: string): { queue: string; slot: number | null } | null {
  const queues = deskQueues(state.config, deskId);
  const eligible = new Set(
    queues.filter((q) => {
      const line = state.lines[q];
      return !!line && waitingInOrder(line).length > 0;
    }),
  );
  if (eligible.size === 0) return null;
  const profile = deskProfile(state, deskId);
  if (profile.kind === 'order') {
    const queue = queues.find((q) => eligible.has(q)) as string;
    return { queue, slot: null };
  }
  const cycle = ratioCycle(queues, profile.weights);
  const cursor = state.desks[deskId]?.profileCursor ?? 0;
  for (let step = 0; step < cycle.length; step++) {
    const slot = (cursor + step) % cycle.length;
    const queue = cycle[slot] as string;
    if (eligible.has(queue)) return { queue, slot };
  }
  // Every queue of the desk has a slot, so an eligible one is always found above.
  throw new Error(`desk ${deskId}: no slot for an eligible queue`);
}
