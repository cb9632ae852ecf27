/**
 * 4. Scale over time: ten years of a busy office in the database; hub start to listening, a monthly
 * and a one-year report, and the database size per 100,000 visits.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, DEFAULT_CONFIG } from '@pst/shared';
import Database from 'better-sqlite3';
import { fileSize, type GeneratedDb, generatedDb } from '../lib/generate';
import { DB_FILE, morningSkew, removeDir, startHub, tempDir } from '../lib/office';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log, mb, ms, nowMs, percentile, summarize } from '../lib/util';

export const TARGET_START_MS = 1000;
export const TARGET_REPORT_MS = 200;

type Db = Database.Database;

export interface ServiceFigures {
  visits: number;
  stages: number;
  meanWaitMin: number | null;
  medianWaitMin: number | null;
  meanServiceMin: number | null;
  medianServiceMin: number | null;
  withinTargetShare: number | null;
}

export interface BenchReport {
  from: string;
  to: string;
  days: number;
  visits: number;
  perDay: Array<{ day: string; services: Record<string, number> }>;
  byQueue: Record<string, ServiceFigures>;
  ikm: { respondents: number; nrr: Array<number | null>; converted: number | null };
}

const compact = (day: string) => day.replaceAll('-', '');
const SERVICE_OF_PREFIX = Object.fromEntries(DEFAULT_CONFIG.services.map((s) => [s.prefix, s.id]));

/** Median of a histogram (value -> count), nearest rank. */
function histogramMedian(histogram: Map<number, number>, total: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(total / 2);
  let seen = 0;
  for (const [value, count] of [...histogram].sort(([a], [b]) => a - b)) {
    seen += count;
    if (seen >= rank) return value;
  }
  return null;
}

/**
 * The report of an office-day range, in three statements that each read only the range:
 * - visits per day and service: the (day, number) index alone (the number's letter is the service);
 * - waits, service times, share within target per queue: a range of the stages' primary key, which
 *   starts with the ticket id and so with the day (YYYYMMDD-K012), grouped by queue and whole minutes
 *   (means exact, medians to the minute);
 * - IKM: the element means (NRR) of ratings.scores over the ratings_day index.
 */
