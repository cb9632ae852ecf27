/**
 * The child process of power-cut.ts `checkpointCut`: writes numbered rows, each acknowledged (a line
 * `acked N` on stdout) only after the group commit's fsync, with a WAL checkpoint in the middle
 * whose fsync of the database file never completes. Then it says `ready` and waits for the cut.
 *
 *   node checkpoint-cut-writer.js DB_FILE hub|close|unsynced
 *
 * `hub`: the hub's own WalCheckpoints (the WAL held by its guard until the file is synced).
 * `close`: the same, but the database is closed right after the copy, the file's fsync still pending
 * (the close must not leave the copied pages unsynced behind a deleted WAL).
 * `unsynced` (the control): the same copy without syncs, and the WAL started over at once, which is
 * what the guard prevents; a power cut must show the loss.
 */
import { openDatabase } from './database';
import { GroupSync } from './group-sync';
import { WalCheckpoints } from './wal-checkpoints';

const [file, mode] = process.argv.slice(2);
if (!file || !(mode === 'hub' || mode === 'close' || mode === 'unsynced'))
  throw new Error('usage: DB_FILE hub|close|unsynced');

/** Small: a checkpoint is due within the first rows. */
const PAGES = 64;
const db = openDatabase(file);
db.exec('CREATE TABLE IF NOT EXISTS cut_rows (n INTEGER PRIMARY KEY, pad TEXT NOT NULL)');
const changes = db.prepare('SELECT total_changes()').pluck();
const insert = db.prepare('INSERT INTO cut_rows (n, pad) VALUES (?, ?)');
let copied = false;
const sync: GroupSync = new GroupSync(
  `${file}-wal`,
  () => changes.get() as number,
  () => checkpoints?.afterSync(),
);
const checkpoints =
  mode !== 'unsynced'
    ? new WalCheckpoints(
        db,
        file,
        {
          endTurn: () => false,
          syncWal: () => sync.syncNow(true),
          failed: (error) => console.error(`checkpoint failed: ${error.message}`),
          diskFailed: (error) => console.error(`file sync failed: ${error.message}`),
        },
        PAGES,
        // The database file's fsync never completes: the power goes first.
        () => {
          copied = true;
        },
      )
    : null;

/** The control's checkpoint: pages copied without syncing the file, then the WAL started over. */
function unsyncedCheckpoint(): void {
  db.pragma('synchronous = OFF');
  db.pragma('wal_checkpoint(PASSIVE)');
  db.pragma('user_version = 0');
  db.pragma('synchronous = NORMAL');
  copied = true;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
let n = 0;
const write = async () => {
  n++;
  insert.run(n, 'x'.repeat(1500));
  await sync.synced();
  console.log(`acked ${n}`);
  await nextTurn();
};
while (!copied) {
  await write();
  if (mode === 'unsynced' && n === 40) unsyncedCheckpoint();
}
if (mode === 'close') {
  checkpoints?.beforeClose();
  sync.close();
  db.close();
  checkpoints?.afterClose();
} else {
  // Rows acknowledged after the copy, while the database file is not yet synced: few enough that
  // the WAL stays below SQLite's own checkpoint, whose sync of the file would close the window.
  for (let i = 0; i < 60; i++) await write();
}
console.log('ready');
setInterval(() => undefined, 60_000);
