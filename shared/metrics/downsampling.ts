import { MAX_CHART_MARKS } from './metrics-vocabulary';
import { selectRanks } from './percentiles';

// Keeping charts under ~2,000 marks without lying: histograms and 2-D bins keep every record's
// count (a bubble of 37 is 37 items), and run charts sample whole days rather than averaging them.

/** Bin widths a person can read, in days: 1 h, 2 h, 6 h, 12 h, 1 d … 1 year. */
export const NICE_BIN_WIDTHS_DAYS = [1 / 24, 1 / 12, 0.25, 0.5, 1, 2, 3, 5, 7, 10, 14, 21, 30, 60, 90, 180, 365] as const;

export interface HistogramBin {
  /** Inclusive lower edge. */
  readonly from: number;
  /** Exclusive upper edge; null for the last, open-ended bin ("≥ from"). */
  readonly to: number | null;
  /** One count per series, in the order the series were given. */
  readonly counts: number[];
}

export interface Histogram {
  readonly binWidth: number;
  readonly bins: HistogramBin[];
}

/**
 * Bins one or more samples (current and comparison window) on shared edges. The width is the
 * smallest readable one that puts the pooled 95th percentile within `targetBins` bins; values beyond
 * `maxBins` widths go to one open-ended last bin so a single outlier cannot flatten the chart.
 * Negative values do not occur (they are excluded upstream); NaN is skipped.
 */
export function histogram(series: readonly ArrayLike<number>[], targetBins = 20, maxBins = 30, widths: readonly number[] = NICE_BIN_WIDTHS_DAYS): Histogram {
  let size = 0;
  for (const s of series) size += s.length;
  const pooled = new Float64Array(size);
  let n = 0;
  for (const s of series) for (let i = 0; i < s.length; i++) if (!Number.isNaN(s[i]!)) pooled[n++] = s[i]!;
  if (n === 0) return { binWidth: widths[0] ?? 1, bins: [] };
  // Only two order statistics are read: selected, not sorted.
  const values = pooled.subarray(0, n);
  const at95 = Math.floor(0.95 * (n - 1));
  selectRanks(values, at95 === n - 1 ? [at95] : [at95, n - 1]);
  const max = values[n - 1]!;
  const p95 = values[at95]!;
  const width = widths.find((w) => p95 / w < targetBins) ?? widths[widths.length - 1]!;
  const needed = Math.floor(max / width) + 1;
  const regular = Math.min(needed, maxBins);
  const overflow = needed > maxBins;
  const binCount = regular + (overflow ? 1 : 0);
  const counts = series.map(() => new Int32Array(binCount));
  series.forEach((s, k) => {
    const c = counts[k]!;
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (Number.isNaN(v)) continue;
      c[Math.min(Math.floor(Math.max(0, v) / width), binCount - 1)]!++;
    }
  });
  const bins: HistogramBin[] = [];
  for (let b = 0; b < binCount; b++) {
    bins.push({ from: b * width, to: b < regular ? (b + 1) * width : null, counts: counts.map((c) => c[b]!) });
  }
  return { binWidth: width, bins };
}

export interface Bin2D {
  /** Centre of the cell. */
  readonly x: number;
  readonly y: number;
  readonly count: number;
  /** Which series the records came from (e.g. 0 current window, 1 comparison window). */
  readonly group: number;
}

/**
 * Counts points in a grid of at most `xBins × yBins` cells per group, returning only non-empty
 * cells; the caller picks the grid so the result stays under MAX_CHART_MARKS.
 */
export function binPoints(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  groups: ArrayLike<number>,
  grid: { xMin: number; xMax: number; yMin: number; yMax: number; xBins: number; yBins: number },
): Bin2D[] {
  const xw = (grid.xMax - grid.xMin) / grid.xBins || 1;
  const yw = (grid.yMax - grid.yMin) / grid.yBins || 1;
  const cells = new Map<number, number>();
  for (let i = 0; i < xs.length; i++) {
    const cx = Math.min(grid.xBins - 1, Math.max(0, Math.floor((xs[i]! - grid.xMin) / xw)));
    const cy = Math.min(grid.yBins - 1, Math.max(0, Math.floor((ys[i]! - grid.yMin) / yw)));
    const id = (groups[i]! * grid.xBins + cx) * grid.yBins + cy;
    cells.set(id, (cells.get(id) ?? 0) + 1);
  }
  const out: Bin2D[] = [];
  for (const [id, count] of [...cells].sort((a, b) => a[0] - b[0])) {
    const cy = id % grid.yBins;
    const cx = Math.floor(id / grid.yBins) % grid.xBins;
    const group = Math.floor(id / (grid.yBins * grid.xBins));
    out.push({ x: grid.xMin + (cx + 0.5) * xw, y: grid.yMin + (cy + 0.5) * yw, count, group });
  }
  return out;
}

/** Every `step`-th index so that `length` samples become at most `maxPoints` (the last one always kept). */
export function sampleStep(length: number, maxPoints: number): number {
  return length <= maxPoints ? 1 : Math.ceil(length / maxPoints);
}

export function sampledIndexes(length: number, maxPoints: number): number[] {
  const step = sampleStep(length, maxPoints);
  const out: number[] = [];
  for (let i = 0; i < length; i += step) out.push(i);
  if (length > 0 && out[out.length - 1] !== length - 1) out.push(length - 1);
  return out;
}

export { MAX_CHART_MARKS };
