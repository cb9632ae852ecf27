import { FRONT_OFFICE_QUEUE } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { evolve } from './evolve';
import { execute } from './index';
import {
  act,
  at,
  call,
  configWith,
  directConfig,
  forward,
  MINUTE,
  newState,
  openDesk,
  staffOf,
  stageOf,
  take,
  ticketOf,
  transfer,
  wib,
} from './test-helpers';
import type { QueueState } from './types';
import { callViews } from './views';

const K1 = '20261125-K001';
const K2 = '20261125-K002';
const K3 = '20261125-K003';

/** Direct config, konsultasi-1 open at 09:00. */
function directDay(): QueueState {
  const state = newState(directConfig());
  openDesk(state, 'konsultasi-1');
  return state;
}

describe('ticket.issued', () => {
  it('creates the ticket with one waiting stage in its first queue', () => {
    const state = newState();
    take(state, 'konsultasi', at(3), true);
    expect(ticketOf(state, K1)).toEqual({
      id: K1,
      day: '2026-11-25',
      number: 'K-001',
      serviceId: 'konsultasi',
      priority: true,
      issuedAt: at(3),
      source: 'kiosk-1',
      guestBookId: null,
      ratingId: null,
      stages: [expect.anything()],
    });
    // The waiting stage: its queue, since when and its target; nothing has happened to it yet, so
    // every other field (call, desk, start, end, outcome, clock, park, desk it waits for) is empty.
    const { queue, enteredAt, targetMinutes, recalls, note, parkedMs, serviceParkedMs, ...untouched } =
      stageOf(state, K1);
    expect({ queue, enteredAt, targetMinutes }).toEqual({
      queue: FRONT_OFFICE_QUEUE,
      enteredAt: at(3),
      targetMinutes: 10,
    });
    expect({ recalls, note, parkedMs, serviceParkedMs }).toEqual({
      recalls: 0,
      note: '',
      parkedMs: 0,
      serviceParkedMs: 0,
    });
    for (const [field, value] of Object.entries(untouched)) expect(value, field).toBeNull();
    expect(state.lastSeq).toEqual({ konsultasi: 1 });
  });

  it('puts priority tickets and the others in their own lists, in arrival order', () => {
    const state = newState(directConfig());
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1), true);
    take(state, 'konsultasi', at(2));
    take(state, 'perpustakaan', at(3));
    expect(state.lines.konsultasi).toMatchObject({ priority: [K2], normal: [K1, K3] });
    expect(state.lines.perpustakaan).toMatchObject({ priority: [], normal: ['20261125-P001'] });
    expect(state.lastSeq).toEqual({ konsultasi: 3, perpustakaan: 1 });
  });
});

describe('calls and recalls', () => {
  it('a call takes the ticket out of the line and puts it at the desk', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    call(state, 'konsultasi-1', at(4));
    expect(state.lines.konsultasi).toMatchObject({ normal: [K2], lastCalled: { ticketId: K1, stage: 0 } });
    expect(state.desks['konsultasi-1']).toMatchObject({ status: 'open', current: K1 });
    expect(stageOf(state, K1)).toMatchObject({
      calledAt: at(4),
      lastCalledAt: at(4),
      deskId: 'konsultasi-1',
      staffId: staffOf('konsultasi-1'),
      clockStart: at(0),
      serviceWait: 4 * MINUTE,
      withinTarget: true,
    });
    expect(state.recentCalls).toEqual([{ ticketId: K1, deskId: 'konsultasi-1', at: at(4), recall: 0 }]);
  });

  it('a recall counts, moves lastCalledAt and is announced again; the first call time stays', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    act(state, 'recall', 'konsultasi-1', K1, at(2));
    act(state, 'recall', 'konsultasi-1', K1, at(3));
    expect(stageOf(state, K1)).toMatchObject({ calledAt: at(1), lastCalledAt: at(3), recalls: 2 });
    expect(state.recentCalls.map((c) => [c.at, c.recall])).toEqual([
      [at(3), 2],
      [at(2), 1],
      [at(1), 0],
    ]);
  });

  it('keeps the 24 latest calls, newest first (the board lists 12 of those that stand)', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    for (let i = 1; i <= 26; i++) act(state, 'recall', 'konsultasi-1', K1, at(1 + i));
    expect(state.recentCalls.map((c) => c.recall)).toEqual(Array.from({ length: 24 }, (_, i) => 26 - i));
    expect(callViews(state).map((c) => c.recall)).toEqual(Array.from({ length: 12 }, (_, i) => 26 - i));
  });
});

