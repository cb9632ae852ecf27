import { verifyPin } from './pin';

export type ExitCheck = 'ok' | 'no-pin' | 'wrong-pin' | 'locked';

export interface ExitGuardOptions {
  now: () => number;
  /** Wrong PINs in a row before the exit is locked. */
  maxTries?: number;
  lockMs?: number;
}

/**
 * The kiosk stands in a public lobby, so the exit PIN must not be guessable by tapping: after a
 * few wrong tries every attempt is refused for a while, whatever the PIN.
 */
export function createExitGuard({ now, maxTries = 5, lockMs = 60_000 }: ExitGuardOptions) {
  let wrong = 0;
  let lockedUntil = 0;
  return {
    async check(pin: string, pinHash: string | undefined): Promise<ExitCheck> {
      if (now() < lockedUntil) return 'locked';
      if (!pinHash) return 'no-pin';
      if (await verifyPin(pin, pinHash)) {
        wrong = 0;
        return 'ok';
      }
      wrong += 1;
      if (wrong >= maxTries) {
        wrong = 0;
        lockedUntil = now() + lockMs;
      }
      return 'wrong-pin';
    },
  };
}
