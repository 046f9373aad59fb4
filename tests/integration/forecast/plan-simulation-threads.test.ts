import { afterEach, describe, expect, it } from 'vitest';
import { planSimulationThreads, type PlanSimulationThreads } from '../../../electron/backend/forecast/plan-simulation-threads';
import { PLAN_TRIALS_PER_BLOCK, simulatePlan, type PlanSimulationInput } from '../../../shared/forecast/plan-simulation';

// The plan simulation's blocks of trials on real worker threads: the answer must be the one
// simulatePlan gives on one thread, bit for bit, and bad input must come back as the same refusal.

const DAY = 86_400_000;
const START = Date.UTC(2026, 3, 15);

function input(trials: number): PlanSimulationInput {
  const teams = ['A', 'B', 'C'].map((key, t) => ({ key, samples: [0, 1, 1, 2, t % 2, 0, 1] }));
  const items = teams.flatMap((team, t) => Array.from({ length: 6 }, (_, k) => ({ key: `${team.key}-${k}`, teamKey: team.key, due: START + (3 + 2 * k + t) * DAY, order: k })));
  return {
    start: START,
    teams,
    items,
    dependencies: [
      { key: 'D-1', providerKey: 'A-1', consumerKey: 'B-2' },
      { key: 'D-2', providerKey: 'B-3', consumerKey: 'C-1' },
      { key: 'D-3', providerKey: 'C-0', consumerKey: 'A-4' },
    ],
    features: [{ key: 'F', itemKeys: ['A-2', 'B-2', 'C-2'] }],
    objectives: [{ key: 'O', itemKeys: ['A-4', 'C-1'] }],
    trials,
    seed: 7,
  };
}

let pool: PlanSimulationThreads | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

describe('plan simulation on worker threads', () => {
  it('gives simulatePlan’s answer bit for bit on 2 and 3 threads', async () => {
    const question = input(5 * PLAN_TRIALS_PER_BLOCK + 11);
    const expected = simulatePlan(question);
    for (const threads of [2, 3]) {
      pool = planSimulationThreads(threads);
      expect(await pool.simulate(question)).toEqual(expected);
      // Threads are kept for the next question.
      expect(await pool.simulate(question)).toEqual(expected);
      await pool.close();
    }
  });
});

describe('edge cases', () => {
  it('refuses bad input with simulatePlan’s message, before any thread starts', async () => {
    pool = planSimulationThreads(2);
    const bad = { ...input(1000), items: [{ key: 'X', teamKey: 'Q', due: START, order: 1 }] };
    await expect(pool.simulate(bad)).rejects.toThrow('Item "X" belongs to team "Q"');
  });

  it('one block, or one thread, runs where it is asked (no thread needed)', async () => {
    pool = planSimulationThreads(1);
    expect(await pool.simulate(input(300))).toEqual(simulatePlan(input(300)));
  });
});
