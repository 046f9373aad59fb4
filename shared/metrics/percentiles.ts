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

/** p50, p85, p95 and n of any sample (sorted here). */
export function percentiles(values: ArrayLike<number>, method: PercentileMethod = 'linear'): Percentiles {
  const sorted = sortedCopy(values);
  return {
    p50: quantileOfSorted(sorted, 0.5, method),
    p85: quantileOfSorted(sorted, 0.85, method),
    p95: quantileOfSorted(sorted, 0.95, method),
    n: sorted.length,
  };
}

/** The median, or null for an empty sample. */
export function median(values: ArrayLike<number>, method: PercentileMethod = 'linear'): number | null {
  return quantileOfSorted(sortedCopy(values), 0.5, method);
}
