/**
 * Numbered schema migrations of the central PostgreSQL database, each applied in its own transaction
 * under an advisory lock (two central processes starting together apply each once). Never edit a
 * released migration: add the next number.
 */
import { IKM_ELEMENTS } from '@pst/shared';
import type pg from 'pg';

export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'offices with their keys, office days, central users and sessions',
    sql: `
      CREATE TABLE offices (
        id text PRIMARY KEY CHECK (id ~ '^[0-9]{4}$'),
        name text NOT NULL,
        province text NOT NULL CHECK (province ~ '^[0-9]{2}$'),
        time_zone text NOT NULL,
        -- SHA-256 of the office key (the key itself is shown once, at issue); NULL once revoked.
        key_hash text UNIQUE,
        key_issued_at timestamptz,
        key_revoked_at timestamptz,
        last_push_at timestamptz,
        last_day date,
        created_at timestamptz NOT NULL,
        -- Province views filter office days by this prefix.
        CHECK (left(id, 2) = province)
      );
      CREATE INDEX offices_province ON offices(province);

      -- One row per office and closed day, in the version last accepted. The figures the dashboard adds
      -- up are columns; the whole day (per queue and desk, demographics) is kept in facts for drill-down.
      CREATE TABLE office_days (
        office_id text NOT NULL REFERENCES offices(id),
        day date NOT NULL,
        version integer NOT NULL,
        digest text NOT NULL,
        received_at timestamptz NOT NULL,
        visits integer NOT NULL,
        clocked integer NOT NULL,
        within_target integer NOT NULL,
        served integer NOT NULL,
        ikm_respondents integer NOT NULL,
        ikm_sums integer[] NOT NULL,
        ikm_answered integer[] NOT NULL,
        complaints integer NOT NULL,
        complaints_open integer NOT NULL,
        facts jsonb NOT NULL,
        PRIMARY KEY (office_id, day)
      );
      CREATE INDEX office_days_day ON office_days(day);

      -- The same figures per office and month, kept by every push from that month's days (months.ts):
      -- a national year reads 514 x 12 rows instead of 514 x 365.
      CREATE TABLE office_months (
        office_id text NOT NULL REFERENCES offices(id),
        month date NOT NULL,
        days integer NOT NULL,
        visits integer NOT NULL,
        clocked integer NOT NULL,
        within_target integer NOT NULL,
        served integer NOT NULL,
        ikm_respondents integer NOT NULL,
        -- The IKM tally per element as plain columns: summing 18 columns over a national year is several
        -- times faster than subscripting two arrays 18 times per row.
        ${IKM_ELEMENTS.map((_, i) => `ikm_s${i + 1} integer NOT NULL, ikm_a${i + 1} integer NOT NULL,`).join('\n        ')}
        complaints integer NOT NULL,
        complaints_open integer NOT NULL,
        PRIMARY KEY (office_id, month)
      );
      CREATE INDEX office_months_month ON office_months(month);

      CREATE TABLE users (
        username text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('national', 'province')),
        province text CHECK (province ~ '^[0-9]{2}$'),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        CHECK ((role = 'province') = (province IS NOT NULL))
      );

      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        username text NOT NULL REFERENCES users(username),
        expires_at timestamptz NOT NULL
      );
    `,
  },
];

const LOCK_ID = 3324_22;

export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM schema_migrations',
    );
    const current = rows[0]?.v ?? 0;
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return MIGRATIONS.at(-1)?.version ?? 0;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    client.release();
  }
}
