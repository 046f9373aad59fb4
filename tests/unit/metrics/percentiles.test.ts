import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentiles, quantileOfSorted, selectRanks } from '../../../shared/metrics/percentiles';

describe('percentiles: linear interpolation (R type 7, numpy default)', () => {
  it('matches numpy.percentile on 1, 2, 3, 4', () => {
    // h = (n − 1)·p: p85 → 2.55 → 3 + 0.55·(4 − 3); p95 → 2.85 → 3.85; p50 → 1.5 → 2.5.
    const p = percentiles([4, 1, 3, 2]);
    expect(p.p50).toBeCloseTo(2.5, 12);
    expect(p.p85).toBeCloseTo(3.55, 12);
    expect(p.p95).toBeCloseTo(3.85, 12);
    expect(p.n).toBe(4);
  });

  it('matches numpy on 0, 2, 4, 6, 9 (the lead times of the flow fixture)', () => {
    const p = percentiles([9, 0, 4, 2, 6]);
    expect(p.p50).toBe(4);
    expect(p.p85).toBeCloseTo(7.2, 12);
    expect(p.p95).toBeCloseTo(8.4, 12);
  });

  it('sorts numerically, not as strings', () => {
    expect(median([10, 9, 100])).toBe(10);
  });

  it('never sorts the caller’s array', () => {
    const values = [3, 1, 2];
    percentiles(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('percentiles: exact values come out exact', () => {
  it('p85 and p95 of 1, 2, 3, 4 are 3.55 and 3.85, not 3.8499999999999996', () => {
    expect(percentiles([4, 1, 3, 2])).toEqual({ p50: 2.5, p85: 3.55, p95: 3.85, n: 4 });
  });

  it('the audit’s hand values: Alpha’s cycle times 2, 4, 6, 9 → p85 7.65, p95 8.55; lead times → 12.975 and 14.325', () => {
    expect(percentiles([2, 4, 6, 9])).toEqual({ p50: 5, p85: 7.65, p95: 8.55, n: 4 });
    const lead = percentiles([7, 7.5, 9, 9, 9.25, 10, 11, 12, 13.5, 15]);
    expect([lead.p50, lead.p85, lead.p95]).toEqual([9.625, 12.975, 14.325]);
    // METRICS.md's example.
    const doc = percentiles([0, 1, 3, 5, 7]);
    expect([doc.p50, doc.p85, doc.p95]).toEqual([3, 5.8, 6.6]);
  });

  it('of whole numbers, every percentile is a whole number of basis points, read back exactly from 4 decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 200 }), (values) => {
        const p = percentiles(values);
        for (const x of [p.p50!, p.p85!, p.p95!]) expect(Number(x.toFixed(4))).toBe(x);
      }),
    );
  });

  it('of quarters (durations like 9.25 d or 0.25 d = 6 h, exact in binary), every percentile reads back exactly from 6 decimals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 200 }), (quarters) => {
        const p = percentiles(quarters.map((q) => q / 4));
        for (const x of [p.p50!, p.p85!, p.p95!]) expect(Number(x.toFixed(6))).toBe(x);
      }),
    );
  });
});

describe('percentiles: nearest rank (ActionableAgile)', () => {
  it('takes the value at rank ⌈p·n⌉', () => {
    const p = percentiles([4, 1, 3, 2], 'nearest-rank');
    expect([p.p50, p.p85, p.p95]).toEqual([2, 4, 4]);
  });

  it('does not round 0.85 · 20 = 17.000000000000004 up to rank 18', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantileOfSorted(sorted, 0.85, 'nearest-rank')).toBe(17);
  });
});

