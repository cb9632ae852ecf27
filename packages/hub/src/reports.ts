import {
  type IkmTally,
  ikmOfTally,
  mergeIkmTallies,
  type StageRecord,
  type StageSummary,
  type StageTally,
  summarizeTallies,
  tallyIkm,
  tallyStages,
} from '@pst/queue-core';
import {
  addDays,
  dayStart,
  GUEST_BOOK_DIMENSIONS,
  type GuestBookDimension,
  type IkmScore,
  isoWeekday,
  type OfficeTimeZone,
  officeDay,
  officeHour,
  type Report,
  type ReportRange,
  withCurrentServiceLabels,
} from '@pst/shared';
import { chosenCallReport } from './chosen-call-report';
import type { ReportStore } from './storage/report-store';

// The report's shape is shared (the counter reads it); the hub builds it here.
export type { Report, ReportRange } from '@pst/shared';

/** BPS-style age groups from the year of birth, at the year of the visit. */
export function ageGroup(birthYear: number, visitYear: number): string {
  const age = visitYear - birthYear;
  if (age < 20) return '< 20';
  if (age < 30) return '20-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  if (age < 60) return '50-59';
  return '60+';
}

/** What a report needs of one office day; every part adds up over days. */
interface DayFacts {
  /** Tickets issued per service. */
  services: Record<string, number>;
  /** Tickets issued per hour 0-23. */
  hours: number[];
  stages: Array<{ queue: string; deskId: string | null; tally: StageTally }>;
  /** The day's stages summarized (null without any). */
  summary: StageSummary | null;
  guestBook: Report['guestBook'];
  ratings: {
    ikm: IkmTally;
    overallScores: Record<string, number>;
    imbalanAsked: number;
    pungliReported: number;
  };
}

/**
 * A report over office days, summarized with queue-core's statistics, the same rules the desks see
 * live. Closed days (before `today`) come from report_days, computed from their rows the first time
 * they are asked for; today is always read from its rows.
 */
export function buildReport(
  source: ReportStore,
  range: ReportRange,
  tz: OfficeTimeZone,
  today: string,
): Report {
  const facts = factsOfRange(source, range, tz, today);
  const perDay: Report['visitors']['perDay'] = [];
  const busyHours = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const byQueue = new Map<string, StageTally[]>();
  const byDesk = new Map<string, StageTally[]>();
  const byDay: Record<string, StageSummary> = {};
  const guestBook = emptyGuestBook();
  const overallScores: Record<string, number> = {};
  let imbalanAsked = 0;
  let pungliReported = 0;
  const group = (map: Map<string, StageTally[]>, key: string, tally: StageTally) => {
    const tallies = map.get(key);
    if (tallies) tallies.push(tally);
    else map.set(key, [tally]);
  };
  for (const [day, f] of facts) {
    const total = Object.values(f.services).reduce((a, b) => a + b, 0);
    if (total) perDay.push({ day, services: f.services, total });
    const weekday = busyHours[isoWeekday(day) - 1] as number[];
    f.hours.forEach((n, hour) => {
      weekday[hour] = (weekday[hour] as number) + n;
    });
    for (const { queue, deskId, tally } of f.stages) {
      group(byQueue, queue, tally);
      if (deskId !== null) group(byDesk, deskId, tally);
    }
    if (f.summary) byDay[day] = f.summary;
    guestBook.entries += f.guestBook.entries;
    for (const d of GUEST_BOOK_DIMENSIONS) addCounts(guestBook.breakdown[d], f.guestBook.breakdown[d]);
    addCounts(overallScores, f.ratings.overallScores);
    imbalanAsked += f.ratings.imbalanAsked;
    pungliReported += f.ratings.pungliReported;
  }
  const summarize = (map: Map<string, StageTally[]>) =>
    Object.fromEntries([...map].map(([key, tallies]) => [key, summarizeTallies(tallies)]));
  const allStages = [...facts.values()].flatMap((f) => f.stages.map((s) => s.tally));
  return {
    range,
    visitors: { total: perDay.reduce((sum, d) => sum + d.total, 0), perDay },
    byQueue: summarize(byQueue),
    byDesk: summarize(byDesk),
    byDay,
    overall: summarizeTallies(allStages),
    busyHours,
    guestBook,
    outOfOrder: chosenCallReport(source, range),
    satisfaction: {
      ...ikmOfTally(mergeIkmTallies([...facts.values()].map((f) => f.ratings.ikm))),
      overallScores,
      integrity: { imbalanAsked, pungliReported },
      complaints: source.complaints(range.from, range.to),
    },
  };
}

/** The facts of every day of the range that has happened, in day order, kept ones first read. */
function factsOfRange(
  source: ReportStore,
  range: ReportRange,
  tz: OfficeTimeZone,
  today: string,
): Map<string, DayFacts> {
  const first = source.firstDayWithData() ?? today;
  // biome-ignore lint/complexity/useMathMinMax: ISO day strings compare as text, Math.max would make NaN
  const from = range.from < first ? first : range.from;
  const to = range.to > today ? today : range.to;
  const kept = new Map(
    source.keptFacts(from, to).map(([day, facts]) => [day, JSON.parse(facts) as DayFacts]),
  );
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  const missing = days.filter((day) => !kept.has(day));
  const computed = new Map<string, DayFacts>();
  // Consecutive missing days are read with one set of queries: a first report reads a whole year at once.
  for (const [runFrom, runTo] of runsOf(missing))
    for (const [day, facts] of factsFromRows(source, runFrom, runTo, tz)) computed.set(day, facts);
  source.keepFacts(
    missing
      .filter((day) => day < today)
      .map((day) => [day, JSON.stringify(computed.get(day) ?? emptyFacts())]),
  );
  return new Map(days.map((day) => [day, kept.get(day) ?? computed.get(day) ?? emptyFacts()]));
}

