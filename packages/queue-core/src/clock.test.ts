import { FRONT_OFFICE_QUEUE } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { clockStartOfHead, serviceClockAtCall, waitingClock } from './clock';
import { decide } from './decide';
import { execute } from './index';
import {
  act,
  call,
  configWith,
  directConfig,
  forward,
  MINUTE,
  newState,
  openDesk,
  serviceIn,
  staffOf,
  stageOf,
  take,
  transfer,
  wib,
} from './test-helpers';
import type { Line, QueueState } from './types';

// Every instant below is WIB wall-clock time on Wednesday 25 November 2026.
const K1 = '20261125-K001';
const K2 = '20261125-K002';
const K3 = '20261125-K003';

function lineOf(state: QueueState, queue: string): Line {
  const line = state.lines[queue];
  if (!line) throw new Error(`no line ${queue}`);
  return line;
}

/** The clock decide fixes when `deskId` calls its next ticket at `now`. */
function clockOfCall(state: QueueState, deskId: string, now: number) {
  const [event] = decide(state, { type: 'callNext', deskId, staffId: staffOf(deskId) }, now);
  if (event?.type !== 'ticket.called') throw new Error('no call');
  return { clockStart: event.clockStart, serviceWait: event.serviceWait, withinTarget: event.withinTarget };
}

/** Direct config; konsultasi-1 open; K-001 taken 09:00 and called at once; K-002 taken 09:05. */
function twoInKonsultasi(config = directConfig()): QueueState {
  const state = newState(config);
  openDesk(state, 'konsultasi-1', wib('09:00'));
  take(state, 'konsultasi', wib('09:00'));
  call(state, 'konsultasi-1', wib('09:00'));
  take(state, 'konsultasi', wib('09:05'));
  return state;
}

describe('the clock fixed at the call', () => {
  it.each([
    ['at once', '09:00', 0, true],
    ['after 9:59.999', '09:09:59.999', 10 * MINUTE - 1, true],
    ['after exactly 10:00', '09:10', 10 * MINUTE, true],
    ['after 10:00.001', '09:10:00.001', 10 * MINUTE + 1, false],
    ['after 25 minutes', '09:25', 25 * MINUTE, false],
  ])('nobody ahead: it runs from entry; called %s', (_, time, serviceWait, withinTarget) => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1', wib('08:55'));
    take(state, 'konsultasi', wib('09:00'));
    expect(clockOfCall(state, 'konsultasi-1', wib(time))).toEqual({
      clockStart: wib('09:00'),
      serviceWait,
      withinTarget,
    });
  });

  it.each([
    ['09:30', 10 * MINUTE, true],
    ['09:30:00.001', 10 * MINUTE + 1, false],
  ])(
    'it runs from the finish of the ticket ahead, not from entry: called %s',
    (time, serviceWait, withinTarget) => {
      const state = twoInKonsultasi();
      act(state, 'finish', 'konsultasi-1', K1, wib('09:20'));
      // K-002 has been in line since 09:05 (25 minutes at 09:30), but its clock started at 09:20.
      expect(clockOfCall(state, 'konsultasi-1', wib(time))).toEqual({
        clockStart: wib('09:20'),
        serviceWait,
        withinTarget,
      });
    },
  );

  it('it runs from entry when the ticket ahead had already finished', () => {
    const state = twoInKonsultasi();
    act(state, 'finish', 'konsultasi-1', K1, wib('09:03'));
    expect(clockOfCall(state, 'konsultasi-1', wib('09:16'))).toEqual({
      clockStart: wib('09:05'),
      serviceWait: 11 * MINUTE,
      withinTarget: false,
    });
  });

  it('when the ticket ahead is still at a desk, the wait counted is 0', () => {
    const state = twoInKonsultasi();
    act(state, 'start', 'konsultasi-1', K1, wib('09:01'));
    openDesk(state, 'konsultasi-2', wib('09:30'));
    expect(clockOfCall(state, 'konsultasi-2', wib('09:45'))).toEqual({
      clockStart: null,
      serviceWait: 0,
      withinTarget: true,
    });
  });

  it.each([
    ['no-show', (s: QueueState) => act(s, 'noShow', 'konsultasi-1', K1, wib('09:20'))],
    [
      'cancelled',
      (s: QueueState) =>
        execute(s, { type: 'cancel', ticketId: K1, staffId: 'spv', reason: '' }, wib('09:20')),
    ],
    ['transferred', (s: QueueState) => transfer(s, 'konsultasi-1', K1, 'perpustakaan', wib('09:20'))],
  ])('a ticket ahead that left as %s starts the clock when it left', (_, leave) => {
    const state = twoInKonsultasi();
    act(state, 'recall', 'konsultasi-1', K1, wib('09:02'));
    leave(state);
    expect(clockOfCall(state, 'konsultasi-1', wib('09:31'))).toEqual({
      clockStart: wib('09:20'),
      serviceWait: 11 * MINUTE,
      withinTarget: false,
    });
  });

  it.each([
    [20 * MINUTE, true],
    [20 * MINUTE + 1, false],
  ])('the target is per service: rekomendasi at 20 minutes, called after %i ms', (wait, withinTarget) => {
    const state = newState(directConfig((c) => (serviceIn(c, 'rekomendasi').targetMinutes = 20)));
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'rekomendasi', wib('09:00'));
    expect(clockOfCall(state, 'konsultasi-1', wib('09:00') + wait).withinTarget).toBe(withinTarget);
  });

  it.each([
    ['09:05', true],
    ['09:05:00.001', false],
  ])('the front office has its own target (5 minutes here): called %s', (time, withinTarget) => {
    const state = newState(configWith((c) => (c.office.frontOfficeTargetMinutes = 5)));
    openDesk(state, 'fo-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    expect(clockOfCall(state, 'fo-1', wib(time)).withinTarget).toBe(withinTarget);
  });

  it('each stage has its own clock: the service stage counts from the forward, not from the kiosk', () => {
    const state = newState();
    openDesk(state, 'fo-1', wib('09:00'));
    openDesk(state, 'konsultasi-1', wib('09:00'));
    take(state, 'konsultasi', wib('09:00'));
    call(state, 'fo-1', wib('09:03'));
    forward(state, K1, 'konsultasi', wib('09:08'));
    call(state, 'konsultasi-1', wib('09:20'));
    const [frontOffice, service] = state.tickets.get(K1)?.stages ?? [];
    expect(frontOffice).toMatchObject({
      queue: FRONT_OFFICE_QUEUE,
      clockStart: wib('09:00'),
      serviceWait: 3 * MINUTE,
      withinTarget: true,
    });
    expect(service).toMatchObject({
      queue: 'konsultasi',
      clockStart: wib('09:08'),
      serviceWait: 12 * MINUTE,
      withinTarget: false,
    });
  });

  it('serviceClockAtCall never counts a negative wait', () => {
    const state = newState(directConfig());
    take(state, 'konsultasi', wib('09:00'));
    const clock = serviceClockAtCall(state, lineOf(state, 'konsultasi'), stageOf(state, K1), wib('08:59'));
    expect(clock).toEqual({ clockStart: wib('09:00'), serviceWait: 0, withinTarget: true });
  });
});