export function benchReport(db: Db, from: string, to: string): BenchReport {
  const visitRows = db
    .prepare(
      `SELECT day, substr(number, 1, 1) AS prefix, count(*) AS n FROM tickets
       WHERE day BETWEEN ? AND ? GROUP BY day, prefix ORDER BY day`,
    )
    .raw()
    .all(from, to) as Array<[string, string, number]>;
  const perDay = new Map<string, Record<string, number>>();
  const visitsByService: Record<string, number> = {};
  let visits = 0;
  for (const [day, prefix, n] of visitRows) {
    const service = SERVICE_OF_PREFIX[prefix] ?? prefix;
    const services = perDay.get(day) ?? {};
    services[service] = n;
    perDay.set(day, services);
    visitsByService[service] = (visitsByService[service] ?? 0) + n;
    visits += n;
  }

  const stageRows = db
    .prepare(
      `SELECT queue, (called_at - entered_at) / 60000 AS wait_min, (ended_at - started_at) / 60000 AS service_min,
              count(*) AS n, sum(called_at - entered_at) AS wait_sum, count(called_at) AS called,
              sum(ended_at - started_at) AS service_sum, count(ended_at - started_at) AS served,
              count(service_wait) AS clocked, sum(within_target) AS within
       FROM stages WHERE ticket_id >= ? AND ticket_id < ?
       GROUP BY queue, wait_min, service_min`,
    )
    .raw()
    .all(compact(from), compact(addDays(to, 1))) as Array<
    [
      string,
      number | null,
      number | null,
      number,
      number | null,
      number,
      number | null,
      number,
      number,
      number | null,
    ]
  >;
  const acc = new Map<
    string,
    {
      stages: number;
      waitSum: number;
      called: number;
      serviceSum: number;
      served: number;
      clocked: number;
      within: number;
      waits: Map<number, number>;
      services: Map<number, number>;
    }
  >();
  for (const [
    queue,
    waitMin,
    serviceMin,
    n,
    waitSum,
    called,
    serviceSum,
    served,
    clocked,
    within,
  ] of stageRows) {
    let a = acc.get(queue);
    if (!a) {
      a = {
        stages: 0,
        waitSum: 0,
        called: 0,
        serviceSum: 0,
        served: 0,
        clocked: 0,
        within: 0,
        waits: new Map(),
        services: new Map(),
      };
      acc.set(queue, a);
    }
    a.stages += n;
    a.waitSum += waitSum ?? 0;
    a.called += called;
    a.serviceSum += serviceSum ?? 0;
    a.served += served;
    a.clocked += clocked;
    a.within += within ?? 0;
    if (waitMin !== null) a.waits.set(waitMin, (a.waits.get(waitMin) ?? 0) + called);
    if (serviceMin !== null) a.services.set(serviceMin, (a.services.get(serviceMin) ?? 0) + served);
  }
  const byQueue: Record<string, ServiceFigures> = {};
  for (const [queue, a] of acc) {
    byQueue[queue] = {
      visits: visitsByService[queue] ?? 0,
      stages: a.stages,
      meanWaitMin: a.called ? a.waitSum / a.called / 60000 : null,
      medianWaitMin: histogramMedian(a.waits, a.called),
      meanServiceMin: a.served ? a.serviceSum / a.served / 60000 : null,
      medianServiceMin: histogramMedian(a.services, a.served),
      withinTargetShare: a.clocked ? a.within / a.clocked : null,
    };
  }

  const elements = Array.from({ length: 9 }, (_, i) => `avg(json_extract(scores, '$[${i}]'))`).join(', ');
  const ikmRow = db
    .prepare(`SELECT count(*), ${elements} FROM ratings WHERE day BETWEEN ? AND ?`)
    .raw()
    .get(from, to) as [number, ...Array<number | null>];
  const [respondents, ...nrr] = ikmRow;
  const complete = nrr.every((v) => v !== null);
  const converted = complete ? (nrr as number[]).reduce((s, v) => s + v / 9, 0) * 25 : null;

  return {
    from,
    to,
    days: perDay.size,
    visits,
    perDay: [...perDay].map(([day, services]) => ({ day, services })),
    byQueue,
    ikm: { respondents, nrr, converted },
  };
}

/**
 * The statements of the hub's own reports.ts (packages/hub/src/reports.ts) for the same range, rows
 * fetched into JavaScript as it does (its summaries, sorting and JSON parsing not included).
 */
