/**
 * Offices and their keys, central users and their sessions. An office key is issued here (CLI),
 * shown once and kept only as a SHA-256 digest, like the hub keeps device tokens; revoking it (or
 * issuing a new one) stops the old key at its next push.
 */
import type { OfficeTimeZone } from '@pst/shared';
import type pg from 'pg';
import { PROVINCES } from './provinces';
import { digest, hashPassword, newSecret, verifyPassword } from './secrets';

export type CentralRole = 'national' | 'province';

export interface CentralUser {
  username: string;
  name: string;
  role: CentralRole;
  /** The province a province user sees; null for national users. */
  province: string | null;
}

const SESSION_MS = 12 * 3600_000;

export async function addOffice(
  pool: pg.Pool,
  office: { id: string; name: string; timeZone?: OfficeTimeZone },
  now: number,
): Promise<{ key: string }> {
  const province = office.id.slice(0, 2);
  const known = PROVINCES[province];
  if (!/^\d{4}$/.test(office.id) || !known) throw new Error(`not a BPS regency/city code: ${office.id}`);
  const key = newSecret('pstk');
  await pool.query(
    `INSERT INTO offices (id, name, province, time_zone, key_hash, key_issued_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [office.id, office.name, province, office.timeZone ?? known.timeZone, digest(key), new Date(now)],
  );
  return { key };
}

/** A new key for an office; the previous one stops working. */
export async function issueKey(
  pool: pg.Pool,
  officeId: string,
  now: number,
): Promise<{ key: string } | null> {
  const key = newSecret('pstk');
  const { rowCount } = await pool.query(
    'UPDATE offices SET key_hash = $2, key_issued_at = $3, key_revoked_at = NULL WHERE id = $1',
    [officeId, digest(key), new Date(now)],
  );
  return rowCount ? { key } : null;
}

export async function revokeKey(pool: pg.Pool, officeId: string, now: number): Promise<boolean> {
  const { rowCount } = await pool.query(
    'UPDATE offices SET key_hash = NULL, key_revoked_at = $2 WHERE id = $1 AND key_hash IS NOT NULL',
    [officeId, new Date(now)],
  );
  return rowCount === 1;
}

export async function officeByKey(
  pool: pg.Pool,
  key: string,
): Promise<{ id: string; timeZone: OfficeTimeZone } | null> {
  const { rows } = await pool.query<{ id: string; time_zone: OfficeTimeZone }>(
    'SELECT id, time_zone FROM offices WHERE key_hash = $1',
    [digest(key)],
  );
  const row = rows[0];
  return row ? { id: row.id, timeZone: row.time_zone } : null;
}

export async function listOffices(pool: pg.Pool) {
  const { rows } = await pool.query<{
    id: string;
    name: string;
    province: string;
    key_active: boolean;
    last_push_at: Date | null;
  }>('SELECT id, name, province, key_hash IS NOT NULL AS key_active, last_push_at FROM offices ORDER BY id');
  return rows;
}

export async function addUser(
  pool: pg.Pool,
  user: CentralUser & { password: string },
  now: number,
): Promise<void> {
  if (user.role === 'province' && !(user.province && PROVINCES[user.province]))
    throw new Error('a province user needs a province code (e.g. 33)');
  if (user.password.length < 10) throw new Error('password: at least 10 characters');
  await pool.query(
    `INSERT INTO users (username, name, role, province, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      user.username,
      user.name,
      user.role,
      user.role === 'province' ? user.province : null,
      hashPassword(user.password),
      new Date(now),
    ],
  );
}

/** A session token for the right password, or null. */
export async function login(
  pool: pg.Pool,
  username: string,
  password: string,
  now: number,
): Promise<string | null> {
  const { rows } = await pool.query<{ password_hash: string }>(
    'SELECT password_hash FROM users WHERE username = $1 AND active',
    [username],
  );
  const row = rows[0];
  if (!row || !verifyPassword(password, row.password_hash)) return null;
  const token = newSecret('psts');
  await pool.query('DELETE FROM sessions WHERE expires_at < $1', [new Date(now)]);
  await pool.query('INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)', [
    digest(token),
    username,
    new Date(now + SESSION_MS),
  ]);
  return token;
}

export async function userBySession(pool: pg.Pool, token: string, now: number): Promise<CentralUser | null> {
  const { rows } = await pool.query<CentralUser>(
    `SELECT u.username, u.name, u.role, u.province FROM sessions s JOIN users u USING (username)
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`,
    [digest(token), new Date(now)],
  );
  return rows[0] ?? null;
}

export async function logout(pool: pg.Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM sessions WHERE token_hash = $1', [digest(token)]);
}
