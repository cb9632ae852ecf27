import type { StageRecord } from '@pst/queue-core';
import type { ComplaintView, OnlineChannel } from '@pst/shared';
import type { Db } from './database';
import type { OutOfTurnKind } from './out-of-turn';
import { type Sql, statementsOf } from './statements';

/** A stage row as reports read it (a service or front-office visit at a desk). */
export type StageRow = Omit<StageRecord, 'withinTarget'> & { day: string; withinTarget: number | null };

/** An online request's clock, as the online report reads it. */
export interface OnlineRequestFacts {
  channel: OnlineChannel;
  state: string;
  close_reason: string | null;
  clock_started_at: number | null;
  due_at: number | null;
  first_answered_at: number | null;
}

const COMPLAINTS = `
  SELECT r.ticket_id AS ticketId, r.day, r.desk_id AS deskId, r.complaint AS text,
         coalesce(r.complaint_status, 'baru') AS status, coalesce(s.name, r.complaint_handler) AS handledBy,
         r.complaint_response AS response, r.complaint_responded_at AS respondedAt
  FROM ratings r LEFT JOIN staff s ON s.id = r.complaint_handler
  WHERE r.complaint != ''`;

/** A move out of turn as the report of chosen calls reads it. */
export interface OutOfTurnCount {
  deskId: string;
  /** Who chose the move (out-of-turn.ts), and their name and username (null once the account is gone). */
  decidedBy: string;
  staffName: string | null;
  staffUsername: string | null;
  how: string;
  overtaken: number;
}

/**
 * What reports read (reports.ts, online-reports.ts), and the facts of closed days they keep in
 * report_days. The hub's store keeps one (`store.reports`). Days are ISO office days, ranges inclusive.
 */
export class ReportStore {
  private readonly sql: Sql;

  constructor(private readonly db: Db) {
    this.sql = statementsOf(db);
  }

  /** The first office day any row belongs to; null on an empty database. */
  firstDayWithData(): string | null {
    return this.sql(
      `SELECT min(day) FROM (SELECT min(day) AS day FROM tickets UNION ALL SELECT min(day) FROM stages
       UNION ALL SELECT min(day) FROM guest_book UNION ALL SELECT min(day) FROM ratings)`,
    )
      .pluck()
      .get() as string | null;
  }

  /** Kept facts (their JSON) of the days from..to. */
  keptFacts(from: string, to: string): Array<[day: string, facts: string]> {
    return this.sql('SELECT day, facts FROM report_days WHERE day BETWEEN ? AND ?')
      .raw()
      .all(from, to) as Array<[string, string]>;
  }

  /** The days from..to whose facts are kept. */
  keptDays(from: string, to: string): string[] {
    return this.sql('SELECT day FROM report_days WHERE day BETWEEN ? AND ?')
      .pluck()
      .all(from, to) as string[];
  }

