import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTimeOrder } from '../../../shared/import/flow-dates';

describe('inTimeOrder', () => {
  it('sorts steps by time, keeping the source order of equal times', () => {
    const steps = [
      { status: 'b', at: 20 },
      { status: 'a', at: 10 },
      { status: 'c', at: 20 },
    ];
    expect(inTimeOrder(steps).map((s) => s.status)).toEqual(['a', 'b', 'c']);
  });

  it('gives what a stable sort by time gives, sorted or not (the sorted ones take a shortcut)', () => {
    const step = fc.record({ status: fc.constantFrom('a', 'b', 'c', 'd'), at: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), fc.boolean(), (raw, presort) => {
        const steps = presort ? [...raw].sort((x, y) => x.at - y.at) : raw;
        const expected = steps.map((s, i) => ({ s, i })).sort((x, y) => x.s.at - y.s.at || x.i - y.i).map((x) => x.s);
        const ordered = inTimeOrder(steps);
        expect(ordered).toEqual(expected);
        ordered.forEach((s, i) => expect(s).toBe(expected[i]));
      }),
    );
  });

  describe('edge cases', () => {
    it('returns a new array and leaves its input as it was', () => {
      const steps = [
        { status: 'a', at: 1 },
        { status: 'b', at: 2 },
      ];
      const frozen = Object.freeze([...steps]);
      const ordered = inTimeOrder(frozen);
      expect(ordered).not.toBe(frozen);
      expect(ordered).toEqual(steps);
      expect(inTimeOrder([])).toEqual([]);
    });
  });
});
