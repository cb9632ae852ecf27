/**
 * What the dashboard shows, read from PostgreSQL: every office in view with its figures over a range
 * (a month or a year), the trend of the range (per day of a month, per month of a year), and one
 * office's detail. The figures add up in SQL over the office_days columns; IKM and the 10-minute share
 * follow queue-core's rules (ikmOfTally, summarizeTallies), the same the office's own reports use.
 */
import {
  type IkmResult,
  ikmOfTally,
  type StageSummary,
  type StageTally,
  summarizeTallies,
} from '@pst/queue-core';
import { addDays, type CentralDayFacts, IKM_ELEMENTS } from '@pst/shared';
import type pg from 'pg';

export interface Scope {
  /** null: every province (national users). */
  province: string | null;
}

export type Period = { kind: 'month'; month: string } | { kind: 'year'; year: string };

export interface Range {
  from: string;
  to: string;
}

export function rangeOf(period: Period): Range {
  if (period.kind === 'year') return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  const next = period.month.endsWith('-12')
    ? `${Number(period.month.slice(0, 4)) + 1}-01`
    : `${period.month.slice(0, 5)}${String(Number(period.month.slice(5)) + 1).padStart(2, '0')}`;
  return { from: `${period.month}-01`, to: addDays(`${next}-01`, -1) };
}

export interface Figures {
  days: number;
  visits: number;
  served: number;
  clocked: number;
  withinTarget: number;
  /** Share of stages on the 10-minute clock served within it, 0..1 (null without any). */
  withinShare: number | null;
  ikm: IkmResult;
  complaints: number;
  complaintsOpen: number;
}

export interface OfficeFigures extends Figures {
  id: string;
  name: string;
  province: string;
  lastPushAt: Date | null;
  lastDay: string | null;
  /** Has a key that is not revoked. */
  keyActive: boolean;
}

export interface TrendPoint extends Figures {
  period: string;
}

/** The figures summed over rows of office_days (one a day) or office_months (`days` counted in). */
const sums = (
  source: 'days' | 'months',
) => `${source === 'days' ? 'count(d.day)::int' : 'coalesce(sum(d.days), 0)::int'} AS days,
  coalesce(sum(d.visits), 0)::int AS visits, coalesce(sum(d.served), 0)::int AS served,
  coalesce(sum(d.clocked), 0)::int AS clocked, coalesce(sum(d.within_target), 0)::int AS within_target,
  coalesce(sum(d.ikm_respondents), 0)::int AS ikm_respondents,
  ${IKM_ELEMENTS.map((_, i) =>
    source === 'days'
      ? `coalesce(sum(d.ikm_sums[${i + 1}]), 0)::int AS s${i}, coalesce(sum(d.ikm_answered[${i + 1}]), 0)::int AS a${i}`
      : `coalesce(sum(d.ikm_s${i + 1}), 0)::int AS s${i}, coalesce(sum(d.ikm_a${i + 1}), 0)::int AS a${i}`,
  ).join(', ')},
  coalesce(sum(d.complaints), 0)::int AS complaints, coalesce(sum(d.complaints_open), 0)::int AS complaints_open`;

type SumRow = Record<string, number>;

function figuresOf(row: SumRow): Figures {
  const clocked = row.clocked ?? 0;
  const withinTarget = row.within_target ?? 0;
  return {
    days: row.days ?? 0,
    visits: row.visits ?? 0,
    served: row.served ?? 0,
    clocked,
    withinTarget,
    withinShare: clocked ? withinTarget / clocked : null,
    ikm: ikmOfTally({
      respondents: row.ikm_respondents ?? 0,
      sums: IKM_ELEMENTS.map((_, i) => row[`s${i}`] ?? 0),
      answered: IKM_ELEMENTS.map((_, i) => row[`a${i}`] ?? 0),
    }),
    complaints: row.complaints ?? 0,
    complaintsOpen: row.complaints_open ?? 0,
  };
}

/**
 * Every office in scope, with or without days in the range (an office that never sent shows too).
 * Ranges are whole months (rangeOf), so the monthly sums serve them.
 */