describe('percentiles: edge cases', () => {
  it('an empty sample has no percentiles and n = 0', () => {
    expect(percentiles([])).toEqual({ p50: null, p85: null, p95: null, n: 0 });
    expect(percentiles([], 'nearest-rank').p95).toBeNull();
  });

  it('one value is every percentile', () => {
    expect(percentiles([7.5])).toEqual({ p50: 7.5, p85: 7.5, p95: 7.5, n: 1 });
    expect(percentiles([7.5], 'nearest-rank')).toEqual({ p50: 7.5, p85: 7.5, p95: 7.5, n: 1 });
  });

  it('p = 0 and p = 1 are the minimum and maximum; outside [0, 1] is refused', () => {
    expect(quantileOfSorted([1, 5, 9], 0)).toBe(1);
    expect(quantileOfSorted([1, 5, 9], 1)).toBe(9);
    expect(() => quantileOfSorted([1], 1.5)).toThrow(RangeError);
  });

  it('zeros (items done the instant they started) count as values', () => {
    expect(percentiles([0, 0, 0, 10]).p50).toBe(0);
  });
});

describe('percentiles: properties', () => {
  const sample = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 });

  it('p50 ≤ p85 ≤ p95, all within [min, max], for both methods', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom('linear' as const, 'nearest-rank' as const), (values, method) => {
        const p = percentiles(values, method);
        const min = Math.min(...values);
        const max = Math.max(...values);
        return p.p50! <= p.p85! && p.p85! <= p.p95! && p.p50! >= min && p.p95! <= max && p.n === values.length;
      }),
    );
  });

  it('nearest rank always returns a value of the sample', () => {
    fc.assert(fc.property(sample, (values) => values.includes(percentiles(values, 'nearest-rank').p85!)));
  });
});

describe('percentiles: the selected order statistics are those of a full sort', () => {
  const plusZero = (x: number | null) => (x === null ? null : x + 0);
  const withTies = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 300 });
  const spread = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 });
  it('gives exactly the sorted sample’s percentiles, with ties and without, both methods', () => {
    fc.assert(
      fc.property(fc.oneof(withTies, spread), fc.constantFrom('linear' as const, 'nearest-rank' as const), (values, method) => {
        const sorted = Float64Array.from(values).sort();
        // Equal as numbers: a sort puts -0 before +0, a selection may pick either of the two
        // (toEqual tells them apart; no duration the metrics compute is ever -0).
        const asNumbers = (p: ReturnType<typeof percentiles>) => ({ ...p, p50: plusZero(p.p50), p85: plusZero(p.p85), p95: plusZero(p.p95) });
        expect(asNumbers(percentiles(values, method))).toEqual(
          asNumbers({
            p50: quantileOfSorted(sorted, 0.5, method),
            p85: quantileOfSorted(sorted, 0.85, method),
            p95: quantileOfSorted(sorted, 0.95, method),
            n: values.length,
          }),
        );
      }),
    );
  });

  it('places each asked rank where a sort would, smaller values before it and larger after', () => {
    fc.assert(
      fc.property(spread, fc.array(fc.nat(299), { maxLength: 6 }), (values, asked) => {
        const ranks = [...new Set(asked.filter((k) => k < values.length))].sort((a, b) => a - b);
        const selected = Float64Array.from(values);
        selectRanks(selected, ranks);
        const sorted = Float64Array.from(values).sort();
        for (const k of ranks) {
          expect(selected[k]).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(selected[i]).toBeLessThanOrEqual(selected[k]!);
          for (let i = k + 1; i < values.length; i++) expect(selected[i]).toBeGreaterThanOrEqual(selected[k]!);
        }
      }),
    );
  });

  describe('edge cases', () => {
    it('sorts a sample holding NaN, as before (NaN last)', () => {
      const values = Float64Array.from([3, Number.NaN, 1, 2]);
      selectRanks(values, [1]);
      expect(Array.from(values)).toEqual([1, 2, 3, Number.NaN]);
    });
    it('all equal values, and a single value', () => {
      expect(percentiles([5, 5, 5, 5, 5])).toEqual({ p50: 5, p85: 5, p95: 5, n: 5 });
      expect(percentiles([7], 'nearest-rank')).toEqual({ p50: 7, p85: 7, p95: 7, n: 1 });
    });
  });
});
