/**
 * 8. The central roll-up on PostgreSQL: 514 offices x 10 years of closed days generated in a throwaway
 * cluster; the national dashboard for a year and a provincial one for a month, timed end to end
 * (HTTP GET of the signed-in page, queries and HTML); then a day's pushes from every office over HTTP.
 */
import { addOffice, addUser, createCentral, rebuildMonths } from '@pst/central';
import { sampleDayFacts, startPostgres } from '@pst/central/testing';
import { addDays } from '@pst/shared';
import type { MeasureResult, Row, Sizes } from '../lib/types';
import { log, ms, nowMs, summarize } from '../lib/util';

export const TARGET_DASHBOARD_P95_MS = 300;
export const TARGET_INGEST_MS = 10_000;
/** Pushes in flight at once, as 514 hubs pushing after midnight would overlap. */
const PUSH_CONCURRENCY = 16;
/** The last generated day; the day pushed after it is its next. */
const LAST_DAY = '2026-11-24';

export interface CentralData {
  offices: number;
  days: number;
  rows: number;
  generateMs: number;
  bytes: number;
  national: ReturnType<typeof summarize>;
  province: ReturnType<typeof summarize>;
  ingestMs: number;
  stored: number;
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.ceil(0.95 * sorted.length)) - 1] as number;
}

/** Office codes spread over the 38 provinces the way the 514 regencies and cities are (about 13 each). */
function officeCodes(count: number): string[] {
  const provinces = [
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18',
    '19',
    '21',
    '31',
    '32',
    '33',
    '34',
    '35',
    '36',
    '51',
    '52',
    '53',
    '61',
    '62',
    '63',
    '64',
    '65',
    '71',
    '72',
    '73',
    '74',
    '75',
    '76',
    '81',
    '82',
    '91',
    '92',
    '94',
    '95',
    '96',
    '97',
  ];
  return Array.from({ length: count }, (_, i) => {
    const province = provinces[i % provinces.length] as string;
    return `${province}${String(Math.floor(i / provinces.length) + 1).padStart(2, '0')}`;
  });
}

