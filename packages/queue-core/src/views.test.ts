import { FRONT_OFFICE_QUEUE } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { execute } from './index';
import {
  act,
  call,
  configWith,
  directConfig,
  newState,
  openDesk,
  staffOf,
  stageOf,
  take,
  ticketOf,
  wib,
} from './test-helpers';
import type { QueueState } from './types';
import {
  BOARD_WAITING_LIMIT,
  callView,
  callViews,
  deskViews,
  peopleAhead,
  queueViews,
  servicesPublic,
  ticketView,
  todayFigures,
  withdrawnCallViews,
} from './views';

const K1 = '20261125-K001';
const K2 = '20261125-K002';
const K3 = '20261125-K003';
const K4 = '20261125-K004';

function queueView(state: QueueState, id: string, limit?: number) {
  const view = queueViews(state, limit).find((q) => q.id === id);
  if (!view) throw new Error(`no queue view ${id}`);
  return view;
}

describe('servicesPublic', () => {
  it('lists the services in config order without their internal figures', () => {
    const services = servicesPublic(newState());
    expect(services.map((s) => s.id)).toEqual(['konsultasi', 'perpustakaan', 'penjualan', 'rekomendasi']);
    expect(services[0]).toEqual({
      id: 'konsultasi',
      name: 'Konsultasi Statistik',
      nameEn: 'Statistical Consultation',
      prefix: 'K',
      color: '#1565c0',
      targetMinutes: 10,
      active: true,
    });
  });
});

describe('queueViews', () => {
  it('shows the front office first when tickets go there first', () => {
    const views = queueViews(newState());
    expect(views.map((q) => q.id)).toEqual([
      FRONT_OFFICE_QUEUE,
      'konsultasi',
      'perpustakaan',
      'penjualan',
      'rekomendasi',
    ]);
    expect(views[0]).toEqual({
      id: FRONT_OFFICE_QUEUE,
      name: 'Front Office',
      nameEn: 'Front Office',
      color: '#37474f',
      waitingCount: 0,
      estimatedWaitMinutes: 0,
      waiting: [],
    });
  });

  it('hides an empty front office queue when tickets go straight to their service', () => {
    expect(queueViews(newState(directConfig())).map((q) => q.id)).toEqual([
      'konsultasi',
      'perpustakaan',
      'penjualan',
      'rekomendasi',
    ]);
  });

  it('still shows the front office while tickets wait there after it was switched off', () => {
    const state = newState();
    take(state, 'konsultasi', wib('09:00'));
    execute(state, { type: 'configure', config: directConfig() }, wib('09:01'));
    expect(queueView(state, FRONT_OFFICE_QUEUE).waitingCount).toBe(1);
  });

  it('lists waiting tickets in call order; only the head has a running clock', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('08:55'));
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'konsultasi', wib('09:01'));
    take(state, 'konsultasi', wib('09:02'), true);
    const view = queueView(state, 'konsultasi');
    expect(view).toMatchObject({
      id: 'konsultasi',
      name: 'Konsultasi Statistik',
      color: '#1565c0',
      waitingCount: 3,
      // 3 people x 15 typical minutes, one open desk.
      estimatedWaitMinutes: 45,
    });
    expect(view.waiting.map((w) => w.id)).toEqual([K3, K1, K2]);
    expect(view.waiting[0]).toEqual({
      id: K3,
      number: 'K-003',
      serviceId: 'konsultasi',
      priority: true,
      issuedAt: wib('09:02'),
      enteredAt: wib('09:02'),
      clock: { startedAt: wib('09:02'), deadline: wib('09:12'), targetMinutes: 10 },
    });
    expect(view.waiting[1]?.clock).toEqual({ startedAt: null, deadline: null, targetMinutes: 10 });
  });

  it.each([
    [5, 2, 2],
    [31, undefined, BOARD_WAITING_LIMIT],
  ])('of %i waiting, lists the first %s (%i) but counts them all', (count, limit, listed) => {
    const state = newState(directConfig());
    for (let i = 0; i < count; i++) take(state, 'perpustakaan', wib('09:00') + i);
    const view = queueView(state, 'perpustakaan', limit);
    expect([view.waitingCount, view.waiting.length, view.waiting.at(-1)?.number]).toEqual([
      count,
      listed,
      `P-${String(listed).padStart(3, '0')}`,
    ]);
  });
});

