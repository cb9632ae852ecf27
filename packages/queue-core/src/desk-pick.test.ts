import type { WorkProfile } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { waitingClock } from './clock';
import { evolve } from './evolve';
import { execute } from './index';
import { createState, waitingInOrder } from './state';
import {
  act,
  at,
  call,
  directConfig,
  errorCode,
  MINUTE,
  newState,
  openDesk,
  staffOf,
  stageOf,
  take,
} from './test-helpers';
import type { DomainEvent, QueueState } from './types';
import { ratioCycle } from './work-profile';

const DESK = 'konsultasi-1';

function callChosen(state: QueueState, ticketId: string, now: number, deskId = DESK) {
  const events = execute(
    state,
    { type: 'callChosen', deskId, staffId: staffOf(deskId), ticketId, reason: 'dokumen-siap', note: 'map' },
    now,
  );
  return events.find((e) => e.type === 'ticket.called') as Extract<DomainEvent, { type: 'ticket.called' }>;
}

/** The 10-minute clock a waiting ticket shows now. */
function clockOf(state: QueueState, ticketId: string): number | null {
  const line = state.lines[stageOf(state, ticketId).queue];
  if (!line) throw new Error('no line');
  return waitingClock(state, line, ticketId, waitingInOrder(line).indexOf(ticketId)).startedAt;
}

describe('call a chosen ticket', () => {
  it('calls a ticket behind the head, naming the tickets it overtook, with the reason and note', () => {
    const state = newState(directConfig());
    openDesk(state, DESK);
    const [a, b, c] = [
      take(state, 'konsultasi', at(1)),
      take(state, 'konsultasi', at(2)),
      take(state, 'konsultasi', at(3)),
    ];
    const called = callChosen(state, c, at(4));
    expect(called).toMatchObject({
      ticketId: c,
      deskId: DESK,
      staffId: staffOf(DESK),
      chosen: { reason: 'dokumen-siap', note: 'map', overtook: [a, b] },
    });
    expect(state.desks[DESK]?.current).toBe(c);
    expect(waitingInOrder(state.lines.konsultasi as never)).toEqual([a, b]);
  });

  it.each([
    ['a ticket of a queue the desk does not serve', 'perpustakaan', 'NOT_WAITING_HERE'],
    ['a ticket already called', 'called', 'NOT_WAITING_HERE'],
    ["a ticket that is not today's", 'unknown', 'UNKNOWN_TICKET'],
  ] as const)('refuses %s', (_what, which, code) => {
    const state = newState(directConfig());
    openDesk(state, DESK);
    openDesk(state, 'konsultasi-2');
    const library = take(state, 'perpustakaan', at(1));
    const k = take(state, 'konsultasi', at(1));
    if (which === 'called') call(state, 'konsultasi-2', at(2));
    const ticketId = which === 'perpustakaan' ? library : which === 'called' ? k : '20261125-K999';
    expect(errorCode(() => callChosen(state, ticketId, at(3)))).toBe(code);
  });

  it('refuses while the desk has a ticket, and at a desk another staff member holds', () => {
    const state = newState(directConfig());
    openDesk(state, DESK);
    take(state, 'konsultasi', at(1));
    const second = take(state, 'konsultasi', at(1));
    call(state, DESK, at(2));
    expect(errorCode(() => callChosen(state, second, at(3)))).toBe('DESK_BUSY');
    expect(errorCode(() => callChosen(state, second, at(3), 'konsultasi-2'))).toBe('DESK_NOT_OPEN');
    openDesk(state, 'konsultasi-2', at(3), 'someone');
    expect(errorCode(() => callChosen(state, second, at(4), 'konsultasi-2'))).toBe('DESK_IN_USE');
  });

  it('leaves the overtaken head its clock; the ticket behind the chosen one counts from the last overtaken', () => {
    const state = newState(directConfig());
    openDesk(state, DESK);
    openDesk(state, 'konsultasi-2');
    const first = take(state, 'konsultasi', at(0));
    const [b, c, d, e] = [1, 2, 3, 4].map((m) => take(state, 'konsultasi', at(m))) as [
      string,
      string,
      string,
      string,
    ];
    call(state, DESK, at(5));
    act(state, 'finish', DESK, first, at(10));
    expect(clockOf(state, b)).toBe(at(10));
    // d is chosen past b and c: b's clock still runs from first's finish, c and e have not started.
    const chosen = callChosen(state, d, at(12));
    expect(chosen).toMatchObject({ clockStart: null, serviceWait: 0, withinTarget: true });
    expect(chosen.chosen?.overtook).toEqual([b, c]);
    expect([clockOf(state, b), clockOf(state, c), clockOf(state, e)]).toEqual([at(10), null, null]);
    // d finishing starts nobody's clock: it was behind all of them.
    act(state, 'finish', DESK, d, at(14));
    expect([clockOf(state, b), clockOf(state, c), clockOf(state, e)]).toEqual([at(10), null, null]);
    // b is called in turn (its wait counts from first's finish), then c, then e after c.
    expect(call(state, 'konsultasi-2', at(15))).toBe(b);
    expect(stageOf(state, b)).toMatchObject({ clockStart: at(10), serviceWait: 5 * MINUTE });
    act(state, 'finish', 'konsultasi-2', b, at(20));
    expect(clockOf(state, c)).toBe(at(20));
    expect(call(state, DESK, at(21))).toBe(c);
    expect(clockOf(state, e)).toBeNull();
    act(state, 'finish', DESK, c, at(25));
    expect(clockOf(state, e)).toBe(at(25));
  });

  it('a chosen call of the head is an in-order call: it overtakes nobody and is "ahead" of the next', () => {
    const state = newState(directConfig());
    openDesk(state, DESK);
    const [a, b] = [take(state, 'konsultasi', at(0)), take(state, 'konsultasi', at(1))];
    const called = callChosen(state, a, at(2));
    expect(called).toMatchObject({ clockStart: at(0), serviceWait: 2 * MINUTE, chosen: { overtook: [] } });
    act(state, 'finish', DESK, a, at(6));
    expect(clockOf(state, b)).toBe(at(6));
  });
});

