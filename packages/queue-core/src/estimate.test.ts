import { FRONT_OFFICE_QUEUE } from '@pst/shared';
import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './estimate';
import { execute } from './index';
import {
  act,
  at,
  call,
  configWith,
  directConfig,
  MINUTE,
  newState,
  openDesk,
  SECOND,
  staffOf,
  take,
} from './test-helpers';
import type { QueueState } from './types';

/** Gives a queue's recent service times directly (minutes). */
function withServiceTimes(state: QueueState, queue: string, minutes: number[]): QueueState {
  const line = state.lines[queue];
  if (!line) throw new Error(`no line ${queue}`);
  line.recentServiceMs = minutes.map((m) => m * MINUTE);
  return state;
}

describe('estimateWaitMinutes', () => {
  it.each([0, -1])('nobody ahead (%i) means no wait', (ahead) => {
    expect(estimateWaitMinutes(withServiceTimes(newState(), 'konsultasi', [30]), 'konsultasi', ahead)).toBe(
      0,
    );
  });

  // konsultasi: typical 15 min; rekomendasi: 20; perpustakaan: 10 (DEFAULT_CONFIG).
  it.each([
    ['konsultasi', 1, [], 15],
    ['konsultasi', 3, [], 45],
    ['konsultasi', 3, ['konsultasi-1'], 45],
    ['konsultasi', 3, ['konsultasi-1', 'konsultasi-2'], 23],
    ['rekomendasi', 2, ['konsultasi-1', 'konsultasi-2'], 20],
    ['perpustakaan', 4, ['konsultasi-1', 'konsultasi-2'], 40],
    ['perpustakaan', 4, ['perpustakaan-1'], 40],
  ])(
    'before any service today, %s with %i ahead and desks %j open: the typical time, %i min',
    (queue, ahead, open, expected) => {
      const state = newState();
      for (const deskId of open) openDesk(state, deskId);
      expect(estimateWaitMinutes(state, queue, ahead)).toBe(expected);
    },
  );

  it('uses the front office typical time and only the front office desks for the front office queue', () => {
    const state = newState(
      configWith((c) => {
        c.office.frontOfficeTypicalMinutes = 4;
        c.desks.push({ id: 'fo-2', name: 'Front Office 2', kind: 'front-office', services: [] });
      }),
    );
    openDesk(state, 'fo-1');
    openDesk(state, 'konsultasi-1');
    openDesk(state, 'konsultasi-2');
    expect(estimateWaitMinutes(state, FRONT_OFFICE_QUEUE, 3)).toBe(12);
    openDesk(state, 'fo-2');
    expect(estimateWaitMinutes(state, FRONT_OFFICE_QUEUE, 3)).toBe(6);
  });

  it.each([
    [[4, 8], 2, 12],
    [[5, 10], 1, 8],
    [[6], 5, 30],
    [[4, 4, 5], 1, 5],
    [[0.5], 3, 3],
    [[2, 4, 6, 8, 10, 12, 14, 16, 18, 20], 1, 11],
  ])(
    'with recent service times %j min and %i ahead: %i min (mean, at least 1, rounded up)',
    (times, ahead, expected) => {
      expect(
        estimateWaitMinutes(withServiceTimes(newState(), 'konsultasi', times), 'konsultasi', ahead),
      ).toBe(expected);
    },
  );

  it('shares the wait between the open desks; a paused desk does not count', () => {
    const state = withServiceTimes(newState(), 'konsultasi', [10]);
    openDesk(state, 'konsultasi-1');
    openDesk(state, 'konsultasi-2');
    expect(estimateWaitMinutes(state, 'konsultasi', 5)).toBe(25);
    execute(state, { type: 'pauseDesk', deskId: 'konsultasi-2', staffId: staffOf('konsultasi-2') }, at(1));
    expect(estimateWaitMinutes(state, 'konsultasi', 5)).toBe(50);
  });

  it('learns from the day: the service times of finished stages replace the typical time', () => {
    const state = newState(directConfig());
    openDesk(state, 'konsultasi-1');
    const first = take(state, 'konsultasi', at(0));
    expect(estimateWaitMinutes(state, 'konsultasi', 2)).toBe(30);
    call(state, 'konsultasi-1', at(1));
    act(state, 'start', 'konsultasi-1', first, at(2));
    act(state, 'finish', 'konsultasi-1', first, at(2) + 6 * MINUTE + 30 * SECOND);
    expect(estimateWaitMinutes(state, 'konsultasi', 2)).toBe(13);
  });

  it('an unknown queue gets 10 minutes a person', () => {
    expect(estimateWaitMinutes(newState(), 'survei', 2)).toBe(20);
  });
});