describe('ending a stage', () => {
  it('finish ends the stage, frees the desk, counts it as served and notes the service time', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    act(state, 'start', 'konsultasi-1', K1, at(2));
    act(state, 'finish', 'konsultasi-1', K1, at(14));
    expect(stageOf(state, K1)).toMatchObject({ startedAt: at(2), endedAt: at(14), outcome: 'finished' });
    expect(state.desks['konsultasi-1']).toMatchObject({ current: null, servedToday: 1 });
    expect(state.lines.konsultasi?.recentServiceMs).toEqual([12 * MINUTE]);
  });

  it('a stage finished without start counts its service from the call', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    act(state, 'finish', 'konsultasi-1', K1, at(6));
    expect(stageOf(state, K1)).toMatchObject({ calledAt: at(1), startedAt: at(1), endedAt: at(6) });
    expect(state.lines.konsultasi?.recentServiceMs).toEqual([5 * MINUTE]);
  });

  it('keeps the 10 latest service times of a queue', () => {
    const state = directDay();
    for (let i = 1; i <= 12; i++) {
      const id = take(state, 'konsultasi', at(10 * i));
      call(state, 'konsultasi-1', at(10 * i));
      act(state, 'finish', 'konsultasi-1', id, at(10 * i + i));
    }
    expect(state.lines.konsultasi?.recentServiceMs).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => m * MINUTE),
    );
    expect(state.desks['konsultasi-1']?.servedToday).toBe(12);
  });

  it('a no-show frees the desk without counting a service', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    act(state, 'recall', 'konsultasi-1', K1, at(3));
    act(state, 'noShow', 'konsultasi-1', K1, at(5));
    expect(stageOf(state, K1)).toMatchObject({
      startedAt: null,
      endedAt: at(5),
      outcome: 'no-show',
      recalls: 1,
    });
    expect(state.desks['konsultasi-1']).toMatchObject({ current: null, servedToday: 0 });
    expect(state.lines.konsultasi?.recentServiceMs).toEqual([]);
  });

  it('a transfer ends the stage with its note and opens a waiting stage in the new queue, same number', () => {
    const state = directDay();
    take(state, 'perpustakaan', at(0));
    take(state, 'konsultasi', at(1), true);
    call(state, 'konsultasi-1', at(2));
    transfer(state, 'konsultasi-1', K1, 'perpustakaan', at(9), 'pinjam publikasi');
    const ticket = ticketOf(state, K1);
    expect(ticket.number).toBe('K-001');
    expect(ticket.stages).toHaveLength(2);
    expect(ticket.stages[0]).toMatchObject({
      queue: 'konsultasi',
      startedAt: at(2),
      endedAt: at(9),
      outcome: 'transferred',
      note: 'pinjam publikasi',
    });
    expect(ticket.stages[1]).toMatchObject({
      queue: 'perpustakaan',
      enteredAt: at(9),
      outcome: null,
      recalls: 0,
    });
    // A priority visitor stays a priority visitor in the next queue.
    expect(state.lines.perpustakaan).toMatchObject({ priority: [K1], normal: ['20261125-P001'] });
    expect(state.desks['konsultasi-1']).toMatchObject({ current: null, servedToday: 1 });
    expect(state.lines.konsultasi?.recentServiceMs).toEqual([7 * MINUTE]);
  });

  it('a forward ends the front office stage and queues the ticket behind those already waiting', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    call(state, 'fo-1', at(2));
    forward(state, K1, 'konsultasi', at(5), 'gb-1');
    call(state, 'fo-1', at(6));
    forward(state, K2, 'konsultasi', at(8));
    expect(ticketOf(state, K1).stages.map((s) => s.outcome)).toEqual(['forwarded', null]);
    expect(state.lines.konsultasi?.normal).toEqual([K1, K2]);
    expect(state.lines[FRONT_OFFICE_QUEUE]?.recentServiceMs).toEqual([3 * MINUTE, 2 * MINUTE]);
    expect(state.desks['fo-1']?.servedToday).toBe(2);
    expect(ticketOf(state, K1).guestBookId).toBe('gb-1');
  });

  it('cancelling a waiting ticket takes it out of its line', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    execute(state, { type: 'cancel', ticketId: K1, staffId: 'spv', reason: 'pulang' }, at(2));
    expect(state.lines.konsultasi?.normal).toEqual([K2]);
    expect(stageOf(state, K1)).toMatchObject({ outcome: 'cancelled', endedAt: at(2), note: 'pulang' });
  });

  it('cancelling a called ticket frees its desk without counting a service', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    execute(state, { type: 'cancel', ticketId: K1, staffId: 'spv', reason: 'salah ambil' }, at(2));
    expect(state.desks['konsultasi-1']).toMatchObject({ current: null, servedToday: 0 });
    expect(stageOf(state, K1)).toMatchObject({ outcome: 'cancelled', startedAt: null, note: 'salah ambil' });
  });
});

