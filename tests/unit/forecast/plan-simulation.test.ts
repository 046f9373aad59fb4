import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import {
  planBlockCount,
  planSimulationResult,
  PLAN_TRIALS_PER_BLOCK,
  preparePlanSimulation,
  simulatePlan,
  simulatePlanBlocks,
  type PlanSimulationInput,
} from '../../../shared/forecast/plan-simulation';
import { addPlanTallyCounts } from '../../../shared/forecast/plan-tally';
import { atLeast, exactWhen, sumDistribution } from './exact-distribution';

const START = Date.parse('2026-01-05T00:00:00Z'); // a Monday
const day = (k: number) => START + k * MS_PER_DAY;
const TRIALS = 20_000;
const sigma = (p: number) => Math.sqrt((p * (1 - p)) / TRIALS);

function plan(overrides: Partial<PlanSimulationInput>): PlanSimulationInput {
  return { start: START, teams: [], items: [], dependencies: [], features: [], objectives: [], trials: TRIALS, seed: 1, ...overrides };
}

/** 17 days with one item, 3 without: a team finishes its one item on the first day 85 % of the time. */
const EIGHTY_FIVE = [...new Array(17).fill(1), 0, 0, 0];

describe('one team: its queue in plan order', () => {
  it('one a day, three items: done on days 0, 1 and 2, each in time only if due by then', () => {
    const r = simulatePlan(
      plan({
        teams: [{ key: 'A', samples: [1] }],
        items: [
          { key: 'A-3', teamKey: 'A', due: day(1), order: 3 },
          { key: 'A-1', teamKey: 'A', due: day(0), order: 1 },
          { key: 'A-2', teamKey: 'A', due: day(1), order: 2 },
        ],
      }),
    );
    expect(r.items.map((i) => [i.key, i.probability, (i.p85Date! - START) / MS_PER_DAY])).toEqual([
      ['A-3', 0, 2],
      ['A-1', 1, 0],
      ['A-2', 1, 1],
    ]);
  });

  it('the k-th item’s odds by day d are those of a sum of d + 1 days reaching k (exact convolution)', () => {
    const history = [0, 0, 1, 3, 0, 2, 1, 0, 4, 1, 0, 2, 0, 1];
    const items = Array.from({ length: 6 }, (_, k) => ({ key: `A-${k + 1}`, teamKey: 'A', due: day(9), order: k }));
    const r = simulatePlan(plan({ teams: [{ key: 'A', samples: history }], items }));
    const pmf = sumDistribution(history, 10);
    r.items.forEach((item, k) => {
      const exact = atLeast(pmf, k + 1);
      expect(Math.abs(item.probability! - exact)).toBeLessThan(4 * sigma(exact) + 1e-9);
      // The 85 % date: the day by which 85 % of trials finished it, within one day of the exact one.
      expect(Math.abs((item.p85Date! - START) / MS_PER_DAY - (exactWhen(history, k + 1, 85) - 1))).toBeLessThanOrEqual(1);
    });
  });

  it('a group of all a team’s items, and of all items, is done when the last is: P(4 coin days reach 2) = 11/16', () => {
    const r = simulatePlan(
      plan({
        teams: [
          { key: 'A', samples: [0, 1] },
          { key: 'B', samples: [1] },
        ],
        items: [
          { key: 'A-1', teamKey: 'A', due: day(3), order: 1 },
          { key: 'A-2', teamKey: 'A', due: day(3), order: 2 },
          { key: 'B-1', teamKey: 'B', due: day(0), order: 1 },
        ],
        // Listed out of order, and once with a key twice: still exactly team A's items.
        features: [
          { key: 'all of A', itemKeys: ['A-2', 'A-1'] },
          { key: 'all', itemKeys: ['B-1', 'A-1', 'A-2', 'A-1'] },
          { key: 'A-1 and B-1', itemKeys: ['A-1', 'B-1'] },
        ],
      }),
    );
    const [allOfA, all, someOfBoth] = r.features;
    expect(Math.abs(allOfA!.probability! - 11 / 16)).toBeLessThan(4 * sigma(11 / 16));
    expect(all!.probability).toBe(allOfA!.probability);
    // A-1 alone by day 3: at least one of four coin days, 15/16; B-1 is always done on day 0.
    expect(Math.abs(someOfBoth!.probability! - 15 / 16)).toBeLessThan(4 * sigma(15 / 16));
    expect(all!.p85Date).toBe(allOfA!.p85Date);
  });

  it('sizes: an item of size 3 takes three days at one a day', () => {
    const r = simulatePlan(plan({ teams: [{ key: 'A', samples: [1] }], items: [{ key: 'A-1', teamKey: 'A', due: day(1), order: 1, size: 3 }] }));
    expect(r.items[0]).toMatchObject({ probability: 0, p85Date: day(2) });
  });
});

