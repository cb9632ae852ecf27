import { IKM_ELEMENTS, type IkmScore } from '@pst/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeIkm,
  distribution,
  ikmOfTally,
  mergeIkmTallies,
  percentile,
  type StageRecord,
  summarizeBy,
  summarizeStages,
  summarizeTallies,
  tallyIkm,
  tallyStages,
} from './stats';
import { MINUTE } from './test-helpers';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it.each([
    [oneToTen, 50, 5],
    [oneToTen, 90, 9],
    [oneToTen, 91, 10],
    [oneToTen, 100, 10],
    [oneToTen, 10, 1],
    [oneToTen, 11, 2],
    [oneToTen, 0, 1],
    [[7], 50, 7],
    [[7], 90, 7],
    [oneToHundred, 50, 50],
    [oneToHundred, 90, 90],
    // p/100 x n in floating point is 7.000000000000001, 14.000000000000002, 28.000000000000004.
    [oneToHundred, 7, 7],
    [oneToHundred, 14, 14],
    [oneToHundred, 28, 28],
  ])('of %j at p%i is %i', (sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('is null for no values', () => {
    expect(percentile([], 50)).toBeNull();
  });
});

describe('distribution', () => {
  it.each([
    [[], { mean: null, median: null, p90: null }],
    [[5], { mean: 5, median: 5, p90: 5 }],
    [[3, 1, 2], { mean: 2, median: 2, p90: 3 }],
    [[4, 1, 3, 2], { mean: 2.5, median: 2, p90: 4 }],
    [[10, 0, 0, 0, 0, 0, 0, 0, 0, 0], { mean: 1, median: 0, p90: 0 }],
    [[12, 3, 9, 6, 30], { mean: 12, median: 9, p90: 30 }],
  ])('of %j', (values, expected) => {
    expect(distribution(values)).toEqual(expected);
  });

  it('leaves its input as it was', () => {
    const values = [3, 1, 2];
    distribution(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

/** A stage record in minutes after an arbitrary origin. */
function stage(
  outcome: string | null,
  deskId: string | null,
  minutes: { entered: number; called?: number; started?: number; ended?: number; serviceWait?: number },
  withinTarget: boolean | null = null,
): StageRecord {
  const ms = (m: number | undefined) => (m === undefined ? null : m * MINUTE);
  return {
    queue: 'konsultasi',
    deskId,
    enteredAt: minutes.entered * MINUTE,
    calledAt: ms(minutes.called),
    startedAt: ms(minutes.started),
    endedAt: ms(minutes.ended),
    outcome,
    serviceWait: ms(minutes.serviceWait),
    withinTarget,
  };
}

const day: StageRecord[] = [
  stage('finished', 'konsultasi-1', { entered: 0, called: 4, started: 5, ended: 15, serviceWait: 4 }, true),
  stage(
    'finished',
    'konsultasi-2',
    { entered: 1, called: 27, started: 27, ended: 33, serviceWait: 12 },
    false,
  ),
  stage(
    'transferred',
    'konsultasi-1',
    { entered: 2, called: 35, started: 36, ended: 44, serviceWait: 2 },
    true,
  ),
  stage('no-show', 'konsultasi-1', { entered: 3, called: 46, ended: 50, serviceWait: 2 }, true),
  stage('cancelled', null, { entered: 5, ended: 10 }),
  stage('unserved', null, { entered: 50, ended: 60 }),
];

describe('summarizeStages', () => {
  it('counts outcomes and summarizes the waits, service times and the clock', () => {
    expect(summarizeStages(day)).toEqual({
      count: 6,
      served: 3,
      noShow: 1,
      cancelled: 1,
      unserved: 1,
      transferred: 1,
      // Called stages waited 4, 26, 33 and 43 minutes.
      wait: { mean: 26.5 * MINUTE, median: 26 * MINUTE, p90: 43 * MINUTE },
      // Started and ended: 10, 6 and 8 minutes (the no-show was never started).
      service: { mean: 8 * MINUTE, median: 8 * MINUTE, p90: 10 * MINUTE },
      serviceWait: { mean: 5 * MINUTE, median: 2 * MINUTE, p90: 12 * MINUTE },
      // Four called stages are the base of the share: three within the target, one breach.
      called: 4,
      breaches: 1,
      withinTarget: 3,
      withinTargetShare: 0.75,
    });
  });

  it('counts a forward as served', () => {
    const forwarded = stage(
      'forwarded',
      'fo-1',
      { entered: 0, called: 1, started: 1, ended: 4, serviceWait: 1 },
      true,
    );
    expect(summarizeStages([forwarded])).toMatchObject({ served: 1, transferred: 0, withinTargetShare: 1 });
  });

  it('has no share and no distributions when nothing was called', () => {
    expect(summarizeStages(day.slice(4))).toMatchObject({
      count: 2,
      served: 0,
      wait: { mean: null, median: null, p90: null },
      service: { mean: null, median: null, p90: null },
      withinTarget: 0,
      called: 0,
      breaches: 0,
      withinTargetShare: null,
    });
  });

  it.each([
    [[true, true, true], 1],
    [[true, false, true, true], 0.75],
    [[false, false], 0],
  ])('the share within target of %j is %d', (results, share) => {
    const stages = results.map((within, i) =>
      stage(
        'finished',
        'konsultasi-1',
        { entered: 0, called: i, ended: i + 1, serviceWait: within ? 5 : 15 },
        within,
      ),
    );
    expect(summarizeStages(stages).withinTargetShare).toBe(share);
  });
});

describe('summarizeBy', () => {
  it('summarizes each group and leaves out stages without a key', () => {
    const byDesk = summarizeBy(day, (s) => s.deskId);
    expect(Object.keys(byDesk).sort()).toEqual(['konsultasi-1', 'konsultasi-2']);
    expect(byDesk['konsultasi-1']).toMatchObject({
      count: 3,
      served: 2,
      noShow: 1,
      withinTarget: 3,
      withinTargetShare: 1,
    });
    expect(byDesk['konsultasi-2']).toMatchObject({ count: 1, served: 1, withinTargetShare: 0 });
  });
});

describe('computeIkm', () => {
  const all = (score: IkmScore) => ({ scores: Array<IkmScore>(9).fill(score) });

  it.each([
    [4, 4, 100, 'A'],
    [3, 3, 75, 'C'],
    [2, 2, 50, 'D'],
    [1, 1, 25, 'D'],
  ] as const)(
    'every element scored %i: IKM %d, converted %d, category %s',
    (score, ikm, converted, category) => {
      const result = computeIkm([all(score), all(score)]);
      expect(result).toMatchObject({ respondents: 2, ikm, converted, category });
    },
  );

  it('two respondents at 4 and 3 on every element: NRR 3.5, IKM 87.5 (B)', () => {
    const result = computeIkm([all(4), all(3)]);
    expect(result.elements.map((e) => e.nrr)).toEqual(Array(9).fill(3.5));
    expect(result.ikm).toBe(3.5);
    expect(result.converted).toBe(87.5);
    expect(result.category).toBe('B');
  });

  it("computes each element's NRR and the weighted sum by hand", () => {
    const ratings: Array<{ scores: IkmScore[] }> = [
      { scores: [4, 3, 3, 4, 4, 3, 4, 2, 3] },
      { scores: [3, 3, 4, 4, 3, 3, 4, 3, 3] },
      { scores: [4, 2, 3, 4, 3, 4, 4, 3, 2] },
    ];
    // Sums per element: 11, 8, 10, 12, 10, 10, 12, 8, 8 over 3 respondents; their total is 89.
    const result = computeIkm(ratings);
    const sums = [11, 8, 10, 12, 10, 10, 12, 8, 8];
    expect(result.elements.map((e) => e.code)).toEqual(IKM_ELEMENTS.map((e) => e.code));
    expect(result.elements[0]).toMatchObject({ code: 'U1', name: 'Persyaratan', respondents: 3 });
    result.elements.forEach((element, i) => {
      expect(element.nrr).toBeCloseTo((sums[i] as number) / 3, 12);
      expect(element.weighted).toBeCloseTo((sums[i] as number) / 27, 12);
    });
    // IKM = 89 / 27 = 3.2963; converted = 89 x 25 / 27 = 82.41: B (76.61-88.30).
    expect(result.ikm).toBeCloseTo(89 / 27, 12);
    expect(result.converted).toBeCloseTo(82.407407, 6);
    expect(result.category).toBe('B');
  });

  it('a skipped element counts only the respondents who answered it', () => {
    const result = computeIkm([
      { scores: [4, 4, 4, 4, 4, 4, 4, null, 4] },
      { scores: [2, 2, 2, 2, 2, 2, 2, 3, 2] },
    ]);
    expect(result.elements[7]).toMatchObject({ code: 'U8', respondents: 1, nrr: 3 });
    expect(result.elements[0]).toMatchObject({ respondents: 2, nrr: 3 });
    // Every NRR is 3: IKM 3, converted 75 (C).
    expect(result).toMatchObject({
      respondents: 2,
      ikm: 3,
      converted: 75,
      category: 'C',
      missingElements: [],
    });
  });

  it('has no index while an element has no answer at all, and names that element', () => {
    // Every respondent of the range skipped U9: the other eight NRRs stay, the IKM says why it is missing.
    const result = computeIkm([
      { scores: [4, 4, 4, 4, 4, 4, 4, 4, null] },
      { scores: [3, 3, 3, 3, 3, 3, 3, null, null] },
    ]);
    expect(result).toMatchObject({ respondents: 2, ikm: null, converted: null, category: null });
    expect(result.missingElements).toEqual(['U9']);
    expect(result.elements[7]).toMatchObject({ code: 'U8', respondents: 1, nrr: 4 });
    expect(result.elements[8]).toMatchObject({ code: 'U9', respondents: 0, nrr: null, weighted: null });
    expect(result.elements[0]?.nrr).toBe(3.5);
  });

  it('has no index without ratings', () => {
    expect(computeIkm([])).toMatchObject({ respondents: 0, ikm: null, converted: null, category: null });
    expect(computeIkm([]).missingElements).toHaveLength(9);
  });
});

describe('tallies add up (a report over closed days merges their tallies)', () => {
  const stage = fc
    .record({
      queue: fc.constantFrom('front-office', 'konsultasi', 'perpustakaan'),
      deskId: fc.option(fc.constantFrom('fo-1', 'k-1', 'k-2'), { nil: null }),
      enteredAt: fc.integer({ min: 0, max: 10 * 60 * MINUTE }),
      wait: fc.option(fc.integer({ min: 0, max: 90 * MINUTE }), { nil: null }),
      service: fc.option(fc.integer({ min: 0, max: 60 * MINUTE }), { nil: null }),
      outcome: fc.option(
        fc.constantFrom('finished', 'forwarded', 'transferred', 'no-show', 'cancelled', 'unserved'),
        { nil: null },
      ),
      clock: fc.option(fc.integer({ min: 0, max: 90 * MINUTE }), { nil: null }),
    })
    .map(
      (s): StageRecord => ({
        queue: s.queue,
        deskId: s.deskId,
        enteredAt: s.enteredAt,
        calledAt: s.wait === null ? null : s.enteredAt + s.wait,
        startedAt: s.wait === null || s.service === null ? null : s.enteredAt + s.wait,
        endedAt: s.wait === null || s.service === null ? null : s.enteredAt + s.wait + s.service,
        outcome: s.outcome,
        serviceWait: s.clock,
        withinTarget: s.clock === null ? null : s.clock <= 10 * MINUTE,
      }),
    );
  const score = fc.option(fc.constantFrom<IkmScore>(1, 2, 3, 4), { nil: null });
  const rating = fc.record({ scores: fc.array(score, { minLength: 9, maxLength: 9 }) });

  it('merging the tallies of any split of the stages summarizes exactly like the stages at once', () => {
    fc.assert(
      fc.property(fc.array(fc.array(stage, { maxLength: 30 }), { maxLength: 6 }), (days) => {
        const merged = summarizeTallies(days.map(tallyStages));
        expect(merged).toEqual(summarizeStages(days.flat()));
      }),
    );
  });

  it('merging IKM tallies of any split of the ratings gives the IKM of all of them', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rating, { maxLength: 20 }), { maxLength: 6 }), (days) => {
        expect(ikmOfTally(mergeIkmTallies(days.map(tallyIkm)))).toEqual(computeIkm(days.flat()));
      }),
    );
  });
});
