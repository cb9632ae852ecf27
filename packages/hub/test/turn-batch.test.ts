import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store } from '../src/storage/store';
import { removeDir, tempDir } from '../src/testing';

const settingsSeen = (file: string) => {
  const reader = new Database(file, { readonly: true });
  try {
    return (
      reader.prepare(`SELECT key FROM settings WHERE key LIKE 't%' ORDER BY key`).all() as Array<{
        key: string;
      }>
    ).map((r) => r.key);
  } finally {
    reader.close();
  }
};

describe("one transaction for a turn's commands", () => {
  it('commits the writes of one turn together at its end, and synced() waits for that commit and its fsync', async () => {
    const dir = tempDir();
    const file = join(dir, 'pst.sqlite');
    const store = new Store(file);
    try {
      const stats = store.groupSync?.stats;
      if (!stats) throw new Error('group commit is the default');
      store.joinTurn();
      store.setSetting('t1', 1);
      store.joinTurn(); // a second command of the same turn joins the open transaction
      store.db.transaction(() => store.setSetting('t2', 2))(); // its own transaction: a savepoint inside
      const acked = store.synced();
      // Another connection (the command line, a power cut) sees nothing of the turn yet.
      expect(settingsSeen(file)).toEqual([]);
      await acked;
      expect(settingsSeen(file)).toEqual(['t1', 't2']);
      // One fsync covered both commands.
      expect(stats.syncs).toBe(1);
    } finally {
      store.close();
      removeDir(dir);
    }
  });

  it('undoes a failed command alone and keeps the others of its turn', async () => {
    const dir = tempDir();
    const file = join(dir, 'pst.sqlite');
    const store = new Store(file);
    try {
      store.joinTurn();
      store.setSetting('t1', 1);
      expect(() =>
        store.db.transaction(() => {
          store.setSetting('t2', 2);
          throw new Error('the command fails after writing');
        })(),
      ).toThrow('the command fails');
      store.setSetting('t3', 3);
      await store.synced();
      expect(settingsSeen(file)).toEqual(['t1', 't3']);
    } finally {
      store.close();
      removeDir(dir);
    }
  });

  it('commits an open turn when the store closes', () => {
    const dir = tempDir();
    const file = join(dir, 'pst.sqlite');
    const store = new Store(file);
    try {
      store.joinTurn();
      store.setSetting('t1', 1);
    } finally {
      store.close();
    }
    expect(settingsSeen(file)).toEqual(['t1']);
    removeDir(dir);
  });
});
