import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** A prepared statement by its SQL text. */
export type Sql = (source: string) => Statement;

const caches = new WeakMap<Db, Sql>();

/**
 * The connection's one statement cache, shared by every storage module: preparing costs more than
 * running most of our queries, so each SQL text is prepared once per connection. A statement's mode
 * (`pluck`, `raw`) is set by the one query that uses its text, at each use.
 */
export function statementsOf(db: Db): Sql {
  let sql = caches.get(db);
  if (!sql) {
    const statements = new Map<string, Statement>();
    sql = (source) => {
      let statement = statements.get(source);
      if (!statement) {
        statement = db.prepare(source);
        statements.set(source, statement);
      }
      return statement;
    };
    caches.set(db, sql);
  }
  return sql;
}