describe('the clock of a waiting ticket', () => {
  it('the head of a fresh line runs from its entry; the deadline is the target later', () => {
    const state = newState(directConfig());
    take(state, 'konsultasi', wib('09:00'));
    take(state, 'konsultasi', wib('09:02'));
    const line = lineOf(state, 'konsultasi');
    expect(waitingClock(state, line, K1, 0)).toEqual({
      startedAt: wib('09:00'),
      deadline: wib('09:10'),
      targetMinutes: 10,
    });
    expect(waitingClock(state, line, K2, 1)).toEqual({ startedAt: null, deadline: null, targetMinutes: 10 });
  });

  it('behind a ticket still at a desk the clock has not started; it starts when that ticket finishes', () => {
    const state = twoInKonsultasi();
    const line = lineOf(state, 'konsultasi');
    expect(waitingClock(state, line, K2, 0)).toEqual({ startedAt: null, deadline: null, targetMinutes: 10 });
    act(state, 'finish', 'konsultasi-1', K1, wib('09:20'));
    expect(waitingClock(state, line, K2, 0)).toEqual({
      startedAt: wib('09:20'),
      deadline: wib('09:30'),
      targetMinutes: 10,
    });
  });

  it("a finish in another queue does not start this queue's clock", () => {
    const state = twoInKonsultasi();
    openDesk(state, 'perpustakaan-1', wib('09:00'));
    const p1 = take(state, 'perpustakaan', wib('09:01'));
    call(state, 'perpustakaan-1', wib('09:02'));
    act(state, 'finish', 'perpustakaan-1', p1, wib('09:06'));
    expect(clockStartOfHead(state, lineOf(state, 'konsultasi'), stageOf(state, K2))).toBeNull();
  });

  it('a priority ticket that arrives becomes the head and takes the clock', () => {
    const state = twoInKonsultasi();
    act(state, 'finish', 'konsultasi-1', K1, wib('09:10'));
    take(state, 'konsultasi', wib('09:12'), true);
    const line = lineOf(state, 'konsultasi');
    expect(line.priority).toEqual([K3]);
    expect(waitingClock(state, line, K3, 0)).toMatchObject({
      startedAt: wib('09:12'),
      deadline: wib('09:22'),
    });
    expect(waitingClock(state, line, K2, 1)).toMatchObject({ startedAt: null, deadline: null });
  });

  it('reports the target of the stage the ticket waits in', () => {
    const state = newState(configWith((c) => (c.office.frontOfficeTargetMinutes = 7)));
    take(state, 'konsultasi', wib('09:00'));
    expect(waitingClock(state, lineOf(state, FRONT_OFFICE_QUEUE), K1, 0)).toEqual({
      startedAt: wib('09:00'),
      deadline: wib('09:07'),
      targetMinutes: 7,
    });
  });

  it('refuses a ticket it does not know', () => {
    const state = newState();
    expect(() => waitingClock(state, lineOf(state, 'konsultasi'), K1, 0)).toThrow(`unknown ticket ${K1}`);
  });
});
