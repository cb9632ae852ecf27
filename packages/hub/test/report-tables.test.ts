import { join } from 'node:path';
import { DEFAULT_CONFIG, dayStart, REPORT_TABLES } from '@pst/shared';
import { afterEach, expect, it } from 'vitest';
import { reportTables } from '../src/exports';
import { buildOnlineReport, onlineTables } from '../src/online-reports';
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
    const range = { from: '2026-11-01', to: '2026-11-30' };
    const report = buildReport(store.reports, range, 'Asia/Jakarta', '2026-11-25');
    const online = buildOnlineReport(store.reports, range, dayStart('2026-11-25'), {
      holidays: store.holidays(),
      timeZone: 'Asia/Jakarta',
    });
    // The hub's exports write the walk-in tables and then the online service's (http.ts).
    const written = [...reportTables(report, DEFAULT_CONFIG), ...onlineTables(online)];
    expect(written.map((table) => table.name)).toEqual([...REPORT_TABLES]);
  } finally {
    store.close();
  }
});
