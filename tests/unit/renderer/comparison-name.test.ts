import { describe, expect, it } from 'vitest';
import { comparisonName } from '../../../renderer/src/charts/comparison-name';

// What a figure's comparison is called: "Period before" only when it is that.

const window = { from: '2026-08-17T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z', label: '2026-08-17 – 2026-11-15', days: 91 };

describe('comparisonName', () => {
  it('the window of the same length just before is "Period before"; chosen dates are named by their dates', () => {
    expect(comparisonName({ window, compare: { from: '2026-05-18T00:00:00.000Z', to: '2026-08-17T00:00:00.000Z', label: '2026-05-18 – 2026-08-16', days: 91 } })).toBe('Period before');
    expect(comparisonName({ window, compare: { from: '2026-05-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', label: '2026-05-01 – 2026-06-30', days: 61 } })).toBe('2026-05-01 – 2026-06-30');
  });

  describe('edge cases', () => {
    it('adjacent but of another length, or of the same length but not adjacent, is named by its dates', () => {
      expect(comparisonName({ window, compare: { from: '2026-06-17T00:00:00.000Z', to: '2026-08-17T00:00:00.000Z', label: '2026-06-17 – 2026-08-16', days: 61 } })).toBe('2026-06-17 – 2026-08-16');
      expect(comparisonName({ window, compare: { from: '2026-05-11T00:00:00.000Z', to: '2026-08-10T00:00:00.000Z', label: '2026-05-11 – 2026-08-09', days: 91 } })).toBe('2026-05-11 – 2026-08-09');
    });

    it('no comparison keeps the usual name (nothing is shown beside it then)', () => {
      expect(comparisonName({ window, compare: null })).toBe('Period before');
    });
  });
});