describe('several teams inside the same trial', () => {
  const twoTeams = plan({
    teams: [
      { key: 'A', samples: EIGHTY_FIVE },
      { key: 'B', samples: EIGHTY_FIVE },
    ],
    items: [
      { key: 'A-1', teamKey: 'A', due: day(0), order: 1 },
      { key: 'B-1', teamKey: 'B', due: day(0), order: 1 },
    ],
    features: [{ key: 'F-1', itemKeys: ['A-1', 'B-1'] }],
    objectives: [{ key: 'O-1', itemKeys: ['A-1', 'B-1'] }],
  });

  it('two independent teams at 85 % each make a shared feature only 0.85² ≈ 72 % of the time', () => {
    const r = simulatePlan(twoTeams);
    for (const item of r.items) expect(Math.abs(item.probability! - 0.85)).toBeLessThan(4 * sigma(0.85));
    expect(Math.abs(r.features[0]!.probability! - 0.7225)).toBeLessThan(4 * sigma(0.7225));
    expect(r.features[0]!.due).toBe(day(0));
  });

  it('an objective below the threshold is suggested as uncommitted, never changed; a stretch one never', () => {
    const at70 = simulatePlan(twoTeams);
    expect(at70.objectives[0]).toMatchObject({ committed: true, suggestUncommitted: false });
    const at75 = simulatePlan({ ...twoTeams, uncommitBelow: 0.75 });
    expect(at75.objectives[0]).toMatchObject({ committed: true, suggestUncommitted: true });
    expect(at75.suggestedUncommitted).toEqual(['O-1']);
    const stretch = simulatePlan({ ...twoTeams, uncommitBelow: 0.75, objectives: [{ key: 'O-1', itemKeys: ['A-1', 'B-1'], committed: false }] });
    expect(stretch.objectives[0]!.suggestUncommitted).toBe(false);
    expect(stretch.suggestedUncommitted).toEqual([]);
  });
});

