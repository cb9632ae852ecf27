import { describe, expect, it } from 'vitest';
import { createCrashPolicy } from './recovery';

describe('createCrashPolicy', () => {
  it('reloads a crashed page, and relaunches the app when crashes pile up', () => {
    let now = 0;
    const policy = createCrashPolicy({ now: () => now, maxReloads: 3, windowMs: 300_000 });
    const actions = [0, 1000, 2000, 3000].map((at) => {
      now = at;
      return policy.onCrash();
    });
    expect(actions).toEqual(['reload', 'reload', 'reload', 'relaunch']);
    now = 4000;
    expect(policy.onCrash()).toBe('reload');
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = createCrashPolicy({ now: () => now, maxReloads: 1, windowMs: 60_000 });
    expect(policy.onCrash()).toBe('reload');
    now = 60_000;
    expect(policy.onCrash()).toBe('reload');
    now = 60_001;
    expect(policy.onCrash()).toBe('relaunch');
  });
});
