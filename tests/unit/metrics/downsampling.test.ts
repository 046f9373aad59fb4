import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binPoints, histogram, sampledIndexes } from '../../../shared/metrics/downsampling';
import { MAX_CHART_MARKS } from '../../../shared/metrics/metrics-vocabulary';

describe('histogram', () => {
  it('bins days on readable edges, one count per series', () => {
    // Pooled and sorted: 0, 0.5, 1, 3, 5, 7; the "p95" index ⌊0.95·5⌋ = 4 is 5 days. 5 / 0.25 = 20 is
    // not under 20 bins, 5 / 0.5 = 10 is: half-day bins, ⌊7 / 0.5⌋ + 1 = 15 of them.
    const h = histogram([[0, 1, 3, 5, 7], [0.5]]);
    expect(h.binWidth).toBe(0.5);
    expect(h.bins).toHaveLength(15);
    expect(h.bins[0]).toEqual({ from: 0, to: 0.5, counts: [1, 0] });
    expect(h.bins[1]).toEqual({ from: 0.5, to: 1, counts: [0, 1] });
    expect(h.bins[14]).toEqual({ from: 7, to: 7.5, counts: [1, 0] });
    expect(h.bins.reduce((n, b) => n + b.counts[0]!, 0)).toBe(5);
  });

  it('puts outliers beyond 30 bins into one open-ended bin', () => {
    // p95 is 9 days → half-day bins; 500 would need 1,001 of them: 30 regular bins, then "≥ 15".
    const values = [...Array.from({ length: 99 }, (_, i) => i % 10), 500];
    const h = histogram([values]);
    expect(h.binWidth).toBe(0.5);
    const last = h.bins[h.bins.length - 1]!;
    expect(last.to).toBeNull();
    expect(last.from).toBe(15);
    expect(last.counts[0]).toBe(1);
  });

  describe('edge cases', () => {
    it('no values: no bins', () => {
      expect(histogram([[], []]).bins).toEqual([]);
    });
    it('one value of zero: one bin holding it', () => {
      const h = histogram([[0]]);
      expect(h.bins).toEqual([{ from: 0, to: h.binWidth, counts: [1] }]);
    });
  });

  it('keeps every value and never exceeds 31 bins (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { maxLength: 300 }), (values) => {
        const h = histogram([values]);
        return h.bins.length <= 31 && h.bins.reduce((n, b) => n + b.counts[0]!, 0) === values.length;
      }),
    );
  });
});

describe('binPoints and sampling', () => {
  it('counts points per cell and keeps the total', () => {
    const cells = binPoints([0, 0.1, 9.9, 5], [0, 0.2, 9.9, 5], [0, 0, 0, 1], { xMin: 0, xMax: 10, yMin: 0, yMax: 10, xBins: 2, yBins: 2 });
    expect(cells).toEqual([
      { x: 2.5, y: 2.5, count: 2, group: 0 },
      { x: 7.5, y: 7.5, count: 1, group: 0 },
      { x: 7.5, y: 7.5, count: 1, group: 1 },
    ]);
  });

  it('samples every k-th day and keeps the last', () => {
    expect(sampledIndexes(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(sampledIndexes(10, 4)).toEqual([0, 3, 6, 9]);
    expect(sampledIndexes(0, 4)).toEqual([]);
    expect(sampledIndexes(5000, MAX_CHART_MARKS / 4).length).toBeLessThanOrEqual(MAX_CHART_MARKS / 4 + 1);
  });
});
