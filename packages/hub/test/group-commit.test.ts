import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GroupSync } from '../src/storage/group-sync';
import { Store } from '../src/storage/store';
import { CHECKPOINT_PAGES, SAFETY_NET_FACTOR, walHeader } from '../src/storage/wal-checkpoints';
import { removeDir, tempDir } from '../src/testing';

/** Frames in the WAL file (its 32-byte header, then frames of a 24-byte header and a page). */
function walFrames(walFile: string): number {
  return (statSync(walFile).size - 32) / (24 + walHeader(walFile).pageSize);
}

/** A store on a fresh database file, closed and removed after `use`. */
async function withStore(use: (store: Store, file: string) => Promise<void>, options = {}): Promise<void> {
  const dir = tempDir();
  const file = join(dir, 'pst.sqlite');
  const store = new Store(file, options);
  try {
    await use(store, file);
  } finally {
    store.close();
    removeDir(dir);
  }
}

function groupSyncOf(store: Store): GroupSync {
  if (!store.groupSync) throw new Error('group commit is the default');
  return store.groupSync;
}

/** One-page commits that fill the WAL past the checkpoint mark, well below SQLite's own. */
const PAST_THE_MARK = CHECKPOINT_PAGES * 1.5;

/** The next turn of the event loop, where a due checkpoint runs. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('makes every commit so far durable with one fsync per group, and none when nothing was written', async () => {
    await withStore(async (store) => {
      const stats = groupSyncOf(store).stats;
      store.setSetting('a', 1);
      const first = store.synced();
      store.setSetting('b', 2);
      // Written after the first fsync: the first of these syncs again, the others find it done.
      const group = Array.from({ length: 50 }, () => store.synced());
      await Promise.all([first, ...group]);
      expect(stats.syncs).toBe(2);
      // Nothing written since: answered without another fsync.
      await store.synced();
      expect(stats.syncs).toBe(2);
    });
  });

  it('syncs before anyone is answered, on the event loop itself', async () => {
    await withStore(async (store) => {
      const sync = groupSyncOf(store);
      store.joinTurn();
      store.setSetting('a', 1);
      let syncsWhenAnswered = -1;
      await store.synced().then(() => {
        syncsWhenAnswered = sync.stats.syncs;
      });
      expect(syncsWhenAnswered).toBe(1);
    });
  });

  it("waits for the turn's commit, then syncs once for every command of the turn", async () => {
    await withStore(async (store) => {
      const stats = groupSyncOf(store).stats;
      store.joinTurn();
      store.setSetting('t1', 1);
      store.joinTurn();
      store.setSetting('t2', 2);
      const acks = [store.synced(), store.synced()];
      expect(stats.syncs).toBe(0);
      await Promise.all(acks);
      expect(stats.syncs).toBe(1);
    });
  });

  it('checkpoints the WAL in a later turn of the event loop, after the sync, not inside a commit', async () => {
    await withStore(async (store, file) => {
      const checkpoints = store.walCheckpoints;
      if (!checkpoints) throw new Error('group commit is the default');
      // Just below the mark: not due.
      for (let i = 0; walFrames(`${file}-wal`) < CHECKPOINT_PAGES - 10; i++) store.setSetting('key', -i);
      await store.synced();
      await nextTurn();
      expect(checkpoints.stats.checkpoints).toBe(0);
      // One-page commits: past the pages that make it due, below SQLite's own (the net).
      for (let i = 1; i <= PAST_THE_MARK; i++) store.setSetting('key', i);
      expect(checkpoints.stats.checkpoints).toBe(0);
      await store.synced();
      expect(checkpoints.stats.checkpoints).toBe(0);
      const restarts = walHeader(`${file}-wal`).startedOver;
      await nextTurn();
      expect(checkpoints.stats.checkpoints).toBe(1);
      // The WAL was started over right there (a new header), not by the next command's commit.
      expect(walHeader(`${file}-wal`).startedOver).toBe(restarts + 1);
      // Nothing written since: no other checkpoint after the next sync.
      await store.synced();
      await nextTurn();
      expect(checkpoints.stats.checkpoints).toBe(1);
      expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(
        SAFETY_NET_FACTOR * CHECKPOINT_PAGES,
      );
    });
  });

  it("reads the page size from a WAL's header, and refuses a file that is not a WAL", async () => {
    await withStore(async (store, file) => {
      store.setSetting('key', 1);
      expect(walHeader(`${file}-wal`).pageSize).toBe(store.db.pragma('page_size', { simple: true }));
      // The database file itself starts with "SQLite format 3", not a WAL's magic number.
      expect(() => walHeader(file)).toThrow('not a SQLite WAL file');
    });
  });

  it('cuts a WAL that grew past its usual size back when it starts over (journal_size_limit)', async () => {
    const pages = 16;
    await withStore(
      async (store, file) => {
        const limit = store.db.pragma('journal_size_limit', { simple: true }) as number;
        const pageSize = store.db.pragma('page_size', { simple: true }) as number;
        expect(limit).toBe(Math.ceil(1.25 * pages) * pageSize);
        // One transaction of about 200 pages (a day's import, a big export's audit): the WAL grows to it.
        store.transaction(() => {
          for (let i = 0; i < 200; i++) store.setSetting(`big-${i}`, 'x'.repeat(3000));
        });
        await store.synced();
        expect(statSync(`${file}-wal`).size).toBeGreaterThan(limit);
        // The checkpoint's turn: copied, started over, and the file cut back to the limit.
        await nextTurn();
        expect(store.walCheckpoints?.stats.checkpoints).toBe(1);
        expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(limit);
        expect(store.getSetting('big-199')).toBe('x'.repeat(3000));
      },
      { checkpointPages: pages },
    );
  });

  it("commits a turn's open transaction to checkpoint, and lets its answers go first", async () => {
    await withStore(async (store) => {
      const checkpoints = store.walCheckpoints;
      if (!checkpoints) throw new Error('group commit is the default');
      const stats = groupSyncOf(store).stats;
      for (let i = 1; i <= PAST_THE_MARK; i++) store.setSetting('key', i);
      await store.synced();
      const syncs = stats.syncs;
      // A command of the next turn has begun its transaction before the checkpoint's turn comes.
      store.joinTurn();
      store.setSetting('t1', 1);
      let answered = false;
      const acked = store.synced().then(() => {
        answered = true;
      });
      await nextTurn();
      // The checkpoint's turn committed the command's transaction; the command's own fsync and
      // answer came next, the checkpoint not yet.
      expect(store.db.inTransaction).toBe(false);
      expect(answered).toBe(true);
      expect(stats.syncs).toBe(syncs + 1);
      expect(checkpoints.stats.checkpoints).toBe(0);
      await nextTurn();
      expect(checkpoints.stats.checkpoints).toBe(1);
      await acked;
      expect(store.getSetting('t1')).toBe(1);
    });
  });

  it('acknowledges nothing more after a failed fsync, even when a later one would succeed', async () => {
    // /dev/null cannot be fsync'ed (EINVAL): the disk refusing a sync.
    let written = 0;
    const failures: Error[] = [];
    const sync = new GroupSync(
      '/dev/null',
      () => written,
      () => undefined,
      (error) => failures.push(error),
    );
    written = 1;
    await expect(sync.synced()).rejects.toThrow();
    // Writes after the failure are never acknowledged (no retry that could skip the lost pages).
    written = 2;
    await expect(sync.synced()).rejects.toThrow();
    expect(failures).toHaveLength(1);
    expect(sync.stats.syncs).toBe(1);
    sync.close();
  });

  it("rejects, never throws, when the hub's own reaction to a failed fsync throws", async () => {
    let written = 0;
    const sync = new GroupSync(
      '/dev/null',
      () => written,
      () => undefined,
      () => {
        throw new Error('stopping failed');
      },
    );
    written = 1;
    let answer: Promise<void> | null = null;
    expect(() => {
      answer = sync.synced();
    }).not.toThrow();
    await expect(answer).rejects.toThrow('stopping failed');
    // Still nothing acknowledged afterwards.
    await expect(sync.synced()).rejects.toThrow();
    sync.close();
  });

  it('closes with a checkpoint due without running it on the closed database', async () => {
    const dir = tempDir();
    const store = new Store(join(dir, 'pst.sqlite'));
    const checkpointFailures: Error[] = [];
    store.onCheckpointFailed = (error) => checkpointFailures.push(error);
    // A WAL past the checkpoint mark (the checkpoint test above shows it due), so the sync schedules
    // one for the next turn.
    for (let i = 1; i <= PAST_THE_MARK; i++) store.setSetting('key', i);
    await store.synced();
    store.close();
    await nextTurn();
    expect(checkpointFailures).toEqual([]);
    expect(store.walCheckpoints?.stats.checkpoints).toBe(0);
    removeDir(dir);
  });

  it('is off when the caller chose no sync before the ack (normal)', async () => {
    await withStore(
      async (store) => {
        expect(store.groupSync).toBeNull();
        expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
        await store.synced();
      },
      { durability: 'normal' },
    );
  });
});
