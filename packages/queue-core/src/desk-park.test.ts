import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { dueEvents } from './desk-park';
import { evolve } from './evolve';
import { execute } from './index';
import { tallyStages } from './stats';
import {
  act,
  call,
  directConfig,
  errorCode,
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
import { deskViews, queueViews } from './views';

// Every instant below is WIB wall-clock time on Wednesday 25 November 2026; no front office step.
const K1 = '20261125-K001';
const K2 = '20261125-K002';

const run = (state: QueueState, command: Parameters<typeof execute>[1], time: string) =>
  execute(state, command, wib(time));
const park = (state: QueueState, deskId: string, ticketId: string, time: string) =>
  run(state, { type: 'park', deskId, staffId: staffOf(deskId), ticketId }, time);
const unpark = (state: QueueState, deskId: string, ticketId: string, to: 'desk' | 'queue', time: string) =>
  run(state, { type: 'unpark', deskId, staffId: staffOf(deskId), ticketId, to }, time);
const send = (state: QueueState, deskId: string, ticketId: string, toDeskId: string, time: string) =>
  run(
    state,
    {
      type: 'sendToDesk',
      deskId,
      staffId: staffOf(deskId),
      ticketId,
      toDeskId,
      serviceId: 'konsultasi',
      note: '',
    },
    time,
  );

/** konsultasi-1 and -2 open at 08:55; K-001 (09:00) and K-002 (09:01) wait in Konsultasi. */
function twoWaiting(): QueueState {
  const state = newState(directConfig());
  openDesk(state, 'konsultasi-1', wib('08:55'));
  openDesk(state, 'konsultasi-2', wib('08:55'));
  take(state, 'konsultasi', wib('09:00'));
  take(state, 'konsultasi', wib('09:01'));
  return state;
}

const desk = (state: QueueState, id: string) => deskViews(state).find((d) => d.id === id);

describe('hold (tunda)', () => {
  it('parks the called ticket: the desk is free and calls the next; call-next never takes the parked one', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    expect(desk(state, 'konsultasi-1')).toMatchObject({
      current: null,
      parked: [{ ticketId: K1, number: 'K-001', parkedAt: wib('09:03'), wasServing: false, overdue: false }],
    });
    expect(call(state, 'konsultasi-1', wib('09:04'))).toBe(K2);
    act(state, 'finish', 'konsultasi-1', K2, wib('09:10'));
    expect(errorCode(() => call(state, 'konsultasi-2', wib('09:11')))).toBe('QUEUE_EMPTY');
  });

  it('comes back to the desk as it was (serving stays serving), announced again like a recall', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    act(state, 'recall', 'konsultasi-1', K1, wib('09:03'));
    act(state, 'start', 'konsultasi-1', K1, wib('09:04'));
    park(state, 'konsultasi-1', K1, '09:05');
    expect(ticketOf(state, K1).stages).toHaveLength(1);
    unpark(state, 'konsultasi-1', K1, 'desk', '09:12');
    expect(desk(state, 'konsultasi-1')?.current).toMatchObject({
      ticketId: K1,
      state: 'serving',
      recalls: 1,
    });
    expect(stageOf(state, K1)).toMatchObject({
      startedAt: wib('09:04'),
      parkedAt: null,
      parkedMs: 7 * MINUTE,
    });
    expect(state.recentCalls[0]).toMatchObject({
      ticketId: K1,
      deskId: 'konsultasi-1',
      at: wib('09:12'),
      recall: 1,
    });
  });

  it('calls back only to a free, open desk of its own', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    call(state, 'konsultasi-1', wib('09:04'));
    expect(errorCode(() => unpark(state, 'konsultasi-1', K1, 'desk', '09:05'))).toBe('DESK_BUSY');
    expect(errorCode(() => unpark(state, 'konsultasi-2', K1, 'desk', '09:05'))).toBe('TICKET_NOT_AT_DESK');
  });

  it('goes back to the head of its queue as a new stage, ahead of those who came before it', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    // The event names whom it goes ahead of, for the reports (like a chosen call).
    expect(unpark(state, 'konsultasi-1', K1, 'queue', '09:06')).toEqual([
      expect.objectContaining({ type: 'ticket.unparked', to: 'queue', overtook: [K2] }),
    ]);
    const ticket = ticketOf(state, K1);
    expect(ticket.stages.map((s) => s.outcome)).toEqual(['requeued', null]);
    expect(
      queueViews(state)
        .find((q) => q.id === 'konsultasi')
        ?.waiting.map((w) => w.number),
    ).toEqual(['K-001', 'K-002']);
    expect(call(state, 'konsultasi-2', wib('09:07'))).toBe(K1);
  });

  it('does not pass an appointment whose slot is later: entering then, it would be ahead of it too', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    // Checked in early for 09:30: it waits behind every walk-in who came before its slot.
    const [issued] = run(
      state,
      {
        type: 'takeTicket',
        serviceId: 'konsultasi',
        priority: false,
        source: 'kiosk-1',
        appointmentSlotAt: wib('09:30'),
      },
      '09:05',
    );
    const walkIn = take(state, 'konsultasi', wib('09:06'));
    const [back] = unpark(state, 'konsultasi-1', K1, 'queue', '09:10');
    expect(back).toMatchObject({ overtook: [K2, walkIn] });
    const appointment = issued?.type === 'ticket.issued' ? issued.ticketId : '';
    expect(queueViews(state)[0]?.waiting.map((w) => w.id)).toEqual([K1, K2, walkIn, appointment]);
  });

  it('parked time is no service time, whether parked while serving or while only called', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:00'));
    act(state, 'start', 'konsultasi-1', K1, wib('09:00'));
    park(state, 'konsultasi-1', K1, '09:05');
    unpark(state, 'konsultasi-1', K1, 'desk', '09:15');
    act(state, 'finish', 'konsultasi-1', K1, wib('09:20'));
    // Finished without "start": served from the call, so every park since the call is taken off.
    call(state, 'konsultasi-2', wib('09:01'));
    park(state, 'konsultasi-2', K2, '09:02');
    unpark(state, 'konsultasi-2', K2, 'desk', '09:10');
    act(state, 'finish', 'konsultasi-2', K2, wib('09:12'));
    const tally = tallyStages([stageOf(state, K1), stageOf(state, K2)]);
    expect(tally.services).toEqual([10 * MINUTE, 3 * MINUTE]);
    expect(state.lines.konsultasi?.recentServiceMs).toEqual([10 * MINUTE, 3 * MINUTE]);
  });

  it('a park past the limit is proposed once as a no-show; the desk confirms it without a recall', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    call(state, 'konsultasi-1', wib('09:04'));
    expect(dueEvents(state, wib('09:17:59.999'))).toEqual([]);
    const due = run(state, { type: 'applyDue' }, '09:18');
    expect(due).toEqual([
      { type: 'ticket.park-overdue', at: wib('09:18'), ticketId: K1, deskId: 'konsultasi-1' },
    ]);
    expect(desk(state, 'konsultasi-1')?.parked[0]?.overdue).toBe(true);
    expect(dueEvents(state, wib('09:30'))).toEqual([]);
    // Still parked: nothing happened to the visitor by itself.
    expect(stageOf(state, K1).outcome).toBeNull();
    act(state, 'noShow', 'konsultasi-1', K1, wib('09:31'));
    expect(stageOf(state, K1)).toMatchObject({ outcome: 'no-show', parkedAt: null, parkedMs: 28 * MINUTE });
    // The desk kept serving K-002 meanwhile.
    expect(desk(state, 'konsultasi-1')).toMatchObject({ parked: [], current: { ticketId: K2 } });
  });

  it('the limit follows the settings', () => {
    const state = newState(directConfig((c) => (c.office.parkLimitMinutes = 2)));
    openDesk(state, 'konsultasi-1', wib('08:55'));
    take(state, 'konsultasi', wib('09:00'));
    call(state, 'konsultasi-1', wib('09:00'));
    park(state, 'konsultasi-1', K1, '09:01');
    expect(dueEvents(state, wib('09:03'))).toHaveLength(1);
  });

  it('a desk with parked tickets does not close; at day end a parked ticket closes unserved', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:03');
    const close = { type: 'closeDesk' as const, deskId: 'konsultasi-1', staffId: staffOf('konsultasi-1') };
    expect(errorCode(() => run(state, close, '09:04'))).toBe('DESK_HAS_PARKED');
    const [ended] = decide(state, { type: 'endDay' }, wib('00:00', '2026-11-26'));
    expect(ended).toMatchObject({ type: 'day.ended', unserved: expect.arrayContaining([K1, K2]) });
  });

  it('for the clock of the ticket behind, a parked visitor finished when parked (the desk was free)', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    park(state, 'konsultasi-1', K1, '09:05');
    expect(queueViews(state)[0]?.waiting[0]?.clock.startedAt).toBe(wib('09:05'));
    // Taken back: the clock that started does not stop.
    unpark(state, 'konsultasi-1', K1, 'desk', '09:06');
    expect(queueViews(state)[0]?.waiting[0]?.clock.startedAt).toBe(wib('09:05'));
    act(state, 'finish', 'konsultasi-1', K1, wib('09:20'));
    const [called] = decide(
      state,
      { type: 'callNext', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') },
      wib('09:21'),
    );
    expect(called).toMatchObject({
      ticketId: K2,
      clockStart: wib('09:05'),
      serviceWait: 16 * MINUTE,
      withinTarget: false,
    });
  });
});

