import { APPOINTMENT_CODE_TRIES, APPOINTMENT_CODE_WAIT_MINUTES } from '@pst/shared';
import type { CodeAttempts } from './storage/code-attempts';

/**
 * Wrong appointment codes per kiosk: after 5 in a row the kiosk's codes are refused for 5 minutes, so
 * nobody guesses codes at the kiosk. A right code clears the count. Counted in SQLite
 * (`code_attempts`): restarting the hub forgives nothing.
 */
export class CodeThrottle {
  constructor(
    private readonly attempts: CodeAttempts,
    private readonly tries = APPOINTMENT_CODE_TRIES,
    private readonly waitMs = APPOINTMENT_CODE_WAIT_MINUTES * 60_000,
  ) {}

  isBlocked(kiosk: string, now: number): boolean {
    return (this.attempts.of(kiosk)?.blockedUntil ?? 0) > now;
  }

  wrong(kiosk: string, now: number): void {
    const wrong = (this.attempts.of(kiosk)?.wrong ?? 0) + 1;
    this.attempts.set(
      kiosk,
      wrong >= this.tries ? { wrong: 0, blockedUntil: now + this.waitMs } : { wrong, blockedUntil: 0 },
    );
  }

  right(kiosk: string): void {
    this.attempts.clear(kiosk);
  }
}