/**
 * Keeps the facts of up to `limit` closed days that have none yet, newest first, and says how many it
 * kept: the hub runs it in small batches after each day ends, so no report waits for years of rows.
 */
export function keepClosedDays(
  source: ReportStore,
  tz: OfficeTimeZone,
  today: string,
  limit: number,
): number {
  const first = source.firstDayWithData();
  if (first === null) return 0;
  const kept = new Set(source.keptDays(first, today));
  const missing: string[] = [];
  for (let day = addDays(today, -1); day >= first && missing.length < limit; day = addDays(day, -1))
    if (!kept.has(day)) missing.push(day);
  const [newest] = missing;
  const oldest = missing.at(-1);
  if (newest && oldest) factsOfRange(source, { from: oldest, to: newest }, tz, today);
  return missing.length;
}

function runsOf(sortedDays: readonly string[]): Array<[string, string]> {
  const runs: Array<[string, string]> = [];
  for (const day of sortedDays) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === day) last[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

function emptyFacts(): DayFacts {
  return {
    services: {},
    hours: new Array<number>(24).fill(0),
    stages: [],
    summary: null,
    guestBook: emptyGuestBook(),
    ratings: { ikm: mergeIkmTallies([]), overallScores: {}, imbalanAsked: 0, pungliReported: 0 },
  };
}

function emptyGuestBook(): Report['guestBook'] {
  return {
    entries: 0,
    breakdown: Object.fromEntries(GUEST_BOOK_DIMENSIONS.map((d) => [d, {}])) as Record<
      GuestBookDimension,
      Record<string, number>
    >,
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, n] of Object.entries(from)) into[key] = (into[key] ?? 0) + n;
}

/** The facts of the days from..to, from their rows. */
function factsFromRows(
  source: ReportStore,
  from: string,
  to: string,
  tz: OfficeTimeZone,
): Map<string, DayFacts> {
  const facts = new Map<string, DayFacts>();
  const of = (day: string) => {
    let f = facts.get(day);
    if (!f) {
      f = emptyFacts();
      facts.set(day, f);
    }
    return f;
  };

  for (const t of source.ticketsIssued(from, to)) {
    const f = of(t.day);
    f.services[t.serviceId] = (f.services[t.serviceId] ?? 0) + 1;
    const hour = officeHour(t.issuedAt, tz);
    f.hours[hour] = (f.hours[hour] as number) + 1;
  }

  const groups = new Map<
    string,
    { day: string; queue: string; deskId: string | null; records: StageRecord[] }
  >();
  for (const s of source.stages(from, to)) {
    const key = `${s.day}\n${s.queue}\n${s.deskId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { day: s.day, queue: s.queue, deskId: s.deskId, records: [] };
      groups.set(key, g);
    }
    g.records.push({ ...s, withinTarget: s.withinTarget === null ? null : s.withinTarget === 1 });
  }
  for (const g of groups.values())
    of(g.day).stages.push({ queue: g.queue, deskId: g.deskId, tally: tallyStages(g.records) });
  for (const f of facts.values())
    if (f.stages.length) f.summary = summarizeTallies(f.stages.map((s) => s.tally));

  // Erased entries count too: erasing removes the personal fields, the anonymous ones stay for statistics.
  for (const row of source.guestBookEntries(from, to)) {
    const { guestBook } = of(row.day);
    const add = (dimension: GuestBookDimension, value: string) => {
      guestBook.breakdown[dimension][value] = (guestBook.breakdown[dimension][value] ?? 0) + 1;
    };
    const e = withCurrentServiceLabels(JSON.parse(row.entry) as Record<string, unknown>);
    guestBook.entries++;
    for (const d of ['gender', 'education', 'occupation', 'institutionCategory', 'purpose'] as const)
      add(d, String(e[d]));
    add('ageGroup', ageGroup(Number(e.birthYear), Number(row.day.slice(0, 4))));
    for (const service of (e.servicesUsed as string[]) ?? []) add('servicesUsed', service);
  }

  const scoresByDay = new Map<string, Array<{ scores: Array<IkmScore | null> }>>();
  for (const r of source.ratings(from, to)) {
    const { ratings: f } = of(r.day);
    f.overallScores[r.overall] = (f.overallScores[r.overall] ?? 0) + 1;
    if (r.imbalan === 1) f.imbalanAsked++;
    if (r.pungli === 1) f.pungliReported++;
    const day = scoresByDay.get(r.day) ?? [];
    day.push({ scores: JSON.parse(r.scores) as Array<IkmScore | null> });
    scoresByDay.set(r.day, day);
  }
  for (const [day, scores] of scoresByDay) of(day).ratings.ikm = tallyIkm(scores);
  return facts;
}

/** Today, this week (Monday on), this month, in office days. */
export function presetRange(
  preset: 'today' | 'week' | 'month',
  now: number,
  tz: OfficeTimeZone,
): ReportRange {
  const today = officeDay(now, tz);
  if (preset === 'today') return { from: today, to: today };
  if (preset === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const monday = officeDay(dayStart(today, tz) - (isoWeekday(today) - 1) * 86_400_000, tz);
  return { from: monday, to: today };
}
