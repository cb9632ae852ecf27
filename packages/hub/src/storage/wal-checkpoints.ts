import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
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
/** The first 4 bytes of a WAL file: checksums in little- or big-endian byte order. */
const WAL_MAGIC = [0x377f0682, 0x377f0683];

/**
 * A WAL file's header (https://www.sqlite.org/walformat.html): its page size, and how many times
 * the WAL has started over (the checkpoint sequence number, which SQLite counts up each time it
 * does). The hub's checkpoint starts the WAL over once it has copied all of it into the database;
 * tests and the power-cut harness count them. Zeros for a WAL without a header yet; an error for a
 * file whose first bytes are not a WAL's magic number (a wrong path would otherwise read as counts).
 */
export function walHeader(walFile: string): { pageSize: number; startedOver: number } {
  const header = Buffer.alloc(16);
  const fd = openSync(walFile, 'r');
  try {
    if (readSync(fd, header, 0, 16, 0) < 16) return { pageSize: 0, startedOver: 0 };
    if (!WAL_MAGIC.includes(header.readUInt32BE(0))) throw new Error(`not a SQLite WAL file: ${walFile}`);
    return { pageSize: header.readUInt32BE(8), startedOver: header.readUInt32BE(12) };
  } finally {
    closeSync(fd);
  }
}

/**
 * WAL checkpoints at a moment no command waits for. SQLite's automatic checkpoint runs inside the
 * COMMIT that fills the WAL past its mark (1000 pages by default): with group commit that is a call's
 * or a ticket's own commit, so about one call in 80 (bench call-to-screen, strace of 1 December) waited for the
 * checkpoint's two fsyncs and its copy into the database file (COMMIT 1-9 ms instead of 0.1) before
 * its own fsync could even start: the calls in the p99. Here, when the group commit's fsync finds
 * the WAL at its mark (CHECKPOINT_PAGES unless told), the checkpoint runs in a later turn of the
 * event loop, after that group's acks and pushes are written. What it does is unchanged (sync the WAL, copy into the database file,
 * sync that), so a power cut loses nothing more than before. A checkpoint whose own sync fails is
 * only logged: the group commit's descriptor of the WAL gets the same error at its next fdatasync
 * (Linux reports a writeback error to every open descriptor of the file), which stops the hub.
 */
export class WalCheckpoints {
  private readonly checkpoint;
  private readonly restartWal: () => void;
  private shm: number | null = null;
  private readonly word = Buffer.alloc(4);
  private scheduled = false;
  /** Checkpoints run and the event loop's time in them, restart of the WAL included (benchmarks, tests). */
  readonly stats = { checkpoints: 0, ms: 0 };

  constructor(
    private readonly db: Db,
    private readonly shmFile: string,
    /** Commits a turn's transaction if one is open (a checkpoint needs none); whether one was. */
    private readonly endTurn: () => boolean,
    /** A checkpoint that failed (logged; SQLite's own checkpoint further out remains). */
    private readonly failed: (error: Error) => void = () => {},
    /** WAL pages that make a checkpoint due (smaller only in tests that need checkpoints to happen). */
    private readonly pages = CHECKPOINT_PAGES,
  ) {
    if (!Number.isInteger(pages) || pages < 1) throw new RangeError(`checkpoint pages: ${pages}`);
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_FACTOR * pages}`);
    // A WAL that grew past its usual size (SQLite's own checkpoint had to step in, a reader held the
    // checkpoint back) is cut back when it starts over, instead of staying that big for good.
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`journal_size_limit = ${Math.ceil(1.25 * pages) * pageSize}`);
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.restartWal = () => {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    };
  }

  /** Called after each fsync of the group commit (its acks and pushes follow in the same turn). */
  afterSync(): void {
    if (this.scheduled || !this.db.open) return;
    // Errors here and below must not escape: they would end the hub in the middle of the day for
    // something SQLite's own checkpoint can still do.
    try {
      if (this.walPages() < this.pages) return;
    } catch (error) {
      this.failed(error as Error);
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
      if (this.endTurn() && !deferred) {
        this.schedule(true);
        return;
      }
      const began = performance.now();
      try {
        const [result] = this.checkpoint.all() as { busy: number; log: number; checkpointed: number }[];
        // The WAL is reused from its start by the next commit, which first writes a new WAL header
        // and fsyncs it inside that COMMIT: one more fsync on a command's path (measured: the other
        // half of the slow commits). A write of nothing new (the schema version it already has) makes
        // that commit here; the WAL stays in place, the same size (no file-system journal commit).
        if (result && result.busy === 0 && result.log === result.checkpointed) this.restartWal();
        this.stats.checkpoints++;
        this.stats.ms += performance.now() - began;
      } catch (error) {
        this.failed(error as Error);
      }
    });
  }

  /** Frames in the WAL now, read from the wal-index SQLite keeps for its readers (one pread). */
  private walPages(): number {
    this.shm ??= openSync(this.shmFile, 'r');
    if (readSync(this.shm, this.word, 0, 4, MX_FRAME_OFFSET) < 4) return 0;
    return endianness() === 'LE' ? this.word.readUInt32LE(0) : this.word.readUInt32BE(0);
  }

  close(): void {
    if (this.shm !== null) closeSync(this.shm);
    this.shm = null;
  }
}
