/**
 * How wrong PINs slow a guesser down: the first failures are free (people mistype), then each try
 * must wait longer, and a run of failures locks the account, or the address, for a while. Pure: the
 * hub keeps the counts in SQLite, the kiosk shell in its settings file; both ask this one policy.
 */
export interface LoginThrottlePolicy {
  /** Failures allowed without any wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  /** Failures in a row that lock. */
  lockAfter: number;
  lockMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterMs: number;
}

export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 3,
  firstDelayMs: 1000,
  lockAfter: 10,
  lockMs: 15 * 60_000,
  forgetAfterMs: 24 * 3600_000,
};

export interface FailureCount {
  failures: number;
  /** When the last failure was counted (the throttle's clock). */
  lastAt: number;
}

/** The failures still counted at `now` (0 once the quiet period has passed). */
export function countedFailures(count: FailureCount | null, now: number, policy = LOGIN_THROTTLE): number {
  if (!count || now - count.lastAt >= policy.forgetAfterMs) return 0;
  return count.failures;
}

/** Milliseconds until the next try is allowed (0: now). Past the lock count every failure locks again. */
export function retryAfterMs(count: FailureCount | null, now: number, policy = LOGIN_THROTTLE): number {
  const failures = countedFailures(count, now, policy);
  if (!count || failures < policy.freeFailures) return 0;
  const wait =
    failures >= policy.lockAfter
      ? policy.lockMs
      : policy.firstDelayMs * 2 ** (failures - policy.freeFailures);
  return Math.max(0, count.lastAt + wait - now);
}

/** Whether this count is a lock (not only a growing delay): an admin may lift it. */
export function isLocked(count: FailureCount | null, now: number, policy = LOGIN_THROTTLE): boolean {
  return countedFailures(count, now, policy) >= policy.lockAfter && retryAfterMs(count, now, policy) > 0;
}

/** The count after one more failure at `now`. */
export function addFailure(count: FailureCount | null, now: number, policy = LOGIN_THROTTLE): FailureCount {
  return { failures: countedFailures(count, now, policy) + 1, lastAt: now };
}
