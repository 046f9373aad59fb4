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
 *   the order statistics either side of h, computed so that a result with an exact decimal value
 *   (3.85, 7.65) comes out as that value's nearest double.
 * - 'nearest-rank' is the smallest value with at least p·n values at or below it (ActionableAgile's
 *   convention): rank ⌈p·n⌉, at least 1.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number, method: PercentileMethod = 'linear'): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile must be between 0 and 1, got ${p}`);
  if (method === 'nearest-rank') return sorted[nearestRank(n, p) - 1]!;
  const { lo, r, d } = linearPosition(n, p);
  const a = sorted[lo]!;
  if (r === 0) return a;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  if (a === b) return a;
  // (a·(d − r) + b·r) ÷ d rounds once, at the end: 9·0.15 + 0.85 read as a + (b − a)·0.85 in
  // floating point gave 3.8499999999999996 for 3.85, so a value ending in 5 was shown rounded down.
  const value = (a * (d - r) + b * r) / d;
  return Math.min(Math.max(value, Math.min(a, b)), Math.max(a, b));
}

/** Quantiles are read in parts of this many (basis points): p = 0.85 is 8,500 of them, exactly. */
const PARTS = 10_000;

/**
 * R type 7's position h = (n − 1)·p as ⌊h⌋ and its remainder r ÷ d, in integers when p is a whole
 * number of basis points (every quantile Interlock shows is): (n − 1)·0.85 in floating point is
 * 2.5499999999999998 for n = 4, not 2.55.
 */
function linearPosition(n: number, p: number): { lo: number; r: number; d: number } {
  const k = Math.round(p * PARTS);
  if (Math.abs(p * PARTS - k) < 1e-6) {
    const scaled = (n - 1) * k;
    const lo = Math.floor(scaled / PARTS);
    return { lo, r: scaled - lo * PARTS, d: PARTS };
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  return { lo, r: h - lo, d: 1 };
}

/** ⌈p·n⌉, at least 1 and at most n, in integers when p is a whole number of basis points (0.85·20 is 17, not 18). */
function nearestRank(n: number, p: number): number {
  const k = Math.round(p * PARTS);
  let rank: number;
  if (Math.abs(p * PARTS - k) < 1e-6) {
    const scaled = k * n;
    const whole = Math.floor(scaled / PARTS);
    rank = scaled - whole * PARTS > 0 ? whole + 1 : whole;
  } else rank = Math.ceil(p * n - 1e-9);
  return Math.min(Math.max(1, rank), n);
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
  if (method === 'nearest-rank') return [nearestRank(n, p) - 1];
  const { lo } = linearPosition(n, p);
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
