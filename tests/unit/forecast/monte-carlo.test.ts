import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawIndex, seededGenerator, seededStream, simulateDaysToFinish, simulateTotals } from '../../../shared/forecast/monte-carlo';
import { atLeastWithConfidence, CONFIDENCE_LEVELS, sortedOutcomes, withinWithConfidence } from '../../../shared/forecast/outcome-percentiles';
import { atLeast, exactHowMany, exactWhen, sumDistribution } from './exact-distribution';

// A fixed history of 14 days (zero days included) and questions whose exact answers come from the
// convolution in exact-distribution.ts. The Monte Carlo must land within sampling error of them.
const HISTORY = [0, 0, 1, 3, 0, 2, 1, 0, 4, 1, 0, 2, 0, 1];
const TRIALS = 20_000;
const sigma = (p: number) => Math.sqrt((p * (1 - p)) / TRIALS);

describe('how many: Monte Carlo against the exact distribution of a sum of days', () => {
  for (const days of [1, 10, 30]) {
    const pmf = sumDistribution(HISTORY, days);
    const sorted = sortedOutcomes(simulateTotals(HISTORY, days, TRIALS, 42));
    for (const percent of CONFIDENCE_LEVELS) {
      it(`${days} days, ${percent} %: the answer reached in ${percent} % of trials is exactly right within sampling error`, () => {
        const p = percent / 100;
        const answer = atLeastWithConfidence(sorted, percent);
        // At the answer the exact odds are at least P (up to 4σ of sampling error) …
        expect(atLeast(pmf, answer)).toBeGreaterThanOrEqual(p - 4 * sigma(p));
        // … and one item more they are below P (up to 4σ).
        expect(atLeast(pmf, answer + 1)).toBeLessThanOrEqual(p + 4 * sigma(p));
        expect(Math.abs(answer - exactHowMany(HISTORY, days, percent))).toBeLessThanOrEqual(1);
      });
    }
  }

  it('the mean total is the mean day times the days (within 4 standard errors)', () => {
    const days = 30;
    const totals = simulateTotals(HISTORY, days, TRIALS, 7);
    const mean = totals.reduce((a, b) => a + b, 0) / TRIALS;
    const dayMean = HISTORY.reduce((a, b) => a + b, 0) / HISTORY.length;
    const dayVar = HISTORY.reduce((a, b) => a + (b - dayMean) ** 2, 0) / HISTORY.length;
    expect(Math.abs(mean - dayMean * days)).toBeLessThan(4 * Math.sqrt((dayVar * days) / TRIALS));
  });
});

describe('when: Monte Carlo against the exact first-passage day', () => {
  for (const items of [1, 12, 40]) {
    const sorted = sortedOutcomes(simulateDaysToFinish(HISTORY, items, TRIALS, 3, 2000));
    for (const percent of CONFIDENCE_LEVELS) {
      it(`${items} items, ${percent} %: within one day of the exact answer`, () => {
        expect(Math.abs(withinWithConfidence(sorted, percent) - exactWhen(HISTORY, items, percent))).toBeLessThanOrEqual(1);
      });
    }
  }

  it('a trial that never gets there within the horizon says so (horizon + 1), never a made-up day', () => {
    const days = simulateDaysToFinish([0, 0, 0, 1], 1000, 100, 1, 50);
    expect([...days].every((d) => d === 51)).toBe(true);
  });
});

describe('seeded: bit for bit the same', () => {
  it('the same samples, question, trials and seed give the same trials', () => {
    expect(simulateTotals(HISTORY, 30, 5000, 123)).toEqual(simulateTotals(HISTORY, 30, 5000, 123));
    expect(simulateDaysToFinish(HISTORY, 25, 5000, 123, 500)).toEqual(simulateDaysToFinish(HISTORY, 25, 5000, 123, 500));
  });

  it('another seed gives other trials (and nearly the same answer)', () => {
    const a = simulateTotals(HISTORY, 30, 5000, 1);
    const b = simulateTotals(HISTORY, 30, 5000, 2);
    expect(a).not.toEqual(b);
    expect(Math.abs(atLeastWithConfidence(sortedOutcomes(a), 85) - atLeastWithConfidence(sortedOutcomes(b), 85))).toBeLessThanOrEqual(2);
  });

  it('the first trials of seed 1 are pinned: a change of generator or sampler shows here', () => {
    expect([...simulateTotals(HISTORY, 10, 5, 1)]).toEqual([9, 9, 12, 8, 19]);
    const rng = seededGenerator(1);
    expect(Array.from({ length: 8 }, () => drawIndex(rng, 14))).toEqual(PINNED_INDEXES);
  });
});

