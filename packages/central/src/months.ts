/**
 * office_months: each office's figures per month, summed from its office_days. A push recomputes the
 * months it touched from their days (never adds a difference), so a month is always exactly its days.
 */
import { IKM_ELEMENTS } from '@pst/shared';
import type pg from 'pg';

const elements = (column: string) =>
  `ARRAY[${IKM_ELEMENTS.map((_, i) => `sum(${column}[${i + 1}])::int`).join(', ')}]`;

const SUMMED = `count(*)::int, sum(visits)::int, sum(clocked)::int, sum(within_target)::int, sum(served)::int,
  sum(ikm_respondents)::int, ${elements('ikm_sums')}, ${elements('ikm_answered')}, sum(complaints)::int,
  sum(complaints_open)::int`;

const UPSERT = `ON CONFLICT (office_id, month) DO UPDATE SET days = excluded.days, visits = excluded.visits,
  clocked = excluded.clocked, within_target = excluded.within_target, served = excluded.served,
  ikm_respondents = excluded.ikm_respondents, ikm_sums = excluded.ikm_sums, ikm_answered = excluded.ikm_answered,
  complaints = excluded.complaints, complaints_open = excluded.complaints_open`;

/** Recomputes the given months ('YYYY-MM-01') of one office, inside the caller's transaction. */
export async function refreshMonths(
  client: pg.PoolClient,
  officeId: string,
  months: readonly string[],
): Promise<void> {
  await client.query(
    `INSERT INTO office_months (office_id, month, days, visits, clocked, within_target, served, ikm_respondents,
       ikm_sums, ikm_answered, complaints, complaints_open)
     SELECT office_id, date_trunc('month', day)::date, ${SUMMED} FROM office_days
     WHERE office_id = $1 AND date_trunc('month', day)::date = ANY($2::date[])
     GROUP BY office_id, date_trunc('month', day) ${UPSERT}`,
    [officeId, months],
  );
}

/** Every office and month again from office_days (after a bulk load, or a repair). */
export async function rebuildMonths(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO office_months (office_id, month, days, visits, clocked, within_target, served, ikm_respondents,
       ikm_sums, ikm_answered, complaints, complaints_open)
     SELECT office_id, date_trunc('month', day)::date, ${SUMMED} FROM office_days
     GROUP BY office_id, date_trunc('month', day) ${UPSERT}`,
  );
}
