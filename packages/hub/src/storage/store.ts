import {
  type DomainEvent,
  firstChangedStage,
  type QueueState,
  type Stage,
  type Ticket,
  ticketStatus,
} from '@pst/queue-core';
import {
  DEFAULT_CONFIG,
  DEFAULT_HOLIDAYS,
  DEFAULT_OPENING_HOURS,
  type DeviceRole,
  type FailureCount,
  type GuestBookEntry,
  type Holiday,
  type OpeningHours,
  type ParsedPayload,
  type QueueConfig,
  queueConfigSchema,
  type StaffRole,
  withCurrentServiceLabels,
} from '@pst/shared';
import { hashPinSync, verifyPinSync } from '@pst/shared/pin-hash';
import { hashToken, newId, newToken } from '../auth';
import { CentralOutbox } from './central-outbox';
import { CodeAttempts } from './code-attempts';
import { type Db, type Durability, keepPrivate, openDatabase } from './database';
import { GroupSync } from './group-sync';
import { OnlineStore } from './online-store';
import { outOfTurnRows } from './out-of-turn';
import { type Erasure, type PersonalMatch, personalWhere, withoutFields } from './personal-data';
import { ReportStore } from './report-store';
import { type Sql, statementsOf } from './statements';
import { TurnBatch } from './turn-batch';
import { WalCheckpoints } from './wal-checkpoints';

export interface DeviceRecord {
  id: string;
  role: DeviceRole;
  name: string;
  deskId: string | null;
  createdAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
}

export interface StaffRecord {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  active: boolean;
}

const SESSION_MS = 14 * 3600_000;

export interface PrintJobRecord {
  id: number;
  ticketId: string;
  day: string;
  /** Asked for by staff or the kiosk: marked CETAK ULANG. */
  reprint: boolean;
  requestedBy: string;
  createdAt: number;
  attempts: number;
  state: 'queued' | 'printed' | 'unknown' | 'dropped';
  detail: string;
}

/**
 * Everything the hub keeps on disk. One instance, one writer. SQL lives here and in the other
 * modules of storage/ (the rest of the hub calls their methods); `db` is public for tests only.
 */
export class Store {
  readonly db: Db;
  private readonly stmt;
  /** Prepared statements by their SQL text, one cache for every storage module on this connection. */
  private readonly sql: Sql;
  /** What reports read and the closed days' facts they keep. */
  readonly reports: ReportStore;
  /** Closed days waiting for the central roll-up service. */
  readonly outbox: CentralOutbox;
  /** Online requests and appointments (issue 21). */
  readonly online: OnlineStore;
  /** Wrong appointment codes per kiosk (the code throttle). */
  readonly codeAttempts: CodeAttempts;
  /** Group commit's fsync of the WAL; null when commits need no sync of ours (see Durability). */
  readonly groupSync: GroupSync | null;
  /** WAL checkpoints between commands (with group commit; see WalCheckpoints). */
  readonly walCheckpoints: WalCheckpoints | null;
  /** `writeCommit` in a transaction, wrapped once (better-sqlite3 builds four functions per wrap). */
  private readonly commitTransaction: (
    events: readonly DomainEvent[],
    state: QueueState,
    actor: string,
    extra?: (events: readonly DomainEvent[]) => void,
  ) => void;

  /** The commands of one event-loop turn share a transaction (see TurnBatch). */
  private readonly batch: TurnBatch;
  /** Called when a turn's commit failed: what memory holds of it must be rebuilt from the disk. */
  onBatchLost: (error: Error) => void = () => {};
  /** Called at the first failed fsync of the WAL: nothing is acknowledged after it (see GroupSync). */
  onSyncFailed: (error: Error) => void = () => {};
  /** Called when a WAL checkpoint between commands failed (SQLite's own one remains). */
  onCheckpointFailed: (error: Error) => void = () => {};

