import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepClosedDays } from '../src/reports';
import { seedOffice } from '../src/seed';
import { Store } from '../src/storage/store';
import { MORNING, removeDir, tempDir } from '../src/testing';

const stores: Array<{ store: Store; dir: string }> = [];
afterEach(() => {
  for (const { store, dir } of stores.splice(0)) {
    store.close();
    removeDir(dir);
  }
});

/** A real SQLite file with 20 seeded days whose facts are kept, as the hub keeps them after each day. */
function seeded(): Store {
  const dir = tempDir();
  const store = new Store(join(dir, 'pst.sqlite'));
  stores.push({ store, dir });
  seedOffice(store, { days: 20, now: MORNING, seed: 7 });
  while (keepClosedDays(store.reports, 'Asia/Jakarta', '2026-11-25', 7) === 7);
  return store;
}

const queue = (store: Store, complaintText = false) =>
  store.outbox.queueChangedDays({ complaintText, limit: 200 });

describe('the outbox of closed days', () => {
  it('queues every kept day once, as version 1, newest first', () => {
    const store = seeded();
    expect(store.outbox.counts()).toEqual({ days: 20, pending: 0, dirty: 20 });
    expect(queue(store)).toBe(20);
    const pending = store.outbox.pendingDays(100);
    expect(pending.map((d) => d.day)).toEqual([...pending.map((d) => d.day)].sort().reverse());
    expect(pending[0]).toMatchObject({ day: '2026-11-24', version: 1 });
    expect(new Set(pending.map((d) => d.version))).toEqual(new Set([1]));
    expect(queue(store)).toBe(0);
  });

  it('re-queues a day under a new version only when what it sends changed', () => {
    const store = seeded();
    queue(store);
    store.outbox.markSent(store.outbox.pendingDays(100));
    expect(store.outbox.counts().pending).toBe(0);
    const day = store.db
      .prepare("SELECT day FROM ratings WHERE complaint != '' LIMIT 1")
      .pluck()
      .get() as string;

    // Kept again with the same facts (a guest-book erasure, say): dirty, compared, not sent again.
    store.db.prepare('DELETE FROM report_days WHERE day = ?').run(day);
    keepClosedDays(store.reports, 'Asia/Jakarta', '2026-11-25', 7);
    expect(store.outbox.counts().dirty).toBe(1);
    queue(store);
    expect(store.outbox.counts()).toMatchObject({ pending: 0, dirty: 0 });

    // A complaint followed up: its open count changes, the day goes again as version 2.
    store.db.prepare("UPDATE ratings SET complaint_status = 'selesai' WHERE day = ?").run(day);
    expect(store.db.prepare('SELECT count(*) FROM report_days WHERE day = ?').pluck().get(day)).toBe(0);
    keepClosedDays(store.reports, 'Asia/Jakarta', '2026-11-25', 7);
    queue(store);
    const [again] = store.outbox.pendingDays(100);
    expect(again).toMatchObject({ day, version: 2, facts: { complaints: { open: 0 } } });

    // An acknowledgement of version 1 arriving late does not clear version 2.
    store.outbox.markSent([{ day, version: 1 }]);
    expect(store.outbox.counts().pending).toBe(1);
    store.outbox.markSent([{ day, version: 2 }]);
    expect(store.outbox.counts().pending).toBe(0);
  });

  it('carries no personal data, and complaint words only when asked to', () => {
    const store = seeded();
    queue(store);
    const sent = JSON.stringify(store.outbox.pendingDays(100));
    for (const row of store.db.prepare('SELECT entry, phone, email FROM guest_book').all() as Array<{
      entry: string;
      phone: string;
      email: string;
    }>) {
      const entry = JSON.parse(row.entry) as Record<string, string>;
      for (const secret of [
        entry.fullName,
        entry.identityNumber,
        entry.institutionName,
        row.phone,
        row.email,
      ])
        if (secret) expect(sent).not.toContain(secret);
    }
    const complaints = store.db
      .prepare("SELECT complaint FROM ratings WHERE complaint != ''")
      .pluck()
      .all() as string[];
    expect(complaints.length).toBeGreaterThan(0);
    expect(sent).not.toContain('"texts"');

    store.outbox.markAllDirty();
    queue(store, true);
    const withTexts = store.outbox.pendingDays(100);
    expect(withTexts.flatMap((d) => d.facts.complaints.texts ?? []).sort()).toEqual(complaints.sort());
    expect(new Set(withTexts.map((d) => d.version)).has(2)).toBe(true);
  });

  it('goes above the versions central holds (a hub restored from an older backup)', () => {
    const store = seeded();
    queue(store);
    store.outbox.queueAbove([{ day: '2026-11-24', version: 5 }]);
    expect(store.outbox.pendingDays(1)[0]).toMatchObject({ day: '2026-11-24', version: 6 });
  });
});
