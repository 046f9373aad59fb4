// Reading a forecast off its trials. Outcomes are whole numbers (items, days), so the answers are
// trial outcomes taken by rank, never interpolated between two trials: "27 items" must be a number
// of items that at least P % of the trials reached.

export const CONFIDENCE_LEVELS = [50, 70, 85, 95] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

function checkLevel(percent: number): void {
  if (!(Number.isInteger(percent) && percent >= 1 && percent <= 99)) throw new RangeError(`a confidence must be a whole percentage from 1 to 99, got ${percent}`);
}

/**
 * "P %: N items or more": the largest N that at least P % of the trials reached. With the totals
 * sorted ascending that is the one at index ⌊(100 − P) · trials / 100⌋ (integer arithmetic: no
 * rounding can move it).
 */
export function atLeastWithConfidence(sortedTotals: ArrayLike<number>, percent: number): number {
  checkLevel(percent);
  const trials = sortedTotals.length;
  if (trials === 0) throw new RangeError('no trials to read a forecast from');
  return sortedTotals[Math.floor(((100 - percent) * trials) / 100)]!;
}

/**
 * "P %: within D days": the smallest D within which at least P % of the trials finished. With the
 * day counts sorted ascending that is the one at rank ⌈P · trials / 100⌉.
 */
export function withinWithConfidence(sortedDays: ArrayLike<number>, percent: number): number {
  checkLevel(percent);
  const trials = sortedDays.length;
  if (trials === 0) throw new RangeError('no trials to read a forecast from');
  return sortedDays[Math.ceil((percent * trials) / 100) - 1]!;
}

/** A sorted copy of trial outcomes (the caller's array is left in trial order). */
export function sortedOutcomes(outcomes: Int32Array): Int32Array {
  return outcomes.slice().sort();
}

/** The share of trials whose outcome is at least `value`. */
export function shareAtLeast(sortedTotals: Int32Array, value: number): number {
  let lo = 0;
  let hi = sortedTotals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedTotals[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return (sortedTotals.length - lo) / sortedTotals.length;
}