  constructor(file: string, options: { durability?: Durability; checkpointPages?: number } = {}) {
    this.db = openDatabase(file, options);
    this.sql = statementsOf(this.db);
    this.reports = new ReportStore(this.db);
    this.outbox = new CentralOutbox(this.db);
    this.online = new OnlineStore(this.db);
    this.codeAttempts = new CodeAttempts(this.db);
    const durability = options.durability ?? 'group';
    this.batch = new TurnBatch(this.db, this.changeCounter(), (error) => this.onBatchLost(error));
    if (durability === 'group' && file !== ':memory:') {
      const checkpoints = new WalCheckpoints(
        this.db,
        `${file}-shm`,
        () => this.batch.end(),
        (error) => this.onCheckpointFailed(error),
        options.checkpointPages,
      );
      this.walCheckpoints = checkpoints;
      this.groupSync = new GroupSync(
        `${file}-wal`,
        () => this.batch.committedChanges(),
        () => checkpoints.afterSync(),
        (error) => this.onSyncFailed(error),
      );
    } else {
      this.groupSync = null;
      this.walCheckpoints = null;
    }
    const sql = this.sql;
    // The statements of every command, looked up once (the cache keeps them too).
    this.stmt = {
      insertEvent: sql('INSERT INTO events (at, kind, type, payload, actor) VALUES (?, ?, ?, ?, ?)'),
      upsertTicket: sql(`
        INSERT INTO tickets (id, day, number, service_id, priority, issued_at, source, status, guest_book_id, rating_id)
        VALUES (@id, @day, @number, @serviceId, @priority, @issuedAt, @source, @status, @guestBookId, @ratingId)
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, guest_book_id = excluded.guest_book_id,
          rating_id = excluded.rating_id`),
      upsertStage: sql(`
        INSERT INTO stages (ticket_id, idx, day, queue, entered_at, target_minutes, called_at, desk_id, staff_id, recalls,
          started_at, ended_at, outcome, clock_start, service_wait, within_target, note,
          parked_at, parked_ms, service_parked_ms, for_desk_id)
        VALUES (@ticketId, @idx, @day, @queue, @enteredAt, @targetMinutes, @calledAt, @deskId, @staffId, @recalls,
          @startedAt, @endedAt, @outcome, @clockStart, @serviceWait, @withinTarget, @note,
          @parkedAt, @parkedMs, @serviceParkedMs, @forDeskId)
        ON CONFLICT (ticket_id, idx) DO UPDATE SET called_at = excluded.called_at, desk_id = excluded.desk_id,
          staff_id = excluded.staff_id, recalls = excluded.recalls, started_at = excluded.started_at,
          ended_at = excluded.ended_at, outcome = excluded.outcome, clock_start = excluded.clock_start,
          service_wait = excluded.service_wait, within_target = excluded.within_target, note = excluded.note,
          parked_at = excluded.parked_at, parked_ms = excluded.parked_ms,
          service_parked_ms = excluded.service_parked_ms, for_desk_id = excluded.for_desk_id`),
      // The audit of moves out of turn (out-of-turn.ts): one row per event however often it is projected.
      insertOutOfTurn: sql(`
        INSERT OR IGNORE INTO out_of_turn (kind, day, at, ticket_id, queue, desk_id, staff_id, decided_by,
          from_desk_id, how, note, overtook, overtaken)
        VALUES (@kind, @day, @at, @ticketId, @queue, @deskId, @staffId, @decidedBy, @fromDeskId, @how, @note,
          @overtook, @overtaken)`),
      closeTicket: sql('UPDATE tickets SET status = ? WHERE id = ?'),
      // A stage parked at day end: its open park ends too (and, once served, is no service time).
      closeStage: sql(
        `UPDATE stages SET ended_at = @at, outcome = 'unserved',
           parked_ms = parked_ms + coalesce(@at - parked_at, 0),
           service_parked_ms = service_parked_ms +
             CASE WHEN started_at IS NULL THEN 0 ELSE coalesce(@at - parked_at, 0) END,
           parked_at = NULL
         WHERE ticket_id = @id AND outcome IS NULL`,
      ),
      setPrintState: sql('UPDATE tickets SET print_state = ? WHERE id = ?'),
      getSetting: sql('SELECT value FROM settings WHERE key = ?'),
      setSetting: sql(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      lastDayEnd: sql(`SELECT max(id) AS id FROM events WHERE type = 'day.ended'`),
      eventsAfter: sql(`SELECT payload FROM events WHERE id > ? AND kind = 'domain' ORDER BY id`),
    };
    this.commitTransaction = this.db.transaction(this.writeCommit.bind(this));
  }

  /** SQLite's count of rows this connection has written: group commit syncs only when it moved. */
  private changeCounter(): () => number {
    const totalChanges = this.sql('SELECT total_changes()').pluck();
    return () => totalChanges.get() as number;
  }

  /**
   * Resolves once every write made so far is committed and on disk (group commit: the turn's
   * transaction, then one fsync for every caller that waits meanwhile). Nothing may be
   * acknowledged, printed or announced before it.
   */
  synced(): Promise<void> {
    if (this.batch.isOpen) return this.batch.committed().then(() => this.synced());
    return this.groupSync ? this.groupSync.synced() : Promise.resolve();
  }

  /** A command's writes join the transaction of the turn it runs in (committed at the turn's end). */
  joinTurn(): void {
    this.batch.join();
  }

  close(): void {
    this.batch.end();
    this.groupSync?.close();
    this.db.close();
    // After the database: closing our descriptor of its -shm drops SQLite's locks on that file too
    // (POSIX locks are the process's, not the descriptor's).
    this.walCheckpoints?.close();
  }

  /** Runs `write` in one transaction (nested calls join the outer one); its result, or its throw after a rollback. */
  transaction<T>(write: () => T): T {
    return this.db.transaction(write)();
  }

  /** Whether the database answers a query (the health check). */
  isReachable(): boolean {
    try {
      return this.sql('SELECT 1 AS ok').get() !== undefined;
    } catch {
      return false;
    }
  }

  /** How many domain events the log holds (the seed needs an empty one). */
  domainEventCount(): number {
    return (this.sql(`SELECT count(*) AS n FROM events WHERE kind = 'domain'`).get() as { n: number }).n;
  }

  // ---------- the event log and its projections ----------

  /**
   * Appends a command's events and writes the tickets they touched, in one transaction; `extra`
   * writes rows that belong to the same command (a guest-book entry, a rating) in it too.
   */
  commit(
    events: readonly DomainEvent[],
    state: QueueState,
    actor: string,
    extra?: (events: readonly DomainEvent[]) => void,
  ): void {
    this.commitTransaction(events, state, actor, extra);
  }

  private writeCommit(
    events: readonly DomainEvent[],
    state: QueueState,
    actor: string,
    extra?: (events: readonly DomainEvent[]) => void,
  ): void {
    extra?.(events);
    /** The tickets the events touched, each with the time of its first event here. */
    const touched = new Map<string, number>();
    for (const event of events) {
      this.stmt.insertEvent.run(event.at, 'domain', event.type, JSON.stringify(event), actor);
      if (event.type === 'day.ended') {
        // The state has already moved to the new day: close yesterday's open tickets on disk.
        for (const id of event.unserved) {
          this.stmt.closeTicket.run('unserved', id);
          this.stmt.closeStage.run({ at: event.at, id });
        }
      } else if ('ticketId' in event)
        touched.set(event.ticketId, Math.min(event.at, touched.get(event.ticketId) ?? event.at));
      for (const row of outOfTurnRows(event, state, actor)) this.stmt.insertOutOfTurn.run(row);
    }
    for (const [id, at] of touched) {
      const ticket = state.tickets.get(id);
      if (ticket) this.writeTicket(ticket, at);
    }
  }

  /** The ticket's row and the stages that events from `since` on can have changed. */
  private writeTicket(ticket: Ticket, since: number): void {
    this.stmt.upsertTicket.run({
      id: ticket.id,
      day: ticket.day,
      number: ticket.number,
      serviceId: ticket.serviceId,
      priority: ticket.priority ? 1 : 0,
      issuedAt: ticket.issuedAt,
      source: ticket.source,
      status: ticketStatus(ticket),
      guestBookId: ticket.guestBookId,
      ratingId: ticket.ratingId,
    });
    for (let idx = firstChangedStage(ticket, since); idx < ticket.stages.length; idx++)
      this.writeStage(ticket, idx);
  }

  private writeStage(ticket: Ticket, idx: number): void {
    const stage = ticket.stages[idx] as Stage;
    this.stmt.upsertStage.run({
      ticketId: ticket.id,
      idx,
      day: ticket.day,
      ...stage,
      withinTarget: stage.withinTarget === null ? null : stage.withinTarget ? 1 : 0,
    });
  }

  /** The domain events of the last open office day, to rebuild its state on start. */
  openDayEvents(): DomainEvent[] {
    const { id } = this.stmt.lastDayEnd.get() as { id: number | null };
    return (this.stmt.eventsAfter.all(id ?? 0) as Array<{ payload: string }>).map(
      (row) => JSON.parse(row.payload) as DomainEvent,
    );
  }

  audit(at: number, type: string, payload: unknown, actor: string): void {
    this.stmt.insertEvent.run(at, 'audit', type, JSON.stringify(payload), actor);
  }

  setPrintState(ticketId: string, state: string): void {
    this.stmt.setPrintState.run(state, ticketId);
  }

  // ---------- print jobs (issue 17) ----------

  /** A print job for the hub's printer, queued; its id. */
  addPrintJob(job: {
    ticketId: string;
    day: string;
    reprint: boolean;
    requestedBy: string;
    at: number;
  }): number {
    const result = this.sql(
      `INSERT INTO print_jobs (ticket_id, day, reprint, requested_by, created_at, state, updated_at)
       VALUES (?, ?, ?, ?, ?, 'queued', ?)`,
    ).run(job.ticketId, job.day, job.reprint ? 1 : 0, job.requestedBy, job.at, job.at);
    return Number(result.lastInsertRowid);
  }

  /** Jobs not yet printed or given up, oldest first. */
  queuedPrintJobs(): PrintJobRecord[] {
    return this.printJobsWhere(`state = 'queued'`);
  }

  private printJobsWhere(where: string, ...params: unknown[]): PrintJobRecord[] {
    return (
      this.sql(
        `SELECT id, ticket_id AS ticketId, day, reprint, requested_by AS requestedBy, created_at AS createdAt,
           attempts, state, detail FROM print_jobs WHERE ${where} ORDER BY id`,
      ).all(...params) as Array<Omit<PrintJobRecord, 'reprint'> & { reprint: number }>
    ).map((row) => ({ ...row, reprint: row.reprint === 1 }));
  }

  printJob(id: number): PrintJobRecord | null {
    return this.printJobsWhere('id = ?', id)[0] ?? null;
  }

  updatePrintJob(
    id: number,
    state: PrintJobRecord['state'],
    attempts: number,
    detail: string,
    at: number,
  ): void {
    this.sql('UPDATE print_jobs SET state = ?, attempts = ?, detail = ?, updated_at = ? WHERE id = ?').run(
      state,
      attempts,
      detail,
      at,
      id,
    );
  }

  markPrintJobReprint(id: number): void {
    this.sql('UPDATE print_jobs SET reprint = 1 WHERE id = ?').run(id);
  }

  printState(ticketId: string): string | null {
    const row = this.sql('SELECT print_state AS state FROM tickets WHERE id = ?').get(ticketId) as
      | { state: string | null }
      | undefined;
    return row?.state ?? null;
  }

  /** Today's tickets whose print failed or is unknown: id and print_state (`failed:<printer state>`, `unknown:<printer state>`). */
  printTrouble(day: string): Array<{ id: string; number: string; printState: string }> {
    return this.sql(
      `SELECT id, number, print_state AS printState FROM tickets
       WHERE day = ? AND (print_state LIKE 'failed:%' OR print_state LIKE 'unknown:%') ORDER BY issued_at`,
    ).all(day) as Array<{ id: string; number: string; printState: string }>;
  }

  // ---------- settings ----------

  getSetting<T>(key: string): T | null {
    const row = this.stmt.getSetting.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : null;
  }

  setSetting(key: string, value: unknown): void {
    this.stmt.setSetting.run(key, JSON.stringify(value));
  }

  deleteSetting(key: string): void {
    this.sql('DELETE FROM settings WHERE key = ?').run(key);
  }

  /** The office's configuration; the defaults of DOMAIN.md are written on first start. */
  queueConfig(): QueueConfig {
    const stored = this.getSetting<unknown>('queue-config');
    if (stored === null) {
      this.setSetting('queue-config', DEFAULT_CONFIG);
      return DEFAULT_CONFIG;
    }
    return queueConfigSchema.parse(stored);
  }

  holidays(): Holiday[] {
    return this.getSetting<Holiday[]>('holidays') ?? DEFAULT_HOLIDAYS;
  }

  /** The kiosk's service hours (the PST's usual ones until a supervisor sets them; null: any hour). */
  openingHours(): OpeningHours | null {
    const stored = this.getSetting<{ hours: OpeningHours | null }>('opening-hours');
    return stored ? stored.hours : DEFAULT_OPENING_HOURS;
  }

  /** How long personal data is kept and how many daily backups stay (settings, with defaults). */
  dataCare(): { retentionDays: number; backupDays: number } {
    return {
      retentionDays: 730,
      backupDays: 14,
      ...(this.getSetting<{ retentionDays: number; backupDays: number }>('data-care') ?? {}),
    };
  }

  // ---------- devices and staff ----------

  addDevice(
    role: DeviceRole,
    name: string,
    deskId: string | null,
    now: number,
  ): { device: DeviceRecord; token: string } {
    const token = newToken();
    const id = newId(role);
    this.sql(
      'INSERT INTO devices (id, role, name, token_hash, desk_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, role, name, hashToken(token), deskId, now);
    this.audit(now, 'device.added', { id, role, name, deskId }, 'admin');
    return { device: this.device(id) as DeviceRecord, token };
  }

  device(id: string): DeviceRecord | null {
    const row = this.sql('SELECT * FROM devices WHERE id = ?').get(id) as DeviceRow | undefined;
    return row ? toDevice(row) : null;
  }

  /** By the token's hash: an open socket hashes its token once, not at every command. */
  deviceByTokenHash(tokenHash: string): DeviceRecord | null {
    const row = this.sql('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as
      | DeviceRow
      | undefined;
    return row && row.revoked_at === null ? toDevice(row) : null;
  }

  devices(): DeviceRecord[] {
    return (this.sql('SELECT * FROM devices ORDER BY created_at').all() as DeviceRow[]).map(toDevice);
  }

  revokeDevice(id: string, now: number): boolean {
    const changed = this.sql('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(
      now,
      id,
    );
    if (changed.changes) this.audit(now, 'device.revoked', { id }, 'admin');
    return changed.changes > 0;
  }

  touchDevice(id: string, now: number): void {
    this.sql('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }

  /**
   * Adds an account with a synchronous PIN hash: for the command line and test set-up only (the
   * running hub hashes on the thread pool and calls `saveStaff` with the hash).
   */
  addStaff(
    input: { username: string; name: string; role: StaffRole; pin: string },
    now: number,
  ): StaffRecord {
    return this.insertStaff({ ...input, pinHash: hashPinSync(input.pin) }, now, 'admin');
  }

  private insertStaff(
    input: { username: string; name: string; role: StaffRole; pinHash: string },
    now: number,
    actor: string,
  ): StaffRecord {
    const id = newId('staff');
    this.sql(
      'INSERT INTO staff (id, username, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(id, input.username, input.name, input.role, input.pinHash, now);
    this.audit(now, 'staff.added', { id, username: input.username, role: input.role }, actor);
    return { id, username: input.username, name: input.name, role: input.role, active: true };
  }

  /** Adds an account, or changes one: name, role, active, and the PIN when a new hash is given. */
  saveStaff(
    input: { username: string; name: string; role: StaffRole; pinHash?: string; active: boolean },
    now: number,
    actor: string,
  ): void {
    const existing = this.staffByUsername(input.username);
    this.db.transaction(() => {
      if (!existing) {
        if (!input.pinHash) throw new Error('a new account needs a PIN');
        this.insertStaff({ ...input, pinHash: input.pinHash }, now, actor);
        if (!input.active) this.sql('UPDATE staff SET active = 0 WHERE username = ?').run(input.username);
        return;
      }
      this.sql('UPDATE staff SET name = ?, role = ?, active = ? WHERE id = ?').run(
        input.name,
        input.role,
        input.active ? 1 : 0,
        existing.id,
      );
      if (input.pinHash)
        this.sql('UPDATE staff SET pin_hash = ? WHERE id = ?').run(input.pinHash, existing.id);
      // A disabled account, a new PIN or a new role ends the sessions in use (a session carries no
      // role of its own, but a demoted admin must sign in again to see the change everywhere).
      if (!input.active || input.pinHash || input.role !== existing.role)
        this.sql('DELETE FROM sessions WHERE staff_id = ?').run(existing.id);
      this.audit(
        now,
        'staff.changed',
        {
          id: existing.id,
          role: input.role,
          active: input.active,
          pinReset: !!input.pinHash,
        },
        actor,
      );
    })();
  }

  /** An account with its PIN hash, for signing in and for the role rules; null when unknown. */
  staffByUsername(username: string): (StaffRecord & { pinHash: string }) | null {
    const row = this.sql('SELECT * FROM staff WHERE username = ?').get(username) as StaffRow | undefined;
    return row ? { ...toStaff(row), pinHash: row.pin_hash } : null;
  }

  activeAdminCount(): number {
    return (
      this.sql(`SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1`).get() as { n: number }
    ).n;
  }

  staff(): StaffRecord[] {
    return (this.sql('SELECT * FROM staff ORDER BY username').all() as StaffRow[]).map(toStaff);
  }

  /**
   * Checks a PIN synchronously and opens a session, unthrottled: for test set-up only. The hub's
   * `POST /api/login` goes through login.ts (throttled, hashing off the event loop).
   */
  login(username: string, pin: string, now: number): { token: string; staff: StaffRecord } | null {
    const account = this.staffByUsername(username);
    if (!account?.active || !verifyPinSync(pin, account.pinHash)) return null;
    return this.openSession(account.id, now);
  }

  /** A new session with a new random token (never one the client brought: no session fixation). */
  openSession(staffId: string, now: number): { token: string; staff: StaffRecord } {
    const row = this.sql('SELECT * FROM staff WHERE id = ?').get(staffId) as StaffRow;
    const token = newToken();
    this.sql('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      hashToken(token),
      row.id,
      now,
      now + SESSION_MS,
    );
    this.audit(now, 'staff.login', { staffId: row.id }, row.id);
    return { token, staff: toStaff(row) };
  }

  // ---------- login throttling (issue 16) ----------

  loginFailures(key: string): FailureCount | null {
    const row = this.sql('SELECT failures, last_at FROM login_failures WHERE key = ?').get(key) as
      | { failures: number; last_at: number }
      | undefined;
    return row ? { failures: row.failures, lastAt: row.last_at } : null;
  }

  setLoginFailures(key: string, count: FailureCount): void {
    this.sql(
      `INSERT INTO login_failures (key, failures, last_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at`,
    ).run(key, count.failures, count.lastAt);
  }

  clearLoginFailures(key: string): boolean {
    return this.sql('DELETE FROM login_failures WHERE key = ?').run(key).changes > 0;
  }

  /** Drops counts whose last failure is older than `before` (they count as zero anyway). */
  forgetLoginFailures(before: number): void {
    this.sql('DELETE FROM login_failures WHERE last_at < ?').run(before);
  }

  staffBySession(token: string, now: number): StaffRecord | null {
    return this.staffBySessionHash(hashToken(token), now);
  }

  /** By the session token's hash (see deviceByTokenHash). */
  staffBySessionHash(tokenHash: string, now: number): StaffRecord | null {
    const row = this.sql(
      `SELECT staff.* FROM sessions JOIN staff ON staff.id = sessions.staff_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ? AND staff.active = 1`,
    ).get(tokenHash, now) as StaffRow | undefined;
    return row ? toStaff(row) : null;
  }

  logout(token: string): void {
    this.sql('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  // ---------- guest book, ratings, notes ----------

  insertGuestBook(
    id: string,
    entry: GuestBookEntry,
    ticketId: string,
    day: string,
    staffId: string,
    now: number,
  ): void {
    this.sql(
      'INSERT INTO guest_book (id, ticket_id, day, created_at, staff_id, entry, phone, email) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      ticketId,
      day,
      now,
      staffId,
      JSON.stringify(entry),
      // Either contact may be empty (not both): an empty one is no key to find the visitor by.
      entry.phone || null,
      entry.email.toLowerCase() || null,
    );
  }

  guestBookById(id: string): GuestBookEntry | null {
    const row = this.sql('SELECT entry FROM guest_book WHERE id = ? AND erased_at IS NULL').get(id) as
      | { entry: string }
      | undefined;
    return row ? withCurrentServiceLabels(JSON.parse(row.entry) as GuestBookEntry) : null;
  }

  /** The latest entry of a returning visitor, found by phone or email. */
  lookupGuest(by: { phone: string } | { email: string }): (GuestBookEntry & { lastVisitAt: number }) | null {
    const [column, value] = 'phone' in by ? ['phone', by.phone] : ['email', by.email.toLowerCase()];
    const row = this.sql(
      `SELECT entry, created_at FROM guest_book WHERE ${column} = ? AND erased_at IS NULL ORDER BY created_at DESC LIMIT 1`,
    ).get(value) as { entry: string; created_at: number } | undefined;
    return row
      ? { ...withCurrentServiceLabels(JSON.parse(row.entry) as GuestBookEntry), lastVisitAt: row.created_at }
      : null;
  }

  guestBookRows(
    from: string,
    to: string,
  ): Array<{ day: string; ticketId: string; entry: Record<string, unknown> }> {
    return (
      this.sql(
        'SELECT day, ticket_id AS ticketId, entry FROM guest_book WHERE day BETWEEN ? AND ? AND erased_at IS NULL ORDER BY created_at',
      ).all(from, to) as Array<{ day: string; ticketId: string; entry: string }>
    ).map((r) => ({
      day: r.day,
      ticketId: r.ticketId,
      entry: withCurrentServiceLabels(JSON.parse(r.entry) as Record<string, unknown>),
    }));
  }

  /**
   * Erases the personal `fields` of the matching guest-book entries (older than a day, or with this
   * phone or email), at most `limit` of them, and the free text of their visits (consultation notes,
   * a complaint's words and its response), which may name the person too; how many entries.
   */
  erasePersonal(match: PersonalMatch, { fields, erasedText, now, limit = -1 }: Erasure): number {
    const [where, params] = personalWhere(match);
    const rows = this.sql(
      `SELECT id, ticket_id AS ticketId, entry FROM guest_book WHERE erased_at IS NULL AND ${where} LIMIT ?`,
    ).all(...params, limit) as Array<{ id: string; ticketId: string; entry: string }>;
    const update = this.sql(
      'UPDATE guest_book SET entry = ?, phone = NULL, email = NULL, erased_at = ? WHERE id = ?',
    );
    const notes = this.sql('UPDATE visit_notes SET text = ? WHERE ticket_id = ?');
    const complaint = this.sql(
      `UPDATE ratings SET complaint = @erased,
         complaint_response = CASE WHEN complaint_response = '' THEN '' ELSE @erased END
       WHERE ticket_id = @ticketId AND complaint != ''`,
    );
    this.db.transaction(() => {
      for (const row of rows) {
        update.run(withoutFields(row.entry, fields), now, row.id);
        notes.run(erasedText, row.ticketId);
        complaint.run({ erased: erasedText, ticketId: row.ticketId });
      }
    })();
    return rows.length;
  }

  insertRating(
    id: string,
    rating: ParsedPayload<'rating:submit'>,
    day: string,
    deskId: string,
    now: number,
  ): void {
    const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
    this.sql(
      `INSERT INTO ratings (id, ticket_id, day, desk_id, at, overall, scores, imbalan, pungli, complaint, complaint_status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      rating.ticketId,
      day,
      deskId,
      now,
      rating.overall,
      JSON.stringify(rating.scores),
      bool(rating.integrity.imbalan),
      bool(rating.integrity.pungli),
      rating.complaint,
      rating.complaint ? 'baru' : null,
    );
  }

  /** Records the follow-up of a complaint; false when the ticket's rating has no complaint. */
  followUpComplaint(
    ticketId: string,
    followUp: { status: string; response: string },
    staffId: string,
    now: number,
  ): boolean {
    const changed = this.sql(
      `UPDATE ratings SET complaint_status = ?, complaint_response = ?, complaint_handler = ?, complaint_responded_at = ?
       WHERE ticket_id = ? AND complaint != ''`,
    ).run(followUp.status, followUp.response, staffId, now, ticketId).changes;
    return changed > 0;
  }

  addNote(ticketId: string, staffId: string, text: string, now: number): void {
    this.sql('INSERT INTO visit_notes (ticket_id, at, staff_id, text) VALUES (?, ?, ?, ?)').run(
      ticketId,
      now,
      staffId,
      text,
    );
  }

  notes(ticketId: string): Array<{ at: number; staffName: string; text: string }> {
    return this.sql(
      `SELECT visit_notes.at, coalesce(staff.name, visit_notes.staff_id) AS staffName, visit_notes.text
         FROM visit_notes LEFT JOIN staff ON staff.id = visit_notes.staff_id WHERE ticket_id = ? ORDER BY visit_notes.id`,
    ).all(ticketId) as Array<{ at: number; staffName: string; text: string }>;
  }

  /** A ticket of an earlier day, for its status page. */
  pastTicket(
    id: string,
  ): { id: string; number: string; service_id: string; status: string; issued_at: number } | null {
    return (
      (this.sql('SELECT id, number, service_id, status, issued_at FROM tickets WHERE id = ?').get(id) as
        | { id: string; number: string; service_id: string; status: string; issued_at: number }
        | undefined) ?? null
    );
  }

  integrityOk(): boolean {
    return (this.db.pragma('integrity_check', { simple: true }) as string) === 'ok';
  }

  /** A copy of the database, readable by the hub's user only (it holds personal data). */
  async backup(file: string): Promise<void> {
    keepPrivate(file);
    await this.db.backup(file);
    keepPrivate(file);
  }
}

interface DeviceRow {
  id: string;
  role: DeviceRole;
  name: string;
  token_hash: string;
  desk_id: string | null;
  created_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
}

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    deskId: row.desk_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
  };
}

interface StaffRow {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  active: number;
}

function toStaff(row: StaffRow): StaffRecord {
  return { id: row.id, username: row.username, name: row.name, role: row.role, active: row.active === 1 };
}
