/**
 * Property tests of issue 20, part 1: chosen (out-of-order) calls and work profiles, over random days of
 * take / call next / call chosen / start / finish / no-show. The test keeps its own model of every line
 * and of every call, and checks each call against the rules as the standard and docs/protocol.md word them:
 *
 * - the 10-minute clock of a ticket called as the head starts at the end of the visitor directly ahead:
 *   the latest in-order call from its queue (a call that took the head of the line, by the test's own
 *   line), and never before its own entry; none yet: its own entry. A ticket called out of order had
 *   someone waiting ahead, so its clock had not started (wait 0);
 * - an out-of-order call leaves the clock of every ticket still waiting in its queue as it was;
 * - "call next" takes the head of the queue the work profile picks (priority first within a queue):
 *   `order` never passes a queue with someone waiting, `ratio` calls a queue that keeps someone waiting
 *   within W = sum of the weights calls (at most W - weight misses);
 * - numbers stay gap-free and unique, and no ticket is at two desks or called while at one.
 */
import { CALL_REASONS, DEFAULT_CONFIG, type QueueConfig, type WorkProfile } from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitingClock } from './clock';
import { decide } from './decide';
import { evolve } from './evolve';
import { createState, currentStage, deskQueues, ticketNumber, waitingInOrder } from './state';
import { type Command, DomainError, type DomainEvent, type QueueState, type Ticket } from './types';
import { ratioCycle } from './work-profile';

const T0 = Date.UTC(2026, 10, 25, 1, 0); // 08:00 WIB
const SERVICES = DEFAULT_CONFIG.services.map((s) => s.id);
const DESKS = ['konsultasi-1', 'konsultasi-2', 'perpustakaan-1'];
const staffOf = (deskId: string) => `staff-${deskId}`;

type Action =
  | { kind: 'take'; service: number; priority: boolean }
  | { kind: 'next'; desk: number }
  | { kind: 'chosen'; desk: number; pick: number; reason: number }
  | { kind: 'start' | 'finish' | 'noShow'; desk: number }
  | { kind: 'wait'; ms: number };

const desk = fc.nat(DESKS.length - 1);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('take' as const),
      service: fc.nat(SERVICES.length - 1),
      priority: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('next' as const), desk }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('chosen' as const),
      desk,
      pick: fc.nat(40),
      reason: fc.nat(CALL_REASONS.length - 1),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('start' as const, 'finish' as const, 'noShow' as const),
      desk,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.integer({ min: 0, max: 10 * 60_000 }),
    }),
  },
);

const profile: fc.Arbitrary<WorkProfile> = fc.oneof(
  fc.constant({ kind: 'order' as const }),
  fc
    .record({ a: fc.integer({ min: 1, max: 4 }), b: fc.integer({ min: 1, max: 4 }) })
    .map(({ a, b }) => ({ kind: 'ratio' as const, weights: { a, b } })),
);

/** The default office without the front-office step, each service desk with its own profile. */
function configWith(profiles: WorkProfile[]): QueueConfig {
  const config = structuredClone(DEFAULT_CONFIG);
  config.office.frontOfficeFirst = false;
  DESKS.forEach((deskId, i) => {
    const d = config.desks.find((x) => x.id === deskId);
    const p = profiles[i];
    if (!d || !p) return;
    // The arbitrary's weights a/b stand for the desk's first and second service.
    d.profile =
      p.kind === 'order'
        ? p
        : {
            kind: 'ratio',
            weights: {
              [d.services[0] as string]: p.weights.a ?? 1,
              [d.services[1] as string]: p.weights.b ?? 1,
            },
          };
  });
  return config;
}

interface Waiting {
  id: string;
  priority: boolean;
  enteredAt: number;
}
interface CallRecord {
  ticketId: string;
  overtook: string[];
  /** The ticket was the head of the test's own line when called. */
  inOrder: boolean;
}

/** The test's own picture of the day, built from the events alone. */
class Model {
  lines = new Map<string, { priority: Waiting[]; normal: Waiting[] }>();
  calls = new Map<string, CallRecord[]>();
  endedAt = new Map<string, number>();
  queueOf = new Map<string, string>();
  atDesk = new Map<string, string>();
  issued = new Map<string, number>();
  /** Per desk and queue: "call next" calls at the desk that passed the queue while it was eligible. */
  misses = new Map<string, number>();

  line(queue: string) {
    let line = this.lines.get(queue);
    if (!line) {
      line = { priority: [], normal: [] };
      this.lines.set(queue, line);
    }
    return line;
  }

  order(queue: string): Waiting[] {
    const line = this.line(queue);
    return [...line.priority, ...line.normal];
  }

  /** The queues of a desk that "call next" may take from: those with someone waiting. */
  eligible(config: QueueConfig, deskId: string): string[] {
    return deskQueues(config, deskId).filter((q) => this.order(q).length > 0);
  }
}