export async function centralRollup(sizes: Sizes): Promise<MeasureResult<CentralData>> {
  const postgres = await startPostgres();
  const at = { value: Date.parse(`${addDays(LAST_DAY, 1)}T02:00:00Z`) };
  try {
    const central = await createCentral({
      databaseUrl: await postgres.createDatabase('central_bench'),
      port: 0,
      host: '127.0.0.1',
      clock: () => at.value,
      poolSize: 10,
    });
    try {
      const codes = officeCodes(sizes.centralOffices);
      const keys = new Map<string, string>();
      for (const code of codes)
        keys.set(code, (await addOffice(central.pool, { id: code, name: `BPS ${code}` }, at.value)).key);
      const days = Math.round(sizes.centralYears * 365.25);
      const first = addDays(LAST_DAY, -(days - 1));
      log(`central: generating ${codes.length} offices x ${days} days (${first} .. ${LAST_DAY})`);
      const t0 = nowMs();
      // One template per number of visits (0 on weekends, 1-40 on working days), as a hub would push it.
      await central.pool.query(
        `CREATE TEMP TABLE templates AS SELECT (t->>'visits')::int AS visits, t->'facts' AS facts
         FROM jsonb_array_elements($1::jsonb) t`,
        [
          JSON.stringify(
            Array.from({ length: 41 }, (_, v) => ({
              visits: v,
              facts: sampleDayFacts(v, v - (v % 7), v % 9 === 0 ? 1 : 0),
            })),
          ),
        ],
      );
      // Year by year: ten statements of ~190k rows instead of one of 1.9 million.
      for (let from = first; from <= LAST_DAY; from = addDays(from, 366)) {
        const to = addDays(from, 365) < LAST_DAY ? addDays(from, 365) : LAST_DAY;
        await central.pool.query(
          `INSERT INTO office_days (office_id, day, version, digest, received_at, visits, clocked, within_target, served,
             ikm_respondents, ikm_sums, ikm_answered, complaints, complaints_open, facts)
           SELECT o.id, d::date, 1, md5(o.id || d::text), now(), t.visits,
             jsonb_array_length(coalesce(t.facts->'stages'->0->'tally'->'clockWaits', '[]')),
             coalesce((t.facts->'stages'->0->'tally'->>'withinTarget')::int, 0),
             coalesce((t.facts->'stages'->0->'tally'->>'served')::int, 0),
             (t.facts->'ratings'->'ikm'->>'respondents')::int,
             ARRAY(SELECT jsonb_array_elements_text(t.facts->'ratings'->'ikm'->'sums')::int),
             ARRAY(SELECT jsonb_array_elements_text(t.facts->'ratings'->'ikm'->'answered')::int),
             (t.facts->'complaints'->>'total')::int, (t.facts->'complaints'->>'open')::int, t.facts
           FROM offices o CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d
           JOIN templates t ON t.visits = CASE WHEN extract(isodow FROM d) >= 6 THEN 0
             ELSE 1 + abs(hashtext(o.id || d::text)) % 40 END`,
          [from, to],
        );
        log(`central: ${to} generated`);
      }
      await central.pool.query(`UPDATE offices SET last_push_at = $1, last_day = $2`, [
        new Date(at.value),
        LAST_DAY,
      ]);
      await rebuildMonths(central.pool);
      await central.pool.query('VACUUM ANALYZE office_days');
      await central.pool.query('VACUUM ANALYZE office_months');
      const generateMs = nowMs() - t0;
      const { rows: counted } = await central.pool.query(
        `SELECT count(*)::int AS n, pg_total_relation_size('office_days')::bigint AS bytes FROM office_days`,
      );

      await addUser(
        central.pool,
        {
          username: 'nasional',
          name: 'Nasional',
          role: 'national',
          province: null,
          password: 'bench-password-1',
        },
        at.value,
      );
      await addUser(
        central.pool,
        {
          username: 'jateng',
          name: 'Jawa Tengah',
          role: 'province',
          province: '33',
          password: 'bench-password-2',
        },
        at.value,
      );
      const cookieOf = async (username: string, password: string) => {
        const response = await fetch(`${central.url}/masuk`, {
          method: 'POST',
          body: new URLSearchParams({ username, password }),
          redirect: 'manual',
        });
        return response.headers.get('set-cookie')?.split(';')[0] ?? '';
      };
      const timePage = async (cookie: string, path: string, expect: string) => {
        const times: number[] = [];
        for (let i = 0; i <= sizes.centralRuns; i++) {
          const t = nowMs();
          const response = await fetch(`${central.url}${path}`, { headers: { cookie } });
          const html = await response.text();
          if (response.status !== 200 || !html.includes(expect))
            throw new Error(`${path}: ${response.status}`);
          if (i > 0) times.push(nowMs() - t); // the first run warms the pool and the caches
        }
        return times;
      };
      const lastYear = String(Number(LAST_DAY.slice(0, 4)) - 1);
      const lastMonth = addDays(`${LAST_DAY.slice(0, 7)}-01`, -1).slice(0, 7);
      const national = await timePage(
        await cookieOf('nasional', 'bench-password-1'),
        `/?periode=tahun&tahun=${lastYear}`,
        'BPS 3301',
      );
      const province = await timePage(
        await cookieOf('jateng', 'bench-password-2'),
        `/?periode=bulan&bulan=${lastMonth}`,
        'BPS 3301',
      );

      // A day's pushes from every office, 16 at a time, each a real hub payload over HTTP.
      const day = addDays(LAST_DAY, 1);
      at.value = Date.parse(`${addDays(day, 1)}T02:00:00Z`);
      const bodies = codes.map((_code, i) =>
        JSON.stringify({
          days: [
            { day, version: 1, facts: sampleDayFacts(10 + (i % 30), 8 + (i % 20), i % 5 === 0 ? 1 : 0) },
          ],
        }),
      );
      let stored = 0;
      let next = 0;
      const t1 = nowMs();
      await Promise.all(
        Array.from({ length: PUSH_CONCURRENCY }, async () => {
          while (next < codes.length) {
            const i = next++;
            const response = await fetch(`${central.url}/api/v1/days`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${keys.get(codes[i] as string)}`,
              },
              body: bodies[i],
            });
            const answer = (await response.json()) as { ok: boolean; data?: { stored: number } };
            if (!answer.ok) throw new Error(`push ${codes[i]}: ${JSON.stringify(answer)}`);
            stored += answer.data?.stored ?? 0;
          }
        }),
      );
      const ingestMs = nowMs() - t1;

      const data: CentralData = {
        offices: codes.length,
        days,
        rows: counted[0].n,
        generateMs,
        bytes: Number(counted[0].bytes),
        national: summarize(national),
        province: summarize(province),
        ingestMs,
        stored,
      };
      const nationalP95 = p95(national);
      const provinceP95 = p95(province);
      const rows: Row[] = [
        {
          measurement: 'central roll-up',
          metric: `national dashboard, year ${lastYear} (${codes.length} offices, ${data.rows.toLocaleString('en')} office days stored)`,
          value: `p95 ${ms(nationalP95)} / median ${ms(data.national.median)} (n=${national.length})`,
          target: `p95 < ${TARGET_DASHBOARD_P95_MS} ms`,
          verdict: nationalP95 < TARGET_DASHBOARD_P95_MS ? 'met' : 'missed',
          note: 'HTTP GET of the signed-in page: queries, IKM per office, HTML',
        },
        {
          measurement: 'central roll-up',
          metric: `provincial dashboard (Jawa Tengah), month ${lastMonth}`,
          value: `p95 ${ms(provinceP95)} / median ${ms(data.province.median)} (n=${province.length})`,
          target: `p95 < ${TARGET_DASHBOARD_P95_MS} ms`,
          verdict: provinceP95 < TARGET_DASHBOARD_P95_MS ? 'met' : 'missed',
        },
        {
          measurement: 'central roll-up',
          metric: `a day's pushes from all ${codes.length} offices over HTTP (${PUSH_CONCURRENCY} at a time)`,
          value: `${ms(ingestMs, 0)} (${stored} days stored)`,
          target: `< ${TARGET_INGEST_MS} ms`,
          verdict: ingestMs < TARGET_INGEST_MS && stored === codes.length ? 'met' : 'missed',
        },
        {
          measurement: 'central roll-up',
          metric:
            'generating the office days (INSERT .. SELECT in PostgreSQL), their monthly sums, VACUUM ANALYZE',
          value: `${(generateMs / 1000).toFixed(1)} s; office_days ${(data.bytes / 1024 ** 2).toFixed(0)} MB with indexes`,
          verdict: 'info',
        },
      ];
      const details = [
        `**central roll-up**: a throwaway PostgreSQL 15 cluster (fsync off, as in the tests) with ${codes.length} offices x ${days} days = ${data.rows.toLocaleString('en')} office days (weekends empty, 1-40 visits on working days). National year: ${summarize(national).n} timed GETs after one warm-up, min ${ms(data.national.min)} / median ${ms(data.national.median)} / p95 ${ms(nationalP95)} / max ${ms(data.national.max)}. Provincial month: min ${ms(data.province.min)} / median ${ms(data.province.median)} / p95 ${ms(provinceP95)} / max ${ms(data.province.max)}. Pushes: each office one closed day (one request, its own transaction), ${PUSH_CONCURRENCY} requests in flight, client and server in the same process.`,
      ];
      return { rows, details, data };
    } finally {
      await central.close();
    }
  } finally {
    postgres.stop();
  }
}