describe('dependencies: a consumer starts no earlier than the day after its provider finishes, in the same trial', () => {
  // A finishes its provider on a day with an item: half of its days have one. B delivers one a day.
  const coinFlip = plan({
    teams: [
      { key: 'A', samples: [0, 1] },
      { key: 'B', samples: [1] },
    ],
    items: [
      { key: 'P', teamKey: 'A', due: day(9), order: 1 },
      { key: 'C', teamKey: 'B', due: day(3), order: 1 },
    ],
    dependencies: [{ key: 'DEP-1', providerKey: 'P', consumerKey: 'C' }],
  });

  it('the consumer is done by day 3 when the provider is by day 2: 1 − ½³ = 87.5 %; without the dependency, always', () => {
    const r = simulatePlan(coinFlip);
    const c = r.items.find((i) => i.key === 'C')!;
    expect(Math.abs(c.probability! - 0.875)).toBeLessThan(4 * sigma(0.875));
    expect(c.probabilityWithoutDependencies).toBe(1);
    expect(c.dependencyCost).toBeCloseTo(1 - c.probability!, 12);
    expect(c.costliestDependency).toEqual({ key: 'DEP-1', lateShare: 1 });
    expect(r.items.find((i) => i.key === 'P')!.costliestDependency).toBeNull();
  });

  it('the line’s odds: the provider finishes before the consumer needs it (by default its due day; or a stated day)', () => {
    const byDue = simulatePlan(coinFlip).dependencies[0]!;
    expect(byDue).toMatchObject({ key: 'DEP-1', providerKey: 'P', consumerKey: 'C', needBy: day(3) });
    expect(Math.abs(byDue.onTimeProbability - 0.875)).toBeLessThan(4 * sigma(0.875));
    const needed = simulatePlan({ ...coinFlip, dependencies: [{ key: 'DEP-1', providerKey: 'P', consumerKey: 'C', needBy: day(1) }] }).dependencies[0]!;
    expect(Math.abs(needed.onTimeProbability - 0.5)).toBeLessThan(4 * sigma(0.5));
  });

  it('a team passes over a waiting item, works on the next, and serves the waiting one first once it is free', () => {
    const r = simulatePlan(
      plan({
        teams: [
          { key: 'A', samples: [1] },
          { key: 'B', samples: [1] },
        ],
        items: [
          { key: 'P1', teamKey: 'A', due: day(9), order: 1 },
          { key: 'P2', teamKey: 'A', due: day(9), order: 2 },
          { key: 'X', teamKey: 'B', due: day(1), order: 1 },
          { key: 'Y', teamKey: 'B', due: day(1), order: 2 },
          { key: 'Z', teamKey: 'B', due: day(3), order: 3 },
        ],
        dependencies: [{ key: 'D', providerKey: 'P2', consumerKey: 'X' }],
        trials: 10,
      }),
    );
    // P2 is done on day 1, so X is workable from day 2. B: day 0 Y (X waits), day 1 Z, day 2 X.
    const odds = Object.fromEntries(r.items.map((i) => [i.key, i]));
    expect(odds.X).toMatchObject({ probability: 0, p85Date: day(2), probabilityWithoutDependencies: 1, costliestDependency: { key: 'D', lateShare: 1 } });
    expect(odds.Y).toMatchObject({ probability: 1, p85Date: day(0), probabilityWithoutDependencies: 1 });
    expect(odds.Z).toMatchObject({ probability: 1, p85Date: day(1) });
  });

  it('never on the day its provider finishes, whichever team the simulation looks at first', () => {
    const teams = [
      { key: 'A', samples: [1] },
      { key: 'B', samples: [2] },
    ];
    for (const order of [teams, [...teams].reverse()]) {
      const r = simulatePlan(
        plan({
          teams: order,
          items: [
            { key: 'P', teamKey: 'A', due: day(0), order: 1 },
            { key: 'Y', teamKey: 'B', due: day(0), order: 1 },
            { key: 'C', teamKey: 'B', due: day(0), order: 2 },
          ],
          dependencies: [{ key: 'D', providerKey: 'P', consumerKey: 'C' }],
          trials: 10,
        }),
      );
      // B could do Y and C on day 0, but C's provider is only done at the end of day 0.
      expect(r.items.map((i) => [i.key, i.p85Date])).toEqual([
        ['P', day(0)],
        ['Y', day(0)],
        ['C', day(1)],
      ]);
    }
  });

  it('a feature over two teams finishes with its last item; its costliest dependency is found through that item', () => {
    const r = simulatePlan({ ...coinFlip, features: [{ key: 'F', itemKeys: ['C', 'P'], due: day(3) }] });
    const f = r.features[0]!;
    // The feature is late whenever C is (P by day 3 is implied by C by day 3).
    expect(f.probability).toBe(r.items.find((i) => i.key === 'C')!.probability);
    expect(f.costliestDependency).toEqual({ key: 'DEP-1', lateShare: 1 });
    expect(f.missingItemKeys).toEqual([]);
  });

  it('an item whose provider is already done does not wait', () => {
    const r = simulatePlan({
      ...coinFlip,
      items: [
        { key: 'P', teamKey: 'A', due: day(9), order: 1, done: true },
        { key: 'C', teamKey: 'B', due: day(0), order: 1 },
      ],
    });
    expect(r.items.map((i) => i.probability)).toEqual([1, 1]);
    expect(r.dependencies[0]!.onTimeProbability).toBe(1);
  });

  it('an item already done whose provider is still open is not worked again when the provider finishes, nor does it take another team’s place', () => {
    // B does one a day: X0…X4 on days 0–4 whatever A does. Were the done C freed when P finishes,
    // B would work it again and the run would count one open item fewer than there are.
    const r = simulatePlan(
      plan({
        teams: [
          { key: 'A', samples: [0, 1] },
          { key: 'B', samples: [1] },
        ],
        items: [
          { key: 'P', teamKey: 'A', due: day(10), order: 0 },
          { key: 'C', teamKey: 'B', due: day(-3), order: 0, done: true },
          ...Array.from({ length: 5 }, (_, k) => ({ key: `X${k}`, teamKey: 'B', due: day(4), order: k + 1 })),
        ],
        dependencies: [{ key: 'P->C', providerKey: 'P', consumerKey: 'C' }],
        features: [{ key: 'team B', itemKeys: ['C', 'X0', 'X1', 'X2', 'X3', 'X4'] }],
      }),
    );
    expect(r.items.filter((i) => i.key !== 'P').map((i) => [i.key, i.probability])).toEqual([
      ['C', 1],
      ['X0', 1],
      ['X1', 1],
      ['X2', 1],
      ['X3', 1],
      ['X4', 1],
    ]);
    expect(r.features[0]!.probability).toBe(1);
  });
});

