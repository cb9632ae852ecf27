import { FRONT_OFFICE_QUEUE, ticketIdSchema } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import {
  createState,
  currentStage,
  deskQueues,
  firstChangedStage,
  queueIds,
  targetMinutesOf,
  ticketIdFor,
  ticketNumber,
  ticketStatus,
  waitingInOrder,
} from './state';
import {
  act,
  at,
  call,
  configWith,
  directConfig,
  fixedNow,
  forward,
  newState,
  openDesk,
  serviceIn,
  take,
  ticketOf,
  transfer,
  wib,
} from './test-helpers';

describe('ticket numbers and ids', () => {
  it.each([
    ['K', 1, 'K-001', '20261125-K001'],
    ['P', 12, 'P-012', '20261125-P012'],
    ['J', 100, 'J-100', '20261125-J100'],
    ['R', 999, 'R-999', '20261125-R999'],
    ['K', 1000, 'K-1000', '20261125-K1000'],
  ])('%s with sequence %i is %s (id %s)', (prefix, seq, number, id) => {
    expect(ticketNumber(prefix, seq)).toBe(number);
    expect(ticketIdFor('2026-11-25', prefix, seq)).toBe(id);
    // The contract's ticket id pattern (shared ids.ts) accepts every id queue-core makes.
    expect(ticketIdSchema.safeParse(id).success).toBe(true);
  });
});

describe('createState', () => {
  it.each([
    ['08:00 WIB', wib('08:00'), '2026-11-25'],
    ['23:59:59.999 WIB', wib('23:59:59.999'), '2026-11-25'],
    ['00:00 WIB', wib('00:00', '2026-11-26'), '2026-11-26'],
  ])('at %s the office day is %s', (_, now, day) => {
    expect(newState(configWith(), now).day).toBe(day);
  });

  it('starts with every desk closed and every queue empty', () => {
    const state = createState(configWith(), at(0));
    expect(Object.keys(state.desks)).toEqual(['fo-1', 'konsultasi-1', 'konsultasi-2', 'perpustakaan-1']);
    expect(Object.values(state.desks).every((d) => d.status === 'closed' && d.current === null)).toBe(true);
    expect(Object.keys(state.lines)).toEqual(queueIds(state.config));
    expect(state.tickets.size).toBe(0);
  });
});

describe('queues and desks of a config', () => {
  it('lists the front office queue, then the services', () => {
    expect(queueIds(configWith())).toEqual([
      FRONT_OFFICE_QUEUE,
      'konsultasi',
      'perpustakaan',
      'penjualan',
      'rekomendasi',
    ]);
  });

  it.each([
    ['fo-1', [FRONT_OFFICE_QUEUE]],
    ['konsultasi-1', ['konsultasi', 'rekomendasi']],
    ['perpustakaan-1', ['perpustakaan', 'penjualan']],
    ['meja-9', []],
  ])('desk %s calls from %j', (deskId, queues) => {
    expect(deskQueues(configWith(), deskId)).toEqual(queues);
  });

  it.each([
    [FRONT_OFFICE_QUEUE, 6],
    ['konsultasi', 12],
    ['perpustakaan', 10],
    ['survei', 10],
  ])('the target of %s is %i minutes', (queue, minutes) => {
    const config = configWith((c) => {
      c.office.frontOfficeTargetMinutes = 6;
      serviceIn(c, 'konsultasi').targetMinutes = 12;
    });
    expect(targetMinutesOf(config, queue)).toBe(minutes);
  });
});

describe('ticketStatus', () => {
  it('follows a ticket through its stage', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    const id = take(state, 'konsultasi', at(0));
    const statuses = [ticketStatus(ticketOf(state, id))];
    call(state, 'konsultasi-1', at(1));
    statuses.push(ticketStatus(ticketOf(state, id)));
    act(state, 'start', 'konsultasi-1', id, at(2));
    statuses.push(ticketStatus(ticketOf(state, id)));
    act(state, 'finish', 'konsultasi-1', id, at(3));
    statuses.push(ticketStatus(ticketOf(state, id)));
    expect(statuses).toEqual(['waiting', 'called', 'serving', 'finished']);
  });

  it('a moved ticket is waiting in its new stage', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    const id = take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    transfer(state, 'konsultasi-1', id, 'perpustakaan', at(2));
    const ticket = ticketOf(state, id);
    expect([ticketStatus(ticket), currentStage(ticket).queue]).toEqual(['waiting', 'perpustakaan']);
  });

  it('refuses a ticket whose last stage is a move (a broken record)', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    const id = take(state, 'konsultasi', at(0));
    call(state, 'konsultasi-1', at(1));
    transfer(state, 'konsultasi-1', id, 'perpustakaan', at(2));
    const broken = ticketOf(state, id);
    broken.stages.pop();
    expect(() => ticketStatus(broken)).toThrow('ends on a moved stage');
  });
});

describe('waitingInOrder', () => {
  it('puts the priority list before the others', () => {
    expect(
      waitingInOrder({ priority: ['b', 'd'], normal: ['a', 'c'], lastCalled: null, recentServiceMs: [] }),
    ).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('firstChangedStage', () => {
  it('is the current stage, and the one before only when the current was entered from `since` on', () => {
    const state = newState();
    openDesk(state, 'fo-1');
    const id = take(state, 'konsultasi');
    expect(firstChangedStage(ticketOf(state, id), fixedNow)).toBe(0);
    call(state, 'fo-1', at(1));
    forward(state, id, 'konsultasi', at(2));
    expect(firstChangedStage(ticketOf(state, id), at(2))).toBe(0);
    expect(firstChangedStage(ticketOf(state, id), at(3))).toBe(1);
  });
});
