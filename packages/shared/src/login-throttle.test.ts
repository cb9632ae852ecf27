import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addFailure, type FailureCount, isLocked, LOGIN_THROTTLE, retryAfterMs } from './login-throttle';

const T0 = 1_000_000;

function after(failures: number): FailureCount | null {
  let count: FailureCount | null = null;
  for (let i = 0; i < failures; i++) count = addFailure(count, T0);
  return count;
}

describe('login throttle', () => {
  it('is free for 3 failures, then waits 1, 2, 4 ... 64 s, then locks for 15 minutes', () => {
    const waits = Array.from({ length: 12 }, (_, n) => retryAfterMs(after(n), T0));
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 64000, 900_000, 900_000]);
    expect(isLocked(after(9), T0)).toBe(false);
    expect(isLocked(after(10), T0)).toBe(true);
    expect(isLocked(after(10), T0 + LOGIN_THROTTLE.lockMs)).toBe(false);
  });

  it('a failure after a lock locks again; a day of quiet forgets', () => {
    const lockedOut = after(10) as FailureCount;
    const again = addFailure(lockedOut, T0 + LOGIN_THROTTLE.lockMs);
    expect(retryAfterMs(again, again.lastAt)).toBe(LOGIN_THROTTLE.lockMs);
    const forgiven = addFailure(lockedOut, T0 + LOGIN_THROTTLE.forgetAfterMs);
    expect(forgiven.failures).toBe(1);
  });

  it('never asks for more than the lock, and never lets a locked count through', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 2 * 3600_000 }), (n, later) => {
        const wait = retryAfterMs(after(n), T0 + later);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(LOGIN_THROTTLE.lockMs);
        if (n >= LOGIN_THROTTLE.lockAfter && later < LOGIN_THROTTLE.lockMs) expect(wait).toBeGreaterThan(0);
      }),
    );
  });
});