describe('seeded: bit for bit the same', () => {
  it('the same input and seed give the same result; another seed another one', () => {
    const input = plan({
      teams: [
        { key: 'A', samples: [0, 1, 2, 0, 1] },
        { key: 'B', samples: [1, 0, 0, 3] },
      ],
      items: Array.from({ length: 8 }, (_, k) => ({ key: `I-${k}`, teamKey: k % 2 ? 'A' : 'B', due: day(4 + k), order: k })),
      dependencies: [
        { key: 'D-1', providerKey: 'I-1', consumerKey: 'I-2' },
        { key: 'D-2', providerKey: 'I-4', consumerKey: 'I-7' },
      ],
      features: [{ key: 'F', itemKeys: ['I-2', 'I-3', 'I-7'] }],
      trials: 3000,
    });
    expect(simulatePlan(input)).toEqual(simulatePlan(input));
    expect(simulatePlan({ ...input, seed: 2 }).items.map((i) => i.probability)).not.toEqual(simulatePlan(input).items.map((i) => i.probability));
  });

  it('blocks of trials run apart (as on worker threads) add up to the same result, however they are split', () => {
    const input = plan({
      teams: [
        { key: 'A', samples: [0, 1, 2, 0, 1] },
        { key: 'B', samples: [1, 0, 0, 3] },
      ],
      items: Array.from({ length: 8 }, (_, k) => ({ key: `I-${k}`, teamKey: k % 2 ? 'A' : 'B', due: day(4 + k), order: k })),
      dependencies: [{ key: 'D-1', providerKey: 'I-1', consumerKey: 'I-2' }],
      features: [{ key: 'F', itemKeys: ['I-2', 'I-3'] }],
      trials: 2 * PLAN_TRIALS_PER_BLOCK + 7,
    });
    const prepared = preparePlanSimulation(input);
    expect(planBlockCount(input.trials!)).toBe(3);
    const split = [simulatePlanBlocks(prepared, 0, 1), simulatePlanBlocks(prepared, 1, 2), simulatePlanBlocks(prepared, 2, 3)];
    const whole = simulatePlan(input);
    expect(planSimulationResult(prepared, split.reduce(addPlanTallyCounts))).toEqual(whole);
    expect(planSimulationResult(prepared, addPlanTallyCounts(split[2]!, addPlanTallyCounts(split[1]!, split[0]!)))).toEqual(whole);
    // The last block is the short one; a count of the wrong number of trials is refused.
    expect(split.map((c) => c.trials)).toEqual([PLAN_TRIALS_PER_BLOCK, PLAN_TRIALS_PER_BLOCK, 7]);
    expect(() => planSimulationResult(prepared, split[0]!)).toThrow(/hold 500 trials, not the 1007 asked for/);
  });
});

