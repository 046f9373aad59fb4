// The histogram of a forecast's outcomes: at most `maxBins` bars of equal whole-number width, so
// that a chart never draws more than a few dozen marks whatever the number of trials.

export const MAX_HISTOGRAM_BINS = 60;

export interface OutcomeBin {
  /** Both ends included. */
  readonly from: number;
  readonly to: number;
  readonly trials: number;
}

/** Bars over [min, max] of the sorted outcomes below `ceiling` (outcomes at or above it are left out). */
export function outcomeHistogram(sorted: Int32Array, maxBins = MAX_HISTOGRAM_BINS, ceiling = Number.POSITIVE_INFINITY): OutcomeBin[] {
  let end = sorted.length;
  while (end > 0 && sorted[end - 1]! >= ceiling) end--;
  if (end === 0) return [];
  const min = sorted[0]!;
  const max = sorted[end - 1]!;
  const width = Math.max(1, Math.ceil((max - min + 1) / maxBins));
  const bins: { from: number; to: number; trials: number }[] = [];
  for (let from = min; from <= max; from += width) bins.push({ from, to: from + width - 1, trials: 0 });
  for (let k = 0; k < end; k++) bins[Math.floor((sorted[k]! - min) / width)]!.trials++;
  return bins;
}
