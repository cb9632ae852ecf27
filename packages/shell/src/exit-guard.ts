import {
  addFailure,
  type FailureCount,
  LOGIN_THROTTLE,
  type LoginThrottlePolicy,
  retryAfterMs,
} from '@pst/shared';
import { verifyPin } from '@pst/shared/pin-hash';

export type ExitCheck = 'ok' | 'no-pin' | 'wrong-pin' | 'locked';

export interface ExitGuardOptions {
  now: () => number;
  /** Where the count of wrong PINs lives (the shell's settings file): a restart forgives nothing. */
  failures: {
    load(): FailureCount | undefined;
    save(count: FailureCount | undefined): void;
  };
  policy?: LoginThrottlePolicy;
}

/**
 * The kiosk stands in a public lobby, so the staff PIN must not be guessable by tapping: the hub's
 * own throttle (shared/login-throttle.ts: free tries, then a growing wait, then a 15-minute lock),
 * counted on disk. A try is counted before the PIN is checked and forgiven when it was right.
 */
export function createExitGuard({ now, failures, policy = LOGIN_THROTTLE }: ExitGuardOptions) {
  return {
    /** How long until the next try is allowed, in ms (0: now). */
    waitMs: () => retryAfterMs(failures.load() ?? null, now(), policy),
    async check(pin: string, pinHash: string | undefined): Promise<ExitCheck> {
      if (retryAfterMs(failures.load() ?? null, now(), policy) > 0) return 'locked';
      if (!pinHash) return 'no-pin';
      failures.save(addFailure(failures.load() ?? null, now(), policy));
      if (await verifyPin(pin, pinHash)) {
        failures.save(undefined);
        return 'ok';
      }
      return 'wrong-pin';
    },
  };
}