describe('send to a named desk', () => {
  it('waits for that desk only: the other desks of the queue never call it, that desk calls it first', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:03');
    expect(desk(state, 'konsultasi-2')?.sentHere).toMatchObject([
      {
        ticketId: K1,
        queue: 'konsultasi',
        sentAt: wib('09:03'),
        until: wib('09:08'),
        fromDeskId: 'konsultasi-1',
      },
    ]);
    expect(call(state, 'konsultasi-1', wib('09:04'))).toBe(K2);
    expect(call(state, 'konsultasi-2', wib('09:04'))).toBe(K1);
  });

  it('refuses its own desk, a closed desk, and a desk that does not serve the queue', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    expect(errorCode(() => send(state, 'konsultasi-1', K1, 'konsultasi-1', '09:03'))).toBe('SAME_DESK');
    expect(errorCode(() => send(state, 'konsultasi-1', K1, 'perpustakaan-1', '09:03'))).toBe('DESK_NOT_OPEN');
    openDesk(state, 'perpustakaan-1', wib('09:03'));
    expect(errorCode(() => send(state, 'konsultasi-1', K1, 'perpustakaan-1', '09:03'))).toBe(
      'DESK_NOT_SERVING',
    );
  });

  it('falls back to the whole queue after the set time, by the time it was sent', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:03');
    expect(dueEvents(state, wib('09:07:59.999'))).toEqual([]);
    expect(run(state, { type: 'applyDue' }, '09:08')).toEqual([
      {
        type: 'ticket.desk-wait-ended',
        at: wib('09:08'),
        ticketId: K1,
        deskId: 'konsultasi-2',
        reason: 'timeout',
      },
    ]);
    expect(stageOf(state, K1)).toMatchObject({ forDeskId: null, enteredAt: wib('09:03') });
    // K-002 entered at 09:01, before K-001 was sent: it stays ahead.
    expect(call(state, 'konsultasi-1', wib('09:09'))).toBe(K2);
    act(state, 'finish', 'konsultasi-1', K2, wib('09:10'));
    expect(call(state, 'konsultasi-1', wib('09:11'))).toBe(K1);
  });

  it('falls back at once when that desk closes', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:03');
    const events = run(
      state,
      { type: 'closeDesk', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') },
      '09:04',
    );
    expect(events.map((e) => e.type)).toEqual(['desk.closed', 'ticket.desk-wait-ended']);
    expect(queueViews(state)[0]?.waiting.map((w) => w.number)).toEqual(['K-002', 'K-001']);
  });

  it('its clock runs from the finish of the visitor that desk has, not before it was sent', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-2', wib('09:01')); // K-001 at konsultasi-2
    call(state, 'konsultasi-1', wib('09:02')); // K-002 at konsultasi-1, sent to konsultasi-2
    send(state, 'konsultasi-1', K2, 'konsultasi-2', '09:03');
    expect(desk(state, 'konsultasi-2')?.sentHere[0]?.clock.startedAt).toBeNull();
    act(state, 'finish', 'konsultasi-2', K1, wib('09:04'));
    expect(desk(state, 'konsultasi-2')?.sentHere[0]?.clock).toMatchObject({
      startedAt: wib('09:04'),
      deadline: wib('09:14'),
    });
    const [called] = decide(
      state,
      { type: 'callNext', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') },
      wib('09:10'),
    );
    expect(called).toMatchObject({
      ticketId: K2,
      clockStart: wib('09:04'),
      serviceWait: 6 * MINUTE,
      withinTarget: true,
    });
  });
});