export async function officeTable(pool: pg.Pool, scope: Scope, range: Range): Promise<OfficeFigures[]> {
  const { rows } = await pool.query(
    `SELECT o.id, o.name, o.province, o.last_push_at, to_char(o.last_day, 'YYYY-MM-DD') AS last_day,
       o.key_hash IS NOT NULL AS key_active, s.*
     FROM offices o LEFT JOIN (
       SELECT d.office_id, ${sums('months')} FROM office_months d
       WHERE d.month BETWEEN $1 AND $2 ${scope.province ? 'AND d.office_id LIKE $3' : ''}
       GROUP BY d.office_id
     ) s ON s.office_id = o.id
     ${scope.province ? 'WHERE o.province = $4' : ''}
     ORDER BY o.province, o.id`,
    scope.province ? [range.from, range.to, `${scope.province}%`, scope.province] : [range.from, range.to],
  );
  return rows.map((row) => ({
    ...figuresOf(row),
    id: row.id,
    name: row.name,
    province: row.province,
    lastPushAt: row.last_push_at,
    lastDay: row.last_day,
    keyActive: row.key_active,
  }));
}

/** The range's figures per day (a month) or per month (a year), for the offices in scope or one office. */
export async function trend(
  pool: pg.Pool,
  scope: Scope & { office?: string },
  range: Range,
  by: 'day' | 'month',
): Promise<TrendPoint[]> {
  const params: unknown[] = [range.from, range.to];
  let filter = '';
  if (scope.office) {
    params.push(scope.office);
    filter = `AND d.office_id = $${params.length}`;
  } else if (scope.province) {
    params.push(`${scope.province}%`);
    filter = `AND d.office_id LIKE $${params.length}`;
  }
  const { rows } = await pool.query(
    by === 'day'
      ? `SELECT to_char(d.day, 'YYYY-MM-DD') AS period, ${sums('days')} FROM office_days d
         WHERE d.day BETWEEN $1 AND $2 ${filter} GROUP BY 1 ORDER BY 1`
      : `SELECT to_char(d.month, 'YYYY-MM') AS period, ${sums('months')} FROM office_months d
         WHERE d.month BETWEEN $1 AND $2 ${filter} GROUP BY 1 ORDER BY 1`,
    params,
  );
  return rows.map((row) => ({ ...figuresOf(row), period: row.period }));
}

export interface OfficeDetail {
  byQueue: Record<string, StageSummary>;
  guestBook: { entries: number; breakdown: Record<string, Record<string, number>> };
  services: Record<string, number>;
  /** Only from offices whose admin turned complaint text on. */
  complaintTexts: Array<{ day: string; text: string }>;
}

/** One office over the range, from its days' kept facts (a year is 365 small documents). */
export async function officeDetail(pool: pg.Pool, officeId: string, range: Range): Promise<OfficeDetail> {
  const { rows } = await pool.query<{ day: string; facts: CentralDayFacts }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, facts FROM office_days
     WHERE office_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day`,
    [officeId, range.from, range.to],
  );
  const byQueue = new Map<string, StageTally[]>();
  const breakdown: Record<string, Record<string, number>> = {};
  const services: Record<string, number> = {};
  const complaintTexts: OfficeDetail['complaintTexts'] = [];
  let entries = 0;
  const add = (into: Record<string, number>, from: Record<string, number>) => {
    for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
  };
  for (const { day, facts } of rows) {
    for (const { queue, tally } of facts.stages) {
      const tallies = byQueue.get(queue);
      if (tallies) tallies.push(tally);
      else byQueue.set(queue, [tally]);
    }
    entries += facts.guestBook.entries;
    for (const [dimension, counts] of Object.entries(facts.guestBook.breakdown)) {
      breakdown[dimension] ??= {};
      add(breakdown[dimension], counts);
    }
    add(services, facts.services);
    for (const text of facts.complaints.texts ?? []) complaintTexts.push({ day, text });
  }
  return {
    byQueue: Object.fromEntries([...byQueue].map(([queue, tallies]) => [queue, summarizeTallies(tallies)])),
    guestBook: { entries, breakdown },
    services,
    complaintTexts,
  };
}
