import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * SQL lives in src/storage/ (ARCHITECTURE.md): the rest of the hub calls the store's methods. This
 * reads every other source file for the ways SQL crept out before (`store.db.prepare(...)` in
 * reports, data care, HTTP routes and commands), so it cannot come back unnoticed.
 */
const SRC = fileURLToPath(new URL('../src', import.meta.url));

const FORBIDDEN: Array<[RegExp, string]> = [
  [/from 'better-sqlite3'/, 'imports the SQLite driver'],
  [/\.db\b/, "reaches into the store's connection (store.db)"],
  [/\.prepare\(/, 'prepares a statement'],
  [/\.pragma\(/, 'runs a pragma'],
  // A regular expression's exec (`/x/.exec(s)`) is fine; a connection's is not.
  [/(?<!\/[dgimsuvy]*)\.exec\(/, 'runs SQL with exec'],
  [/\b(?:SELECT\s+[a-z*(]|INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE\s+[a-z_]+\s+SET)/, 'holds SQL'],
];

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/^storage[/\\]/.test(file))
    .sort();
}

describe('SQL only in storage/', () => {
  it('finds the source files it checks', () => {
    const files = sourceFiles();
    expect(files).toContain('hub.ts');
    expect(files).toContain(join('commands', 'run-command.ts'));
    expect(files.some((file) => /^storage[/\\]/.test(file))).toBe(false);
  });

  it('no file outside storage/ touches the database itself', () => {
    const found = sourceFiles().flatMap((file) =>
      readFileSync(join(SRC, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          FORBIDDEN.filter(([pattern]) => pattern.test(line)).map(
            ([, what]) => `${file}:${i + 1} ${what}: ${line.trim()}`,
          ),
        ),
    );
    expect(found).toEqual([]);
  });

  it('would see each way SQL crept out before', () => {
    const offending = [
      "import Database from 'better-sqlite3';",
      'hub.store.db.transaction(() => write())();',
      "const n = store.db.prepare('SELECT count(*) AS n FROM events').get();",
      "check.pragma('integrity_check', { simple: true });",
      "db.exec('DELETE FROM report_days');",
      '`UPDATE ratings SET complaint = ? WHERE ticket_id = ?`',
    ];
    for (const line of offending)
      expect(
        FORBIDDEN.some(([pattern]) => pattern.test(line)),
        line,
      ).toBe(true);
    expect(FORBIDDEN.some(([pattern]) => pattern.test('const m = /^(\\d+)$/i.exec(text);'))).toBe(false);
  });
});
