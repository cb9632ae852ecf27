/**
 * The one PIN-hash format of the hub (staff PINs) and the shells (the kiosk's exit PIN). Node only:
 * imported as `@pst/shared/pin-hash`, never through the package's index (screens do not hash PINs).
 */
import { randomBytes, type ScryptOptions, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { PIN_PATTERN } from '../rules';

// N=2^14 keeps one check near 50 ms on a small kiosk PC or office hub while still costing a guesser
// that much per try; both sides also throttle wrong tries (shared/login-throttle.ts).
const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** scrypt's memory is 128 * N * r bytes (16 MiB here); Node refuses above 32 MiB by default. */
const MAXMEM = 64 * 1024 * 1024;

interface ParsedHash {
  options: ScryptOptions;
  salt: Buffer;
  expected: Buffer;
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url: the parameters travel with the hash. */
function format(salt: Buffer, key: Buffer): string {
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

const CURRENT = /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/;
/** The hub's first format, `scrypt$N$salt$key` in base64 (r=8, p=1): accounts made before still sign in. */
const HUB_V1 = /^scrypt\$\d+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/;

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (CURRENT.test(stored)) {
    const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
    return {
      options: { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM },
      salt: Buffer.from(salt, 'base64url'),
      expected: Buffer.from(key, 'base64url'),
    };
  }
  if (HUB_V1.test(stored)) {
    const [, n, salt, key] = parts as [string, string, string, string];
    return {
      options: { N: Number(n), r: PARAMS.r, p: PARAMS.p, maxmem: MAXMEM },
      salt: Buffer.from(salt, 'base64'),
      expected: Buffer.from(key, 'base64'),
    };
  }
  return null;
}

/** Whether a stored value is a PIN hash this module can check (either format). */
export function isPinHash(value: string): boolean {
  return CURRENT.test(value) || HUB_V1.test(value);
}

function checkPin(pin: string): void {
  if (!PIN_PATTERN.test(pin)) throw new Error('PIN must be 4 to 8 digits');
}

function derive(pin: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes on libuv's thread pool: the event loop goes on serving meanwhile. */
export async function hashPin(pin: string): Promise<string> {
  checkPin(pin);
  const salt = randomBytes(16);
  return format(salt, await derive(pin, salt, KEY_LENGTH, { ...PARAMS, maxmem: MAXMEM }));
}

/** Checks a PIN on libuv's thread pool; false for a value that is no PIN hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.expected.length < 16) return false;
  try {
    const actual = await derive(pin, parsed.salt, parsed.expected.length, parsed.options);
    return timingSafeEqual(actual, parsed.expected);
  } catch {
    return false;
  }
}

/** Synchronous `hashPin`: for a command line and test set-up only, never on a serving event loop. */
export function hashPinSync(pin: string): string {
  checkPin(pin);
  const salt = randomBytes(16);
  return format(salt, scryptSync(pin, salt, KEY_LENGTH, { ...PARAMS, maxmem: MAXMEM }));
}

/** Synchronous `verifyPin`, for the same callers as `hashPinSync`. */
export function verifyPinSync(pin: string, stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed || parsed.expected.length < 16) return false;
  try {
    return timingSafeEqual(
      scryptSync(pin, parsed.salt, parsed.expected.length, parsed.options),
      parsed.expected,
    );
  } catch {
    return false;
  }
}
