import { DEFAULT_CONFIG, FRONT_OFFICE_QUEUE } from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { evolve } from './evolve';
import { createState, currentStage, deskQueues, ticketStatus } from './state';
import type { SharedAction } from './test-helpers';
import {
  DESKS,
  expectTallyCounted,
  playActions,
  SERVICES,
  sharedActions,
  sharedCommand,
  staffOf,
} from './test-helpers';
import type { Command, DomainEvent, QueueState, Ticket } from './types';

const T0 = Date.UTC(2026, 10, 25, 1, 0); // 08:00 WIB
type Action =
  | SharedAction
  | { kind: 'move'; desk: number; service: number; op: 'transfer' | 'forward' }
  | { kind: 'cancel'; pick: number };

/** The longest wait between actions, but for one across midnight now and then. */
const WAIT_MS = 15 * 60_000;
const action: fc.Arbitrary<Action> = fc.oneof(
  ...sharedActions(
    [4, ['open', 'call', 'call', 'call', 'call', 'call', 'pause', 'resume', 'close']],
    [4, ['recall', 'noShow', 'start', 'finish', 'finish']],
    WAIT_MS,
  ),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move' as const),
      desk: fc.nat(3),
      service: fc.nat(3),
      op: fc.constantFrom('transfer', 'forward'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(50) }) },
);

function toCommand(state: QueueState, a: Action): Command | null {
  switch (a.kind) {
    case 'move': {
      const deskId = DESKS[a.desk] as string;
      const ticketId = state.desks[deskId]?.current;
      if (!ticketId) return null;
      const serviceId = SERVICES[a.service] as string;
      return a.op === 'transfer'
        ? { type: 'transfer', deskId, staffId: staffOf(deskId), ticketId, serviceId, note: 'lanjut' }
        : {
            type: 'forward',
            deskId,
            staffId: staffOf(deskId),
            ticketId,
            serviceId,
            guestBookId: `gb-${ticketId}`,
          };
    }
    case 'cancel': {
      const ids = [...state.tickets.keys()];
      const ticketId = ids[a.pick % Math.max(1, ids.length)];
      return ticketId ? { type: 'cancel', ticketId, staffId: 'fo', reason: 'pulang' } : null;
    }
    default:
      return sharedCommand(state, a);
  }
}

/** A ticket's call-order key within one queue: priority first, then the earliest to enter. */
function precedes(a: Ticket, b: Ticket): boolean {
  if (a.priority !== b.priority) return a.priority;
  return currentStage(a).enteredAt < currentStage(b).enteredAt;
}

/** Independent of the lines: which waiting tickets a desk may call, from the tickets alone. */
function checkCallOrder(state: QueueState, event: Extract<DomainEvent, { type: 'ticket.called' }>) {
  const called = state.tickets.get(event.ticketId) as Ticket;
  const queues = deskQueues(state.config, event.deskId);
  const calledQueue = currentStage(called).queue;
  const rank = queues.indexOf(calledQueue);
  expect(rank, 'a desk only calls from its own queues').toBeGreaterThanOrEqual(0);
  for (const other of state.tickets.values()) {
    if (other.id === called.id || ticketStatus(other) !== 'waiting') continue;
    const q = queues.indexOf(currentStage(other).queue);
    if (q < 0) continue;
    expect(q < rank, `${other.number} waits in an earlier queue of ${event.deskId}`).toBe(false);
    if (q === rank)
      expect(precedes(other, called), `${other.number} should be called before ${called.number}`).toBe(false);
  }
}

