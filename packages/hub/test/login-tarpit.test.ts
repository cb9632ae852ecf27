/**
 * Issue 16, a login flood's fairness: a throttled sign-in costs the hub next to nothing. It is refused
 * before any PIN hashing, its answer is held for its wait (a timer, no work) within caps per address
 * and in total, and beyond the caps it is answered at once. An unknown username costs what a wrong
 * PIN costs. Over real HTTP from two loopback addresses.
 */
import { request } from 'node:http';
import { LOGIN_THROTTLE } from '@pst/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PinHasher } from '../src/auth';
import { startHub, type TestHub } from '../src/testing';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

interface Answer {
  status: number;
  retryAfter: string | undefined;
  code: string | undefined;
}

/** `POST /api/login` from a chosen loopback address; `abort` hangs up before the answer. */
function login(h: TestHub, username: string, pin: string, from = '127.0.0.1') {
  const { port } = new URL(h.url);
  let abort = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/login',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          const body = JSON.parse(text) as { error?: { code: string } };
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            code: body.error?.code,
          });
        });
      },
    );
    req.on('error', reject);
    abort = () => req.destroy();
    req.end(JSON.stringify({ username, pin }));
  });
  return { answer, abort: () => abort() };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe('login flood: throttled tries are held, not worked on', () => {
  it('holds refusals without hashing, caps them per address and in total, and answers beyond the caps at once', async () => {
    hub = await startHub({
      // Locks at the 4th failure, so a held answer would wait out the whole hold.
      loginThrottle: { ...LOGIN_THROTTLE, lockAfter: 4 },
      loginTarpit: { perAddress: 3, total: 4, maxHoldMs: 10 * 60_000 },
    });
    const h = hub;
    h.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, h.now.value);
    for (let i = 0; i < 3; i++) expect((await login(h, 'rina', '1111').answer).status).toBe(401);
    h.advance(1000);
    expect((await login(h, 'rina', '1111').answer).status).toBe(401);
    const tarpit = h.context.loginTarpit;
    const verify = vi.spyOn(h.context.pins, 'verify');

    // Locked (15 minutes): three tries from this address are held, not answered.
    const held = [1, 2, 3].map(() => login(h, 'rina', '2468'));
    await until(() => tarpit.heldFor('127.0.0.1') === 3);
    // The fourth from the same address is beyond its cap: told at once, with the whole wait.
    expect(await login(h, 'rina', '2468').answer).toEqual({
      status: 429,
      retryAfter: String(15 * 60),
      code: 'LOGIN_THROTTLED',
    });
    // Another address (the account is locked for everyone): one more is held, then the total is full.
    const other = login(h, 'rina', '2468', '127.0.0.2');
    await until(() => tarpit.held === 4);
    expect((await login(h, 'rina', '2468', '127.0.0.2').answer).status).toBe(429);
    expect(tarpit.heldFor('127.0.0.2')).toBe(1);

    // A client that hangs up frees its place.
    const hungUp = held[0]?.answer.catch((error: Error) => error);
    held[0]?.abort();
    await until(() => tarpit.heldFor('127.0.0.1') === 2);
    expect(await hungUp).toBeInstanceOf(Error);

    // Not one PIN was checked for any throttled try, right PIN or not, and none was counted.
    expect(verify).not.toHaveBeenCalled();
    expect(h.store.loginFailures('account:rina')?.failures).toBe(4);

    // Closing the hub answers the held tries (its server waits for open requests).
    await h.stop();
    hub = undefined;
    for (const answer of [held[1]?.answer, held[2]?.answer, other.answer])
      expect(await answer).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED' });
    expect(tarpit.held).toBe(0);
  });

  it('answers a held try when its wait is over, with the time still left', async () => {
    // The default policy: after 3 failures the 4th try waits 1 s, held for that second.
    hub = await startHub({ loginTarpit: { perAddress: 3, total: 4, maxHoldMs: 10 * 60_000 } });
    const h = hub;
    h.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, h.now.value);
    for (let i = 0; i < 3; i++) expect((await login(h, 'rina', '1111').answer).status).toBe(401);
    const throttled = login(h, 'rina', '2468');
    await until(() => h.context.loginTarpit.held === 1);
    // The hub's clock stands still, so once the hold is over the wait is still a second away.
    expect(await throttled.answer).toEqual({ status: 429, retryAfter: '1', code: 'LOGIN_THROTTLED' });
    expect(h.context.loginTarpit.held).toBe(0);
  });

  it('checks an unknown username exactly as it checks a wrong PIN: one hash of the same cost each', async () => {
    hub = await startHub();
    const h = hub;
    h.store.addStaff({ username: 'rina', name: 'Rina', role: 'front-office', pin: '2468' }, h.now.value);
    const verify = vi.spyOn(h.context.pins, 'verify');
    const unknown = await login(h, 'nobody', '1111').answer;
    const wrong = await login(h, 'rina', '1111').answer;
    expect(unknown).toEqual(wrong);
    expect(unknown).toMatchObject({ status: 401, code: 'LOGIN_FAILED' });
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls.map(([, stored]) => stored === null)).toEqual([true, false]);
    // Both are counted and audited alike.
    expect(h.store.loginFailures('account:nobody')?.failures).toBe(1);
    expect(h.store.loginFailures('account:rina')?.failures).toBe(1);
  });

  it('hashes against a dummy with the very parameters of a real PIN hash', async () => {
    const hasher = new PinHasher();
    const real = await hasher.hash('2468');
    const dummy = (hasher as unknown as { dummy: string }).dummy;
    // `scrypt$N$r$p$salt$key`: the same scheme and cost parameters, salt and key of the same length.
    const shape = (stored: string) => {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      return {
        scheme,
        cost: [n, r, p],
        salt: Buffer.from(salt ?? '', 'base64url').length,
        key: Buffer.from(key ?? '', 'base64url').length,
      };
    };
    expect(shape(dummy)).toEqual(shape(real));
    expect(await hasher.verify('2468', null)).toBe(false);
    expect(await hasher.verify('2468', real)).toBe(true);
  });
});
