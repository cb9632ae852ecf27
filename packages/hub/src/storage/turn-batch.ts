import type { Db } from './database';

interface OpenBatch {
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
  /** SQLite's change count when the batch began: everything up to it is committed. */
  changesBefore: number;
}

/**
 * One SQLite transaction for the commands of one event-loop turn. Under load many commands arrive
 * in the same turn; each used to commit alone, writing the same few pages (the last page of the
 * event log, of the tickets and stages tables and of their indexes) to the WAL again and again.
 * Now the first command of a turn begins a transaction, every command's own transaction nests in it
 * as a savepoint (so each still succeeds or fails alone), and the turn's transaction is committed
 * once the turn's I/O callbacks have run (`setImmediate`; a due WAL checkpoint may commit it a
 * moment sooner, see WalCheckpoints). Nothing is acknowledged before that:
 * the store's `synced()` waits for the commit, then for the fsync that covers it.
 *
 * If the commit itself fails (a disk error), every command of the turn is lost together; their
 * acknowledgements fail and `onLost` lets the in-memory state be rebuilt from the disk.
 */
export class TurnBatch {
  private open: OpenBatch | null = null;
  private readonly begin;
  private readonly commit;
  private readonly rollback;

  constructor(
    private readonly db: Db,
    private readonly totalChanges: () => number,
    private readonly onLost: (error: Error) => void,
  ) {
    this.begin = db.prepare('BEGIN');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  /** Begins the turn's transaction, unless one is open already. */
  join(): void {
    if (this.open || this.db.inTransaction) return;
    const changesBefore = this.totalChanges();
    this.begin.run();
    let resolve = () => {};
    let reject: (error: Error) => void = () => {};
    const committed = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Waiters get the failure through their own chain; the batch's own promise must not go unhandled.
    committed.catch(() => undefined);
    this.open = { committed, resolve, reject, changesBefore };
    setImmediate(() => this.end());
  }

  /** Resolves once the turn's transaction is committed (at once when none is open). */
  committed(): Promise<void> {
    return this.open ? this.open.committed : Promise.resolve();
  }

  /** SQLite's change count of what is committed: what an fsync begun now covers. */
  committedChanges(): number {
    return this.open ? this.open.changesBefore : this.totalChanges();
  }

  /**
   * Commits the open transaction now (the turn's end, a due WAL checkpoint, or the store closing);
   * whether one was open.
   */
  end(): boolean {
    const batch = this.open;
    if (!batch) return false;
    this.open = null;
    try {
      // SQLite rolls a transaction back by itself after some errors (disk full, I/O).
      if (!this.db.inTransaction) throw new Error("the turn's transaction was rolled back");
      this.commit.run();
      batch.resolve();
    } catch (error) {
      // The turn's waiters hear of it and memory is rebuilt even if the rollback fails too.
      try {
        if (this.db.inTransaction) this.rollback.run();
      } finally {
        batch.reject(error as Error);
        this.onLost(error as Error);
      }
    }
    return true;
  }
}
