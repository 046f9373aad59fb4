import { describe, expect, it } from 'vitest';
import { stackedBands } from '../../../renderer/src/flow/CumulativeFlowChart';

// The cumulative flow's bands, stacked by the page (VictoryStack's quadratic stacking took longer
// than the rest of the chart): done at the bottom, then waiting, active and to do on top.

const day = (iso: string, todo: number, active: number, waiting: number, done: number) => ({ day: `${iso}T00:00:00.000Z`, todo, active, waiting, done });

describe('stackedBands', () => {
  it('puts each band on the ones below it, bottom first, day by day', () => {
    const bands = stackedBands([day('2026-11-01', 4, 3, 2, 10), day('2026-11-02', 1, 5, 0, 12)]);
    expect(bands.map((b) => b.band)).toEqual(['done', 'waiting', 'active', 'todo']);
    const x1 = Date.UTC(2026, 10, 1);
    const x2 = Date.UTC(2026, 10, 2);
    expect(bands.map((b) => b.points)).toEqual([
      [{ x: x1, y0: 0, y: 10 }, { x: x2, y0: 0, y: 12 }],
      [{ x: x1, y0: 10, y: 12 }, { x: x2, y0: 12, y: 12 }],
      [{ x: x1, y0: 12, y: 15 }, { x: x2, y0: 12, y: 17 }],
      [{ x: x1, y0: 15, y: 19 }, { x: x2, y0: 17, y: 18 }],
    ]);
  });

  describe('edge cases', () => {
    it('gives four empty bands for no days, and leaves its input as it was', () => {
      expect(stackedBands([]).map((b) => b.points)).toEqual([[], [], [], []]);
      const days = [day('2026-11-01', 1, 1, 1, 1)];
      const copy = structuredClone(days);
      stackedBands(days);
      expect(days).toEqual(copy);
    });
  });
});
