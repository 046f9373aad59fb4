import { SeededRandom } from '../../electron/backend/demo/seeded-random';
import { MS_PER_DAY } from '../../shared/domain/time';
import { howManyForecast } from '../../shared/forecast/forecast';
import { drawIndex, seededGenerator } from '../../shared/forecast/monte-carlo';
import { planSimulationThreads } from '../../electron/backend/forecast/plan-simulation-threads';
import { PLAN_TRIALS_PER_BLOCK, simulatePlan } from '../../shared/forecast/plan-simulation';
import type { ThroughputHistory } from '../../shared/forecast/throughput-history';
import { figure, median, type Figure } from '../measure';
import { PLAN_SHAPE, PLAN_START_MS, syntheticPlan } from '../synthetic-plan';

// The two forecast targets, each beside a floor measured in the same run: the random draws
// the simulation cannot do without, made and summed in the plainest loop.
// - How many by a date: 10,000 trials over 90 days for a 50-team scope (< 300 ms).
// - Plan confidence: 2,000 planned items, 1,000 dependencies, 10,000 trials (< 2 s), as the backend
//   runs it: on its simulation threads. The same on one thread is kept in the figure's detail.

const TRIALS = 10_000;
const HOW_MANY_DAYS = 90;
const TEAMS = 50;

/** A 50-team scope's daily throughput over a year: each team about half an item a day, a third of its days zero. */
function fiftyTeamHistory(): ThroughputHistory {
  const random = new SeededRandom(50);
  const days = 365;
  const daily = new Int32Array(days);
  for (let d = 0; d < days; d++) for (let t = 0; t < TEAMS; t++) daily[d]! += random.chance(0.35) ? 0 : random.int(0, 1) + (random.chance(0.15) ? 1 : 0);
  const lastDay = Date.UTC(2026, 10, 15);
  return { daily, firstDay: lastDay - (days - 1) * MS_PER_DAY, lastDay };
}

/** `draws` uniform draws from `samples`, summed: what any simulation of that many team-days must at least do. */
function drawFloor(samples: Int32Array, draws: number): number {
  const rng = seededGenerator(1);
  let total = 0;
  for (let k = 0; k < draws; k++) total += samples[drawIndex(rng, samples.length)]!;
  return total;
}

function timed(run: () => unknown): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

export async function measureForecast(runs: number): Promise<Figure[]> {
  const history = fiftyTeamHistory();
  const by = history.lastDay + HOW_MANY_DAYS * MS_PER_DAY;
  const request = { history: { days: 84 }, trials: TRIALS, seed: 1, dayKind: 'calendar' as const, scope: { teamKeys: null, itemTypes: [] } };
  const samples = history.daily.slice(-84);
  const howMany: number[] = [];
  const howManyFloor: number[] = [];
  for (let i = 0; i < runs; i++) {
    howManyFloor.push(timed(() => drawFloor(samples, TRIALS * HOW_MANY_DAYS)));
    howMany.push(timed(() => howManyForecast(history, by, request)));
  }

  const plan = syntheticPlan();
  const iterationDays = PLAN_SHAPE.iterations * PLAN_SHAPE.iterationDays;
  const planRuns: number[] = [];
  const planFloor: number[] = [];
  const oneThread: number[] = [];
  // What the app runs: the backend's plan-simulation threads (one per core), started once and
  // kept, as the backend keeps them; the first question, which starts them, is measured apart.
  const threads = planSimulationThreads();
  let result: Awaited<ReturnType<typeof threads.simulate>> | null = null;
  let started = performance.now();
  await threads.simulate({ ...plan, trials: PLAN_TRIALS_PER_BLOCK * threads.threads });
  const startup = performance.now() - started;
  for (let i = 0; i < Math.min(runs, 3); i++) {
    planFloor.push(timed(() => drawFloor(Int32Array.from(plan.teams[0]!.samples), TRIALS * PLAN_SHAPE.teams * iterationDays)));
    started = performance.now();
    result = await threads.simulate({ ...plan, trials: TRIALS });
    planRuns.push(performance.now() - started);
    oneThread.push(timed(() => simulatePlan({ ...plan, trials: TRIALS })));
  }
  await threads.close();
  const r = result as ReturnType<typeof simulatePlan> | null;
  return [
    figure({
      id: 'forecast-how-many',
      size: 'M',
      title: `How-many forecast: ${TRIALS.toLocaleString('en-US')} trials × ${HOW_MANY_DAYS} days, ${TEAMS}-team scope (84-day window), median of ${runs}`,
      unit: 'ms',
      value: median(howMany),
      samples: howMany,
      baseline: { what: `${(TRIALS * HOW_MANY_DAYS).toLocaleString('en-US')} plain seeded draws summed`, value: median(howManyFloor) },
      baselineSamples: howManyFloor,
      target: { text: '< 300 ms', maxValue: 300 },
    }),
    figure({
      id: 'forecast-plan-confidence',
      size: 'M',
      title: `Plan confidence: ${plan.items.length.toLocaleString('en-US')} planned items, ${plan.dependencies.length.toLocaleString('en-US')} dependencies, ${PLAN_SHAPE.teams} teams, ${TRIALS.toLocaleString('en-US')} trials with dependencies (and the exact odds without) on ${threads.threads} threads, median of ${planRuns.length}`,
      unit: 'ms',
      value: median(planRuns),
      samples: planRuns,
      baseline: { what: `the plan's team-days drawn alone (${PLAN_SHAPE.teams} teams × ${iterationDays} days × ${TRIALS.toLocaleString('en-US')} trials)`, value: median(planFloor) },
      baselineSamples: planFloor,
      target: { text: '< 2 s', maxValue: 2000 },
      detail: {
        start: new Date(PLAN_START_MS).toISOString().slice(0, 10),
        ignoredDependencies: r?.ignoredDependencies.length ?? null,
        features: plan.features.length,
        objectives: plan.objectives.length,
        threads: threads.threads,
        oneThreadMs: Math.round(median(oneThread)),
        oneThreadSamples: oneThread.map(Math.round),
        threadStartMs: Math.round(startup),
      },
    }),
  ];
}