describe('deskViews', () => {
  it('shows a closed desk with nobody at it', () => {
    expect(deskViews(newState())[0]).toEqual({
      id: 'fo-1',
      name: 'Front Office',
      kind: 'front-office',
      services: [],
      status: 'closed',
      heldBy: null,
      current: null,
      servedToday: 0,
      parked: [],
      sentHere: [],
    });
  });

  it('says who holds an open desk (a staff id, never a name); a take-over keeps the ticket at the desk', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    call(state, 'konsultasi-1', wib('09:01'));
    const holder = staffOf('konsultasi-1');
    const deskView = () => deskViews(state).find((d) => d.id === 'konsultasi-1');
    expect(deskView()?.heldBy).toBe(holder);
    execute(
      state,
      { type: 'openDesk', deskId: 'konsultasi-1', staffId: 'sari', takeOver: true },
      wib('09:02'),
    );
    expect(deskView()).toMatchObject({ status: 'open', heldBy: 'sari', current: { ticketId: K1 } });
    expect(() =>
      execute(state, { type: 'start', deskId: 'konsultasi-1', staffId: holder, ticketId: K1 }, wib('09:03')),
    ).toThrow(/DESK_IN_USE/);
    execute(state, { type: 'start', deskId: 'konsultasi-1', staffId: 'sari', ticketId: K1 }, wib('09:03'));
    expect(deskView()?.current?.state).toBe('serving');
  });

  it('follows the ticket at the desk: called, recalled, serving, done', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    const deskView = () => deskViews(state).find((d) => d.id === 'konsultasi-1');
    call(state, 'konsultasi-1', wib('09:01'));
    expect(deskView()).toMatchObject({
      kind: 'service',
      services: ['konsultasi', 'rekomendasi'],
      status: 'open',
      current: { ticketId: K1, number: 'K-001', state: 'called', since: wib('09:01'), recalls: 0 },
    });
    act(state, 'recall', 'konsultasi-1', K1, wib('09:02'));
    expect(deskView()?.current).toMatchObject({ state: 'called', since: wib('09:01'), recalls: 1 });
    act(state, 'start', 'konsultasi-1', K1, wib('09:03'));
    expect(deskView()?.current).toMatchObject({ state: 'serving', since: wib('09:03'), recalls: 1 });
    act(state, 'finish', 'konsultasi-1', K1, wib('09:10'));
    execute(
      state,
      { type: 'pauseDesk', deskId: 'konsultasi-1', staffId: staffOf('konsultasi-1') },
      wib('09:11'),
    );
    expect(deskView()).toMatchObject({ status: 'paused', current: null, servedToday: 1 });
  });
});

