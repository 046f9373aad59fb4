import { SeededRandom } from '../electron/backend/demo/seeded-random';
import type { PlanSimulationInput } from '../shared/forecast/plan-simulation';

// The plan-confidence benchmark's input: a Program Increment of five two-week iterations for 100
// teams, 20 planned items each (2,000), 1,000 cross-team dependencies from an item to one in the
// same or a later iteration of another team, 400 features of 2–4 teams' items in one iteration,
// and 150 objectives of 3–8 items. Each team's 84 days of history average about half an item a
// day, a third of them zero days. Deterministic: the same seed gives the same plan.

export const PLAN_SHAPE = { teams: 100, itemsPerTeam: 20, iterations: 5, iterationDays: 14, dependencies: 1000, features: 400, objectives: 150, historyDays: 84 } as const;
const DAY_MS = 86_400_000;
export const PLAN_START_MS = Date.UTC(2026, 10, 16);

export function syntheticPlan(seed = 16): PlanSimulationInput {
  const random = new SeededRandom(seed);
  const { teams: teamCount, itemsPerTeam, iterations, iterationDays } = PLAN_SHAPE;
  const teams = Array.from({ length: teamCount }, (_, t) => ({
    key: `T${t + 1}`,
    samples: Array.from({ length: PLAN_SHAPE.historyDays }, () => (random.chance(0.35) ? 0 : random.int(0, 1) + (random.chance(0.15) ? 1 : 0))),
  }));
  const iterationOf: number[] = [];
  const items = teams.flatMap((team) =>
    Array.from({ length: itemsPerTeam }, (_, k) => {
      const iteration = Math.min(iterations - 1, Math.floor((k * iterations) / itemsPerTeam));
      iterationOf.push(iteration);
      return { key: `${team.key}-${k + 1}`, teamKey: team.key, due: PLAN_START_MS + ((iteration + 1) * iterationDays - 1) * DAY_MS, order: k, size: random.chance(0.1) ? 2 : 1 };
    }),
  );
  const itemAt = (team: number, iteration: number) => team * itemsPerTeam + Math.floor(((iteration + random.next()) * itemsPerTeam) / iterations);
  const dependencies = Array.from({ length: PLAN_SHAPE.dependencies }, (_, d) => {
    const providerTeam = random.int(0, teamCount - 1);
    const consumerTeam = (providerTeam + random.int(1, teamCount - 1)) % teamCount;
    const providerIteration = random.int(0, iterations - 1);
    const consumerIteration = Math.min(iterations - 1, providerIteration + random.int(0, 1));
    return { key: `DEP-${d + 1}`, providerKey: items[itemAt(providerTeam, providerIteration)]!.key, consumerKey: items[itemAt(consumerTeam, consumerIteration)]!.key };
  });
  const features = Array.from({ length: PLAN_SHAPE.features }, (_, f) => {
    const iteration = random.int(0, iterations - 1);
    const first = random.int(0, teamCount - 1);
    const spread = random.int(2, 4);
    return { key: `FEAT-${f + 1}`, itemKeys: Array.from({ length: spread }, (_, s) => items[itemAt((first + s) % teamCount, iteration)]!.key) };
  });
  const objectives = Array.from({ length: PLAN_SHAPE.objectives }, (_, o) => {
    const team = random.int(0, teamCount - 1);
    return { key: `OBJ-${o + 1}`, itemKeys: Array.from({ length: random.int(3, 8) }, () => items[itemAt(random.chance(0.7) ? team : (team + 1) % teamCount, random.int(0, iterations - 1))]!.key), committed: random.chance(0.8) };
  });
  return { start: PLAN_START_MS, teams, items, dependencies, features, objectives };
}
