import {
  addFailure,
  type ErrorCode,
  isLocked,
  LOGIN_THROTTLE,
  type LoginThrottlePolicy,
  retryAfterMs,
} from '@pst/shared';
import type { PinHasher } from './auth';
import type { StaffRecord, Store } from './storage/store';

export type LoginResult =
  | { ok: true; token: string; staff: StaffRecord }
  | {
      ok: false;
      code: Extract<ErrorCode, 'LOGIN_FAILED' | 'LOGIN_THROTTLED' | 'RATE_LIMITED'>;
      retryAfterMs?: number;
    };

export const accountKey = (username: string) => `account:${username}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Staff sign-in, throttled per account and per client address (shared/login-throttle.ts), the
 * counts kept in SQLite so a restart forgives nothing. A try is counted as a failure before the
 * PIN is checked and forgiven when it was right: parallel requests cannot all slip past the count.
 * A throttled try is refused without checking the PIN, so it tells a guesser nothing.
 */
export class StaffLogin {
  constructor(
    private readonly store: Store,
    private readonly hasher: PinHasher,
    private readonly clock: () => number,
    private readonly policy: LoginThrottlePolicy = LOGIN_THROTTLE,
  ) {}

  /** How long `key` must wait, in ms (0: it may try now). */
  waitOf(key: string, now = this.clock()): number {
    return retryAfterMs(this.store.loginFailures(key), now, this.policy);
  }

  isLocked(key: string, now = this.clock()): boolean {
    return isLocked(this.store.loginFailures(key), now, this.policy);
  }

  async login(username: string, pin: string, address: string): Promise<LoginResult> {
    const keys = [accountKey(username), addressKey(address)];
    const now = this.clock();
    const wait = Math.max(...keys.map((key) => this.waitOf(key, now)));
    if (wait > 0) return { ok: false, code: 'LOGIN_THROTTLED', retryAfterMs: wait };
    if (this.hasher.busy) return { ok: false, code: 'RATE_LIMITED' };
    const locks = this.store.transaction(() =>
      keys.filter((key) => {
        const after = addFailure(this.store.loginFailures(key), now, this.policy);
        this.store.setLoginFailures(key, after);
        return after.failures === this.policy.lockAfter;
      }),
    );
    const account = this.store.staffByUsername(username);
    // Unknown accounts are checked against a dummy hash: both answers take the same time.
    const right = await this.hasher.verify(pin, account?.pinHash ?? null);
    const at = this.clock();
    if (right && account?.active) {
      this.store.transaction(() => {
        for (const key of keys) this.store.clearLoginFailures(key);
      });
      return { ok: true, ...this.store.openSession(account.id, at) };
    }
    this.store.transaction(() => {
      // The username is recorded (it may be a typo of a real one); the PIN never is.
      this.store.audit(at, 'staff.login-failed', { username, address }, 'public');
      for (const key of locks)
        this.store.audit(at, 'staff.login-locked', { key, minutes: this.policy.lockMs / 60_000 }, 'public');
    });
    return { ok: false, code: 'LOGIN_FAILED' };
  }
}

/** Lifts the lock and forgets the failures of one key (settings screen, `hub staff unlock`). */
export function unlockLogin(store: Store, key: string, now: number, actor: string): boolean {
  const cleared = store.clearLoginFailures(key);
  if (cleared) store.audit(now, 'staff.login-unlocked', { key }, actor);
  return cleared;
}