function checkOneState(state: QueueState) {
  const inLines = new Map<string, number>();
  for (const line of Object.values(state.lines)) {
    for (const id of [...line.priority, ...line.normal]) inLines.set(id, (inLines.get(id) ?? 0) + 1);
  }
  const atDesks = new Map<string, number>();
  for (const desk of Object.values(state.desks)) {
    if (desk.current) atDesks.set(desk.current, (atDesks.get(desk.current) ?? 0) + 1);
    if (desk.current) expect(desk.status).not.toBe('closed');
  }
  for (const ticket of state.tickets.values()) {
    const status = ticketStatus(ticket);
    const lines = inLines.get(ticket.id) ?? 0;
    const desks = atDesks.get(ticket.id) ?? 0;
    expect({ id: ticket.id, status, lines, desks }).toEqual({
      id: ticket.id,
      status,
      lines: status === 'waiting' ? 1 : 0,
      desks: status === 'called' || status === 'serving' ? 1 : 0,
    });
    // Only the last stage may be open; earlier ones ended by a move.
    for (const stage of ticket.stages.slice(0, -1))
      expect(['forwarded', 'transferred']).toContain(stage.outcome);
  }
  for (const id of [...inLines.keys(), ...atDesks.keys()]) expect(state.tickets.has(id)).toBe(true);
  expectTallyCounted(state);
}

function checkNumbering(events: DomainEvent[]) {
  const seqs = new Map<string, number[]>();
  for (const e of events) {
    if (e.type !== 'ticket.issued') continue;
    const key = `${e.day}/${e.serviceId}`;
    seqs.set(key, [...(seqs.get(key) ?? []), Number(e.number.slice(2))]);
  }
  for (const [key, list] of seqs) {
    expect(list, `numbers of ${key}`).toEqual(list.map((_, i) => i + 1));
  }
  const ids = events.flatMap((e) => (e.type === 'ticket.issued' ? [e.ticketId] : []));
  expect(new Set(ids).size).toBe(ids.length);
}

/** The office opens every desk in the morning; after a midnight it does so again before the day goes on. */
const openAll: Action[] = DESKS.map((_, desk) => ({ kind: 'desk', desk, op: 'open' }));

function play(actions: Action[]) {
  const state = createState(DEFAULT_CONFIG, T0);
  const log: DomainEvent[] = [];
  playActions(
    state,
    [...openAll, ...actions],
    T0,
    (a) => toCommand(state, a),
    (events) => {
      const again: Action[] = [];
      for (const event of events) {
        if (event.type === 'ticket.called') checkCallOrder(state, event);
        evolve(state, event);
        log.push(event);
        if (event.type === 'day.ended') again.push(...openAll);
      }
      checkOneState(state);
      return again;
    },
  );
  return { state, log };
}

describe('queue-core invariants over random days', () => {
  const runs = Number(process.env.PROPERTY_RUNS ?? 100);

  it('numbers are unique and gap-free per service per day; a ticket is in one state; calls keep the order', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 50, maxLength: 300, size: 'max' }), (actions) => {
        const { log } = play(actions);
        checkNumbering(log);
      }),
      { numRuns: runs },
    );
  });

  it('the state rebuilt from the stored (JSON) event list equals the live state', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 50, maxLength: 300, size: 'max' }), (actions) => {
        const { state, log } = play(actions);
        const stored = JSON.parse(JSON.stringify(log)) as DomainEvent[];
        const rebuilt = stored.reduce(evolve, createState(DEFAULT_CONFIG, T0));
        expect(rebuilt).toEqual(state);
      }),
      { numRuns: runs },
    );
  });

  it('a refused command changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 20, maxLength: 150, size: 'max' }),
        action,
        (actions, last) => {
          const { state } = play(actions);
          const command = toCommand(state, last);
          if (!command) return;
          const before = structuredClone(state);
          try {
            decide(state, command, T0 + 40 * 86_400_000);
          } catch {
            /* refusals are expected */
          }
          expect(state).toEqual(before);
        },
      ),
      { numRuns: runs },
    );
  });

  it('front-office tickets only reach a service queue by a forward', () => {
    const { state } = play([
      { kind: 'take', service: 0, priority: false },
      { kind: 'desk', desk: 1, op: 'open' },
      { kind: 'desk', desk: 1, op: 'call' },
    ]);
    const ticket = [...state.tickets.values()][0] as Ticket;
    expect(currentStage(ticket).queue).toBe(FRONT_OFFICE_QUEUE);
    expect(ticketStatus(ticket)).toBe('waiting');
  });
});
