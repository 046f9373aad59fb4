import { describe, expect, it } from 'vitest';
import { outlierCeiling, pinAboveCeiling, readableCeiling } from '../../../renderer/src/flow/outlier-ceiling';

describe('outlier ceiling of a time chart', () => {
  it('stops the axis at 1.5 × the highest p95, made readable, when an item lies far beyond', () => {
    // p95 9 days → 13.5 → readable 15; a 200-day item is beyond 2 × 15.
    expect(outlierCeiling([1, 3, 5, 9, 200], [9])).toBe(15);
    // The period before had the higher p95: its lines must stay in view too (34 → 51 → 60).
    expect(outlierCeiling([1, 3, 5, 8, 400], [8, 34])).toBe(60);
  });

  it('leaves the axis alone when the longest item is within twice the ceiling', () => {
    expect(outlierCeiling([1, 3, 5, 9, 30], [9])).toBeNull();
    expect(outlierCeiling([1, 3, 5, 9, 31], [9])).toBe(15);
  });

  it('pins values above the ceiling to it, flags them, and leaves the input as it was', () => {
    const data = [
      { y: 3, tip: 'A' },
      { y: 250, tip: 'B · 250 days' },
    ];
    const pinned = pinAboveCeiling(data, 20);
    expect(pinned).toEqual([
      { y: 3, tip: 'A', clipped: false },
      { y: 20, tip: 'B · 250 days', clipped: true },
    ]);
    expect(data[1]!.y).toBe(250);
  });

  it('readable ceilings are 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect([0.35, 1, 1.1, 2.2, 3, 12, 26, 51, 70, 801, 999].map(readableCeiling)).toEqual([0.4, 1, 1.2, 2.5, 3, 12, 30, 60, 80, 1000, 1000]);
  });

  describe('edge cases', () => {
    it('no percentile (nothing done, or all in zero days) means no ceiling', () => {
      expect(outlierCeiling([], [null])).toBeNull();
      expect(outlierCeiling([0, 0, 5], [0])).toBeNull();
      expect(outlierCeiling([1, 500], [])).toBeNull();
    });

    it('a null ceiling pins nothing', () => {
      expect(pinAboveCeiling([{ y: 1e6 }], null)).toEqual([{ y: 1e6, clipped: false }]);
    });
  });
});