describe('attachments, desks and config', () => {
  it('attaches the guest book and the rating to the ticket', () => {
    const state = newState();
    take(state, 'konsultasi', at(0));
    evolve(state, { type: 'guestbook.attached', at: at(1), ticketId: K1, guestBookId: 'gb-3' });
    evolve(state, { type: 'rating.attached', at: at(2), ticketId: K1, ratingId: 'ikm-3' });
    expect(ticketOf(state, K1)).toMatchObject({ guestBookId: 'gb-3', ratingId: 'ikm-3' });
  });

  it.each([
    ['desk.opened', 'open', 'budi'],
    ['desk.paused', 'paused', 'budi'],
    ['desk.resumed', 'open', 'budi'],
    ['desk.closed', 'closed', null],
  ] as const)('%s leaves the desk %s, held by %s', (type, status, staffId) => {
    const state = newState();
    evolve(state, { type: 'desk.opened', at: at(0), deskId: 'konsultasi-1', staffId: 'budi' });
    evolve(state, { type, at: at(1), deskId: 'konsultasi-1', staffId: 'budi' });
    expect(state.desks['konsultasi-1']).toEqual({
      status,
      staffId,
      current: null,
      servedToday: 0,
      profileCursor: 0,
      parked: [],
      sentHere: [],
      lastCalled: null,
    });
  });

  it('a new config adds new desks (closed) and queues, drops removed desks, keeps the rest', () => {
    const state = newState();
    openDesk(state, 'konsultasi-1');
    const config = configWith((c) => {
      c.desks = c.desks.filter((d) => d.id !== 'perpustakaan-1');
      c.desks.push({ id: 'survei-1', name: 'Meja Survei', kind: 'service', services: ['survei'] });
      c.services.push({
        id: 'survei',
        name: 'Survei',
        nameEn: 'Survey',
        prefix: 'S',
        color: '#00838f',
        targetMinutes: 15,
        typicalServiceMinutes: 10,
        active: true,
      });
    });
    evolve(state, { type: 'config.changed', at: at(1), config });
    expect(state.config).toBe(config);
    expect(Object.keys(state.desks).sort()).toEqual(['fo-1', 'konsultasi-1', 'konsultasi-2', 'survei-1']);
    expect(state.desks['konsultasi-1']?.status).toBe('open');
    expect(state.desks['survei-1']?.status).toBe('closed');
    expect(state.lines.survei).toEqual({ priority: [], normal: [], lastCalled: null, recentServiceMs: [] });
  });
});

describe('day.ended', () => {
  it('closes open tickets as unserved and starts the new day empty', () => {
    const state = directDay();
    take(state, 'konsultasi', at(0));
    take(state, 'konsultasi', at(1));
    call(state, 'konsultasi-1', at(2));
    act(state, 'finish', 'konsultasi-1', K1, at(8));
    call(state, 'konsultasi-1', at(9));
    take(state, 'konsultasi', at(10));
    const tickets = [K1, K2, K3].map((id) => ticketOf(state, id));
    const midnight = wib('00:00', '2026-11-26');
    const returned = evolve(state, {
      type: 'day.ended',
      at: midnight,
      day: '2026-11-25',
      unserved: [K2, K3],
    });
    expect(returned).toBe(state);
    expect(tickets.map((t) => [t.number, t.stages[0]?.outcome, t.stages[0]?.endedAt])).toEqual([
      ['K-001', 'finished', at(8)],
      ['K-002', 'unserved', midnight],
      ['K-003', 'unserved', midnight],
    ]);
    expect(state.day).toBe('2026-11-26');
    expect(state.tickets.size).toBe(0);
    expect(state.lastSeq).toEqual({});
    expect(state.recentCalls).toEqual([]);
    expect(state.desks['konsultasi-1']).toEqual({
      status: 'closed',
      staffId: null,
      current: null,
      servedToday: 0,
      profileCursor: 0,
      parked: [],
      sentHere: [],
      lastCalled: null,
    });
    expect(state.lines.konsultasi).toEqual({
      priority: [],
      normal: [],
      lastCalled: null,
      recentServiceMs: [],
    });
  });
});
