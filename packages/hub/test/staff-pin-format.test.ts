import { join } from 'node:path';
import { LOGIN_THROTTLE } from '@pst/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { PinHasher } from '../src/auth';
import { StaffLogin } from '../src/login';
import { Store } from '../src/storage/store';
import { removeDir, tempDir } from '../src/testing';

/**
 * Staff PIN hashes written before the hub and the shells shared one format (`scrypt$N$salt$key`,
 * base64, r=8, p=1) still sign in. PIN 2468; the hash is fixed, not made by the code under test.
 */
const OLD_FORMAT_HASH = 'scrypt$16384$cHN0LW9sZC1mb3JtYXQtMQ==$4yjSFJgLtDWXJUSrvlRoZmMzJfWcbEWz7S+Bzk1+TSk=';
const NOW = Date.UTC(2026, 10, 25, 2);

let dir = '';
let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
  removeDir(dir);
});

describe('staff PIN hash formats', () => {
  it('an account with a hash of the first format signs in with its PIN, and only with it', async () => {
    dir = tempDir();
    store = new Store(join(dir, 'pst.sqlite'));
    store.saveStaff(
      { username: 'lama', name: 'Akun Lama', role: 'consultant', pinHash: OLD_FORMAT_HASH, active: true },
      NOW,
      'admin',
    );
    const login = new StaffLogin(store, new PinHasher(), () => NOW, LOGIN_THROTTLE);
    expect(await login.login('lama', '8642', '10.0.0.5')).toMatchObject({ ok: false, code: 'LOGIN_FAILED' });
    expect(await login.login('lama', '2468', '10.0.0.5')).toMatchObject({ ok: true });
    expect(store.login('lama', '2468', NOW)).not.toBeNull();
  });

  it('a PIN changed later is stored in the one format', async () => {
    const hash = await new PinHasher().hash('2468');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await new PinHasher().verify('2468', hash)).toBe(true);
  });
});
