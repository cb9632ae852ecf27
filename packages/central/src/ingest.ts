/**
 * Accepting a hub's push: all or nothing, in one transaction. A day is stored when it is new or comes
 * in a higher version than the one kept (a late correction replaces, never adds); the same version
 * with the same facts is a resend and changes nothing; an older version, or the same version with
 * other facts, refuses the whole push (CENTRAL_STALE_VERSION, with central's versions so the hub can
 * go above them). A day that has not ended at the office is refused too.
 */
import { createHash } from 'node:crypto';
import type { StageTally } from '@pst/queue-core';
import {
  type CentralErrorCode,
  type CentralPush,
  type CentralPushResult,
  type CentralStaleDetails,
  type OfficeTimeZone,
  officeDay,
} from '@pst/shared';
import type pg from 'pg';
import { refreshMonths } from './months';

export interface PushingOffice {
  id: string;
  timeZone: OfficeTimeZone;
}

export type IngestResult =
  | { ok: true; data: CentralPushResult }
  | { ok: false; code: CentralErrorCode; details?: unknown };

export async function ingestPush(
  pool: pg.Pool,
  office: PushingOffice,
  push: CentralPush,
  now: number,
): Promise<IngestResult> {
  const today = officeDay(now, office.timeZone);
  const open = push.days.filter((d) => d.day >= today).map((d) => d.day);
  if (open.length) return { ok: false, code: 'CENTRAL_DAY_NOT_CLOSED', details: { days: open, today } };
  const days = new Map(push.days.map((d) => [d.day, d]));
  if (days.size !== push.days.length) return { ok: false, code: 'CENTRAL_PAYLOAD_INVALID' };

  const rows = push.days.map((d) => ({ ...d, ...figuresOf(d.facts), digest: digestOf(d.facts) }));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Rows of these days are locked, so two pushes of the same office decide one after the other.
    const kept = await client.query<{ day: string; version: number; digest: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, version, digest FROM office_days
       WHERE office_id = $1 AND day = ANY($2::date[]) FOR UPDATE`,
      [office.id, rows.map((r) => r.day)],
    );
    const stale: CentralStaleDetails['days'] = [];
    let unchanged = 0;
    const keptByDay = new Map(kept.rows.map((r) => [r.day, r]));
    const fresh = rows.filter((row) => {
      const k = keptByDay.get(row.day);
      if (!k || row.version > k.version) return true;
      if (row.version === k.version && row.digest === k.digest) unchanged++;
      else stale.push({ day: row.day, version: k.version });
      return false;
    });
    if (stale.length) {
      await client.query('ROLLBACK');
      return {
        ok: false,
        code: 'CENTRAL_STALE_VERSION',
        details: { days: stale } satisfies CentralStaleDetails,
      };
    }
    const lastDay = rows
      .map((r) => r.day)
      .sort()
      .at(-1);
    // The office's last sync goes with the days in one statement: a round trip less per push.
    const touchOffice =
      'UPDATE offices SET last_push_at = $2, last_day = greatest(last_day, $3::date) WHERE id = $1';
    if (fresh.length) {
      await client.query(
        `WITH stored AS (
           INSERT INTO office_days (office_id, day, version, digest, received_at, visits, clocked, within_target, served,
             ikm_respondents, ikm_sums, ikm_answered, complaints, complaints_open, facts)
           SELECT $1, r.day, r.version, r.digest, $2, r.visits, r.clocked, r.within_target, r.served, r.ikm_respondents,
             ARRAY(SELECT jsonb_array_elements_text(r.ikm_sums)::int), ARRAY(SELECT jsonb_array_elements_text(r.ikm_answered)::int),
             r.complaints, r.complaints_open, r.facts
           FROM jsonb_to_recordset($4::jsonb) AS r(day date, version int, digest text, visits int, clocked int,
             within_target int, served int, ikm_respondents int, ikm_sums jsonb, ikm_answered jsonb, complaints int,
             complaints_open int, facts jsonb)
           ON CONFLICT (office_id, day) DO UPDATE SET version = excluded.version, digest = excluded.digest,
             received_at = excluded.received_at, visits = excluded.visits, clocked = excluded.clocked,
             within_target = excluded.within_target, served = excluded.served, ikm_respondents = excluded.ikm_respondents,
             ikm_sums = excluded.ikm_sums, ikm_answered = excluded.ikm_answered, complaints = excluded.complaints,
             complaints_open = excluded.complaints_open, facts = excluded.facts
           WHERE office_days.version < excluded.version
         ) ${touchOffice}`,
        [office.id, new Date(now), lastDay, JSON.stringify(fresh)],
      );
      // A separate statement: it must see the days just stored.
      await refreshMonths(
        client,
        office.id,
        fresh.map((r) => r.day),
      );
    } else {
      await client.query(touchOffice, [office.id, new Date(now), lastDay]);
    }
    await client.query('COMMIT');
    return { ok: true, data: { stored: fresh.length, unchanged } };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The figures the dashboard adds up, taken from a day's facts once, at ingest. */
function figuresOf(facts: CentralPush['days'][number]['facts']) {
  const sum = (pick: (t: StageTally) => number) => facts.stages.reduce((n, s) => n + pick(s.tally), 0);
  return {
    visits: Object.values(facts.services).reduce((a, b) => a + b, 0),
    // The 10-minute share as queue-core's summarizeTallies computes it: within target / stages on the clock.
    clocked: sum((t) => t.clockWaits.length),
    within_target: sum((t) => t.withinTarget),
    served: sum((t) => t.served),
    ikm_respondents: facts.ratings.ikm.respondents,
    ikm_sums: facts.ratings.ikm.sums,
    ikm_answered: facts.ratings.ikm.answered,
    complaints: facts.complaints.total,
    complaints_open: facts.complaints.open,
  };
}

/** The same facts always give the same digest: they are re-serialized from the validated object. */
function digestOf(facts: unknown): string {
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
}
