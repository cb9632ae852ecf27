/**
 * office_months: each office's figures per month, summed from its office_days. A push recomputes the
 * months it touched from their days (never adds a difference), so a month is always exactly its days.
 */
import { IKM_ELEMENTS } from '@pst/shared';
import type pg from 'pg';

const FIGURES = [
  'days',
  'visits',
  'clocked',
  'within_target',
  'served',
  'ikm_respondents',
  ...IKM_ELEMENTS.flatMap((_, i) => [`ikm_s${i + 1}`, `ikm_a${i + 1}`]),
  'complaints',
  'complaints_open',
];
const COLUMNS = `office_id, month, ${FIGURES.join(', ')}`;
const SUMMED = `count(*)::int, sum(visits)::int, sum(clocked)::int, sum(within_target)::int, sum(served)::int,
  sum(ikm_respondents)::int,
  ${IKM_ELEMENTS.map((_, i) => `sum(ikm_sums[${i + 1}])::int, sum(ikm_answered[${i + 1}])::int`).join(', ')},
  sum(complaints)::int, sum(complaints_open)::int`;
const UPSERT = `ON CONFLICT (office_id, month) DO UPDATE SET ${FIGURES.map((c) => `${c} = excluded.${c}`).join(', ')}`;

/**
 * Recomputes the months of one office that the given days ('YYYY-MM-DD') fall in, inside the caller's
 * transaction. The days are read by a range of the primary key (a month of rows, not the office's years).
 */
export async function refreshMonths(
  client: pg.PoolClient,
  officeId: string,
  days: readonly string[],
): Promise<void> {
  const sorted = [...days].sort();
  await client.query(
    `INSERT INTO office_months (${COLUMNS})
     SELECT office_id, date_trunc('month', day)::date, ${SUMMED} FROM office_days
     WHERE office_id = $1 AND day >= date_trunc('month', $2::date)::date
       AND day < (date_trunc('month', $3::date) + interval '1 month')::date
       AND date_trunc('month', day)::date = ANY($4::date[])
     GROUP BY office_id, date_trunc('month', day) ${UPSERT}`,
    [officeId, sorted[0], sorted.at(-1), [...new Set(sorted.map((d) => `${d.slice(0, 7)}-01`))]],
  );
}

/** Every office and month again from office_days (after a bulk load, or a repair). */
export async function rebuildMonths(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO office_months (${COLUMNS})
     SELECT office_id, date_trunc('month', day)::date, ${SUMMED} FROM office_days
     GROUP BY office_id, date_trunc('month', day) ${UPSERT}`,
  );
}
