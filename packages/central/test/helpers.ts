import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { addOffice, addUser, type CentralUser } from '../src/accounts';
import { type Central, createCentral } from '../src/server';

/** 09:00 WIB on Wednesday 25 November 2026: the clock every test moves from. */
export const MORNING = Date.UTC(2026, 10, 25, 2, 0);

/** An empty database of its own in the run's throwaway cluster. */
export async function freshDatabase(): Promise<string> {
  const base = inject('postgresUrl');
  const name = `central_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

export interface TestCentral extends Central {
  now: { value: number };
  /** Registers an office and returns its key. */
  office(id: string, name?: string): Promise<string>;
  user(user: Omit<CentralUser, 'name'> & { name?: string }): Promise<{ username: string; password: string }>;
}

export async function startCentral(options: { now?: { value: number } } = {}): Promise<TestCentral> {
  const now = options.now ?? { value: MORNING };
  const central = await createCentral({
    databaseUrl: await freshDatabase(),
    port: 0,
    host: '127.0.0.1',
    clock: () => now.value,
    poolSize: 4,
  });
  return {
    ...central,
    now,
    async office(id, name = `BPS ${id}`) {
      return (await addOffice(central.pool, { id, name }, now.value)).key;
    },
    async user(user) {
      const password = `sandi-${randomBytes(6).toString('hex')}`;
      await addUser(central.pool, { name: `Pengguna ${user.username}`, ...user, password }, now.value);
      return { username: user.username, password };
    },
  };
}

/** A push as a hub sends it (or a broken one a test makes). */
export async function push(central: Central, key: string, body: unknown, raw?: string) {
  const response = await fetch(`${central.url}/api/v1/days`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: raw ?? JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string; details?: unknown };
    },
  };
}

/** Every stored office day, to compare before and after a refused push. */
export async function officeDays(central: Central) {
  const { rows } = await central.pool.query(
    `SELECT office_id, to_char(day, 'YYYY-MM-DD') AS day, version, visits, within_target, clocked, complaints_open
     FROM office_days ORDER BY office_id, day`,
  );
  return rows;
}

/** Signs in through the login form and returns a fetch bound to the session cookie. */
export async function signIn(central: Central, username: string, password: string) {
  const response = await fetch(`${central.url}/masuk`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  return {
    status: response.status,
    get: (path: string) =>
      fetch(`${central.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' }),
  };
}
