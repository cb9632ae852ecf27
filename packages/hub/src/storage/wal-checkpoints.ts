import { closeSync, fdatasync, fdatasyncSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import Database from 'better-sqlite3';
import type { Db } from './database';

/**
 * WAL pages that make a checkpoint due: 32 MB of WAL, 8 times SQLite's default. A checkpoint copies
 * only the last version of each page, and a busy hub rewrites the same index and table pages in turn
 * after turn (about 40 pages a turn under the bench's load), so a longer WAL costs little more per
 * checkpoint and needs far fewer: under the sustained load 86 checkpoints a minute of 9.8 ms each
 * instead of 593 of 4.6 ms (2.7 s of the event loop a minute down to 0.8 s). A start after a crash
 * reads the WAL once to rebuild its index: 60 ms for a full 32 MB WAL on the bench machine (more on
 * a slow disk with a cold cache, or if the WAL had grown past the mark: see journal_size_limit below).
 */
export const CHECKPOINT_PAGES = 8000;
/**
 * SQLite's own checkpoint stays as the safety net, further out than ours (this many times our mark):
 * it runs inside whichever commit crosses it, i.e. on a command's path.
 */
export const SAFETY_NET_FACTOR = 4;
/**
 * Where the wal-index (the `-shm` file) keeps `mxFrame`, the number of valid frames in the WAL, in
 * the machine's byte order (https://www.sqlite.org/walformat.html, "The WAL-Index Header").
 */
const MX_FRAME_OFFSET = 16;

/**
 * How many times a WAL has started over: the checkpoint sequence number of its header, which SQLite
 * counts up each time it does (https://www.sqlite.org/walformat.html). The hub's checkpoint starts the
 * WAL over once it has copied all of it into the database; tests and the power-cut harness count them.
 */
export function walStartedOver(walFile: string): number {
  const header = Buffer.alloc(16);
  const fd = openSync(walFile, 'r');
  try {
    return readSync(fd, header, 0, 16, 0) === 16 ? header.readUInt32BE(12) : 0;
  } finally {
    closeSync(fd);
  }
}

/** What a checkpoint needs from the store around it. */
export interface CheckpointHooks {
  /** Commits a turn's transaction if one is open (a checkpoint needs none); whether one was. */
  endTurn: () => boolean;
  /** fsyncs the WAL now, even if this connection wrote nothing since (throws once stopped). */
  syncWal: () => void;
  /** A checkpoint that failed (logged; the next one, or SQLite's own further out, tries again). */
  failed: (error: Error) => void;
  /**
   * The database file's fsync failed after a checkpoint: the WAL is kept as it is for good (it holds
   * everything), and nothing more may be acknowledged; the hub stops and SQLite recovers on restart.
   */
  diskFailed: (error: Error) => void;
}

type FileSync = (fd: number, done: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * WAL checkpoints at a moment no command waits for, with the database file's fsync off the event loop.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that fills the WAL past its mark (1000 pages by
 * default): with group commit that is a call's or a ticket's own commit, so about one call in 80
 * (bench call-to-screen, strace of 1 December) waited for the checkpoint before its own fsync could
 * even start. Here, when the group commit's fsync finds the WAL at its mark (CHECKPOINT_PAGES unless
 * told), the checkpoint runs in a later turn of the event loop, after that group's acks and pushes.
 *
 * A checkpoint is three steps: sync the WAL, copy its pages into the database file, sync that file.
 * The last is most of its time (the pages written a second time; 13 ms a checkpoint under the
 * sustained load in a slow hour) and, on the event loop, every command in flight waited for it. So:
 * 1. the WAL is synced by the group commit's own fsync (usually nothing left to sync);
 * 2. a second connection (`guard`) opens a read transaction, which holds the WAL where it is: SQLite
 *    starts a WAL over only when no reader is using it;
 * 3. the copy runs with the connection's syncs off (`synchronous = OFF` for that call only);
 * 4. the database file is fsynced on libuv's thread pool while commands go on (into the same WAL,
 *    after its end);
 * 5. then the guard ends, the few pages committed meanwhile are copied by an ordinary checkpoint (its
 *    syncs on, small), and the WAL starts over.
 * Until step 5 the WAL still holds everything the database file may have lost, and SQLite, after a
 * crash or a power cut, reads the WAL back over the file: a power cut loses nothing more than with
 * SQLite's own checkpoint. A failed fsync of the file stops the hub (hooks.diskFailed) with the guard
 * kept: the WAL is never started over on top of pages the disk may have dropped.
 */