describe('edge cases', () => {
  it('dependencies that close a cycle, name no planned item or wait on themselves are left out and listed', () => {
    const r = simulatePlan(
      plan({
        teams: [{ key: 'A', samples: [1] }],
        items: [
          { key: 'A-1', teamKey: 'A', due: day(5), order: 1 },
          { key: 'A-2', teamKey: 'A', due: day(5), order: 2 },
        ],
        dependencies: [
          { key: 'D-1', providerKey: 'A-1', consumerKey: 'A-2' },
          { key: 'D-2', providerKey: 'A-2', consumerKey: 'A-1' },
          { key: 'D-3', providerKey: 'ELSEWHERE-9', consumerKey: 'A-1' },
          { key: 'D-4', providerKey: 'A-1', consumerKey: 'A-1' },
        ],
        trials: 10,
      }),
    );
    expect(r.ignoredDependencies).toEqual([
      { key: 'D-3', reason: 'unknown-item' },
      { key: 'D-4', reason: 'self' },
      { key: 'D-2', reason: 'cycle' },
    ]);
    expect(r.items.map((i) => i.probability)).toEqual([1, 1]);
    expect(r.dependencies.map((d) => d.key)).toEqual(['D-1']);
  });

  it('a team without one item in its history never finishes, nor does anything waiting on it (and the run still ends)', () => {
    const r = simulatePlan(
      plan({
        teams: [
          { key: 'IDLE', samples: [0, 0] },
          { key: 'EMPTY', samples: [] },
          { key: 'B', samples: [1] },
        ],
        items: [
          { key: 'I-1', teamKey: 'IDLE', due: day(5), order: 1 },
          { key: 'E-1', teamKey: 'EMPTY', due: day(5), order: 1 },
          { key: 'B-1', teamKey: 'B', due: day(5), order: 1 },
          { key: 'B-2', teamKey: 'B', due: day(5), order: 2 },
        ],
        dependencies: [{ key: 'D', providerKey: 'I-1', consumerKey: 'B-1' }],
      }),
    );
    expect(r.items.map((i) => [i.key, i.probability, i.p85Date])).toEqual([
      ['I-1', 0, null],
      ['E-1', 0, null],
      ['B-1', 0, null],
      ['B-2', 1, day(0)],
    ]);
    expect(r.provenance.teams).toEqual([
      { key: 'IDLE', samples: 2, meanPerDay: 0 },
      { key: 'EMPTY', samples: 0, meanPerDay: null },
      { key: 'B', samples: 1, meanPerDay: 1 },
    ]);
  });

  it('business days: nothing is done on a weekend', () => {
    const friday = Date.parse('2026-01-09T00:00:00Z');
    const r = simulatePlan(
      plan({
        start: friday,
        dayKind: 'business',
        teams: [{ key: 'A', samples: [1] }],
        items: [
          { key: 'A-1', teamKey: 'A', due: friday, order: 1 },
          { key: 'A-2', teamKey: 'A', due: friday + 2 * MS_PER_DAY, order: 2 },
        ],
        trials: 10,
      }),
    );
    expect(r.items.map((i) => [i.probability, i.p85Date])).toEqual([
      [1, friday],
      [0, friday + 3 * MS_PER_DAY],
    ]);
  });

  it('groups: keys that are not planned items are left out and listed; a group with none has no odds', () => {
    const r = simulatePlan(
      plan({
        teams: [{ key: 'A', samples: [1] }],
        items: [{ key: 'A-1', teamKey: 'A', due: day(0), order: 1 }],
        features: [{ key: 'F', itemKeys: ['A-1', 'NOT-PLANNED'] }],
        objectives: [{ key: 'O', itemKeys: ['NOWHERE'] }],
        trials: 10,
      }),
    );
    expect(r.features[0]).toMatchObject({ probability: 1, missingItemKeys: ['NOT-PLANNED'] });
    expect(r.objectives[0]).toMatchObject({ probability: null, p85Date: null, dependencyCost: null, suggestUncommitted: false, missingItemKeys: ['NOWHERE'] });
  });

  it('work due before the start that is not done is late; done work is in time whatever its due', () => {
    const r = simulatePlan(
      plan({
        teams: [{ key: 'A', samples: [5] }],
        items: [
          { key: 'OLD', teamKey: 'A', due: day(-3), order: 1 },
          { key: 'DONE', teamKey: 'A', due: day(-3), order: 2, done: true },
        ],
        trials: 10,
      }),
    );
    expect(r.items.map((i) => i.probability)).toEqual([0, 1]);
  });

  it('refuses what cannot be simulated, saying which item or team', () => {
    const teams = [{ key: 'A', samples: [1] }];
    expect(() => simulatePlan(plan({ teams, items: [{ key: 'X', teamKey: 'Q', due: day(0), order: 1 }] }))).toThrow('Item "X" belongs to team "Q", which is not among the plan simulation\'s teams.');
    expect(() => simulatePlan(plan({ teams, items: [{ key: 'X', teamKey: 'A', due: day(0), order: 1 }, { key: 'X', teamKey: 'A', due: day(0), order: 2 }] }))).toThrow('Item "X" is listed twice');
    expect(() => simulatePlan(plan({ teams, items: [{ key: 'X', teamKey: 'A', due: day(0), order: 1, size: 0 }] }))).toThrow(/size 0; a size is a positive number/);
    expect(() => simulatePlan(plan({ teams: [...teams, ...teams] }))).toThrow('Team "A" is listed twice');
    expect(() => simulatePlan(plan({ teams, trials: 0 }))).toThrow(/trials must be a whole number/);
    expect(() => simulatePlan(plan({ teams, uncommitBelow: 1.5 }))).toThrow(/probability from 0 to 1/);
    expect(() => simulatePlan(plan({ teams: [{ key: 'A', samples: [1, 0.5] }] }))).toThrow('Team "A" has daily throughput sample 0.5; a sample is a whole number of items');
    expect(() => simulatePlan(plan({ teams: [{ key: 'A', samples: [-1] }] }))).toThrow(/sample -1/);
  });
});
