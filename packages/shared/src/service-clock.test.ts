import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceClockView } from './contract';
import { readServiceClock } from './service-clock';

const MINUTE = 60_000;
const started = (startedAt: number | null, targetMinutes = 10): ServiceClockView => ({
  startedAt,
  deadline: startedAt === null ? null : startedAt + targetMinutes * MINUTE,
  targetMinutes,
});

describe('readServiceClock', () => {
  it('reads "not started" while the ticket ahead is still being served', () => {
    expect(readServiceClock(started(null), 5 * MINUTE)).toEqual({ state: 'not-started' });
  });

  it.each([
    [0, { state: 'left', minutes: 10 }],
    [9 * MINUTE + 59_000, { state: 'left', minutes: 1 }],
    // Called at exactly the deadline is within target in queue-core (serviceWait <= target).
    [10 * MINUTE, { state: 'left', minutes: 0 }],
    [10 * MINUTE + 1, { state: 'late', minutes: 1 }],
    [10 * MINUTE + 59_000, { state: 'late', minutes: 1 }],
    [11 * MINUTE, { state: 'late', minutes: 1 }],
    [11 * MINUTE + 1, { state: 'late', minutes: 2 }],
  ] as const)('after %s ms of a 10-minute target reads %j', (elapsed, reading) => {
    expect(readServiceClock(started(1_000_000), 1_000_000 + elapsed)).toEqual(reading);
  });

  it('agrees with the minutes elapsed, never reads above the target nor "late 0"', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 6 * 60 * MINUTE }),
        (target, startedAt, elapsed) => {
          const reading = readServiceClock(started(startedAt, target), startedAt + elapsed);
          const elapsedWhole = Math.floor(elapsed / MINUTE);
          if (elapsed <= target * MINUTE) {
            expect(reading).toEqual({ state: 'left', minutes: target - elapsedWhole });
            if (reading.state === 'left') expect(reading.minutes).toBeLessThanOrEqual(target);
          } else {
            expect(reading).toEqual({ state: 'late', minutes: Math.ceil(elapsed / MINUTE) - target });
            if (reading.state === 'late') expect(reading.minutes).toBeGreaterThanOrEqual(1);
          }
        },
      ),
    );
  });
});
