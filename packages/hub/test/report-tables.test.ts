import { join } from 'node:path';
import { DEFAULT_CONFIG, REPORT_TABLES } from '@pst/shared';
import { afterEach, expect, it } from 'vitest';
import { reportTables } from '../src/exports';
import { buildReport } from '../src/reports';
import { Store } from '../src/storage/store';
import { removeDir, tempDir } from '../src/testing';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeDir(dir);
});

it("writes exactly the shared list of report tables, the list the supervisor's screen offers", () => {
  const dir = tempDir();
  dirs.push(dir);
  const store = new Store(join(dir, 'pst.sqlite'));
  try {
    const report = buildReport(
      store.db,
      { from: '2026-11-01', to: '2026-11-30' },
      'Asia/Jakarta',
      '2026-11-25',
    );
    expect(reportTables(report, DEFAULT_CONFIG).map((table) => table.name)).toEqual([...REPORT_TABLES]);
  } finally {
    store.close();
  }
});
