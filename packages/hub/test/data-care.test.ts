import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, guestBookEntrySchema, officeDay } from '@pst/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRetention, dailyBackup, ERASED_TEXT, eraseVisitor, restoreBackup } from '../src/data-care';
import { reportTables } from '../src/exports';
import { buildReport } from '../src/reports';
import { recordRunningHub } from '../src/running-hub';
import { Store } from '../src/storage/store';
import { GUEST, removeDir, tempDir } from '../src/testing';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 2, 0);
const entry = guestBookEntrySchema.parse(GUEST);
let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

function storeWith(days: Array<[string, string]>) {
  const dir = tempDir();
  const store = new Store(join(dir, 'pst.sqlite'));
  stores.push(store);
  for (const [id, day] of days) {
    store.insertGuestBook(
      id,
      { ...entry, phone: id === 'gb-other' ? '081211112222' : entry.phone },
      `t-${id}`,
      day,
      'rina',
      Date.parse(`${day}T02:00:00Z`),
    );
  }
  return { dir, store };
}

describe('personal data care', () => {
  it('erases personal fields past the retention period and nothing else; the statistics stay', () => {
    const { store } = storeWith([
      ['gb-old', '2024-11-20'],
      ['gb-edge', '2024-11-25'],
      ['gb-new', '2026-11-20'],
    ]);
    expect(applyRetention(store, NOW, 'Asia/Jakarta', 730)).toBe(1);
    const old = store.db
      .prepare('SELECT entry, phone, email, erased_at FROM guest_book WHERE id = ?')
      .get('gb-old') as {
      entry: string;
      phone: string | null;
      erased_at: number;
    };
    const kept = JSON.parse(old.entry);
    // Only the anonymous statistics stay: no identity number, name, e-mail, phone, address, institution or data asked for.
    expect(kept).toEqual({
      identityType: 'KTP',
      gender: 'Perempuan',
      birthYear: 1995,
      education: 'D4/S1',
      occupation: 'Peneliti/Dosen',
      institutionCategory: 'Lembaga Penelitian & Pendidikan',
      purpose: 'Penelitian',
      servicesUsed: ['Konsultasi Statistik'],
      visitType: 'Perorangan',
      groupSize: 1,
      consent: true,
    });
    expect(old.phone).toBeNull();
    expect(old.erased_at).toBe(NOW);
    expect(store.guestBookById('gb-edge')?.fullName).toBe('Siti Aminah');
    expect(store.guestBookById('gb-new')?.fullName).toBe('Siti Aminah');
    expect(store.lookupGuest({ phone: '081234567890' })?.fullName).toBe('Siti Aminah');
    // The anonymous statistics of the erased visit are still counted.
    const report = buildReport(
      store.reports,
      { from: '2024-01-01', to: '2026-12-31' },
      'Asia/Jakarta',
      officeDay(NOW),
    );
    expect(report.guestBook.entries).toBe(3);
    expect(report.guestBook.breakdown.gender).toEqual({ [entry.gender]: 3 });
    expect(reportTables(report, DEFAULT_CONFIG).find((t) => t.name === 'buku-tamu')).toBeDefined();
    expect(applyRetention(store, NOW, 'Asia/Jakarta', 730)).toBe(0);
  });

  it('erases a backlog in batches of the given size', () => {
    const { store } = storeWith([
      ['gb-1', '2023-01-02'],
      ['gb-2', '2023-01-03'],
      ['gb-3', '2023-01-04'],
      ['gb-new', '2026-11-20'],
    ]);
    expect([1, 2, 3].map(() => applyRetention(store, NOW, 'Asia/Jakarta', 730, 2))).toEqual([2, 1, 0]);
    expect(store.guestBookById('gb-new')?.fullName).toBe('Siti Aminah');
  });

  it('erases one visitor on request, found by phone in any format, and logs it', () => {
    const { store } = storeWith([
      ['gb-a', '2026-10-01'],
      ['gb-b', '2026-11-01'],
      ['gb-other', '2026-11-02'],
    ]);
    const rate = (ticketId: string, complaint: string) =>
      store.insertRating(
        `r-${ticketId}`,
        { ticketId, overall: 2, scores: [], integrity: { imbalan: null, pungli: null }, complaint } as never,
        '2026-11-01',
        'konsultasi-1',
        NOW,
      );
    for (const id of ['gb-a', 'gb-other']) {
      store.addNote(`t-${id}`, 'konsultan', `Bu Siti (${id}) minta data IPM`, NOW);
      rate(`t-${id}`, `Saya Siti (${id}), antrian lama`);
    }
    expect(eraseVisitor(store, { phone: '+62 812-3456-7890' }, NOW, 'staff-1')).toBe(2);
    expect(store.lookupGuest({ phone: '081234567890' })).toBeNull();
    expect(store.guestBookById('gb-other')?.fullName).toBe('Siti Aminah');
    // Free text of the erased visits goes too (it may name the person); the other visitor's stays.
    expect(store.notes('t-gb-a').map((n) => n.text)).toEqual([ERASED_TEXT]);
    expect(store.notes('t-gb-other').map((n) => n.text)).toEqual(['Bu Siti (gb-other) minta data IPM']);
    const complaints = store.db.prepare('SELECT ticket_id AS t, complaint FROM ratings ORDER BY t').all();
    expect(complaints).toEqual([
      { t: 't-gb-a', complaint: ERASED_TEXT },
      { t: 't-gb-other', complaint: 'Saya Siti (gb-other), antrian lama' },
    ]);
    const audit = store.db
      .prepare(`SELECT actor, payload FROM events WHERE type = 'guestbook.erase-request'`)
      .get();
    expect(audit).toEqual({ actor: 'staff-1', payload: JSON.stringify({ by: 'phone', erased: 2 }) });
  });
});

