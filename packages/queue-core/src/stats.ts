import { IKM_ELEMENTS, type IkmCategory, ikmCategory } from '@pst/shared';

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
}

export interface Distribution {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface StageSummary {
  count: number;
  served: number;
  noShow: number;
  cancelled: number;
  unserved: number;
  transferred: number;
  /** Plain wait: called - entered (ms). */
  wait: Distribution;
  /** Service time: ended - started (ms). */
  service: Distribution;
  /** Wait on the 10-minute clock (ms). */
  serviceWait: Distribution;
  withinTarget: number;
  /** Share of called stages within the target, 0..1 (null when none was called). */
  withinTargetShare: number | null;
}

/** Nearest-rank percentile of sorted values (p in 0..100). */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // p x n first: (p / 100) x n drifts in floating point (7 / 100 x 100 = 7.000000000000001, rank 8).
  const rank = Math.ceil((p * sorted.length) / 100);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function distribution(values: number[]): Distribution {
  if (values.length === 0) return { mean: null, median: null, p90: null };
  // A typed array sorts numbers natively, several times faster than a comparator (a year holds ~10^5).
  const sorted = Float64Array.from(values).sort();
  return {
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    median: percentile(sorted, 50),
    p90: percentile(sorted, 90),
  };
}

export function summarizeStages(stages: readonly StageRecord[]): StageSummary {
  const waits: number[] = [];
  const services: number[] = [];
  const clockWaits: number[] = [];
  const counts = { served: 0, noShow: 0, cancelled: 0, unserved: 0, transferred: 0, withinTarget: 0 };
  for (const s of stages) {
    if (s.calledAt !== null) waits.push(s.calledAt - s.enteredAt);
    if (s.serviceWait !== null) clockWaits.push(s.serviceWait);
    if (s.withinTarget) counts.withinTarget++;
    if (s.startedAt !== null && s.endedAt !== null) services.push(s.endedAt - s.startedAt);
    if (s.outcome === 'finished' || s.outcome === 'forwarded' || s.outcome === 'transferred') counts.served++;
    if (s.outcome === 'transferred') counts.transferred++;
    if (s.outcome === 'no-show') counts.noShow++;
    if (s.outcome === 'cancelled') counts.cancelled++;
    if (s.outcome === 'unserved') counts.unserved++;
  }
  return {
    count: stages.length,
    ...counts,
    wait: distribution(waits),
    service: distribution(services),
    serviceWait: distribution(clockWaits),
    withinTargetShare: clockWaits.length ? counts.withinTarget / clockWaits.length : null,
  };
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

export type IkmScore = 1 | 2 | 3 | 4;

export interface IkmResult {
  respondents: number;
  elements: Array<{
    code: string;
    name: string;
    respondents: number;
    nrr: number | null;
    weighted: number | null;
  }>;
  /** Mean NRR over the elements (1-4). */
  ikm: number | null;
  /** IKM x 25 (25-100), as reported. */
  converted: number | null;
  category: IkmCategory | null;
}

/**
 * IKM per PermenPANRB 14/2017: NRR of an element = sum of its scores / its respondents; IKM = sum of
 * NRR x 1/9; converted = IKM x 25. A skipped element does not count against its respondents.
 */
export function computeIkm(ratings: ReadonlyArray<{ scores: ReadonlyArray<IkmScore | null> }>): IkmResult {
  const elements = IKM_ELEMENTS.map((element, index) => {
    let sum = 0;
    let respondents = 0;
    for (const rating of ratings) {
      const score = rating.scores[index];
      if (score == null) continue;
      sum += score;
      respondents++;
    }
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
  if (answered.length < elements.length) {
    return { respondents: ratings.length, elements, ikm: null, converted: null, category: null };
  }
  // Sum of NRR, then x 1/9 once: adding nine rounded ninths gave 4.000000000000001 (converted > 100).
  const ikm = answered.reduce((sum, e) => sum + (e.nrr as number), 0) / elements.length;
  const converted = ikm * 25;
  return { respondents: ratings.length, elements, ikm, converted, category: ikmCategory(converted) };
}