describe('callViews', () => {
  it('lists calls and recalls newest first, with the desk name', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    openDesk(state, 'konsultasi-2', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'rekomendasi', wib('09:00'));
    call(state, 'konsultasi-1', wib('09:01'));
    act(state, 'recall', 'konsultasi-1', K1, wib('09:02'));
    call(state, 'konsultasi-2', wib('09:03'));
    expect(callViews(state)).toEqual([
      {
        ticketId: '20261125-R001',
        number: 'R-001',
        serviceId: 'rekomendasi',
        deskId: 'konsultasi-2',
        deskName: 'Meja Konsultasi 2',
        at: wib('09:03'),
        recall: 0,
      },
      {
        ticketId: K1,
        number: 'K-001',
        serviceId: 'konsultasi',
        deskId: 'konsultasi-1',
        deskName: 'Meja Konsultasi 1',
        at: wib('09:02'),
        recall: 1,
      },
      {
        ticketId: K1,
        number: 'K-001',
        serviceId: 'konsultasi',
        deskId: 'konsultasi-1',
        deskName: 'Meja Konsultasi 1',
        at: wib('09:01'),
        recall: 0,
      },
    ]);
  });

  describe('a call whose ticket waits again leaves the lobby (parked, sent to a desk, back to a queue)', () => {
    const lobby = (state: QueueState) => ({
      shown: callViews(state).map((c) => `${c.number}@${c.deskId}`),
      withdrawn: withdrawnCallViews(state).map((c) => `${c.number}@${c.deskId}`),
    });
    const run = (state: QueueState, command: Parameters<typeof execute>[1], time: string) =>
      execute(state, command, wib(time));
    const K_1 = { deskId: 'konsultasi-1', staffId: staffOf('konsultasi-1') };

    /** K-001 and K-002 taken; konsultasi-1 called K-001 at 09:01, konsultasi-2 called K-002 at 09:02. */
    function twoCalled(): QueueState {
      const state = newState(directConfig());
      openDesk(state, 'konsultasi-1', wib('09:00'));
      openDesk(state, 'konsultasi-2', wib('09:00'));
      take(state, 'konsultasi', wib('09:00'));
      take(state, 'konsultasi', wib('09:00'));
      call(state, 'konsultasi-1', wib('09:01'));
      call(state, 'konsultasi-2', wib('09:02'));
      act(state, 'finish', 'konsultasi-2', K2, wib('09:03'));
      return state;
    }

    it('parked: withdrawn, the call before it is current again; called back: a new call, current', () => {
      const state = twoCalled();
      act(state, 'recall', 'konsultasi-1', K1, wib('09:03'));
      expect(lobby(state).shown).toEqual(['K-001@konsultasi-1', 'K-002@konsultasi-2', 'K-001@konsultasi-1']);
      run(state, { type: 'park', ...K_1, ticketId: K1 }, '09:04');
      expect(lobby(state)).toEqual({
        shown: ['K-002@konsultasi-2'],
        withdrawn: ['K-001@konsultasi-1', 'K-001@konsultasi-1'],
      });
      run(state, { type: 'unpark', ...K_1, ticketId: K1, to: 'desk' }, '09:06');
      expect(callViews(state)[0]).toMatchObject({ ticketId: K1, deskId: 'konsultasi-1', at: wib('09:06') });
      // At that desk again: only the new call stands, the calls before the park stay withdrawn.
      expect(lobby(state)).toEqual({
        shown: ['K-001@konsultasi-1', 'K-002@konsultasi-2'],
        withdrawn: ['K-001@konsultasi-1', 'K-001@konsultasi-1'],
      });
    });

    it('parked, then a no-show: its calls stay withdrawn (not back as the big call)', () => {
      const state = twoCalled();
      run(state, { type: 'park', ...K_1, ticketId: K1 }, '09:04');
      run(state, { type: 'noShow', ...K_1, ticketId: K1 }, '09:05');
      expect(lobby(state)).toEqual({ shown: ['K-002@konsultasi-2'], withdrawn: ['K-001@konsultasi-1'] });
    });

    it('parked twice: a call back between the parks is withdrawn by the second park', () => {
      const state = twoCalled();
      run(state, { type: 'park', ...K_1, ticketId: K1 }, '09:04');
      run(state, { type: 'unpark', ...K_1, ticketId: K1, to: 'desk' }, '09:05');
      run(state, { type: 'park', ...K_1, ticketId: K1 }, '09:06');
      run(state, { type: 'unpark', ...K_1, ticketId: K1, to: 'desk' }, '09:07');
      expect(lobby(state)).toEqual({
        shown: ['K-001@konsultasi-1', 'K-002@konsultasi-2'],
        withdrawn: ['K-001@konsultasi-1', 'K-001@konsultasi-1'],
      });
    });

    it('parked, then back to the queue: stays withdrawn until a desk calls it', () => {
      const state = twoCalled();
      run(state, { type: 'park', ...K_1, ticketId: K1 }, '09:04');
      run(state, { type: 'unpark', ...K_1, ticketId: K1, to: 'queue' }, '09:05');
      expect(lobby(state)).toEqual({ shown: ['K-002@konsultasi-2'], withdrawn: ['K-001@konsultasi-1'] });
      call(state, 'konsultasi-2', wib('09:06'));
      expect(lobby(state).shown).toEqual(['K-001@konsultasi-2', 'K-002@konsultasi-2']);
    });

    it('sent to a named desk, transferred, or back to the previous queue: withdrawn', () => {
      const state = twoCalled();
      const send = { ...K_1, ticketId: K1, toDeskId: 'konsultasi-2', serviceId: 'konsultasi', note: '' };
      run(state, { type: 'sendToDesk', ...send }, '09:04');
      expect(lobby(state)).toEqual({ shown: ['K-002@konsultasi-2'], withdrawn: ['K-001@konsultasi-1'] });
      // Konsultasi 2 calls it (shown there) and transfers it: withdrawn; Konsultasi 1 calls it (shown
      // there) and sends it back: withdrawn again.
      call(state, 'konsultasi-2', wib('09:05'));
      const desk2 = { deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') };
      run(state, { type: 'transfer', ...desk2, ticketId: K1, serviceId: 'rekomendasi', note: '' }, '09:06');
      expect(lobby(state).shown).toEqual(['K-002@konsultasi-2']);
      call(state, 'konsultasi-1', wib('09:07'));
      expect(lobby(state).shown).toEqual(['K-001@konsultasi-1', 'K-002@konsultasi-2']);
      run(state, { type: 'transferBack', ...K_1, ticketId: K1 }, '09:08');
      expect(lobby(state).shown).toEqual(['K-002@konsultasi-2']);
    });

    it('finished there: the call stands; transferred into a queue: withdrawn like a send', () => {
      const state = twoCalled();
      const K_DESK = { deskId: 'konsultasi-1', staffId: staffOf('konsultasi-1') };
      expect(lobby(state)).toEqual({ shown: ['K-002@konsultasi-2', 'K-001@konsultasi-1'], withdrawn: [] });
      run(state, { type: 'transfer', ...K_DESK, ticketId: K1, serviceId: 'rekomendasi', note: '' }, '09:04');
      expect(lobby(state)).toEqual({ shown: ['K-002@konsultasi-2'], withdrawn: ['K-001@konsultasi-1'] });
    });

    it('the guest book without a desk: the front-office call is withdrawn as with one', () => {
      const state = newState();
      openDesk(state, 'fo-1', wib('09:00'));
      take(state, 'konsultasi', wib('09:00'));
      call(state, 'fo-1', wib('09:01'));
      const FO = { deskId: 'fo-1', staffId: staffOf('fo-1') };
      run(
        state,
        { type: 'forward', ...FO, ticketId: K1, serviceId: 'konsultasi', guestBookId: 'gb-1' },
        '09:03',
      );
      expect(lobby(state)).toEqual({ shown: [], withdrawn: ['K-001@fo-1'] });
    });

    it('the guest book with a desk chosen: the front-office call is withdrawn', () => {
      const state = newState();
      openDesk(state, 'fo-1', wib('09:00'));
      openDesk(state, 'konsultasi-2', wib('09:00'));
      take(state, 'konsultasi', wib('09:00'));
      call(state, 'fo-1', wib('09:01'));
      const FO = { deskId: 'fo-1', staffId: staffOf('fo-1') };
      const forward = { ...FO, ticketId: K1, serviceId: 'konsultasi', guestBookId: 'gb-1' };
      run(state, { type: 'forward', ...forward, forDeskId: 'konsultasi-2' }, '09:03');
      expect(lobby(state)).toEqual({ shown: [], withdrawn: ['K-001@fo-1'] });
    });
  });

  it('skips a call whose ticket is unknown; names an unknown desk by its id', () => {
    const state = newState();
    take(state, 'konsultasi', wib('09:00'));
    openDesk(state, 'fo-1', wib('09:00'));
    call(state, 'fo-1', wib('09:01'));
    // The desk was called before a configuration renamed it away.
    stageOf(state, K1).deskId = 'meja-lama';
    state.recentCalls = [
      { ticketId: '20261125-K999', deskId: 'konsultasi-1', at: wib('09:02'), recall: 0 },
      { ticketId: K1, deskId: 'meja-lama', at: wib('09:01'), recall: 0 },
    ];
    expect(callViews(state).map((c) => [c.ticketId, c.deskName])).toEqual([[K1, 'meja-lama']]);
    expect(callView(state, '20261125-K999', 'konsultasi-1', wib('09:02'), 0)).toBeNull();
  });
});

