import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawIndex, seededStream } from '../../../shared/forecast/monte-carlo';
import { planStructure } from '../../../shared/forecast/plan-structure';
import { nextCountedDays, RunWithoutDependencies, TrialDraws } from '../../../shared/forecast/plan-trial';
import { NOT_FINISHED } from '../../../shared/forecast/plan-structure';

// The trial's pieces against the plainest way of doing the same: TrialDraws' written-out generator
// against pure-rand's next() and drawIndex, and the run without dependencies (running totals)
// against spending each day's throughput item by item.

const START = Date.parse('2026-01-05T00:00:00Z');

describe('TrialDraws', () => {
  it('gives each team, day after day, the sample pure-rand’s generator and drawIndex give, in the order the days are asked for', () => {
    const samples = [Int32Array.from([0, 1, 2, 5, 0, 3, 1]), Int32Array.from([4]), Int32Array.from([]), Int32Array.from([7, 0, 9])];
    const countedDay = Uint8Array.from({ length: 60 }, (_, d) => (d % 7 === 5 || d % 7 === 6 ? 0 : 1));
    const draws = new TrialDraws(samples, countedDay, seededStream(42, 3));
    const reference = seededStream(42, 3);
    const expected: number[][] = samples.map(() => []);
    const drawUpTo = (team: number, to: number) => {
      const s = samples[team]!;
      for (let d = expected[team]!.length; d < to; d++) {
        expected[team]!.push(countedDay[d] && s.length > 0 ? s[s.length === 1 ? 0 : drawIndex(reference, s.length)]! : 0);
      }
    };
    // Teams ask in an irregular order, as the runs do; each call draws 8 days ahead of the day asked.
    const asks: [number, number][] = [[0, 0], [3, 0], [0, 9], [1, 2], [3, 20], [0, 30], [2, 5], [3, 40], [0, 59]];
    for (const [team, day] of asks) {
      const got = draws.draw(team, day);
      drawUpTo(team, Math.min(60, day + 8));
      expect(got).toBe(expected[team]![day]);
    }
    for (let team = 0; team < samples.length; team++) {
      for (let day = 0; day < draws.drawnUpTo[team]!; day++) {
        expect(draws.drawn[day * samples.length + team]).toBe(expected[team]![day]);
        expect(draws.byTeam[team * 60 + day]).toBe(expected[team]![day]);
      }
    }
    // And the generator is left where pure-rand's is: the next draws agree too.
    const last = draws.draw(3, 59);
    drawUpTo(3, 60);
    expect(last).toBe(expected[3]![59]);
    expect(Array.from({ length: 60 }, (_, d) => draws.byTeam[3 * 60 + d])).toEqual(expected[3]);
  });

  describe('edge cases', () => {
    it('a team without samples draws zeros and uses no randomness; a team with one sample always draws it', () => {
      const countedDay = new Uint8Array(10).fill(1);
      const draws = new TrialDraws([Int32Array.from([]), Int32Array.from([3]), Int32Array.from([1, 2])], countedDay, seededStream(7, 0));
      expect([draws.draw(0, 0), draws.draw(1, 9)]).toEqual([0, 3]);
      const reference = seededStream(7, 0);
      expect(draws.draw(2, 0)).toBe([1, 2][drawIndex(reference, 2)]);
    });
  });
});

/** Each day's throughput spent item by item, the leftover carried to the next item: the model's words, step by step. */
function finishesItemByItem(sizes: number[], days: number[]): number[] {
  const finish: number[] = [];
  let day = -1;
  let left = 0;
  for (const size of sizes) {
    let remaining = size;
    for (;;) {
      if (left > 0) {
        const use = Math.min(left, remaining);
        remaining -= use;
        left -= use;
        if (remaining <= 1e-9) break;
      }
      day++;
      if (day >= days.length) break;
      left = days[day]!;
    }
    if (day >= days.length) break;
    finish.push(day);
  }
  return finish;
}

describe('RunWithoutDependencies', () => {
  it('finishes each item on the day its team’s running total of throughput reaches the sizes so far, as spending day by day does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0.5, 1.5, 2.25, 0.1, 0.2, 0.3)), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1000 }),
        (sizes, samples, seed) => {
          const input = {
            start: START,
            teams: [{ key: 'A', samples }],
            items: sizes.map((size, k) => ({ key: `A-${k}`, teamKey: 'A', due: START, order: k, size })),
            dependencies: [],
            features: [],
            objectives: [],
          };
          const plan = planStructure(input, START);
          const countedDay = new Uint8Array(40).fill(1);
          const draws = new TrialDraws(plan.samples, countedDay, seededStream(seed, 0));
          const run = new RunWithoutDependencies(plan);
          run.run(countedDay, nextCountedDays(countedDay), draws);
          for (let d = 0; d < 40; d++) if (d >= draws.drawnUpTo[0]!) draws.draw(0, d);
          const days = Array.from({ length: 40 }, (_, d) => draws.byTeam[d]!);
          const expected = finishesItemByItem(sizes, days);
          const got = Array.from(plan.queues[0]!, (item) => run.finish[item]!);
          expect(got.slice(0, expected.length)).toEqual(expected);
          expect(got.slice(expected.length).every((f) => f === NOT_FINISHED)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('edge cases', () => {
    it('sizes whose floating-point sum overshoots a whole number by a hair (1.1 + 1.3 + 0.6) are done on the day three items of throughput are', () => {
      expect(1.1 + 1.3 + 0.6).toBeGreaterThan(3);
      const input = {
        start: START,
        teams: [{ key: 'A', samples: [3] }],
        items: [1.1, 1.3, 0.6].map((size, k) => ({ key: `A-${k}`, teamKey: 'A', due: START, order: k, size })),
        dependencies: [],
        features: [],
        objectives: [],
      };
      const plan = planStructure(input, START);
      const countedDay = new Uint8Array(5).fill(1);
      const run = new RunWithoutDependencies(plan);
      run.run(countedDay, nextCountedDays(countedDay), new TrialDraws(plan.samples, countedDay, seededStream(1, 0)));
      expect(Array.from(run.finish)).toEqual([0, 0, 0]);
      expect(finishesItemByItem([1.1, 1.3, 0.6], [3, 3, 3])).toEqual([0, 0, 0]);
    });

    it('items already done keep their finish and take none of the throughput; a team with no throughput finishes nothing', () => {
      const input = {
        start: START,
        teams: [
          { key: 'A', samples: [1] },
          { key: 'B', samples: [0] },
        ],
        items: [
          { key: 'A-1', teamKey: 'A', due: START, order: 1, done: true },
          { key: 'A-2', teamKey: 'A', due: START, order: 2 },
          { key: 'B-1', teamKey: 'B', due: START, order: 1 },
        ],
        dependencies: [],
        features: [],
        objectives: [],
      };
      const plan = planStructure(input, START);
      const countedDay = new Uint8Array(5).fill(1);
      const run = new RunWithoutDependencies(plan);
      run.run(countedDay, nextCountedDays(countedDay), new TrialDraws(plan.samples, countedDay, seededStream(1, 0)));
      expect(Array.from(run.finish)).toEqual([-1, 0, NOT_FINISHED]);
    });
  });
});
