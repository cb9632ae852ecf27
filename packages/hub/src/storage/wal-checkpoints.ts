import type { Db } from './database';

/** Rows written since the last checkpoint that make the next one due (a call writes about three). */
const CHECKPOINT_CHANGES = 250;
/**
 * SQLite's own checkpoint stays as the safety net, further out than ours (its default is 1000
 * pages): it runs inside whichever commit crosses it, i.e. on a command's path.
 */
const SAFETY_NET_PAGES = 4000;

/**
 * WAL checkpoints at a moment no command waits for. SQLite's automatic checkpoint runs inside the
 * COMMIT that fills the WAL past 1000 pages: with group commit that is a call's or a ticket's own
 * commit, so about one call in 80 (bench call-to-screen, strace of 1 December) waited for the
 * checkpoint's two fsyncs and its copy into the database file (COMMIT 1-9 ms instead of 0.1) before
 * its own fsync could even start: the calls in the p99. Here the checkpoint runs once a group's
 * fsync has answered its waiters (their acks and pushes are written first), in the next turn of the
 * event loop, when enough was written since the last one. What it does is unchanged (sync the WAL,
 * copy into the database file, sync that), so a power cut loses nothing more than before.
 */
export class WalCheckpoints {
  private readonly checkpoint;
  private readonly restartWal: () => void;
  private lastChanges: number;
  private scheduled = false;
  /** Checkpoints run (the benchmarks and tests read it). */
  readonly stats = { checkpoints: 0 };

  constructor(
    private readonly db: Db,
    private readonly totalChanges: () => number,
    /** Whether a turn's transaction is open (a checkpoint must wait until it has committed). */
    private readonly inTurn: () => boolean,
  ) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
    this.checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
    this.restartWal = () => {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    };
    this.lastChanges = totalChanges();
  }

  /** Called after each fsync of the group commit has answered its waiters. */
  afterSync(): void {
    if (this.scheduled || this.totalChanges() - this.lastChanges < CHECKPOINT_CHANGES) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      // A turn's transaction open now: the next sync brings the checkpoint back.
      if (this.inTurn() || !this.db.open) return;
      const [result] = this.checkpoint.all() as { busy: number; log: number; checkpointed: number }[];
      this.stats.checkpoints++;
      // The WAL is reused from its start by the next commit, which first writes a new WAL header
      // and fsyncs it inside that COMMIT: one more fsync on a command's path (measured: the other
      // half of the slow commits). A write of nothing new (the schema version it already has) makes
      // that commit here; the WAL stays in place, the same size (no file-system journal commit).
      if (result && result.busy === 0 && result.log === result.checkpointed) this.restartWal();
      this.lastChanges = this.totalChanges();
    });
  }
}
