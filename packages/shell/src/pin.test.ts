import { describe, expect, it } from 'vitest';
import { createExitGuard } from './exit-guard';
import { hashPin, isPinHash, verifyPin } from './pin';

describe('exit PIN hash', () => {
  it('verifies the right PIN only, with a fresh salt each time', async () => {
    const hash = await hashPin('2468');
    expect(isPinHash(hash)).toBe(true);
    expect(hash).not.toContain('2468');
    expect(await hashPin('2468')).not.toBe(hash);
    expect(await verifyPin('2468', hash)).toBe(true);
    expect(await verifyPin('2469', hash)).toBe(false);
    expect(await verifyPin('', hash)).toBe(false);
  });

  it('refuses PINs that are not 4-8 digits, and garbage hashes', async () => {
    await expect(hashPin('12')).rejects.toThrow();
    await expect(hashPin('abcd')).rejects.toThrow();
    expect(await verifyPin('2468', 'scrypt$1$1$1$a$b')).toBe(false);
    expect(await verifyPin('2468', 'plain')).toBe(false);
  });
});

describe('createExitGuard', () => {
  it('locks the exit after five wrong PINs, even against the right one, until the lock ends', async () => {
    let now = 0;
    const guard = createExitGuard({ now: () => now, maxTries: 5, lockMs: 60_000 });
    const hash = await hashPin('2468');
    expect(await guard.check('2468', undefined)).toBe('no-pin');
    for (let i = 0; i < 5; i++) expect(await guard.check('0000', hash)).toBe('wrong-pin');
    expect(await guard.check('2468', hash)).toBe('locked');
    now = 59_999;
    expect(await guard.check('2468', hash)).toBe('locked');
    now = 60_000;
    expect(await guard.check('2468', hash)).toBe('ok');
  });
});
