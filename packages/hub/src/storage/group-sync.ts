import { closeSync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Group commit for a WAL database kept at `synchronous = NORMAL`: the commands of one event-loop
 * turn share one commit (see TurnBatch), and `synced()` makes every commit so far durable with one
 * fsync of the WAL before anyone is answered. The first caller after a commit syncs; the others of
 * the group find it done. Nothing is acknowledged, printed or pushed before its fsync.
 *
 * The fsync runs on the event loop, right after the turn's commit, as SQLite's own
 * `synchronous = FULL` would. It used to run on libuv's thread pool under load, so that the loop
 * could serve commands while the disk worked. Measured against each other (2 December, sustained
 * load of 8 kiosks and 20 desks, runs alternated), the loop was ahead on both disks: this machine's
 * (0.2 ms fsyncs) 1,980 against 1,702 commands/s (medians of three), and with every fsync made 8 ms
 * long (an office PC's hard disk) 761 against 715 (means of two). The pool's round trip costs CPU
 * (thread wake-ups, the answers sent in a turn of their own: 512 against 441 µs of hub CPU per
 * command, medians), and the loop, busy with the next turn, picks up a finished fsync late, while
 * the clients, each waiting for its answer, send nothing (docs/benchmarks.md).
 *
 * Why an fsync of the WAL is enough: in WAL mode every commit is appended to the WAL; the database
 * file is written only by checkpoints, which SQLite syncs itself (WAL first, then the database)
 * before it reuses the WAL. fsync covers every write to the file, from any descriptor, and its size.
 * It is an fdatasync, as SQLite's own syncs on Linux: the data and the size (what reading the WAL
 * back needs), without the modification time, which would cost a journal commit of the file system
 * at every sync even when a reused WAL keeps its size.
 */
export class GroupSync {
  private fd: number | null = null;
  /** `changes()` at the last fsync: every write up to it is on disk. */
  private durable: number;
  private closed = false;
  /**
   * The first failed fsync. After it nothing more is acknowledged: Linux may drop the pages whose
   * writeback failed, so a later fsync can succeed without them ("fsyncgate"), and acknowledging
   * the commits after a hole in the WAL would be acknowledging what recovery stops short of. Like
   * PostgreSQL, the hub stops instead; on restart SQLite recovers from what the disk holds.
   */
  private failure: Error | null = null;
  /**
   * fsyncs done and the milliseconds they took in all (the benchmarks report the group size and what
   * the disk adds to an acknowledgement or a call on the screens).
   */
  readonly stats = { syncs: 0, ms: 0 };

  /** `changes` counts the connection's committed writes so far (SQLite's `total_changes()`). */
  constructor(
    private readonly walFile: string,
    private readonly changes: () => number,
    /** Called after each fsync (the store's WAL checkpoints, in a later turn). */
    private readonly afterSync: () => void = () => {},
    /** Called once, at the first failed fsync (the hub stops). */
    private readonly failed: (error: Error) => void = () => {},
  ) {
    this.durable = changes();
  }

  /**
   * The fsync runs before this returns (nothing awaits inside), so no answer can come before it;
   * being async, every failure, a throwing `failed` callback's too, reaches the caller as a rejection.
   */
  async synced(): Promise<void> {
    if (this.closed) throw new Error('the database is closed');
    if (this.failure) throw this.failure;
    const written = this.changes();
    if (written <= this.durable) return;
    this.fd ??= this.openWal();
    const began = performance.now();
    try {
      fdatasyncSync(this.fd);
    } catch (error) {
      this.failure = error as Error;
      this.failed(this.failure);
      throw this.failure;
    } finally {
      this.stats.ms += performance.now() - began;
      this.stats.syncs++;
    }
    this.durable = written;
    this.afterSync();
  }

  /**
   * Opened at the first sync: by then SQLite has created the WAL with its first write. Its entry
   * in the directory is synced once, so a power cut cannot lose the WAL file itself.
   */
  private openWal(): number {
    const dir = openSync(dirname(this.walFile), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return openSync(this.walFile, 'r');
  }

  /** Closing waits for nothing: the database's own close checkpoints and syncs what is left. */
  close(): void {
    this.closed = true;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