function toCommand(state: QueueState, a: Action): Command | null {
  if (a.kind === 'take')
    return {
      type: 'takeTicket',
      serviceId: SERVICES[a.service] as string,
      priority: a.priority,
      source: 'k',
    };
  if (a.kind === 'wait') return null;
  const deskId = DESKS[a.desk] as string;
  const staffId = staffOf(deskId);
  if (a.kind === 'next') return { type: 'callNext', deskId, staffId };
  if (a.kind === 'chosen') {
    // Any waiting ticket of the day, also of queues the desk does not serve (those are refused).
    const waiting = Object.values(state.lines).flatMap(waitingInOrder);
    const ticketId = waiting[a.pick % Math.max(1, waiting.length)];
    if (!ticketId) return null;
    const reason = CALL_REASONS[a.reason] as (typeof CALL_REASONS)[number];
    return { type: 'callChosen', deskId, staffId, ticketId, reason, note: 'catatan' };
  }
  const ticketId = state.desks[deskId]?.current;
  if (!ticketId) return null;
  return { type: a.kind, deskId, staffId, ticketId };
}

/** The clocks of the tickets still waiting in a queue, by ticket id. */
function clocksOf(state: QueueState, queue: string): Map<string, number | null> {
  const line = state.lines[queue];
  if (!line) return new Map();
  return new Map(waitingInOrder(line).map((id, i) => [id, waitingClock(state, line, id, i).startedAt]));
}

function checkCall(
  state: QueueState,
  model: Model,
  command: Command,
  event: Extract<DomainEvent, { type: 'ticket.called' }>,
) {
  const ticket = state.tickets.get(event.ticketId);
  if (!ticket) throw new Error('called an unknown ticket');
  const queue = currentStage(ticket).queue;
  const order = model.order(queue);
  const index = order.findIndex((w) => w.id === event.ticketId);
  expect(index, `${ticket.number} was waiting in ${queue}`).toBeGreaterThanOrEqual(0);
  expect([...model.atDesk.values()], 'not called while at a desk').not.toContain(event.ticketId);
  expect(deskQueues(state.config, event.deskId)).toContain(queue);
  const me = order[index] as Waiting;

  if (command.type === 'callChosen') {
    expect(event.chosen?.overtook).toEqual(order.slice(0, index).map((w) => w.id));
    expect(event.chosen?.reason).toBe(command.reason);
  } else {
    expect(index, '"call next" takes the head of a queue').toBe(0);
    checkProfile(state.config, model, event.deskId, queue, me.priority, event.profileSlot);
  }

  // The clock, by the rule of clock.ts, from the model alone.
  let expected: number | null;
  if (index > 0) expected = null;
  else {
    const ahead = (model.calls.get(queue) ?? []).filter((c) => c.inOrder).at(-1);
    if (!ahead) expected = me.enteredAt;
    else {
      const end = model.endedAt.get(ahead.ticketId);
      expected = end === undefined ? null : Math.max(me.enteredAt, end);
    }
  }
  expect(event.clockStart, `clock of ${ticket.number}`).toBe(expected);
  if (event.clockStart !== null) {
    expect(event.clockStart).toBeGreaterThanOrEqual(me.enteredAt);
    expect(event.clockStart).toBeLessThanOrEqual(event.at);
  }
  expect(event.serviceWait).toBe(expected === null ? 0 : event.at - expected);
}

function checkProfile(
  config: QueueConfig,
  model: Model,
  deskId: string,
  calledQueue: string,
  calledPriority: boolean,
  slot: number | undefined,
) {
  const queues = deskQueues(config, deskId);
  const eligible = model.eligible(config, deskId);
  expect(calledPriority, 'priority tickets first in their queue').toBe(
    model.line(calledQueue).priority.length > 0,
  );
  expect(eligible).toContain(calledQueue);
  const profile = config.desks.find((d) => d.id === deskId)?.profile ?? { kind: 'order' };
  if (profile.kind === 'order') {
    expect(calledQueue, 'strict order: the first queue with someone waiting').toBe(eligible[0]);
    expect(slot).toBeUndefined();
    return;
  }
  const total = queues.reduce((sum, q) => sum + (profile.weights[q] ?? 1), 0);
  expect(ratioCycle(queues, profile.weights)[slot as number]).toBe(calledQueue);
  for (const q of queues) {
    const key = `${deskId}/${q}`;
    const missed = eligible.includes(q) && q !== calledQueue ? (model.misses.get(key) ?? 0) + 1 : 0;
    model.misses.set(key, missed);
    expect(missed, `${q} passed over at ${deskId}`).toBeLessThanOrEqual(total - (profile.weights[q] ?? 1));
  }
}

