import { describe, expect, it } from 'vitest';
import { hashPin, hashPinSync, isPinHash, verifyPin, verifyPinSync } from './pin-hash';

/**
 * A hub account's hash as the hub wrote it before the formats were one (`scrypt$N$salt$key`, base64,
 * r=8, p=1), fixed here rather than made by the code under test: PIN 2468, salt "pst-old-format-1",
 * key from Node's `scryptSync('2468', salt, 32, { N: 16384, r: 8, p: 1 })`.
 */
const OLD_HUB_HASH = 'scrypt$16384$cHN0LW9sZC1mb3JtYXQtMQ==$4yjSFJgLtDWXJUSrvlRoZmMzJfWcbEWz7S+Bzk1+TSk=';

describe('PIN hash', () => {
  it('hashes to the one format, salted, and checks the PIN', async () => {
    const hash = await hashPin('2468');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(isPinHash(hash)).toBe(true);
    expect(await hashPin('2468')).not.toBe(hash);
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('2469', hash)).toBe(false);
    expect(verifyPinSync('2468', hash)).toBe(true);
    expect(await verifyPin('2468', hashPinSync('2468'))).toBe(true);
  });

  it('refuses what is no PIN, and what is no hash', async () => {
    await expect(hashPin('12')).rejects.toThrow();
    expect(() => hashPinSync('abcd')).toThrow();
    expect(await verifyPin('2468', 'scrypt$1$1$1$a$b')).toBe(false);
    expect(await verifyPin('2468', 'plain')).toBe(false);
    expect(verifyPinSync('2468', 'plain')).toBe(false);
    expect(isPinHash('plain')).toBe(false);
  });

  it("still checks a hub account's hash in the hub's first format", async () => {
    const old = OLD_HUB_HASH;
    expect(isPinHash(old)).toBe(true);
    expect(await verifyPin('2468', old)).toBe(true);
    expect(await verifyPin('8642', old)).toBe(false);
    expect(verifyPinSync('2468', old)).toBe(true);
    expect(verifyPinSync('8642', old)).toBe(false);
  });
});