  /** Keeps (or replaces) the facts of closed days, in one transaction. */
  keepFacts(days: ReadonlyArray<[day: string, facts: string]>): void {
    const keep = this.sql('INSERT OR REPLACE INTO report_days (day, facts) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const [day, facts] of days) keep.run(day, facts);
    })();
  }

  ticketsIssued(from: string, to: string): Array<{ day: string; serviceId: string; issuedAt: number }> {
    return this.sql(
      'SELECT day, service_id AS serviceId, issued_at AS issuedAt FROM tickets WHERE day BETWEEN ? AND ?',
    ).all(from, to) as Array<{ day: string; serviceId: string; issuedAt: number }>;
  }

  stages(from: string, to: string): StageRow[] {
    return this.sql(
      `SELECT day, queue, desk_id AS deskId, entered_at AS enteredAt, called_at AS calledAt, started_at AS startedAt,
              ended_at AS endedAt, outcome, service_wait AS serviceWait, within_target AS withinTarget,
              service_parked_ms AS serviceParkedMs
       FROM stages WHERE day BETWEEN ? AND ?`,
    ).all(from, to) as StageRow[];
  }

  /** Guest-book entries (their JSON), erased ones too: their anonymous fields still count. */
  guestBookEntries(from: string, to: string): Array<{ day: string; entry: string }> {
    return this.sql('SELECT day, entry FROM guest_book WHERE day BETWEEN ? AND ?').all(from, to) as Array<{
      day: string;
      entry: string;
    }>;
  }

  ratings(
    from: string,
    to: string,
  ): Array<{ day: string; overall: number; scores: string; imbalan: number | null; pungli: number | null }> {
    return this.sql(
      'SELECT day, overall, scores, imbalan, pungli FROM ratings WHERE day BETWEEN ? AND ?',
    ).all(from, to) as Array<{
      day: string;
      overall: number;
      scores: string;
      imbalan: number | null;
      pungli: number | null;
    }>;
  }

  /** The moves out of turn of one kind, of the days from..to (migration 13). */
  outOfTurn(kind: OutOfTurnKind, from: string, to: string): OutOfTurnCount[] {
    return this.sql(
      `SELECT o.desk_id AS deskId, o.decided_by AS decidedBy, s.name AS staffName, s.username AS staffUsername,
         o.how, o.overtaken
       FROM out_of_turn o LEFT JOIN staff s ON s.id = o.decided_by WHERE o.kind = ? AND o.day BETWEEN ? AND ?`,
    ).all(kind, from, to) as OutOfTurnCount[];
  }

  complaints(from: string, to: string): ComplaintView[] {
    return this.sql(`${COMPLAINTS} AND r.day BETWEEN ? AND ? ORDER BY r.at`).all(from, to) as ComplaintView[];
  }

  /** One complaint with its follow-up, by its visit's ticket. */
  complaint(ticketId: string): ComplaintView | null {
    return (this.sql(`${COMPLAINTS} AND r.ticket_id = ?`).get(ticketId) as ComplaintView | undefined) ?? null;
  }

  // ---------- the online service (issue 21) ----------

  onlineRequests(from: string, to: string): OnlineRequestFacts[] {
    return this.sql(
      `SELECT channel, state, close_reason, clock_started_at, due_at, first_answered_at
         FROM online_requests WHERE day BETWEEN ? AND ?`,
    ).all(from, to) as OnlineRequestFacts[];
  }

  /** Online users' ratings (scores as JSON) with their request's channel. */
  onlineRatings(from: string, to: string): Array<{ channel: OnlineChannel; scores: string }> {
    return this.sql(
      `SELECT r.channel, o.scores FROM online_ratings o JOIN online_requests r ON r.id = o.request_id
         WHERE o.day BETWEEN ? AND ?`,
    ).all(from, to) as Array<{ channel: OnlineChannel; scores: string }>;
  }

  /** Walk-in ratings' scores (JSON). */
  walkInScores(from: string, to: string): Array<{ scores: string }> {
    return this.sql('SELECT scores FROM ratings WHERE day BETWEEN ? AND ?').all(from, to) as Array<{
      scores: string;
    }>;
  }

  /** Kind, slot, kiosk redemption and Zoom attendance mark (SQLite's 0/1 as a boolean) of a range's appointments. */
  appointments(
    from: string,
    to: string,
  ): Array<{
    kind: 'langsung' | 'zoom';
    slotAt: number;
    redeemedAt: number | null;
    attended: boolean | null;
  }> {
    const rows = this.sql(
      `SELECT kind, slot_at AS slotAt, redeemed_at AS redeemedAt, attended FROM appointments
         WHERE day BETWEEN ? AND ?`,
    ).all(from, to) as Array<{
      kind: 'langsung' | 'zoom';
      slotAt: number;
      redeemedAt: number | null;
      attended: number | null;
    }>;
    return rows.map((r) => ({ ...r, attended: r.attended === null ? null : r.attended === 1 }));
  }
}