function apply(model: Model, event: DomainEvent) {
  switch (event.type) {
    case 'ticket.issued': {
      const n = (model.issued.get(event.serviceId) ?? 0) + 1;
      model.issued.set(event.serviceId, n);
      const prefix = event.number.slice(0, 1);
      expect(event.number, 'gap-free numbers').toBe(ticketNumber(prefix, n));
      const line = model.line(event.queue);
      (event.priority ? line.priority : line.normal).push({
        id: event.ticketId,
        priority: event.priority,
        enteredAt: event.at,
      });
      model.queueOf.set(event.ticketId, event.queue);
      return;
    }
    case 'ticket.called': {
      const queue = model.queueOf.get(event.ticketId) as string;
      const inOrder = model.order(queue)[0]?.id === event.ticketId;
      const line = model.line(queue);
      line.priority = line.priority.filter((w) => w.id !== event.ticketId);
      line.normal = line.normal.filter((w) => w.id !== event.ticketId);
      const calls = model.calls.get(queue) ?? [];
      calls.push({ ticketId: event.ticketId, overtook: event.chosen?.overtook ?? [], inOrder });
      model.calls.set(queue, calls);
      model.atDesk.set(event.deskId, event.ticketId);
      return;
    }
    case 'ticket.finished':
    case 'ticket.no-show':
      model.endedAt.set(event.ticketId, event.at);
      model.atDesk.delete(event.deskId);
      return;
    default:
      return;
  }
}

function play(config: QueueConfig, actions: Action[]) {
  const state = createState(config, T0);
  const model = new Model();
  let now = T0;
  const opening: Command[] = DESKS.map((deskId) => ({ type: 'openDesk', deskId, staffId: staffOf(deskId) }));
  for (const command of opening) for (const e of decide(state, command, now)) evolve(state, e);
  let chosenCalls = 0;
  for (const a of actions) {
    if (a.kind === 'wait') {
      now += a.ms;
      continue;
    }
    now += 1000;
    const command = toCommand(state, a);
    if (!command) continue;
    // A no-show needs one recall first: the test recalls, then marks.
    if (command.type === 'noShow' && state.tickets.get(command.ticketId)?.stages.at(-1)?.recalls === 0) {
      try {
        for (const e of decide(state, { ...command, type: 'recall' }, now)) evolve(state, e);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
      }
    }
    const queue =
      command.type === 'callChosen'
        ? currentStage(state.tickets.get(command.ticketId) as Ticket).queue
        : null;
    const before = command.type === 'callChosen' && queue ? clocksOf(state, queue) : null;
    let events: DomainEvent[];
    try {
      events = decide(state, command, now);
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      if (queue && command.type === 'callChosen') {
        const served = deskQueues(state.config, command.deskId).includes(queue);
        const busy = !!state.desks[command.deskId]?.current;
        if (!served && !busy) expect((error as DomainError).code).toBe('NOT_WAITING_HERE');
      }
      continue;
    }
    for (const event of events) {
      expect(event.type, 'the day does not end in these runs').not.toBe('day.ended');
      if (event.type === 'ticket.called') checkCall(state, model, command, event);
      evolve(state, event);
      apply(model, event);
    }
    if (before && queue) {
      chosenCalls++;
      // Every ticket still waiting in the queue keeps the clock it had (overtaken or behind).
      const after = clocksOf(state, queue);
      for (const [id, startedAt] of after)
        expect(startedAt, `clock of ${id} after a chosen call`).toBe(before.get(id));
    }
    const current = Object.values(state.desks).flatMap((d) => (d.current ? [d.current] : []));
    expect(new Set(current).size, 'no ticket at two desks').toBe(current.length);
  }
  return { state, chosenCalls };
}

describe('chosen calls and work profiles over random days', () => {
  const runs = Number(process.env.PROPERTY_RUNS ?? 100);
  const days = fc.array(action, { minLength: 30, maxLength: 200, size: 'max' });

  it('clocks follow the rule of clock.ts, overtaken tickets keep theirs, numbers and calls stay right', () => {
    fc.assert(
      fc.property(fc.array(profile, { minLength: 3, maxLength: 3 }), days, (profiles, actions) => {
        play(configWith(profiles), actions);
      }),
      { numRuns: runs },
    );
  });

  it('with busy queues, ratio desks keep the bound of W calls and strict desks never pass a queue', () => {
    // Mostly takes and calls, so that queues stay non-empty and the profile decides most calls.
    const busy = fc.array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.record({
            kind: fc.constant('take' as const),
            service: fc.constantFrom(0, 3),
            priority: fc.constant(false),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('take' as const),
            service: fc.constantFrom(0, 3),
            priority: fc.boolean(),
          }),
        },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('next' as const), desk: fc.constant(0) }) },
        { weight: 3, arbitrary: fc.record({ kind: fc.constant('finish' as const), desk: fc.constant(0) }) },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('chosen' as const),
            desk: fc.constant(0),
            pick: fc.nat(40),
            reason: fc.constant(0),
          }),
        },
      ),
      { minLength: 50, maxLength: 300, size: 'max' },
    );
    fc.assert(
      fc.property(profile, busy, (p, actions) => {
        play(configWith([p, { kind: 'order' }, { kind: 'order' }]), actions);
      }),
      { numRuns: runs },
    );
  });
});
