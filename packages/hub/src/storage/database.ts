import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;
/**
 * When a commit is on disk:
 * - `group` (the hub's default): commits go to the WAL at `synchronous = NORMAL` and the store's
 *   `synced()` fsyncs the WAL for every commit made so far: the commands of one event-loop turn
 *   share one commit and one fsync (see GroupSync, TurnBatch).
 *   Nothing is acknowledged before that, so an acknowledged command survives a power cut.
 * - `full`: SQLite's `synchronous = FULL`, an fsync inside every commit (on the event loop).
 * - `normal` / `off`: SQLite's `NORMAL` / `OFF` with no sync before the acknowledgement: a power cut
 *   can lose acknowledged commands (for comparisons and the power-cut test's control run only).
 */
export const DURABILITIES = ['group', 'full', 'normal', 'off'] as const;
export type Durability = (typeof DURABILITIES)[number];

const SYNCHRONOUS: Record<Durability, string> = {
  group: 'NORMAL',
  full: 'FULL',
  normal: 'NORMAL',
  off: 'OFF',
};

/** Opens (or creates) the hub's database: WAL, one writer, foreign keys on, migrations applied. */
export function openDatabase(file: string, options: { durability?: Durability } = {}): Db {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    keepPrivate(file);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode never corrupts the file on a power cut; it may lose the last commits, which
  // is why `group` syncs the WAL itself before anything is acknowledged.
  db.pragma(`synchronous = ${SYNCHRONOUS[options.durability ?? 'group']}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * The database holds visitors' personal data (UU 27/2022): readable by the hub's own user only.
 * SQLite gives its -wal and -shm files the database file's permissions, so the file is made (or
 * tightened) before SQLite opens it. Backups get the same treatment.
 */
export function keepPrivate(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
  else writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
}

/** Whether a file is a whole PST database (a backup about to be restored): intact, with an event log. */
export function isSoundBackup(file: string): boolean {
  const check = new Database(file, { readonly: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true }) === 'ok';
    const hasEvents = check
      .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'events'`)
      .get() as { n: number };
    return ok && hasEvents.n === 1;
  } finally {
    check.close();
  }
}

/** Copies everything a database's WAL holds into its file and removes the WAL (nobody else has it open). */
export function foldWal(file: string): void {
  const db = new Database(file);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new Error(`${file} is in use`);
  } finally {
    db.close();
  }
}

/**
 * What a database file holds after a power cut, opened as the next start opens it (recovering the
 * WAL): whether it is intact, and each domain event as `<type> <ticketId>` (the power-cut test).
 */
export function domainEventsOnDisk(file: string): { done: Set<string>; integrityOk: boolean } {
  const db = new Database(file);
  try {
    const integrityOk = db.pragma('integrity_check', { simple: true }) === 'ok';
    const rows = db
      .prepare(
        `SELECT type, json_extract(payload, '$.ticketId') AS ticketId FROM events WHERE kind = 'domain'`,
      )
      .all() as Array<{ type: string; ticketId: string | null }>;
    return { done: new Set(rows.map((r) => `${r.type} ${r.ticketId}`)), integrityOk };
  } finally {
    db.close();
  }
}
