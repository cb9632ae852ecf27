import { APPOINTMENT_CODE_TRIES, APPOINTMENT_CODE_WAIT_MINUTES } from '@pst/shared';

/**
 * Wrong appointment codes per kiosk: after 5 in a row the kiosk's codes are refused for 5 minutes, so
 * nobody guesses codes at the kiosk. A right code clears the count. Kept in memory (a restart clears it).
 */
export class CodeThrottle {
  private readonly kiosks = new Map<string, { wrong: number; blockedUntil: number }>();

  constructor(
    private readonly tries = APPOINTMENT_CODE_TRIES,
    private readonly waitMs = APPOINTMENT_CODE_WAIT_MINUTES * 60_000,
  ) {}

  isBlocked(kiosk: string, now: number): boolean {
    return (this.kiosks.get(kiosk)?.blockedUntil ?? 0) > now;
  }

  wrong(kiosk: string, now: number): void {
    const entry = this.kiosks.get(kiosk) ?? { wrong: 0, blockedUntil: 0 };
    entry.wrong += 1;
    if (entry.wrong >= this.tries) {
      entry.wrong = 0;
      entry.blockedUntil = now + this.waitMs;
    }
    this.kiosks.set(kiosk, entry);
  }

  right(kiosk: string): void {
    this.kiosks.delete(kiosk);
  }
}
