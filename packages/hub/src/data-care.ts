import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import { addDays, normalizePhone, type OfficeTimeZone, officeDay } from '@pst/shared';
import { runningHub } from './running-hub';
import { foldWal, isSoundBackup, keepPrivate } from './storage/database';
import type { Erasure } from './storage/personal-data';
import type { Store } from './storage/store';

/** Personal fields of a guest-book entry (UU 27/2022); everything else is anonymous statistics. */
export const PERSONAL_FIELDS = [
  'identityNumber',
  'fullName',
  'email',
  'phone',
  'address',
  'institutionName',
  'dataNeeded',
] as const;

/** What free text of an erased visit becomes: a complaint still counts, its words are gone. */
export const ERASED_TEXT = '(dihapus / erased)';

/** An erasure of the personal fields at `now`, its free text replaced by ERASED_TEXT. */
function erasure(now: number): Erasure {
  return { fields: PERSONAL_FIELDS, erasedText: ERASED_TEXT, now };
}

/** What retention erases from, and the audit entry it writes: the guest book, or online requests (issue 21). */
const RETENTION = {
  'guest-book': { of: (store: Store) => store, audit: 'guestbook.retention' },
  online: { of: (store: Store) => store.online, audit: 'online.retention' },
} as const;

/**
 * Erases the personal fields of entries older than the retention period, at most `limit` of them (a
 * backlog of years is erased in batches, so the hub never stands still for it); the statistics stay.
 * `from` the guest book (visits, their notes and complaints) or online requests and appointments.
 */
export function applyRetention(
  store: Store,
  now: number,
  tz: OfficeTimeZone,
  retentionDays: number,
  limit = -1,
  from: keyof typeof RETENTION = 'guest-book',
): number {
  const before = addDays(officeDay(now, tz), -retentionDays);
  const { of, audit } = RETENTION[from];
  const erased = of(store).erasePersonal({ before }, { ...erasure(now), limit });
  if (erased > 0) store.audit(now, audit, { before, erased }, 'hub');
  return erased;
}

/** A visitor's request to be forgotten: every entry with this phone or email loses its personal fields. */
export function eraseVisitor(
  store: Store,
  by: { phone?: string; email?: string },
  now: number,
  actor: string,
): number {
  const phone = by.phone ? normalizePhone(by.phone) : null;
  const email = by.email?.trim().toLowerCase() || null;
  if (!phone && !email) return 0;
  const erased = store.erasePersonal({ phone, email }, erasure(now));
  // The same person's online requests and appointments (issue 21).
  const online = store.online.erasePersonal({ phone, email }, erasure(now));
  store.audit(now, 'guestbook.erase-request', { by: phone ? 'phone' : 'email', erased }, actor);
  if (online > 0)
    store.audit(now, 'online.erase-request', { by: phone ? 'phone' : 'email', erased: online }, actor);
  return erased + online;
}

/** Writes a file's (or a folder's) cached pages to disk before returning. */
export function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The day's backup (SQLite online backup, safe while the hub runs), keeping the last `keepDays`. */
export async function dailyBackup(
  store: Store,
  dir: string,
  day: string,
  keepDays: number,
): Promise<string | null> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, `pst-${day}.sqlite`);
  if (existsSync(file)) return null;
  // Written under another name, synced, then renamed: a power cut during the backup must not leave
  // a half-written file under the day's name (it would stand in for the day's backup).
  const partial = `${file}.partial`;
  await store.backup(partial);
  syncFile(partial);
  renameSync(partial, file);
  syncFile(dir);
  const backups = readdirSync(dir)
    .filter((f) => /^pst-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f))
    .sort();
  for (const old of backups.slice(0, Math.max(0, backups.length - keepDays))) rmSync(join(dir, old));
  return file;
}

/**
 * Copies the database aside as the hub left it, WAL included: what the hub wrote since its last
 * checkpoint is only there (after a crash or a power cut, hours of an office day). The copy's WAL is
 * then folded into the copy; if the copy cannot be opened (the database is damaged, which may be why
 * it is being restored), its WAL stays beside it. The database itself is not touched.
 */
function keepAside(file: string, aside: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${aside}${suffix}`, { force: true });
  copyFileSync(file, aside);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${aside}-wal`);
  try {
    foldWal(aside);
  } catch {
    // Kept as it was: the file and its WAL, for whoever examines it.
  }
}

/**
 * Puts a backup in place of the database (the hub must be stopped): the backup is checked first,
 * and the current file is kept beside it as `pst.sqlite.before-restore`. A copy kept by an earlier
 * restore is never overwritten (it may be the only copy of the day before a wrong backup went in):
 * the restore refuses until someone has moved it away. It refuses too while a hub runs on the folder
 * (its recorded address names a live process): that hub would go on writing to a WAL whose database
 * has just been replaced under it.
 */
export function restoreBackup(backupFile: string, dataDir: string): void {
  const hub = runningHub(dataDir);
  if (hub)
    throw new Error(`the hub is running on ${dataDir} (process ${hub.pid}, ${hub.url}): stop it first`);
  if (!isSoundBackup(backupFile)) throw new Error(`${backupFile} is not a sound PST database`);
  const target = join(dataDir, 'pst.sqlite');
  const aside = `${target}.before-restore`;
  if (existsSync(aside))
    throw new Error(`${aside} is kept from an earlier restore: move it elsewhere first, then restore again`);
  if (existsSync(target)) keepAside(target, aside);
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(backupFile, target);
  keepPrivate(target);
}
