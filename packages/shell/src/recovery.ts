/** Timers, injected so tests drive time by hand. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CrashPolicyOptions {
  now: () => number;
  /** Reloads allowed inside `windowMs` before the whole app is relaunched. */
  maxReloads?: number;
  windowMs?: number;
}

/**
 * A kiosk nobody is watching must come back by itself. A renderer that dies is reloaded; one that
 * keeps dying (a leak, a corrupted GPU process) gets a fresh app process instead of a reload loop.
 */
export function createCrashPolicy({ now, maxReloads = 3, windowMs = 5 * 60_000 }: CrashPolicyOptions) {
  const crashes: number[] = [];
  return {
    onCrash(): 'reload' | 'relaunch' {
      const at = now();
      while (crashes.length > 0 && (crashes[0] ?? 0) <= at - windowMs) crashes.shift();
      crashes.push(at);
      if (crashes.length > maxReloads) {
        crashes.length = 0;
        return 'relaunch';
      }
      return 'reload';
    },
  };
}
