import { describe, expect, it } from 'vitest';
import { outcomeHistogram } from '../../../shared/forecast/outcome-histogram';
import { atLeastWithConfidence, shareAtLeast, sortedOutcomes, withinWithConfidence } from '../../../shared/forecast/outcome-percentiles';

// Twenty trials, sorted: 0 0 1 1 1 2 2 3 3 3 3 4 4 5 5 6 7 8 9 12.
const TOTALS = Int32Array.from([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 12]);

describe('reading answers off sorted trials, by hand', () => {
  it('"P %: N or more" is the largest N reached by at least P % of the trials', () => {
    // 85 %: 17 of 20 trials must reach N. 18 trials reach 1 (all but the two 0s), 15 reach 2.
    expect(atLeastWithConfidence(TOTALS, 85)).toBe(1);
    expect(shareAtLeast(TOTALS, 1)).toBe(18 / 20);
    expect(shareAtLeast(TOTALS, 2)).toBe(15 / 20);
    // 50 %: 10 trials must reach N: 11 reach 3, 9 reach 4.
    expect(atLeastWithConfidence(TOTALS, 50)).toBe(3);
    // 70 %: 14 trials: 15 reach 2, 13 reach 3.
    expect(atLeastWithConfidence(TOTALS, 70)).toBe(2);
    // 95 %: 19 trials: all 20 reach 0, 18 reach 1.
    expect(atLeastWithConfidence(TOTALS, 95)).toBe(0);
  });

  it('"P %: within D days" is the smallest D within which at least P % of the trials finished', () => {
    // Read as days: 85 % of 20 = 17 trials must be done: the 17th smallest is 7.
    expect(withinWithConfidence(TOTALS, 85)).toBe(7);
    expect(withinWithConfidence(TOTALS, 50)).toBe(3);
    expect(withinWithConfidence(TOTALS, 95)).toBe(9);
  });

  it('sortedOutcomes sorts a copy numerically and leaves the trials in their order', () => {
    const trials = Int32Array.from([10, 9, 100, 2]);
    expect([...sortedOutcomes(trials)]).toEqual([2, 9, 10, 100]);
    expect([...trials]).toEqual([10, 9, 100, 2]);
  });
});

describe('outcome histogram', () => {
  it('one bar per value when they fit, both ends included, every trial counted once', () => {
    const bins = outcomeHistogram(TOTALS);
    expect(bins).toHaveLength(13);
    expect(bins[0]).toEqual({ from: 0, to: 0, trials: 2 });
    expect(bins[3]).toEqual({ from: 3, to: 3, trials: 4 });
    expect(bins[12]).toEqual({ from: 12, to: 12, trials: 1 });
    expect(bins.reduce((s, b) => s + b.trials, 0)).toBe(20);
  });

  it('wider bars when the range exceeds the bar budget', () => {
    const bins = outcomeHistogram(TOTALS, 4);
    expect(bins.map((b) => [b.from, b.to, b.trials])).toEqual([
      [0, 3, 11],
      [4, 7, 6],
      [8, 11, 2],
      [12, 15, 1],
    ]);
  });
});

describe('edge cases', () => {
  it('one trial answers every confidence with its own outcome', () => {
    const one = Int32Array.of(4);
    expect(atLeastWithConfidence(one, 95)).toBe(4);
    expect(withinWithConfidence(one, 50)).toBe(4);
  });

  it('no trials, or a confidence that is not a whole percentage, is refused', () => {
    expect(() => atLeastWithConfidence(new Int32Array(0), 85)).toThrow(/no trials/);
    expect(() => withinWithConfidence(TOTALS, 100)).toThrow(/whole percentage from 1 to 99/);
    expect(() => atLeastWithConfidence(TOTALS, 85.5)).toThrow(/whole percentage/);
  });

  it('the histogram leaves out trials at or above the ceiling (unfinished) and is empty when all are', () => {
    expect(outcomeHistogram(Int32Array.from([1, 2, 99, 99]), 60, 99).reduce((s, b) => s + b.trials, 0)).toBe(2);
    expect(outcomeHistogram(Int32Array.from([99, 99]), 60, 99)).toEqual([]);
  });
});