describe('the first call of a ticket sent to a desk records whom it went ahead of', () => {
  const K3 = '20261125-K003';
  const callAt = (state: QueueState, deskId: string, time: string) =>
    run(state, { type: 'callNext', deskId, staffId: staffOf(deskId) }, time)[0];

  it('those still waiting ahead of its place in the queue when that desk calls it, with who sent it', () => {
    const state = twoWaiting();
    take(state, 'konsultasi', wib('09:02'));
    call(state, 'konsultasi-1', wib('09:03')); // K-001
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:04');
    take(state, 'konsultasi', wib('09:05')); // K-004 came after the send: not passed
    expect(callAt(state, 'konsultasi-2', '09:06')).toMatchObject({
      ticketId: K1,
      sent: {
        fromDeskId: 'konsultasi-1',
        byStaffId: staffOf('konsultasi-1'),
        via: 'send',
        overtook: [K2, K3],
      },
    });
    expect(queueViews(state)[0]?.waiting.map((w) => w.number)).toEqual(['K-002', 'K-003', 'K-004']);
  });

  it('counts at the call: a ticket called by another desk meanwhile is passed by nobody', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:03')); // K-001
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:04');
    expect(call(state, 'konsultasi-1', wib('09:05'))).toBe(K2);
    expect(callAt(state, 'konsultasi-2', '09:06')).toMatchObject({ ticketId: K1, sent: { overtook: [] } });
  });

  it('a priority ticket waiting passes a sent ticket that is not; from the guest book it says so', () => {
    const state = newState();
    openDesk(state, 'fo-1', wib('08:55'));
    openDesk(state, 'konsultasi-2', wib('08:55'));
    take(state, 'konsultasi', wib('09:00')); // K-001 at the front office
    call(state, 'fo-1', wib('09:01'));
    const FO = { deskId: 'fo-1', staffId: staffOf('fo-1'), ticketId: K1 };
    const forward = { ...FO, serviceId: 'konsultasi', guestBookId: 'gb-1' };
    run(state, { type: 'forward', ...forward }, '09:02');
    take(state, 'konsultasi', wib('09:03'), true); // K-002, priority, at the front office
    call(state, 'fo-1', wib('09:04'));
    run(
      state,
      { type: 'forward', ...FO, ticketId: K2, serviceId: 'konsultasi', guestBookId: 'gb-2' },
      '09:05',
    );
    take(state, 'konsultasi', wib('09:06'));
    call(state, 'fo-1', wib('09:07'));
    const toDesk = { ...FO, ticketId: K3, serviceId: 'konsultasi', guestBookId: 'gb-3' };
    run(state, { type: 'forward', ...toDesk, forDeskId: 'konsultasi-2' }, '09:08');
    expect(callAt(state, 'konsultasi-2', '09:09')).toMatchObject({
      ticketId: K3,
      sent: { fromDeskId: 'fo-1', byStaffId: staffOf('fo-1'), via: 'guest-book', overtook: [K2, K1] },
    });
  });

  it('an event stored before who and how were recorded: from the guest book if it came with its entry', () => {
    /** Decides the command, drops `staffId` and `via` from the stored move as old events lack them, applies. */
    const runOld = (state: QueueState, command: Parameters<typeof decide>[1], time: string) => {
      for (const event of decide(state, command, wib(time))) {
        if (event.type === 'ticket.moved' && event.forDesk) {
          const { deskId, until } = event.forDesk;
          evolve(state, { ...event, forDesk: { deskId, until } });
        } else evolve(state, event);
      }
    };
    const state = newState();
    openDesk(state, 'fo-1', wib('08:55'));
    openDesk(state, 'konsultasi-1', wib('08:55'));
    openDesk(state, 'konsultasi-2', wib('08:55'));
    take(state, 'konsultasi', wib('09:00')); // K-001
    take(state, 'konsultasi', wib('09:00')); // K-002
    const FO = { deskId: 'fo-1', staffId: staffOf('fo-1') };
    call(state, 'fo-1', wib('09:01'));
    const forward = { ...FO, ticketId: K1, serviceId: 'konsultasi', guestBookId: 'gb-1' };
    runOld(state, { type: 'forward', ...forward, forDeskId: 'konsultasi-2' }, '09:02');
    expect(stageOf(state, K1).sentFrom).toEqual({
      fromDeskId: 'fo-1',
      byStaffId: staffOf('fo-1'),
      via: 'guest-book',
    });
    call(state, 'fo-1', wib('09:03'));
    const send = { ...FO, ticketId: K2, toDeskId: 'konsultasi-1', serviceId: 'konsultasi', note: '' };
    runOld(state, { type: 'sendToDesk', ...send }, '09:04');
    expect(stageOf(state, K2).sentFrom).toMatchObject({ fromDeskId: 'fo-1', via: 'send' });
  });

  it('a ticket that fell back to the queue is called in order, with no send to audit', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    send(state, 'konsultasi-1', K1, 'konsultasi-2', '09:03');
    run(state, { type: 'applyDue' }, '09:08');
    const called = callAt(state, 'konsultasi-2', '09:09');
    expect(called).toMatchObject({ type: 'ticket.called', ticketId: K2 });
    expect(called).not.toHaveProperty('sent');
  });
});

