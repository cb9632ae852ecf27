import {
  createHash,
  randomBytes,
  type ScryptOptions,
  scrypt,
  scryptSync,
  timingSafeEqual,
} from 'node:crypto';

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;
/** scrypt's memory is 128 * N * r bytes (16 MiB here); Node refuses above 32 MiB by default. */
const MAXMEM = 64 * 1024 * 1024;

function format(salt: Buffer, hash: Buffer): string {
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function parse(stored: string): { options: ScryptOptions; salt: Buffer; expected: Buffer } | null {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return null;
  return {
    options: { N: Number(n), r: SCRYPT.r, p: SCRYPT.p, maxmem: MAXMEM },
    salt: Buffer.from(salt, 'base64'),
    expected: Buffer.from(hash, 'base64'),
  };
}

/**
 * PINs are short, so they are stretched with scrypt and a per-staff salt. Synchronous: only for
 * the command line and test set-up, which run outside the hub's event loop; the running hub uses
 * `PinHasher`.
 */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }));
}

/** Synchronous check, for the same callers as `hashPin`. */
export function verifyPin(pin: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = scryptSync(pin, parsed.salt, parsed.expected.length, parsed.options);
  return timingSafeEqual(actual, parsed.expected);
}

function scryptAsync(pin: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * The hub's PIN hashing: on libuv's thread pool, never on the event loop that serves kiosks and
 * desks, and at most `concurrency` at once, so a login flood keeps a core free for everything
 * else (the machine may have two). Past `maxQueued` waiting hashes it refuses at once (`busy`).
 */
export class PinHasher {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** A hash of a PIN nobody knows: an unknown username costs exactly what a wrong PIN costs. */
  private readonly dummy = hashPin(randomBytes(8).toString('hex'));

  constructor(
    private readonly concurrency = 1,
    private readonly maxQueued = 64,
  ) {}

  get busy(): boolean {
    return this.waiting.length >= this.maxQueued;
  }

  async hash(pin: string): Promise<string> {
    const salt = randomBytes(16);
    return this.slot(async () =>
      format(salt, await scryptAsync(pin, salt, SCRYPT.keylen, { ...SCRYPT, maxmem: MAXMEM })),
    );
  }

  /** Checks a PIN against a stored hash, or against the dummy when there is no account (always false then). */
  async verify(pin: string, stored: string | null): Promise<boolean> {
    const parsed = parse(stored ?? this.dummy) ?? parse(this.dummy);
    if (!parsed) return false;
    const actual = await this.slot(() =>
      scryptAsync(pin, parsed.salt, parsed.expected.length, parsed.options),
    );
    return (
      stored !== null && actual.length === parsed.expected.length && timingSafeEqual(actual, parsed.expected)
    );
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
