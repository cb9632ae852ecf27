/**
 * A tarpit for throttled sign-ins. A refused try is answered only when its wait is over (at most
 * `maxHoldMs`), so a flooding client gets one answer per wait per open request instead of one per
 * round trip: a flood from one address dwindles to a few requests a minute, and the hub spends
 * nothing on it meanwhile (a timer per held answer, no work on its thread). Held answers are capped
 * per address and in total, so a flood cannot hold the hub's memory or sockets; a try beyond the caps
 * is answered at once.
 */
export interface TarpitLimits {
  /** Answers held at once for one client address. */
  perAddress: number;
  /** Answers held at once for everyone. */
  total: number;
  /** The longest an answer is held (a 15-minute lock is told after this, with the time still left). */
  maxHoldMs: number;
}

export const LOGIN_TARPIT: TarpitLimits = { perAddress: 32, total: 512, maxHoldMs: 30_000 };

interface Held {
  timer: NodeJS.Timeout;
  answer: (heldMs: number) => void;
}

export class LoginTarpit {
  private readonly byAddress = new Map<string, Set<Held>>();
  private count = 0;

  constructor(private readonly limits: TarpitLimits = LOGIN_TARPIT) {}

  /** Answers held now (for /healthz details and tests). */
  get held(): number {
    return this.count;
  }

  heldFor(address: string): number {
    return this.byAddress.get(address)?.size ?? 0;
  }

  /**
   * Holds `answer` for `waitMs` (at most `maxHoldMs`), then calls it with the time it was held.
   * Returns the function that drops the held answer (its client went away), or null when the caps
   * are full: the caller answers at once.
   */
  hold(address: string, waitMs: number, answer: (heldMs: number) => void): (() => void) | null {
    const mine = this.byAddress.get(address) ?? new Set<Held>();
    if (mine.size >= this.limits.perAddress || this.count >= this.limits.total) return null;
    const heldMs = Math.max(0, Math.min(waitMs, this.limits.maxHoldMs));
    const held: Held = {
      answer,
      timer: setTimeout(() => {
        if (this.release(address, held)) answer(heldMs);
      }, heldMs),
    };
    mine.add(held);
    this.byAddress.set(address, mine);
    this.count++;
    return () => {
      if (this.release(address, held)) clearTimeout(held.timer);
    };
  }

  /** Answers every held try now (the hub is closing: its server waits for open requests). */
  close(): void {
    for (const [address, mine] of [...this.byAddress])
      for (const held of [...mine]) {
        clearTimeout(held.timer);
        if (this.release(address, held)) held.answer(0);
      }
  }

  private release(address: string, held: Held): boolean {
    const mine = this.byAddress.get(address);
    if (!mine?.delete(held)) return false;
    this.count--;
    if (mine.size === 0) this.byAddress.delete(address);
    return true;
  }
}
