import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { waitingSpans, type WaitingDependencies } from '../../../electron/backend/coordination/waiting-spans';
import { itemRuns, type RecordedTransitions } from '../../../shared/metrics/metrics-dataset';
import { CATEGORY } from '../../../shared/metrics/metrics-vocabulary';
import { DAY, recordedRows as recorded } from '../../support/recorded-transitions';

const { todo, active, waiting, done } = CATEGORY;

/** The same rows with their item order stated as runs, as a snapshot decodes them (rows must be in item order). */
function withRuns(t: RecordedTransitions, items: number): RecordedTransitions {
  const runs = itemRuns(t, items);
  if (!runs) throw new Error('withRuns needs rows in item order');
  return { ...t, runs };
}

const deps = (list: readonly (readonly [item: number, createdDay: number, resolvedDay: number | null])[]): WaitingDependencies => ({
  item: list.map((d) => d[0]),
  createdAt: list.map((d) => d[1] * DAY),
  resolvedAt: list.map((d) => (d[2] === null ? null : d[2] * DAY)),
});

const days = (spans: readonly (readonly [number, number])[]) => spans.map(([a, b]) => [a / DAY, b / DAY]);

describe('waitingSpans', () => {
  it('a wait counts from the change into waiting to the next change, only while the dependency was open', () => {
    const rows = recorded([
      [0, 0, todo],
      [0, 2, waiting],
      [0, 5, active],
      [0, 6, waiting],
      [1, 1, waiting],
    ]);
    const spans = waitingSpans(rows, 2, waiting, deps([[0, 3, 7], [1, 0, null], [-1, 0, null]]), 10 * DAY);
    expect(spans.map(days)).toEqual([[[3, 5], [6, 7]], [[1, 10]], []]);
  });

  it('reads rows in item order through their runs exactly as through their item column (property)', () => {
    const history = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(todo, active, waiting, done)), { maxLength: 5 });
    const dependency = (items: number) => fc.tuple(fc.integer({ min: -1, max: items - 1 }), fc.integer({ min: 0, max: 12 }), fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }));
    const arbitrary = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({ histories: fc.array(history, { minLength: n, maxLength: n }), dependencies: fc.array(dependency(n), { maxLength: 8 }) }));
    fc.assert(
      fc.property(arbitrary, ({ histories, dependencies }) => {
        const n = histories.length;
        const rows = recorded(histories.flatMap((h, i) => h.map(([day, category]) => [i, day, category] as const)));
        const wanted = deps(dependencies);
        expect(waitingSpans(withRuns(rows, n), n, waiting, wanted, 15 * DAY)).toEqual(waitingSpans(rows, n, waiting, wanted, 15 * DAY));
      }),
    );
  });

  describe('edge cases', () => {
    it('a history recorded out of time order is read in time order, runs or not', () => {
      const rows = recorded([
        [0, 4, active],
        [0, 1, waiting],
      ]);
      const expected = [[[1, 4]]];
      expect(waitingSpans(rows, 1, waiting, deps([[0, 0, null]]), 10 * DAY).map(days)).toEqual(expected);
      expect(waitingSpans(withRuns(rows, 1), 1, waiting, deps([[0, 0, null]]), 10 * DAY).map(days)).toEqual(expected);
    });

    it('no dependencies, no rows', () => {
      expect(waitingSpans(recorded([]), 0, waiting, deps([]), 10 * DAY)).toEqual([]);
      expect(waitingSpans(withRuns(recorded([]), 2), 2, waiting, deps([[1, 0, null]]), 10 * DAY)).toEqual([[]]);
    });
  });
});