describe('transfer back (Kembalikan ke antrian sebelumnya)', () => {
  it('sends a transferred ticket back to the head of the queue it came from', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    transfer(state, 'konsultasi-1', K1, 'rekomendasi', wib('09:03'));
    // konsultasi-2 calls Konsultasi before Rekomendasi: K-002, then K-001.
    expect(call(state, 'konsultasi-2', wib('09:04'))).toBe(K2);
    act(state, 'finish', 'konsultasi-2', K2, wib('09:05'));
    expect(call(state, 'konsultasi-2', wib('09:06'))).toBe(K1);
    expect(desk(state, 'konsultasi-2')?.current?.cameFrom).toBe('konsultasi');
    const k3 = take(state, 'konsultasi', wib('09:06:30'));
    const events = run(
      state,
      { type: 'transferBack', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2'), ticketId: K1 },
      '09:07',
    );
    expect(events).toEqual([expect.objectContaining({ type: 'ticket.moved', toHead: true, overtook: [k3] })]);
    expect(ticketOf(state, K1).stages.map((s) => [s.queue, s.outcome])).toEqual([
      ['konsultasi', 'transferred'],
      ['rekomendasi', 'transferred'],
      ['konsultasi', null],
    ]);
    // Ahead of K-003, who came before it.
    expect(queueViews(state)[0]?.waiting.map((w) => w.number)).toEqual(['K-001', 'K-003']);
  });

  it('goes ahead of the waiting tickets of its own list only: priority tickets stay ahead of it', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    transfer(state, 'konsultasi-1', K1, 'rekomendasi', wib('09:03'));
    call(state, 'konsultasi-2', wib('09:04'));
    act(state, 'finish', 'konsultasi-2', K2, wib('09:05'));
    expect(call(state, 'konsultasi-2', wib('09:06'))).toBe(K1);
    // Back in Konsultasi: nobody waits yet, then a priority visitor and a walk-in.
    const priority = take(state, 'konsultasi', wib('09:06:10'), true);
    const walkIn = take(state, 'konsultasi', wib('09:06:20'));
    const back = { type: 'transferBack' as const, deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') };
    const [moved] = run(state, { ...back, ticketId: K1 }, '09:07');
    expect(moved).toMatchObject({ overtook: [walkIn] });
    expect(queueViews(state)[0]?.waiting.map((w) => w.id)).toEqual([priority, K1, walkIn]);
  });

  it('a ticket that never moved has no previous queue', () => {
    const state = twoWaiting();
    call(state, 'konsultasi-1', wib('09:02'));
    expect(desk(state, 'konsultasi-1')?.current?.cameFrom).toBeNull();
    const back = {
      type: 'transferBack' as const,
      deskId: 'konsultasi-1',
      staffId: staffOf('konsultasi-1'),
      ticketId: K1,
    };
    expect(errorCode(() => run(state, back, '09:03'))).toBe('NO_PREVIOUS_QUEUE');
  });
});
