import {
  type Distribution,
  IKM_ELEMENTS,
  type IkmResult,
  type IkmScore,
  ikmCategory,
  type StageCounts,
  type StageSummary,
} from '@pst/shared';

// The summaries' shapes are the reports' (shared/reports.ts): the hub sends them, the counter reads them.
export type { Distribution, IkmResult, StageCounts, StageSummary };

/** The facts of one finished stage that reports need (a row of storage, or a stage of today). */
export interface StageRecord {
  queue: string;
  deskId: string | null;
  enteredAt: number;
  calledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: string | null;
  serviceWait: number | null;
  withinTarget: boolean | null;
  /** Time parked (tunda) after the service started: not service time (absent in rows from before holds). */
  serviceParkedMs?: number | null;
}

const zeroCounts = (): StageCounts => ({
  count: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  unserved: 0,
  transferred: 0,
  withinTarget: 0,
});

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // p x n first: (p / 100) x n drifts in floating point (7 / 100 x 100 = 7.000000000000001, rank 8).
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function distribution(values: ArrayLike<number>): Distribution {
  return describeSorted(Float64Array.from(values).sort());
}

function describeSorted(sorted: Float64Array | Int32Array): Distribution {
  if (sorted.length === 0) return { mean: null, median: null, p90: null };
  let sum = 0;
  for (const value of sorted) sum += value;
  return { mean: sum / sorted.length, median: percentile(sorted, 50), p90: percentile(sorted, 90) };
}

/**
 * The counts and durations of a set of stages, in a form that adds up: a closed day is kept as
 * tallies and a report over a year merges them, with medians as exact as from the stages themselves.
 */
export interface StageTally extends StageCounts {
  waits: number[];
  services: number[];
  clockWaits: number[];
}

export function tallyStages(stages: readonly StageRecord[]): StageTally {
  const tally: StageTally = {
    ...zeroCounts(),
    count: stages.length,
    waits: [],
    services: [],
    clockWaits: [],
  };
  // Durations in whole milliseconds (the clock's own unit), as summarizeTallies stores them.
  for (const s of stages) {
    if (s.calledAt !== null) tally.waits.push(Math.round(s.calledAt - s.enteredAt));
    if (s.serviceWait !== null) tally.clockWaits.push(Math.round(s.serviceWait));
    if (s.withinTarget) tally.withinTarget++;
    if (s.startedAt !== null && s.endedAt !== null)
      tally.services.push(Math.round(s.endedAt - s.startedAt - (s.serviceParkedMs ?? 0)));
    if (s.outcome === 'finished' || s.outcome === 'forwarded' || s.outcome === 'transferred') tally.served++;
    if (s.outcome === 'transferred') tally.transferred++;
    if (s.outcome === 'no-show') tally.noShow++;
    if (s.outcome === 'cancelled') tally.cancelled++;
    if (s.outcome === 'unserved') tally.unserved++;
  }
  return tally;
}

/** The summary of the stages of several tallies together (the days of a report). */
export function summarizeTallies(tallies: readonly StageTally[]): StageSummary {
  const sum = (count: (t: StageTally) => number) => tallies.reduce((total, t) => total + count(t), 0);
  // One typed array per duration, sorted natively: several times faster than a comparator, and a
  // year's report sorts ~10^5 values per group. Whole milliseconds of one office day fit in 32 bits,
  // which sort faster than doubles.
  const joined = (values: (t: StageTally) => readonly number[]) => {
    const all = new Int32Array(sum((t) => values(t).length));
    let at = 0;
    for (const t of tallies) {
      all.set(values(t), at);
      at += values(t).length;
    }
    return all.sort();
  };
  const counts = zeroCounts();
  for (const t of tallies)
    for (const key of Object.keys(counts) as Array<keyof StageCounts>) counts[key] += t[key];
  const clockWaits = joined((t) => t.clockWaits);
  return {
    ...counts,
    wait: describeSorted(joined((t) => t.waits)),
    service: describeSorted(joined((t) => t.services)),
    serviceWait: describeSorted(clockWaits),
    called: clockWaits.length,
    breaches: clockWaits.length - counts.withinTarget,
    withinTargetShare: clockWaits.length ? counts.withinTarget / clockWaits.length : null,
  };
}

