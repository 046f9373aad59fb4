import type { PercentileMethod } from './metrics-vocabulary';

/** p50, p85 and p95 of a sample and its size; null percentiles when the sample is empty. */
export interface Percentiles {
  p50: number | null;
  p85: number | null;
  p95: number | null;
  n: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending.
 * - 'linear' is R's type 7 and numpy's default: h = (n − 1)·p, then linear interpolation between
 *   the order statistics either side of h.
 * - 'nearest-rank' is the smallest value with at least p·n values at or below it (ActionableAgile's
 *   convention): rank ⌈p·n⌉, at least 1.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number, method: PercentileMethod = 'linear'): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile must be between 0 and 1, got ${p}`);
  if (method === 'nearest-rank') {
    // The tiny epsilon keeps 0.85·20 = 17.000000000000004 from becoming rank 18.
    const rank = Math.max(1, Math.ceil(p * n - 1e-9));
    return sorted[Math.min(rank, n) - 1]!;
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

/** A sorted copy (never sorts the caller's array); numeric order, not string order. */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}

/**
 * The indexes `quantileOfSorted` reads for quantile p of n sorted values: the order statistics either
 * side of h (linear), or the one at the rank (nearest rank).
 */
function ranksRead(n: number, p: number, method: PercentileMethod): number[] {
  if (method === 'nearest-rank') return [Math.min(Math.max(1, Math.ceil(p * n - 1e-9)), n) - 1];
  const lo = Math.floor((n - 1) * p);
  return [lo, Math.min(lo + 1, n - 1)];
}

/**
 * Puts the order statistics `ranks` (ascending) of `values` at their indexes, as a full sort would,
 * every smaller value before and every larger one after each: Hoare's selection, O(n) per rank
 * instead of O(n log n) for the sort, which at M (tens of thousands of durations per sample, a dozen
 * samples per report) was a third of the Flow report's time. NaN has no place in an order: a sample
 * holding one is sorted instead.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i]!)) {
      values.sort();
      return;
    }
  }
  let left = 0;
  for (const k of ranks) {
    if (k < left || k >= values.length) continue;
    let lo = left;
    let hi = values.length - 1;
    while (hi > lo) {
      // The median of three as pivot, moved to k; then a partition around it.
      const mid = (lo + hi) >>> 1;
      const a = values[lo]!;
      const b = values[mid]!;
      const c = values[hi]!;
      const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (values[i]! < pivot) i++;
        while (values[j]! > pivot) j--;
        if (i <= j) {
          const t = values[i]!;
          values[i] = values[j]!;
          values[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else break;
    }
    left = k + 1;
  }
}

/** p50, p85, p95 and n of any sample (the order statistics they need selected, not the whole sample sorted). */
export function percentiles(values: ArrayLike<number>, method: PercentileMethod = 'linear'): Percentiles {
  const copy = Float64Array.from(values);
  const n = copy.length;
  const ranks = [0.5, 0.85, 0.95].flatMap((p) => (n === 0 ? [] : ranksRead(n, p, method)));
  selectRanks(copy, [...new Set(ranks)].sort((a, b) => a - b));
  return {
    p50: quantileOfSorted(copy, 0.5, method),
    p85: quantileOfSorted(copy, 0.85, method),
    p95: quantileOfSorted(copy, 0.95, method),
    n,
  };
}

/** The median, or null for an empty sample. */
export function median(values: ArrayLike<number>, method: PercentileMethod = 'linear'): number | null {
  return quantileOfSorted(sortedCopy(values), 0.5, method);
}