export class WalCheckpoints {
  private readonly checkpoint;
  private readonly restartWal: () => void;
  /** The connection's own `synchronous` level, restored after each checkpoint's copy. */
  private readonly synchronous: number;
  private shm: number | null = null;
  private fileFd: number | null = null;
  private readonly word = Buffer.alloc(4);
  private scheduled = false;
  /** The reader that keeps the WAL from starting over while the database file is synced. */
  private guard: Db | null = null;
  private guardBegin: (() => void) | null = null;
  private guardEnd: (() => void) | null = null;
  /** A database file's fsync is in flight (the guard is reading). */
  private syncing = false;
  /** The database file's fsync failed: no checkpoint more, the guard stays. */
  private stopped = false;
  /**
   * Checkpoints run and the event loop's time in them (the copy, the catch-up and the WAL's restart);
   * the database file's fsyncs on the thread pool, and their time (benchmarks, tests).
   */
  readonly stats = { checkpoints: 0, ms: 0, fileSyncs: 0, fileSyncMs: 0 };

  constructor(
    private readonly db: Db,
    /** The database file (its -shm and a second connection's). */
    private readonly file: string,
    private readonly hooks: CheckpointHooks,
    /** WAL pages that make a checkpoint due (smaller only in tests that need checkpoints to happen). */
    private readonly pages = CHECKPOINT_PAGES,
    /** The database file's fsync off the event loop (a failing one in tests). */
    private readonly syncFile: FileSync = fdatasync,
  ) {
    if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`checkpoint pages: ${pages}`);
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_FACTOR * pages}`);
    // A WAL that grew past its usual size (SQLite's own checkpoint had to step in, a reader held the
    // checkpoint back) is cut back when it starts over, instead of staying that big for good.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`journal_size_limit = ${Math.ceil(1.25 * pages) * pageSize}`);
    this.synchronous = db.pragma('synchronous', { simple: true }) as number;
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.restartWal = () => {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    };
  }

  /** Called after each fsync of the group commit (its acks and pushes follow in the same turn). */
  afterSync(): void {
    if (this.scheduled || this.syncing || this.stopped || !this.db.open) return;
    // Errors here and below must not escape: they would end the hub in the middle of the day for
    // something SQLite's own checkpoint can still do.
    try {
      if (this.walPages() < this.pages) return;
    } catch (error) {
      this.hooks.failed(error as Error);
      return;
    }
    this.schedule(false);
  }

  /**
   * The checkpoint's turn. A checkpoint needs no transaction open, and under load a turn is open
   * nearly always (waiting for one without would leave the WAL to grow to SQLite's own checkpoint,
   * inside a command's commit): the open turn is committed here, and the checkpoint waits one more
   * turn so that the committed commands' fsync and answers go first. Once only: then it commits
   * whatever turn is open and runs.
   */
  private schedule(deferred: boolean): void {
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.db.open) return;
      if (this.hooks.endTurn() && !deferred) {
        this.schedule(true);
        return;
      }
      this.onLoop(() => this.copy());
    });
  }

  /** Steps 1 to 4: the WAL synced, held by the guard, copied without syncs; the file's fsync begun. */
  private copy(): void {
    // What the copy writes into the database file must never be on disk ahead of the WAL: synced
    // even when this connection wrote nothing new (another process's commit, a schema change).
    this.hooks.syncWal();
    const fd = this.fileDescriptor();
    this.holdWal();
    try {
      this.db.pragma('synchronous = OFF');
      try {
        this.checkpoint.all();
      } finally {
        this.db.pragma(`synchronous = ${this.synchronous}`);
      }
      this.stats.checkpoints++;
      this.syncing = true;
      const began = performance.now();
      this.syncFile(fd, (error) => this.fileSynced(error, began));
    } catch (error) {
      this.syncing = false;
      this.releaseWal();
      throw error;
    }
  }

  /** The database file's fsync is done (an I/O callback: nothing may throw out of it). */
  private fileSynced(error: NodeJS.ErrnoException | null, began: number): void {
    if (!this.syncing) return;
    this.syncing = false;
    this.stats.fileSyncs++;
    this.stats.fileSyncMs += performance.now() - began;
    if (error) {
      this.stop(error);
      return;
    }
    this.onLoop(() => {
      this.releaseWal();
      if (this.db.open) this.catchUp();
    });
  }

  /** The file's fsync failed: the guard stays for good (see the class comment), the hub stops. */
  private stop(error: Error): void {
    this.stopped = true;
    try {
      this.hooks.diskFailed(error);
    } catch (failure) {
      this.hooks.failed(failure as Error);
    }
  }

  /**
   * Step 5: the pages committed while the file was synced, copied with SQLite's own syncs (few: a
   * short fsync), and the WAL started over. Without it the WAL would never start over under load.
   */
  private catchUp(): void {
    this.hooks.endTurn();
    this.hooks.syncWal();
    const [result] = this.checkpoint.all() as { busy: number; log: number; checkpointed: number }[];
    // The WAL is reused from its start by the next commit, which first writes a new WAL header and
    // fsyncs it inside that COMMIT: one more fsync on a command's path (measured: the other half of
    // the slow commits). A write of nothing new (the schema version it already has) makes that
    // commit here; the WAL stays in place, the same size (no file-system journal commit).
    if (result && result.busy === 0 && result.log === result.checkpointed) this.restartWal();
  }

  /** Runs a step on the event loop, timed; a failure is reported, never thrown into the loop. */
  private onLoop(step: () => void): void {
    const began = performance.now();
    try {
      step();
    } catch (error) {
      this.hooks.failed(error as Error);
    } finally {
      this.stats.ms += performance.now() - began;
    }
  }

  /**
   * The guard's read transaction: begun while the WAL holds frames not yet in the database file, it
   * reads at the WAL's end, which keeps every writer from starting the WAL over until it ends.
   */
  private holdWal(): void {
    if (!this.guard) {
      const guard = new Database(this.file, { fileMustExist: true });
      const begin = guard.prepare('BEGIN');
      const read = guard.prepare('SELECT count(*) FROM sqlite_schema').pluck();
      const commit = guard.prepare('COMMIT');
      this.guard = guard;
      this.guardBegin = () => {
        begin.run();
        read.get();
      };
      this.guardEnd = () => {
        if (guard.open && guard.inTransaction) commit.run();
      };
    }
    this.guardBegin?.();
  }

  private releaseWal(): void {
    this.guardEnd?.();
  }

  /**
   * Our descriptor of the database file, for its fsync. Opened once and closed only after the
   * database: on Linux, closing any descriptor of a file drops every POSIX lock the process holds
   * on it, SQLite's included. With its locks on the database file and the -shm both gone (tried),
   * another process closing the database (`pst-hub staff add`) finds itself the last one, and
   * checkpoints and deletes the WAL under the running hub. The -shm's descriptor is kept alike.
   */
  private fileDescriptor(): number {
    this.fileFd ??= openSync(this.file, 'r');
    return this.fileFd;
  }

  /** Frames in the WAL now, read from the wal-index SQLite keeps for its readers (one pread). */
  private walPages(): number {
    this.shm ??= openSync(`${this.file}-shm`, 'r');
    if (readSync(this.shm, this.word, 0, 4, MX_FRAME_OFFSET) < 4) return 0;
    return endianness() === 'LE' ? this.word.readUInt32LE(0) : this.word.readUInt32BE(0);
  }

  /**
   * Before the database closes: a file sync still in flight is finished here (the database's own
   * close may find nothing to checkpoint and delete the WAL at once), then the guard ends. After a
   * failed fsync of the file the guard stays open: the store's close is then not the last
   * connection, so SQLite neither checkpoints nor deletes the WAL.
   */
  beforeClose(): void {
    if (this.syncing && this.fileFd !== null) {
      this.syncing = false;
      try {
        fdatasyncSync(this.fileFd);
      } catch (error) {
        this.stop(error as Error);
      }
    }
    if (!this.stopped) this.guard?.close();
  }

  /** After the database closed: our descriptors (kept while a guard stays, for its locks). */
  afterClose(): void {
    if (this.stopped) return;
    for (const fd of [this.shm, this.fileFd]) if (fd !== null) closeSync(fd);
    this.shm = null;
    this.fileFd = null;
  }
}
