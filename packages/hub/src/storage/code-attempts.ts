import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** Wrong codes in a row for one key (a kiosk), and until when its codes are refused. */
export interface CodeAttemptCount {
  wrong: number;
  blockedUntil: number;
}

/** The `code_attempts` table: the code throttle's counts, kept across hub restarts. */
export class CodeAttempts {
  private readonly get: Statement;
  private readonly put: Statement;
  private readonly remove: Statement;

  constructor(db: Db) {
    this.get = db.prepare('SELECT wrong, blocked_until AS blockedUntil FROM code_attempts WHERE key = ?');
    this.put = db.prepare(
      `INSERT INTO code_attempts (key, wrong, blocked_until) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET wrong = excluded.wrong, blocked_until = excluded.blocked_until`,
    );
    this.remove = db.prepare('DELETE FROM code_attempts WHERE key = ?');
  }

  of(key: string): CodeAttemptCount | null {
    return (this.get.get(key) as CodeAttemptCount | undefined) ?? null;
  }

  set(key: string, count: CodeAttemptCount): void {
    this.put.run(key, count.wrong, count.blockedUntil);
  }

  clear(key: string): void {
    this.remove.run(key);
  }
}