export function hubShapedFetch(db: Db, from: string, to: string): number {
  let rows = 0;
  rows += db
    .prepare(
      `SELECT day, queue, desk_id AS deskId, entered_at AS enteredAt, called_at AS calledAt, started_at AS startedAt,
              ended_at AS endedAt, outcome, service_wait AS serviceWait, within_target AS withinTarget
       FROM stages WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to).length;
  rows += db
    .prepare(
      `SELECT day, service_id AS serviceId, issued_at AS issuedAt FROM tickets WHERE day BETWEEN ? AND ?`,
    )
    .all(from, to).length;
  rows += db
    .prepare(`SELECT day, entry FROM guest_book WHERE day BETWEEN ? AND ? AND erased_at IS NULL`)
    .all(from, to).length;
  rows += db
    .prepare(
      `SELECT ticket_id AS ticketId, day, desk_id AS deskId, overall, scores, imbalan, pungli, complaint, complaint_status AS status
       FROM ratings WHERE day BETWEEN ? AND ? ORDER BY at`,
    )
    .all(from, to).length;
  return rows;
}

function timed<T>(runs: number, work: () => T): { first: number; median: number; result: T } {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    result = work();
    times.push(nowMs() - t0);
  }
  return {
    first: times[0] as number,
    median: percentile(
      [...times].sort((a, b) => a - b),
      50,
    ),
    result: result as T,
  };
}

function tableSizes(db: Db): Array<[string, number]> {
  try {
    return db
      .prepare('SELECT name, sum(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC')
      .raw()
      .all() as Array<[string, number]>;
  } catch {
    return [];
  }
}

export interface ScaleData {
  generated: GeneratedDb;
  firstStartMs: number;
  restartMs: number;
  monthly: { first: number; median: number; report: BenchReport };
  yearly: { first: number; median: number; report: BenchReport };
  hubShapedYear: { first: number; median: number; rows: number };
  bytesPer100k: number;
}

export async function scale(sizes: Sizes): Promise<MeasureResult<ScaleData>> {
  const label = 'scale over time';
  const generated = generatedDb({ seed: sizes.seed, visits: sizes.scaleVisits, years: sizes.scaleYears });
  const { meta } = generated;
  log(
    `${label}: ${generated.cached ? 'cached' : 'generated'} database ${generated.file} (${meta.tickets} tickets)`,
  );
  const size = fileSize(generated.file);
  const bytesPer100k = (size / meta.tickets) * 100_000;

  // The hub starts on a copy: its first start replays the open last day and ends it, which writes.
  const dataDir = tempDir('pst-bench-scale-');
  try {
    mkdirSync(dataDir, { recursive: true });
    copyFileSync(generated.file, join(dataDir, DB_FILE));
    const skew = morningSkew();
    const startOnce = async () => {
      const t0 = nowMs();
      const hub = await startHub({ dataDir, printerPort: 9, skew });
      const elapsed = nowMs() - t0;
      await hub.close();
      return elapsed;
    };
    const firstStartMs = await startOnce();
    const restarts: number[] = [];
    for (let i = 0; i < 3; i++) restarts.push(await startOnce());
    const restartMs = summarize(restarts).median;
    log(`${label}: first start ${ms(firstStartMs)}, restart ${ms(restartMs)}`);

    const db = new Database(join(dataDir, DB_FILE), { readonly: true });
    try {
      // The last whole month of the data, and the twelve months ending with it.
      // (A database shorter than that, as in the smoke test, reports all of its days.)
      let monthEnd = addDays(`${meta.lastDay.slice(0, 7)}-01`, -1);
      let monthStart = `${monthEnd.slice(0, 7)}-01`;
      let yearStart = addDays(monthEnd, 1).replace(/^(\d{4})/, (y) => String(Number(y) - 1));
      if (monthEnd < meta.firstDay) {
        monthEnd = meta.lastDay;
        monthStart = meta.firstDay;
        yearStart = meta.firstDay;
      }
      const runs = sizes.scaleReportRuns;
      const monthly = timed(runs, () => benchReport(db, monthStart, monthEnd));
      const yearly = timed(runs, () => benchReport(db, yearStart, monthEnd));
      const hubShaped = timed(runs, () => hubShapedFetch(db, yearStart, monthEnd));
      log(`${label}: monthly report ${ms(monthly.median)}, one-year report ${ms(yearly.median)}`);
      const sizesByTable = tableSizes(db);

      const rows: Row[] = [
        {
          measurement: label,
          metric: `hub start to listening, ${meta.tickets.toLocaleString('en')} tickets / ${meta.events.toLocaleString('en')} events`,
          value: `${ms(firstStartMs)} first start (replays and ends the open day); ${ms(restartMs)} restart`,
          target: `< ${TARGET_START_MS} ms`,
          verdict: Math.max(firstStartMs, restartMs) < TARGET_START_MS ? 'met' : 'missed',
        },
        {
          measurement: label,
          metric: `monthly report (${monthStart} .. ${monthEnd}, ${monthly.result.visits} visits)`,
          value: `${ms(monthly.median)} median of ${runs} (first ${ms(monthly.first)})`,
          target: `< ${TARGET_REPORT_MS} ms`,
          verdict: monthly.median < TARGET_REPORT_MS ? 'met' : 'missed',
        },
        {
          measurement: label,
          metric: `one-year report (${yearStart} .. ${monthEnd}, ${yearly.result.visits} visits)`,
          value: `${ms(yearly.median)} median of ${runs} (first ${ms(yearly.first)})`,
          target: `< ${TARGET_REPORT_MS} ms`,
          verdict: yearly.median < TARGET_REPORT_MS ? 'met' : 'missed',
        },
        {
          measurement: label,
          metric: "one-year fetch with the statements of the hub's reports.ts (rows only)",
          value: `${ms(hubShaped.median)} median of ${runs} (${hubShaped.result.toLocaleString('en')} rows)`,
          target: `< ${TARGET_REPORT_MS} ms`,
          verdict: hubShaped.median < TARGET_REPORT_MS ? 'met' : 'missed',
        },
        {
          measurement: label,
          metric: 'database size per 100,000 visits',
          value: mb(bytesPer100k),
          verdict: 'info',
          note: `${mb(size, 0)} for ${meta.tickets.toLocaleString('en')} visits`,
        },
      ];
      const queueTable = Object.entries(yearly.result.byQueue).map(
        ([q, f]) =>
          `| ${q} | ${f.stages} | ${f.meanWaitMin?.toFixed(1) ?? '-'} | ${f.medianWaitMin ?? '-'} | ${f.meanServiceMin?.toFixed(1) ?? '-'} | ${f.medianServiceMin ?? '-'} | ${f.withinTargetShare === null ? '-' : `${(f.withinTargetShare * 100).toFixed(1)}%`} |`,
      );
      const details = [
        `**${label}**: ${meta.tickets.toLocaleString('en')} visits over ${meta.workingDays} working days ` +
          `(${meta.firstDay} .. ${meta.lastDay}, seed ${meta.seed}): ${meta.stages.toLocaleString('en')} stages, ` +
          `${meta.guestBook.toLocaleString('en')} guest-book entries, ${meta.ratings.toLocaleString('en')} ratings, ` +
          `${meta.events.toLocaleString('en')} events; generated in ${meta.seconds.toFixed(0)} s` +
          `${generated.cached ? ' (this run used the cache)' : ''}. Database ${mb(size, 0)}.`,
        sizesByTable.length
          ? [
              '| table / index | size | per 100,000 visits |',
              '|---|---|---|',
              ...sizesByTable
                .slice(0, 14)
                .map(
                  ([name, bytes]) => `| ${name} | ${mb(bytes)} | ${mb((bytes / meta.tickets) * 100_000)} |`,
                ),
            ].join('\n')
          : 'dbstat is not available in this SQLite build.',
        `One-year report (${yearStart} .. ${monthEnd}): ${yearly.result.visits} visits on ${yearly.result.days} days, ` +
          `IKM ${yearly.result.ikm.converted?.toFixed(2) ?? '-'} from ${yearly.result.ikm.respondents} ratings.`,
        [
          '| queue | stages | mean wait min | median wait min | mean service min | median service min | within target |',
          '|---|---|---|---|---|---|---|',
          ...queueTable,
        ].join('\n'),
      ];
      return {
        rows,
        details,
        data: {
          generated,
          firstStartMs,
          restartMs,
          monthly: { first: monthly.first, median: monthly.median, report: monthly.result },
          yearly: { first: yearly.first, median: yearly.median, report: yearly.result },
          hubShapedYear: { first: hubShaped.first, median: hubShaped.median, rows: hubShaped.result },
          bytesPer100k,
        },
      };
    } finally {
      db.close();
    }
  } finally {
    removeDir(dataDir);
  }
}