export function summarizeStages(stages: readonly StageRecord[]): StageSummary {
  return summarizeTallies([tallyStages(stages)]);
}

/** Groups stages by a key (queue, desk, day...) and summarizes each group. */
export function summarizeBy<T extends StageRecord>(
  stages: readonly T[],
  key: (stage: T) => string | null,
): Record<string, StageSummary> {
  const groups = new Map<string, T[]>();
  for (const stage of stages) {
    const k = key(stage);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(stage);
    else groups.set(k, [stage]);
  }
  return Object.fromEntries([...groups].map(([k, group]) => [k, summarizeStages(group)]));
}

/** Per IKM element: the sum of its scores and how many answered it; adds up over days like StageTally. */
export interface IkmTally {
  respondents: number;
  sums: number[];
  answered: number[];
}

export function tallyIkm(ratings: ReadonlyArray<{ scores: ReadonlyArray<IkmScore | null> }>): IkmTally {
  const tally = mergeIkmTallies([]);
  tally.respondents = ratings.length;
  for (const rating of ratings) {
    IKM_ELEMENTS.forEach((_, index) => {
      const score = rating.scores[index];
      if (score == null) return;
      tally.sums[index] = (tally.sums[index] as number) + score;
      tally.answered[index] = (tally.answered[index] as number) + 1;
    });
  }
  return tally;
}

export function mergeIkmTallies(tallies: readonly IkmTally[]): IkmTally {
  const merged: IkmTally = {
    respondents: 0,
    sums: IKM_ELEMENTS.map(() => 0),
    answered: IKM_ELEMENTS.map(() => 0),
  };
  for (const t of tallies) {
    merged.respondents += t.respondents;
    IKM_ELEMENTS.forEach((_, index) => {
      merged.sums[index] = (merged.sums[index] as number) + (t.sums[index] ?? 0);
      merged.answered[index] = (merged.answered[index] as number) + (t.answered[index] ?? 0);
    });
  }
  return merged;
}

export function computeIkm(ratings: ReadonlyArray<{ scores: ReadonlyArray<IkmScore | null> }>): IkmResult {
  return ikmOfTally(tallyIkm(ratings));
}

/**
 * IKM per PermenPANRB 14/2017: NRR of an element = sum of its scores / its respondents; IKM = sum of
 * NRR x 1/9; converted = IKM x 25. A skipped element does not count against its respondents.
 */
export function ikmOfTally(tally: IkmTally): IkmResult {
  const elements = IKM_ELEMENTS.map((element, index) => {
    const sum = tally.sums[index] ?? 0;
    const respondents = tally.answered[index] ?? 0;
    const nrr = respondents ? sum / respondents : null;
    return {
      code: element.code,
      name: element.name,
      respondents,
      nrr,
      weighted: nrr === null ? null : nrr / 9,
    };
  });
  const answered = elements.filter((e) => e.nrr !== null);
  const missingElements = elements.filter((e) => e.nrr === null).map((e) => e.code);
  if (missingElements.length > 0) {
    return {
      respondents: tally.respondents,
      elements,
      missingElements,
      ikm: null,
      converted: null,
      category: null,
    };
  }
  // Sum of NRR, then x 1/9 once: adding nine rounded ninths gave 4.000000000000001 (converted > 100).
  const ikm = answered.reduce((sum, e) => sum + (e.nrr as number), 0) / elements.length;
  const converted = ikm * 25;
  return {
    respondents: tally.respondents,
    elements,
    missingElements,
    ikm,
    converted,
    category: ikmCategory(converted),
  };
}
