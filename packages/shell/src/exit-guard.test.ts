import { type FailureCount, LOGIN_THROTTLE } from '@pst/shared';
import { hashPin } from '@pst/shared/pin-hash';
import { describe, expect, it } from 'vitest';
import { createExitGuard } from './exit-guard';

describe('createExitGuard', () => {
  it('follows the hub’s throttle: 3 free tries, then a growing wait, then a lock, even against the right PIN', async () => {
    let now = 1_000_000;
    let stored: FailureCount | undefined;
    const guard = createExitGuard({
      now: () => now,
      failures: { load: () => stored, save: (c) => (stored = c) },
    });
    const hash = await hashPin('2468');
    expect(await guard.check('2468', undefined)).toBe('no-pin');
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++)
      expect(await guard.check('0000', hash)).toBe('wrong-pin');
    expect(await guard.check('2468', hash)).toBe('locked');
    expect(guard.waitMs()).toBe(LOGIN_THROTTLE.firstDelayMs);
    for (let i = LOGIN_THROTTLE.freeFailures; i < LOGIN_THROTTLE.lockAfter; i++) {
      now += guard.waitMs();
      expect(await guard.check('0000', hash)).toBe('wrong-pin');
    }
    expect(guard.waitMs()).toBe(LOGIN_THROTTLE.lockMs);
    now += LOGIN_THROTTLE.lockMs - 1;
    expect(await guard.check('2468', hash)).toBe('locked');
    now += 1;
    expect(await guard.check('2468', hash)).toBe('ok');
    expect(stored).toBeUndefined();
  });
});
