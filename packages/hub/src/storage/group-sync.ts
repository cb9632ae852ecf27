import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Group commit for a WAL database kept at `synchronous = NORMAL`: each command still commits its
 * own transaction (into the WAL, no fsync on the event loop), and `synced()` resolves once an fsync
 * of the WAL that began after the caller's writes has finished. Callers that arrive while an fsync
 * is in flight wait for the next one together, so one fsync makes a whole group of commits durable,
 * and the event loop keeps serving commands meanwhile (the fsync runs on libuv's thread pool; only
 * when the hub was idle, with no group to form, does it run on the loop: see `flush`).
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
  private waiting: Waiter[] = [];
  private inFlight = false;
  /** `changes()` when the last finished fsync began: every write up to it is on disk. */
  private durable: number;
  /** `changes()` when the fsync in flight began. */
  private covering = 0;
  private inFlightWaiters: Waiter[] = [];
  private closed = false;
  /**
   * The first failed fsync. After it nothing more is acknowledged: Linux may drop the pages whose
   * writeback failed, so a later fsync can succeed without them ("fsyncgate"), and acknowledging
   * the commits after a hole in the WAL would be acknowledging what recovery stops short of. Like
   * PostgreSQL, the hub stops instead; on restart SQLite recovers from what the disk holds.
   */
  private failure: Error | null = null;
  /**
   * fsyncs done, the callers they answered and the milliseconds they took in all (the benchmarks
   * report the group size and what the disk adds to an acknowledgement or a call on the screens).
   */
  readonly stats = { syncs: 0, waiters: 0, ms: 0, onLoop: 0 };
  /**
   * A sync asked for at least this many ms after the previous one ended runs on the event loop
   * itself (see `flush`): the hub was idle, so no group is forming. Tests set 0 (always on the loop)
   * or Infinity (always on the thread pool) to make the path they check certain.
   */
  idleMs = 5;
  /** When the last fsync ended (`performance.now()`); a new hub counts as idle since its start. */
  private lastEnded = performance.now() - 1000 * 60;

  /** `changes` counts the connection's writes so far (SQLite's `total_changes()`). */
  constructor(
    private readonly walFile: string,
    private readonly changes: () => number,
    /** Called after each fsync that answered its waiters (the store's WAL checkpoints). */
    private readonly afterSync: () => void = () => {},
    /** Called once, at the first failed fsync (the hub stops). */
    private readonly failed: (error: Error) => void = () => {},
  ) {
    this.durable = changes();
  }

  synced(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the database is closed'));
    if (this.failure) return Promise.reject(this.failure);
    const written = this.changes();
    if (written <= this.durable) return Promise.resolve();
    return new Promise((resolve, reject) => {
      // Written before the fsync in flight began: that fsync covers it.
      if (this.inFlight && written <= this.covering) this.inFlightWaiters.push({ resolve, reject });
      else this.waiting.push({ resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    if (this.inFlight || this.waiting.length === 0) return;
    let fd: number;
    try {
      fd = this.fd ??= this.openWal();
    } catch (error) {
      for (const waiter of this.waiting.splice(0)) waiter.reject(error as Error);
      return;
    }
    this.inFlightWaiters = this.waiting;
    this.waiting = [];
    this.inFlight = true;
    this.covering = this.changes();
    const began = performance.now();
    const done = (error: Error | null) => {
      const ended = performance.now();
      this.stats.ms += ended - began;
      this.lastEnded = ended;
      const group = this.inFlightWaiters;
      this.inFlightWaiters = [];
      this.inFlight = false;
      this.stats.syncs++;
      this.stats.waiters += group.length;
      if (error) {
        this.failure = error;
        for (const waiter of [...group, ...this.waiting.splice(0)]) waiter.reject(error);
        this.failed(error);
        if (this.closed) this.release();
        return;
      }
      this.durable = this.covering;
      for (const waiter of group) waiter.resolve();
      if (this.closed) {
        this.release();
        return;
      }
      this.afterSync();
      this.flush();
    };
    if (Number.isFinite(this.idleMs) && began - this.lastEnded >= this.idleMs) {
      // An idle hub (a lone call at a desk, a ticket at a quiet kiosk): the fsync runs right here.
      // On the thread pool it costs two thread wake-ups on top of the fsync (the pool's thread, then
      // the event loop for the callback). Calls alternating between the two paths in one bench run
      // (four runs, 1 December): on the loop the desk's ack came 0.2-0.4 ms sooner in three of four,
      // the last screen 0.3-0.5 ms sooner in three of four. The loop is blocked for the fsync, but an
      // idle hub has nothing else to serve; under load syncs follow each other closer than `idleMs`
      // and stay on the pool, where commands keep being served and join the next group.
      this.stats.onLoop++;
      let failure: Error | null = null;
      try {
        fdatasyncSync(fd);
      } catch (error) {
        failure = error as Error;
      }
      done(failure);
      return;
    }
    fdatasync(fd, done);
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
    for (const waiter of this.waiting) waiter.reject(new Error('the database is closed'));
    this.waiting = [];
    if (!this.inFlight) this.release();
  }

  private release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
