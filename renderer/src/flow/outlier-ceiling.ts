// A few very long items stretch a time chart's y axis until every other dot lies on the floor,
// which is what a room full of people reads from a projector. The axis then stops at a readable
// ceiling above the percentile lines; longer items are pinned to it, drawn differently, and keep
// their real value in tooltips and in the CSV.

const READABLE = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8];

/** 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten: the smallest such value at or above `x` (> 0). */
export function readableCeiling(x: number): number {
  const step = 10 ** Math.floor(Math.log10(x));
  // toPrecision drops the float noise of 1.2 × 10 and the like.
  const value = READABLE.map((m) => m * step).find((v) => v >= x * (1 - 1e-12)) ?? 10 * step;
  return Number(value.toPrecision(12));
}

/**
 * Where the axis should stop: 1.5 × the highest 95th percentile shown, made readable, but only when
 * some value lies beyond twice that (otherwise the stretch is mild and every dot stays in place).
 * Null: draw the full range.
 */
export function outlierCeiling(values: readonly number[], p95s: readonly (number | null)[]): number | null {
  const p95 = Math.max(0, ...p95s.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (p95 <= 0) return null;
  const ceiling = readableCeiling(1.5 * p95);
  return values.some((v) => v > 2 * ceiling) ? ceiling : null;
}

/** The points with every value above `ceiling` pinned to it and flagged; a new array, the input untouched. */
export function pinAboveCeiling<D extends { y: number }>(data: readonly D[], ceiling: number | null): (D & { clipped: boolean })[] {
  return data.map((d) => (ceiling !== null && d.y > ceiling ? { ...d, y: ceiling, clipped: true } : { ...d, clipped: false }));
}
