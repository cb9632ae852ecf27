/**
 * The outbox of closed office days for the central roll-up service (migration 6). Every time
 * report_days keeps a day's facts, a trigger marks that day dirty; `queueChangedDays` turns dirty
 * days into payloads with no personal data and bumps a day's version only when its payload changed,
 * so a late correction is pushed again under a higher version and an unchanged day is not.
 */
import { type CentralDayFacts, isComplaintClosed } from '@pst/shared';
import type { Db } from './database';
import { type Sql, statementsOf } from './statements';

export interface OutboxDay {
  day: string;
  version: number;
  facts: CentralDayFacts;
}

/** The parts of reports.ts' kept DayFacts that leave the office (the summary is derived again centrally). */
interface KeptFacts {
  services: CentralDayFacts['services'];
  hours: CentralDayFacts['hours'];
  stages: CentralDayFacts['stages'];
  guestBook: CentralDayFacts['guestBook'];
  ratings: CentralDayFacts['ratings'];
}

/** The outbox's SQL: the hub's store keeps one (`store.outbox`). */
export class CentralOutbox {
  private readonly sql: Sql;

  constructor(private readonly db: Db) {
    this.sql = statementsOf(db);
  }

  /**
   * Builds the payload of up to `limit` dirty days and queues those whose payload changed; returns how
   * many dirty days it looked at (a caller repeats while that equals `limit`).
   */
  queueChangedDays(options: { complaintText: boolean; limit: number }): number {
    const dirty = this.sql(
      `SELECT o.day, o.payload, r.facts FROM central_outbox o LEFT JOIN report_days r ON r.day = o.day
       WHERE o.dirty = 1 ORDER BY o.day DESC LIMIT ?`,
    )
      .raw()
      .all(options.limit) as Array<[string, string | null, string | null]>;
    const complaints = this.sql(
      `SELECT complaint, complaint_status FROM ratings WHERE day = ? AND complaint != '' ORDER BY at`,
    );
    const requeue = this.sql(
      'UPDATE central_outbox SET payload = ?, version = version + 1, dirty = 0 WHERE day = ?',
    );
    const clean = this.sql('UPDATE central_outbox SET dirty = 0 WHERE day = ?');
    this.db.transaction(() => {
      for (const [day, queued, kept] of dirty) {
        // Facts forgotten again since the mark (a write to the day): the next keep marks it anew.
        if (kept === null) {
          clean.run(day);
          continue;
        }
        const rows = complaints.raw().all(day) as Array<[string, string | null]>;
        const payload = JSON.stringify(payloadOf(JSON.parse(kept) as KeptFacts, rows, options.complaintText));
        if (payload === queued) clean.run(day);
        else requeue.run(payload, day);
      }
    })();
    return dirty.length;
  }

  /** Queued days central has not acknowledged in their current version, newest first. */
  pendingDays(limit: number): OutboxDay[] {
    return (
      this.sql(
        `SELECT day, version, payload FROM central_outbox WHERE sent_version < version ORDER BY day DESC LIMIT ?`,
      )
        .raw()
        .all(limit) as Array<[string, number, string]>
    ).map(([day, version, payload]) => ({ day, version, facts: JSON.parse(payload) as CentralDayFacts }));
  }

  /** Central acknowledged these versions; a day re-queued meanwhile under a newer one stays pending. */
  markSent(days: ReadonlyArray<{ day: string; version: number }>): void {
    const mark = this.sql(
      'UPDATE central_outbox SET sent_version = ? WHERE day = ? AND version = ? AND sent_version < ?',
    );
    this.db.transaction(() => {
      for (const { day, version } of days) mark.run(version, day, version, version);
    })();
  }

  /**
   * Central holds a newer version of these days than this hub (its database was restored from an older
   * backup, say): the hub's facts are the office's truth, so they go again above central's version.
   */
  queueAbove(days: ReadonlyArray<{ day: string; version: number }>): void {
    const above = this.sql('UPDATE central_outbox SET version = max(version, ? + 1) WHERE day = ?');
    this.db.transaction(() => {
      for (const { day, version } of days) above.run(version, day);
    })();
  }

  /** Every day is compared again (complaint text was turned on or off). */
  markAllDirty(): void {
    this.sql('UPDATE central_outbox SET dirty = 1').run();
  }

  counts(): { days: number; pending: number; dirty: number } {
    return this.sql(
      `SELECT count(*) AS days, coalesce(sum(sent_version < version), 0) AS pending, coalesce(sum(dirty), 0) AS dirty
       FROM central_outbox`,
    ).get() as { days: number; pending: number; dirty: number };
  }
}

function payloadOf(
  kept: KeptFacts,
  complaints: Array<[string, string | null]>,
  complaintText: boolean,
): CentralDayFacts {
  const open = complaints.filter(([, status]) => !isComplaintClosed(status)).length;
  return {
    services: kept.services,
    hours: kept.hours,
    stages: kept.stages.map(({ queue, deskId, tally }) => ({ queue, deskId, tally })),
    guestBook: kept.guestBook,
    ratings: kept.ratings,
    complaints: complaintText
      ? { total: complaints.length, open, texts: complaints.map(([text]) => text) }
      : { total: complaints.length, open },
  };
}
