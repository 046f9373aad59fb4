import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { simulatePlan, type PlanSimulationInput } from '../../../shared/forecast/plan-simulation';
import { atLeast, sumDistribution } from './exact-distribution';

// The odds with every dependency ignored are exact: against convolutions computed by hand here,
// against products for groups across teams, and against a simulation that has no dependencies to
// ignore (where they must be the simulated odds themselves, so the cost is exactly 0).

const START = Date.parse('2026-01-05T00:00:00Z'); // a Monday
const day = (k: number) => START + k * MS_PER_DAY;

function plan(overrides: Partial<PlanSimulationInput>): PlanSimulationInput {
  return { start: START, teams: [], items: [], dependencies: [], features: [], objectives: [], trials: 2_000, seed: 3, ...overrides };
}

/**
 * The plan, plus a provider P-1 on a team P of its own that each of `consumers` waits for: their
 * teams' odds can change with dependencies, so the odds without them are computed, not copied.
 */
function waitingOnAProvider(consumers: string[], overrides: Partial<PlanSimulationInput>, providerSamples = [1]): PlanSimulationInput {
  const p = plan(overrides);
  return {
    ...p,
    teams: [...p.teams, { key: 'P', samples: providerSamples }],
    items: [...p.items, { key: 'P-1', teamKey: 'P', due: day(30), order: 1 }],
    dependencies: consumers.map((c, k) => ({ key: `D${k + 1}`, providerKey: 'P-1', consumerKey: c })),
  };
}

describe('odds without dependencies', () => {
  it('the k-th item due on day d: P(the sum of d + 1 days’ draws reaches k), exactly', () => {
    const history = [0, 0, 1, 3, 0, 2, 1, 0, 4, 1, 0, 2, 0, 1];
    const items = Array.from({ length: 6 }, (_, k) => ({ key: `A-${k + 1}`, teamKey: 'A', due: day(4 + k), order: k + 1 }));
    const r = simulatePlan(waitingOnAProvider(['A-1'], { teams: [{ key: 'A', samples: history }], items }));
    items.forEach((item, k) => {
      const exact = atLeast(sumDistribution(history, 4 + k + 1), k + 1);
      expect(r.items.find((i) => i.key === item.key)!.probabilityWithoutDependencies).toBeCloseTo(exact, 12);
    });
  });

  it('sizes add up in queue order (a size of 2.5 needs 3 items of throughput); items done before the start take none', () => {
    const history = [0, 1, 2];
    const r = simulatePlan(
      waitingOnAProvider(['A-1'], {
        teams: [{ key: 'A', samples: history }],
        items: [
          { key: 'A-0', teamKey: 'A', due: day(0), order: 0, done: true },
          { key: 'A-1', teamKey: 'A', due: day(2), order: 1, size: 2.5 },
          { key: 'A-2', teamKey: 'A', due: day(2), order: 2 },
        ],
      }),
    );
    const odds = Object.fromEntries(r.items.map((i) => [i.key, i.probabilityWithoutDependencies]));
    expect(odds['A-0']).toBe(1);
    expect(odds['A-1']).toBeCloseTo(atLeast(sumDistribution(history, 3), 3), 12);
    expect(odds['A-2']).toBeCloseTo(atLeast(sumDistribution(history, 3), 4), 12);
  });

  it('a feature across two teams: the product of each team’s odds for its last item there (the teams are independent without dependencies)', () => {
    const a = [0, 1];
    const b = [0, 1, 1, 2];
    const r = simulatePlan(
      waitingOnAProvider(['B-1'], {
        teams: [
          { key: 'A', samples: a },
          { key: 'B', samples: b },
        ],
        items: [
          { key: 'A-1', teamKey: 'A', due: day(3), order: 1 },
          { key: 'A-2', teamKey: 'A', due: day(3), order: 2 },
          { key: 'B-1', teamKey: 'B', due: day(3), order: 1 },
        ],
        features: [{ key: 'F', itemKeys: ['A-2', 'B-1', 'A-1'] }],
      }),
    );
    const expected = atLeast(sumDistribution(a, 4), 2) * atLeast(sumDistribution(b, 4), 1);
    expect(r.features[0]!.probabilityWithoutDependencies).toBeCloseTo(expected, 12);
  });

  it('where no dependency can change anything (no item up to it waits for open work), they are the simulated odds and the cost is exactly 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (samples, count, seed) => {
        const items = Array.from({ length: count }, (_, k) => ({ key: `A-${k}`, teamKey: 'A', due: day(k + 1), order: k }));
        const r = simulatePlan(plan({ teams: [{ key: 'A', samples }], items, features: [{ key: 'F', itemKeys: items.map((i) => i.key) }], trials: 300, seed }));
        for (const o of [...r.items, ...r.features]) {
          expect(o.probabilityWithoutDependencies).toBe(o.probability);
          expect(o.dependencyCost).toBe(0);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('items ahead of a team’s first waiting item are unaffected too; from it on, the exact odds are used', () => {
    const history = [0, 1];
    const r = simulatePlan(
      waitingOnAProvider(
        ['A-2'],
        {
          teams: [{ key: 'A', samples: history }],
          items: [
            { key: 'A-1', teamKey: 'A', due: day(2), order: 1 },
            { key: 'A-2', teamKey: 'A', due: day(4), order: 2 },
            { key: 'A-3', teamKey: 'A', due: day(6), order: 3 },
          ],
        },
        [0, 1],
      ),
    );
    const odds = Object.fromEntries(r.items.map((i) => [i.key, i]));
    expect(odds['A-1']!.dependencyCost).toBe(0);
    expect(odds['A-2']!.probabilityWithoutDependencies).toBeCloseTo(atLeast(sumDistribution(history, 5), 2), 12);
    expect(odds['A-3']!.probabilityWithoutDependencies).toBeCloseTo(atLeast(sumDistribution(history, 7), 3), 12);
  });

  describe('edge cases', () => {
    it('a team that never delivers: 0 without dependencies for its open items; an item due before the start: 0 unless done', () => {
      const r = simulatePlan(
        waitingOnAProvider(['A-1', 'B-1'], {
          teams: [
            { key: 'A', samples: [0, 0] },
            { key: 'B', samples: [1] },
          ],
          items: [
            { key: 'A-1', teamKey: 'A', due: day(9), order: 1 },
            { key: 'B-1', teamKey: 'B', due: day(-3), order: 1 },
            { key: 'B-2', teamKey: 'B', due: day(9), order: 2 },
          ],
          features: [{ key: 'F', itemKeys: ['A-1', 'B-2'] }],
        }),
      );
      const odds = Object.fromEntries(r.items.map((i) => [i.key, i.probabilityWithoutDependencies]));
      expect(odds['A-1']).toBe(0);
      expect(odds['B-1']).toBe(0);
      expect(odds['B-2']).toBe(1);
      expect(r.features[0]!.probabilityWithoutDependencies).toBe(0);
    });

    it('a due past the simulated horizon counts the horizon only, as the simulation does', () => {
      const r = simulatePlan(waitingOnAProvider(['A-1'], { teams: [{ key: 'A', samples: [0, 1] }], items: [{ key: 'A-1', teamKey: 'A', due: day(100), order: 1 }], maxDays: 3 }));
      expect(r.items[0]!.probabilityWithoutDependencies).toBeCloseTo(1 - 0.5 ** 3, 12);
    });
  });
});