describe('backups', () => {
  it('makes one backup a day, keeps the last ones, and restores a backup', async () => {
    const { dir, store } = storeWith([['gb-a', '2026-11-01']]);
    const backups = join(dir, 'backups');
    for (let d = 0; d < 5; d++) {
      const day = new Date(NOW - (4 - d) * DAY).toISOString().slice(0, 10);
      await dailyBackup(store, backups, day, 3);
    }
    expect(await dailyBackup(store, backups, '2026-11-25', 3)).toBeNull();
    expect(readdirSync(backups).sort()).toEqual([
      'pst-2026-11-23.sqlite',
      'pst-2026-11-24.sqlite',
      'pst-2026-11-25.sqlite',
    ]);

    // Something goes wrong after the backup: restore it; refused while the hub still runs there.
    store.db.prepare('DELETE FROM guest_book').run();
    const running = recordRunningHub(dir, { url: 'http://127.0.0.1:3324', fingerprint: null });
    expect(() => restoreBackup(join(backups, 'pst-2026-11-25.sqlite'), dir)).toThrow(/hub is running/);
    expect(existsSync(join(dir, 'pst.sqlite.before-restore'))).toBe(false);
    store.close();
    stores = [];
    running();
    restoreBackup(join(backups, 'pst-2026-11-25.sqlite'), dir);
    const restored = new Store(join(dir, 'pst.sqlite'));
    stores.push(restored);
    expect(restored.guestBookById('gb-a')?.fullName).toBe('Siti Aminah');
    expect(restored.integrityOk()).toBe(true);
    expect(existsSync(join(dir, 'pst.sqlite.before-restore'))).toBe(true);
    expect(() => restoreBackup(join(dir, 'pst.sqlite.before-restore.missing'), dir)).toThrow();

    // A second restore (the first backup was the wrong one) keeps the copy from before the first.
    restored.close();
    stores = [];
    const keptBefore = readFileSync(join(dir, 'pst.sqlite.before-restore'));
    expect(() => restoreBackup(join(backups, 'pst-2026-11-25.sqlite'), dir)).toThrow(/earlier restore/);
    expect(readFileSync(join(dir, 'pst.sqlite.before-restore')).equals(keptBefore)).toBe(true);
  });

  it('keeps aside what only the WAL held when the hub died (a crash, a power cut), not just the file', async () => {
    const { dir, store } = storeWith([['gb-a', '2026-11-01']]);
    const backup = await dailyBackup(store, join(dir, 'backups'), '2026-11-25', 3);
    if (!backup) throw new Error('no backup');
    // Written after the backup, in the WAL only: the hub has not checkpointed it into the file.
    store.insertGuestBook('gb-b', entry, 't-gb-b', '2026-11-25', 'rina', NOW);
    // The files as a hub that died now leaves them: copied while it still has them open.
    const crashed = tempDir();
    try {
      for (const suffix of ['', '-wal'])
        copyFileSync(join(dir, `pst.sqlite${suffix}`), join(crashed, `pst.sqlite${suffix}`));
      restoreBackup(backup, crashed);
      // The copy alone, its WAL folded into it; the backup in place, without what came after it.
      expect(existsSync(join(crashed, 'pst.sqlite.before-restore-wal'))).toBe(false);
      const keptAside = new Store(join(crashed, 'pst.sqlite.before-restore'));
      expect(keptAside.guestBookById('gb-b')?.fullName).toBe(entry.fullName);
      keptAside.close();
      const restored = new Store(join(crashed, 'pst.sqlite'));
      expect(restored.guestBookById('gb-b')).toBeNull();
      restored.close();
    } finally {
      removeDir(crashed);
    }
  });

  it('restores over a damaged database, keeping the damaged file aside as it was', async () => {
    const { dir, store } = storeWith([['gb-a', '2026-11-01']]);
    const backup = await dailyBackup(store, join(dir, 'backups'), '2026-11-25', 3);
    if (!backup) throw new Error('no backup');
    const damaged = tempDir();
    try {
      writeFileSync(join(damaged, 'pst.sqlite'), 'not a database at all');
      restoreBackup(backup, damaged);
      expect(readFileSync(join(damaged, 'pst.sqlite.before-restore'), 'utf8')).toBe('not a database at all');
      const restored = new Store(join(damaged, 'pst.sqlite'));
      expect(restored.guestBookById('gb-a')?.fullName).toBe(entry.fullName);
      restored.close();
    } finally {
      removeDir(damaged);
    }
  });
});