function deskWith(profile: WorkProfile) {
  const state = createState(
    directConfig((config) => {
      const desk = config.desks.find((d) => d.id === DESK);
      if (desk) desk.profile = profile;
    }),
    at(0),
  );
  openDesk(state, DESK);
  return state;
}

/** Calls and finishes `n` tickets at the desk; the services they came from, by prefix. */
function serveNext(state: QueueState, n: number, from = 1): string[] {
  return Array.from({ length: n }, (_, i) => {
    const id = call(state, DESK, at(from + i));
    act(state, 'finish', DESK, id, at(from + i + 0.5));
    return id.slice(9, 10);
  });
}

describe('work profiles', () => {
  it.each([
    [
      [2, 1],
      ['K', 'R', 'K'],
    ],
    [
      [1, 1],
      ['K', 'R'],
    ],
    [
      [3, 1],
      ['K', 'K', 'R', 'K'],
    ],
    [
      [1, 3],
      ['R', 'K', 'R', 'R'],
    ],
  ])('a ratio %j is the cycle %j', (weights, cycle) => {
    const [k, r] = weights as [number, number];
    const slots = ratioCycle(['konsultasi', 'rekomendasi'], { konsultasi: k, rekomendasi: r });
    expect(slots.map((s) => (s === 'konsultasi' ? 'K' : 'R'))).toEqual(cycle);
  });

  it('strict order calls Rekomendasi only once Konsultasi is empty', () => {
    const state = deskWith({ kind: 'order' });
    for (let i = 0; i < 3; i++) take(state, 'rekomendasi', at(0.1));
    for (let i = 0; i < 2; i++) take(state, 'konsultasi', at(0.2));
    expect(serveNext(state, 5)).toEqual(['K', 'K', 'R', 'R', 'R']);
  });

  it('a 2:1 ratio calls two Konsultasi for each Rekomendasi while both wait, then whoever is left', () => {
    const state = deskWith({ kind: 'ratio', weights: { konsultasi: 2, rekomendasi: 1 } });
    for (let i = 0; i < 4; i++) take(state, 'rekomendasi', at(0.1));
    for (let i = 0; i < 4; i++) take(state, 'konsultasi', at(0.2));
    expect(serveNext(state, 8)).toEqual(['K', 'R', 'K', 'K', 'R', 'K', 'R', 'R']);
  });

  it.each([
    [{ kind: 'order' } as const, ['K', 'K', 'R']],
    [{ kind: 'ratio', weights: {} } as const, ['K', 'R', 'K']],
  ])('priority first within each queue; the profile %j picks the queue', (profile, expected) => {
    const state = deskWith(profile);
    take(state, 'konsultasi', at(0.1));
    const priority = take(state, 'konsultasi', at(0.2), true);
    take(state, 'rekomendasi', at(0.3), true);
    const first = call(state, DESK, at(1));
    expect(first).toBe(priority);
    act(state, 'finish', DESK, first, at(1.5));
    expect(['K', ...serveNext(state, 2, 2)]).toEqual(expected);
  });

  it('a chosen call leaves the ratio cursor; the cursor is rebuilt from the stored events', () => {
    const config = directConfig((c) => {
      const desk = c.desks.find((d) => d.id === DESK);
      if (desk) desk.profile = { kind: 'ratio', weights: { konsultasi: 2, rekomendasi: 1 } };
    });
    const state = createState(config, at(0));
    const events: DomainEvent[] = [];
    const run = (command: Parameters<typeof execute>[1], minute: number) =>
      events.push(...execute(state, command, at(minute)));
    const staffId = staffOf(DESK);
    run({ type: 'openDesk', deskId: DESK, staffId }, 0);
    for (const serviceId of ['rekomendasi', 'rekomendasi', 'konsultasi', 'konsultasi'])
      run({ type: 'takeTicket', serviceId, priority: false, source: 'k' }, 0.1);
    run({ type: 'callNext', deskId: DESK, staffId }, 1);
    const k1 = state.desks[DESK]?.current as string;
    expect(k1).toMatch(/-K001$/);
    run({ type: 'finish', deskId: DESK, staffId, ticketId: k1 }, 2);
    // The second Rekomendasi is chosen: the cursor stays on the cycle's R slot.
    const r2 = waitingInOrder(state.lines.rekomendasi as never)[1] as string;
    run({ type: 'callChosen', deskId: DESK, staffId, ticketId: r2, reason: 'janji-temu', note: '' }, 3);
    run({ type: 'finish', deskId: DESK, staffId, ticketId: r2 }, 4);
    expect(state.desks[DESK]?.profileCursor).toBe(1);
    const rebuilt = (JSON.parse(JSON.stringify(events)) as DomainEvent[]).reduce(
      evolve,
      createState(config, at(0)),
    );
    expect(rebuilt).toEqual(state);
    expect(serveNext(rebuilt, 2, 5)).toEqual(['R', 'K']);
  });
});
