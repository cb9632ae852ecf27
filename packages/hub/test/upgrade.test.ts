/**
 * Updating the software keeps an office's data. `fixtures/release-0.1.0.sqlite` is a database written
 * by release 0.1.0 (schema version 1): a supervisor, a paired kiosk and seven seeded office days,
 * made with `seedOffice(store, { days: 7, seed: 3324, now: 2026-11-25 08:00 WIB })`. The JSON beside
 * it holds what that release reported for those days. This hub must open the file, apply its newer
 * migrations, and still report the same numbers, log the same staff in, and accept the same kiosk.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { currentServiceUsedLabel } from '@pst/shared';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport, type Report, type ReportRange } from '../src/reports';
import { migrate } from '../src/storage/database';
import { MIGRATIONS } from '../src/storage/migrations';
import { ok, startHub, type TestHub, tempDir } from '../src/testing';
import release from './fixtures/release-0.1.0.json';

let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.close();
  hub = undefined;
});

describe('upgrading from the previous release', () => {
  it('opens a release 0.1.0 database, migrates it, and keeps every report, account and device', async () => {
    const dataDir = tempDir();
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(join(import.meta.dirname, 'fixtures/release-0.1.0.sqlite'), join(dataDir, 'pst.sqlite'));
    hub = await startHub({ dataDir });

    const latest = MIGRATIONS.at(-1)?.version;
    expect(release.schemaVersion).toBeLessThanOrEqual(latest ?? 0);
    expect(hub.store.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(hub.store.integrityOk()).toBe(true);

    // The first report reads the days' rows and keeps their facts; the second reads the kept facts
    // (the hub may have kept them already after its start: forgotten here to take both ways).
    hub.store.db.exec('DELETE FROM report_days');
    const report = buildReport(hub.store.reports, release.range as ReportRange, 'Asia/Jakarta', '2026-11-25');
    const kept = hub.store.db.prepare('SELECT count(*) FROM report_days').pluck().get();
    const again = buildReport(hub.store.reports, release.range as ReportRange, 'Asia/Jakarta', '2026-11-25');
    // The days from the first with visits (18 November) to the last before today, weekend included.
    expect(kept).toBe(7);
    // Numbers to ten digits: a later fix of float summing (IKM) may move the last digits, not the data.
    const rounded = (value: unknown) =>
      JSON.parse(JSON.stringify(value), (_key, v) => (typeof v === 'number' ? Number(v.toPrecision(10)) : v));
    // Every figure the old release reported is still there, unchanged; later releases may add figures
    // (called and breach counts, elements without answers, complaint follow-up), never change these.
    // A guest-book label renamed since (shared currentServiceUsedLabel) keeps its count under today's name.
    expect(rounded(report) as Report).toMatchObject(rounded(withCurrentLabels(release.report)));
    expect(again).toEqual(report);
    expect(report.visitors.total).toBe(release.seeded.visits);

    const login = await fetch(`${hub.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(release.staff),
    });
    expect(login.status).toBe(200);

    // The kiosk paired under the old release takes today's first ticket: numbering starts afresh.
    const kiosk = await hub.connect(release.kioskToken);
    expect(await ok(kiosk, 'ticket:take', { serviceId: 'konsultasi' })).toMatchObject({
      ticket: { number: 'K-001' },
    });
  });
});

describe('the audit of moves out of turn (migration 13)', () => {
  it("moves a version-12 database's chosen and sent calls into the one table, every field kept", () => {
    const db = new Database(':memory:');
    for (const { version, sql } of MIGRATIONS.filter((m) => m.version <= 12)) {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    }
    db.prepare(
      `INSERT INTO chosen_calls (day, at, ticket_id, queue, desk_id, staff_id, reason, note, overtook, overtaken)
       VALUES ('2026-11-25', 1000, 'T-2', 'konsultasi', 'konsultasi-1', 'budi', 'lainnya', 'Diminta kepala', '["T-1"]', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO sent_calls (day, at, ticket_id, queue, desk_id, staff_id, from_desk_id, sent_by, via, overtook,
         overtaken)
       VALUES ('2026-11-25', 2000, 'T-3', 'konsultasi', 'konsultasi-2', 'sari', 'fo-1', 'rina', 'guest-book', '[]', 0)`,
    ).run();
    expect(migrate(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.prepare('SELECT * FROM out_of_turn ORDER BY at').all()).toEqual([
      {
        id: 1,
        kind: 'chosen',
        day: '2026-11-25',
        at: 1000,
        ticket_id: 'T-2',
        queue: 'konsultasi',
        desk_id: 'konsultasi-1',
        staff_id: 'budi',
        decided_by: 'budi',
        from_desk_id: null,
        how: 'lainnya',
        note: 'Diminta kepala',
        overtook: '["T-1"]',
        overtaken: 1,
      },
      {
        id: 2,
        kind: 'sent',
        day: '2026-11-25',
        at: 2000,
        ticket_id: 'T-3',
        queue: 'konsultasi',
        desk_id: 'konsultasi-2',
        staff_id: 'sari',
        decided_by: 'rina',
        from_desk_id: 'fo-1',
        how: 'guest-book',
        note: '',
        overtook: '[]',
        overtaken: 0,
      },
    ]);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).not.toContain('chosen_calls');
    expect(tables).not.toContain('sent_calls');
    db.close();
  });
});

/** The old release's report with each renamed guest-book label (an object key) as today's list names it. */
function withCurrentLabels(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withCurrentLabels);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [currentServiceUsedLabel(key), withCurrentLabels(v)]),
  );
}
