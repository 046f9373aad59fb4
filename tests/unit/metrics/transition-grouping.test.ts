import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupTransitions, ItemColumnsBuilder, type ItemColumns, type TransitionColumns } from '../../../shared/metrics/metrics-dataset';
import { CATEGORY } from '../../../shared/metrics/metrics-vocabulary';
import { DAY, recordedRows as recorded } from '../../support/recorded-transitions';

/** Items 0 … n−1, all done, created on day 0, active on day 1, done on day 9. */
function items(n: number): ItemColumns {
  const builder = new ItemColumnsBuilder();
  for (let i = 0; i < n; i++) builder.push(i + 1, 0, 0, 0, DAY, 9 * DAY, CATEGORY.done);
  return builder.finish();
}

/** The grouped columns as plain arrays, to compare two groupings value by value. */
function plain(t: TransitionColumns) {
  return { offsets: [...t.offsets], at: [...t.at], category: [...t.category], hasHistory: [...t.hasHistory], clamped: [...t.clamped] };
}

const { todo, active, waiting, done } = CATEGORY;

describe('groupTransitions', () => {
  it("uses an import's columns in place: each item's history in one run, items in order, times never running back", () => {
    const rows = recorded([
      [0, 0, todo],
      [0, 2, active],
      [0, 5, done],
      [1, 1, active],
      [1, 1, waiting],
    ]);
    const grouped = groupTransitions(items(2), rows);
    expect(plain(grouped)).toEqual({ offsets: [0, 3, 5], at: [0, 2, 5, 1, 1].map((d) => d * DAY), category: [todo, active, done, active, waiting], hasHistory: [1, 1], clamped: [0, 0] });
    expect(grouped.at.buffer).toBe(rows.at.buffer);
    expect(grouped.category.buffer).toBe(rows.category.buffer);
  });

  it('groups interleaved rows per item, each item keeping its recorded order', () => {
    const grouped = groupTransitions(items(2), recorded([
      [1, 1, active],
      [0, 0, todo],
      [0, 2, active],
      [1, 1, waiting],
      [0, 5, done],
    ]));
    expect(plain(grouped)).toEqual({ offsets: [0, 3, 5], at: [0, 2, 5, 1, 1].map((d) => d * DAY), category: [todo, active, done, active, waiting], hasHistory: [1, 1], clamped: [0, 0] });
  });

  it('gives the same columns whatever the interleaving of the items (property)', () => {
    const history = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(todo, active, waiting, done)), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(history, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 30 }), (histories, shuffle) => {
        const inOrder = histories.flatMap((h, i) => h.map(([day, category]) => [i, day, category] as const));
        // The same rows, items interleaved by `shuffle`, each item's rows still in their order.
        const labels = inOrder.map((r) => r[0]);
        for (let k = labels.length - 1; k > 0; k--) {
          const j = (shuffle[k % Math.max(1, shuffle.length)] ?? 0) % (k + 1);
          [labels[k], labels[j]] = [labels[j]!, labels[k]!];
        }
        const next = histories.map(() => 0);
        const interleaved = labels.map((i) => [i, ...histories[i]![next[i]!++]!] as const);
        const n = histories.length;
        expect(plain(groupTransitions(items(n), recorded(interleaved)))).toEqual(plain(groupTransitions(items(n), recorded(inOrder))));
      }),
    );
  });

  describe('edge cases', () => {
    it('no items and no rows', () => {
      expect(plain(groupTransitions(items(0), recorded([])))).toEqual({ offsets: [0], at: [], category: [], hasHistory: [], clamped: [] });
    });

    it('an item without history between two with one gets its made-up history (To Do, active, done)', () => {
      const grouped = groupTransitions(items(3), recorded([
        [0, 0, todo],
        [2, 3, done],
      ]));
      expect(plain(grouped)).toEqual({ offsets: [0, 1, 4, 5], at: [0, 0, 1, 9, 3].map((d) => d * DAY), category: [todo, todo, active, done, done], hasHistory: [1, 0, 1], clamped: [0, 0, 0] });
    });

    it('a history running back in time is pulled back in a copy; the recorded rows stay as they were', () => {
      const rows = recorded([
        [0, 0, todo],
        [0, 4, active],
        [0, 3, done],
      ]);
      const grouped = groupTransitions(items(1), rows);
      expect(plain(grouped)).toEqual({ offsets: [0, 3], at: [0, 3, 3].map((d) => d * DAY), category: [todo, active, done], hasHistory: [1], clamped: [1] });
      expect([...rows.at]).toEqual([0, 4, 3].map((d) => d * DAY));
    });

    it('items recorded in reverse order, each in one run', () => {
      const grouped = groupTransitions(items(2), recorded([
        [1, 1, active],
        [0, 0, todo],
      ]));
      expect(plain(grouped)).toEqual({ offsets: [0, 1, 2], at: [0, 1].map((d) => d * DAY), category: [todo, active], hasHistory: [1, 1], clamped: [0, 0] });
    });

    it('one item recorded in two runs', () => {
      const grouped = groupTransitions(items(2), recorded([
        [0, 0, todo],
        [1, 1, active],
        [0, 2, done],
      ]));
      expect(plain(grouped)).toEqual({ offsets: [0, 2, 3], at: [0, 2, 1].map((d) => d * DAY), category: [todo, done, active], hasHistory: [1, 1], clamped: [0, 0] });
    });
  });
});
