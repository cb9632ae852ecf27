import { createHash, randomBytes, randomInt } from 'node:crypto';
import { hashPin, hashPinSync, verifyPin } from '@pst/shared/pin-hash';

/**
 * The hub's PIN hashing: on libuv's thread pool, never on the event loop that serves kiosks and
 * desks, and at most `concurrency` at once, so a login flood keeps a core free for everything
 * else (the machine may have two). Past `maxQueued` waiting hashes it refuses at once (`busy`).
 */
export class PinHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** A hash of a PIN nobody knows: an unknown username costs exactly what a wrong PIN costs. */
  private readonly dummy = hashPinSync(String(randomInt(10_000_000, 100_000_000)));

  constructor(
    private readonly concurrency = 1,
    private readonly maxQueued = 64,
  ) {}

  get busy(): boolean {
    return this.waiting.length >= this.maxQueued;
  }

  hash(pin: string): Promise<string> {
    return this.slot(() => hashPin(pin));
  }

  /** Checks a PIN against a stored hash, or against the dummy when there is no account (always false then). */
  async verify(pin: string, stored: string | null): Promise<boolean> {
    const right = await this.slot(() => verifyPin(pin, stored ?? this.dummy));
    return stored !== null && right;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    // A finished hash hands its slot straight to the next waiting one, so the limit always holds.
    if (this.running < this.concurrency) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** Device and session tokens: random, shown once, stored only as a SHA-256 digest. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}