describe('peopleAhead and ticketView', () => {
  /** Direct config, konsultasi-1 open: K-001, K-002 (priority), K-003, K-004 (priority) wait. */
  function fourWaiting(): QueueState {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'konsultasi', wib('09:01'), true);
    take(state, 'konsultasi', wib('09:02'));
    take(state, 'konsultasi', wib('09:03'), true);
    return state;
  }

  it('counts priority tickets ahead of everyone else', () => {
    const state = fourWaiting();
    expect([K1, K2, K3, K4].map((id) => peopleAhead(state, ticketOf(state, id)))).toEqual([2, 0, 3, 1]);
    call(state, 'konsultasi-1', wib('09:05'));
    expect([K1, K2, K3, K4].map((id) => peopleAhead(state, ticketOf(state, id)))).toEqual([1, null, 2, 0]);
  });

  it('a waiting ticket: its place and the estimated wait', () => {
    const state = fourWaiting();
    expect(ticketView(state, ticketOf(state, K3))).toEqual({
      id: K3,
      number: 'K-003',
      serviceId: 'konsultasi',
      queue: 'konsultasi',
      priority: false,
      status: 'waiting',
      issuedAt: wib('09:02'),
      peopleAhead: 3,
      estimatedWaitMinutes: 45,
      desk: null,
      recalls: 0,
    });
  });

  it('a called ticket: nobody ahead, no wait, the desk to go to', () => {
    const state = fourWaiting();
    call(state, 'konsultasi-1', wib('09:05'));
    act(state, 'recall', 'konsultasi-1', K2, wib('09:06'));
    expect(ticketView(state, ticketOf(state, K2))).toMatchObject({
      status: 'called',
      peopleAhead: 0,
      estimatedWaitMinutes: 0,
      desk: { id: 'konsultasi-1', name: 'Meja Konsultasi 1' },
      recalls: 1,
    });
  });

  it('a finished ticket keeps the desk that served it', () => {
    const state = fourWaiting();
    call(state, 'konsultasi-1', wib('09:05'));
    act(state, 'finish', 'konsultasi-1', K2, wib('09:15'));
    expect(ticketView(state, ticketOf(state, K2))).toMatchObject({
      status: 'finished',
      peopleAhead: 0,
      desk: { id: 'konsultasi-1', name: 'Meja Konsultasi 1' },
    });
  });

  it('a ticket waiting for the front office shows that queue', () => {
    const state = newState(configWith((c) => (c.office.frontOfficeTypicalMinutes = 5)));
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'perpustakaan', wib('09:01'));
    expect(ticketView(state, ticketOf(state, '20261125-P001'))).toMatchObject({
      queue: FRONT_OFFICE_QUEUE,
      serviceId: 'perpustakaan',
      peopleAhead: 1,
      estimatedWaitMinutes: 5,
    });
  });
});

describe('todayFigures', () => {
  // K-001 was called 12 minutes after it entered (a breach) and finished at 09:15, so the clock of
  // K-002, the head, runs from 09:15: deadline 09:25.
  it.each([
    ['09:25', 1],
    ['09:25:00.001', 2],
  ])('at %s: issued, served, waiting and %i breach(es)', (time, breaches) => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'konsultasi', wib('09:01'));
    take(state, 'konsultasi', wib('09:02'));
    call(state, 'konsultasi-1', wib('09:12'));
    act(state, 'finish', 'konsultasi-1', K1, wib('09:15'));
    expect(todayFigures(state, wib(time))).toEqual({ issued: 3, served: 1, waiting: 2, breaches });
  });

  it('a called or serving ticket is neither served nor waiting', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    call(state, 'konsultasi-1', wib('09:01'));
    expect(todayFigures(state, wib('09:02'))).toEqual({ issued: 1, served: 0, waiting: 0, breaches: 0 });
  });
});
