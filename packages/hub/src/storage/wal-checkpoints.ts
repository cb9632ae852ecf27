import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import type { Db } from './database';

/** WAL pages that make a checkpoint due: SQLite's own default, so checkpoints come as often as before. */
const CHECKPOINT_PAGES = 1000;
/**
 * SQLite's own checkpoint stays as the safety net, further out than ours: it runs inside whichever
 * commit crosses it, i.e. on a command's path.
 */
const SAFETY_NET_PAGES = 4000;
/**
 * Where the wal-index (the `-shm` file) keeps `mxFrame`, the number of valid frames in the WAL, in
 * the machine's byte order (https://www.sqlite.org/walformat.html, "The WAL-Index Header").
 */
const MX_FRAME_OFFSET = 16;

/**
 * WAL checkpoints at a moment no command waits for. SQLite's automatic checkpoint runs inside the
 * COMMIT that fills the WAL past 1000 pages: with group commit that is a call's or a ticket's own
 * commit, so about one call in 80 (bench call-to-screen, strace of 1 December) waited for the
 * checkpoint's two fsyncs and its copy into the database file (COMMIT 1-9 ms instead of 0.1) before
 * its own fsync could even start: the calls in the p99. Here the checkpoint runs once a group's
 * fsync has answered its waiters (their acks and pushes are written first), in the next turn of the
 * event loop, when the WAL holds 1000 pages. What it does is unchanged (sync the WAL, copy into the
 * database file, sync that), so a power cut loses nothing more than before.
 */
export class WalCheckpoints {
  private readonly checkpoint;
  private readonly restartWal: () => void;
  private shm: number | null = null;
  private readonly word = Buffer.alloc(4);
  private scheduled = false;
  /** Checkpoints run (the benchmarks and tests read it). */
  readonly stats = { checkpoints: 0 };

  constructor(
    private readonly db: Db,
    private readonly shmFile: string,
    /**
     * Commits a turn's transaction if one is open: a checkpoint needs none open, and waiting for a
     * turn without one lets a busy hub's WAL grow to SQLite's own checkpoint inside a command's commit.
     */
    private readonly endTurn: () => void,
    /** A checkpoint that failed (logged; SQLite's own checkpoint at SAFETY_NET_PAGES remains). */
    private readonly failed: (error: Error) => void = () => {},
  ) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.restartWal = () => {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    };
  }

  /** Called after each fsync of the group commit has answered its waiters. */
  afterSync(): void {
    if (this.scheduled || !this.db.open) return;
    // Errors here and below must not escape: they would end the hub in the middle of the day for
    // something SQLite's own checkpoint can still do.
    try {
      if (this.walPages() < CHECKPOINT_PAGES) return;
    } catch (error) {
      this.failed(error as Error);
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.db.open) return;
      try {
        this.endTurn();
        const [result] = this.checkpoint.all() as { busy: number; log: number; checkpointed: number }[];
        this.stats.checkpoints++;
        // The WAL is reused from its start by the next commit, which first writes a new WAL header
        // and fsyncs it inside that COMMIT: one more fsync on a command's path (measured: the other
        // half of the slow commits). A write of nothing new (the schema version it already has) makes
        // that commit here; the WAL stays in place, the same size (no file-system journal commit).
        if (result && result.busy === 0 && result.log === result.checkpointed) this.restartWal();
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