describe('seededStream: blocks of trials on streams of their own', () => {
  const first = (rng: ReturnType<typeof seededGenerator>, n = 64) => Array.from({ length: n }, () => rng.next());

  it('stream 0 is the seed’s generator; stream k is k jumps of 2⁶⁴ outputs ahead of it', () => {
    expect(first(seededStream(5, 0))).toEqual(first(seededGenerator(5)));
    const jumped = seededGenerator(5);
    jumped.jump();
    jumped.jump();
    expect(first(seededStream(5, 2))).toEqual(first(jumped));
  });

  it('streams do not repeat one another (no output sequence of 64 shared between the first streams)', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) seen.add(first(seededStream(1, k)).join(','));
    expect(seen.size).toBe(20);
  });

  it('refuses a stream that is not a whole number from 0', () => {
    expect(() => seededStream(1, -1)).toThrow(/stream is a whole number/);
    expect(() => seededStream(1, 1.5)).toThrow(/stream is a whole number/);
  });
});

/** drawIndex(seededGenerator(1), 14) eight times, as first computed: any change to the stream breaks saved forecasts. */
const PINNED_INDEXES = [12, 10, 5, 10, 1, 6, 8, 5];

describe('drawIndex: uniform and unbiased', () => {
  it('each of n values comes up 1/n of the time (chi-square, 6 values, 60,000 draws)', () => {
    const rng = seededGenerator(9);
    const counts = new Array<number>(6).fill(0);
    for (let k = 0; k < 60_000; k++) counts[drawIndex(rng, 6)]!++;
    const chi2 = counts.reduce((sum, c) => sum + (c - 10_000) ** 2 / 10_000, 0);
    // 5 degrees of freedom: P(χ² > 20.5) ≈ 0.001.
    expect(chi2).toBeLessThan(20.5);
  });

  it('always in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), fc.integer({ min: 1, max: 1_000_000 }), (seed, n) => {
        const rng = seededGenerator(seed);
        for (let k = 0; k < 20; k++) {
          const i = drawIndex(rng, n);
          if (!(Number.isInteger(i) && i >= 0 && i < n)) return false;
        }
        return true;
      }),
    );
  });
});

describe('edge cases', () => {
  it('no samples or no days: every total is 0', () => {
    expect([...simulateTotals([], 10, 3, 1)]).toEqual([0, 0, 0]);
    expect([...simulateTotals(HISTORY, 0, 3, 1)]).toEqual([0, 0, 0]);
  });

  it('one sample: every day is that sample', () => {
    expect([...simulateTotals([2], 5, 3, 1)]).toEqual([10, 10, 10]);
    expect([...simulateDaysToFinish([2], 5, 3, 1, 100)]).toEqual([3, 3, 3]);
  });

  it('a target the best day every day just reaches is reached on the last day; one item more, never (nothing drawn for it)', () => {
    expect([...simulateDaysToFinish([3], 9, 2, 1, 3)]).toEqual([3, 3]);
    expect([...simulateDaysToFinish([0, 3], 10, 2, 1, 3)]).toEqual([4, 4]);
  });

  it('refuses bad trials, seeds and targets with a message saying what', () => {
    expect(() => simulateTotals(HISTORY, 5, 0, 1)).toThrow(/trials must be a whole number from 1/);
    expect(() => simulateTotals(HISTORY, 5, 10, -1)).toThrow(/a seed must be a whole number from 0/);
    expect(() => simulateTotals(HISTORY, 5, 10, 2 ** 32)).toThrow(/a seed/);
    expect(() => simulateDaysToFinish(HISTORY, 0, 10, 1, 10)).toThrow(/number of items must be a whole number from 1/);
  });

  it('seeds 2³¹ and above are distinct seeds, not their negative twins', () => {
    expect(simulateTotals(HISTORY, 20, 50, 2 ** 31)).not.toEqual(simulateTotals(HISTORY, 20, 50, 0));
  });
});
