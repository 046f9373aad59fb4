import { MS_PER_DAY } from '../domain/time';
import { utcDayStart } from '../metrics/utc-calendar';
import { countsAsDay, type DayKind } from './forecast-calendar';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS, seededGenerator, seededStream } from './monte-carlo';
import { planStructure, type IgnoredReason, type PlanStructure } from './plan-structure';
import { dayOfRank, PlanTally, type PlanTallyCounts } from './plan-tally';
import { nextCountedDays, RunWithDependencies, TrialDraws } from './plan-trial';
import { oddsWithoutDependencies, unaffectedByDependencies } from './plan-without-dependencies';

// Plan confidence: the odds that each planned item, feature and objective is done by the end of its
// iteration, simulating every team's queue inside the same trial. Per-team percentiles are never
// combined: two independent teams that each make it 85 % of the time make it together only ~72 %
// of the time, and a consumer that must wait for a provider inherits the provider's lateness.
//
// One trial, day by day from `start` (weekends skipped with business days):
// - each team draws that day's throughput from its own samples;
// - the team spends it on its queue in plan order: the first unfinished item it may work on takes
//   what it needs (its size, 1 by default), what is left goes to the next one, and so on;
// - an item may be worked on from the day after its last provider finished; until then the team
//   passes over it to the next item in its queue, and comes back to it first once it is free;
// - a feature or objective finishes when the last of its items does.
// The odds with every dependency ignored are computed exactly (plan-without-dependencies.ts), not
// simulated; where the dependencies cannot change anything they are the simulated odds themselves.

export interface PlanTeamThroughput {
  readonly key: string;
  /** Daily throughput samples (items done per counted day), e.g. the team's last 84 days. Empty: a team that finishes nothing. */
  readonly samples: ArrayLike<number>;
}

export interface PlanSimulationItem {
  readonly key: string;
  readonly teamKey: string;
  /** 00:00 UTC of the last day of its planned iteration: done "in time" if finished that day or before. */
  readonly due: number;
  /** Place in its team's queue: lower goes first (e.g. iteration order, then rank); ties keep input order. */
  readonly order: number;
  /** How many throughput units (items) it takes; 1 when absent. Give it only in items, never in points. */
  readonly size?: number | null | undefined;
  /** Already done: finished before the start, never late. */
  readonly done?: boolean | undefined;
}

export interface PlanSimulationDependency {
  readonly key: string;
  /** The item that delivers. */
  readonly providerKey: string;
  /** The item that waits: it starts no earlier than the day after the provider finishes. */
  readonly consumerKey: string;
  /** 00:00 UTC of the day the consumer needs it (the provider is on time if it finishes on an earlier day); the consumer's due day when absent. */
  readonly needBy?: number | null | undefined;
}

export interface PlanSimulationGroup {
  readonly key: string;
  /** Its planned items; keys not among `items` are left out and listed in the result. */
  readonly itemKeys: readonly string[];
  /** 00:00 UTC of the day it is due; the latest due of its items when absent. */
  readonly due?: number | null | undefined;
}

export interface PlanSimulationObjective extends PlanSimulationGroup {
  /** Committed (true when absent) or uncommitted (a stretch objective: never suggested). */
  readonly committed?: boolean | undefined;
}

export interface PlanSimulationInput {
  /** 00:00 UTC of the first simulated day, e.g. the day after the data's last day. */
  readonly start: number;
  readonly teams: readonly PlanTeamThroughput[];
  readonly items: readonly PlanSimulationItem[];
  readonly dependencies: readonly PlanSimulationDependency[];
  /** Features spanning several teams' items (or any other group of items). */
  readonly features: readonly PlanSimulationGroup[];
  readonly objectives: readonly PlanSimulationObjective[];
  /** Default 10,000. */
  readonly trials?: number | undefined;
  /** Default 1. */
  readonly seed?: number | undefined;
  /** Calendar days (default) or Monday to Friday; the samples must have been taken the same way. */
  readonly dayKind?: DayKind | undefined;
  /** A committed objective whose probability is below this is suggested as uncommitted. Default 0.7. */
  readonly uncommitBelow?: number | undefined;
  /** Calendar days simulated at most; work not finished by then counts as "not within". Default 730. */
  readonly maxDays?: number | undefined;
}

export interface PlanOdds {
  readonly key: string;
  /** 00:00 UTC of the day it is due. */
  readonly due: number;
  /** Share of trials in which it was finished by the end of its due day; null for a group without items. */
  readonly probability: number | null;
  /** 00:00 UTC of the day by which 85 % of trials had finished it; null when fewer did within maxDays. */
  readonly p85Date: number | null;
  /** The same probability with every dependency ignored (computed exactly; the simulated one where no dependency can change it). */
  readonly probabilityWithoutDependencies: number | null;
  /** probabilityWithoutDependencies − probability: what waiting on providers costs. Can be slightly negative (see docs/FORECAST.md). */
  readonly dependencyCost: number | null;
  /** The dependency it was last waiting on in the largest share of the trials in which it was late (docs/FORECAST.md); null when it never waited late. */
  readonly costliestDependency: { readonly key: string; readonly lateShare: number } | null;
}

export interface PlanGroupOdds extends PlanOdds {
  /** Item keys of the group that are not planned items of the input: left out of its odds. */
  readonly missingItemKeys: readonly string[];
}

export interface PlanObjectiveOdds extends PlanGroupOdds {
  readonly committed: boolean;
  /** Committed, and its probability is below the threshold: worth proposing as uncommitted. Never applied here. */
  readonly suggestUncommitted: boolean;
}

export interface PlanDependencyOdds {
  readonly key: string;
  readonly providerKey: string;
  readonly consumerKey: string;
  /** 00:00 UTC of the day the consumer needs it. */
  readonly needBy: number;
  /** Share of trials in which the provider finished before that day (for colouring the line). */
  readonly onTimeProbability: number;
}

export interface PlanSimulationResult {
  readonly items: readonly PlanOdds[];
  readonly features: readonly PlanGroupOdds[];
  readonly objectives: readonly PlanObjectiveOdds[];
  readonly dependencies: readonly PlanDependencyOdds[];
  /** Keys of the committed objectives below the threshold, in input order. */
  readonly suggestedUncommitted: readonly string[];
  /** Dependencies left out of the simulation and why. */
  readonly ignoredDependencies: readonly { readonly key: string; readonly reason: IgnoredReason }[];
  readonly provenance: {
    readonly trials: number;
    readonly seed: number;
    readonly start: number;
    readonly dayKind: DayKind;
    readonly maxDays: number;
    readonly uncommitBelow: number;
    readonly teams: readonly { readonly key: string; readonly samples: number; readonly meanPerDay: number | null }[];
  };
}

export const DEFAULT_UNCOMMIT_BELOW = 0.7;
export const DEFAULT_PLAN_MAX_DAYS = 730;
export const MAX_PLAN_DAYS = 1830;

/** The checked options and the plan's arrays, shared by every block of trials and by the result. */
export interface PreparedPlanSimulation {
  readonly input: PlanSimulationInput;
  readonly trials: number;
  readonly seed: number;
  readonly dayKind: DayKind;
  readonly uncommitBelow: number;
  readonly maxDays: number;
  readonly start: number;
  readonly plan: PlanStructure;
  readonly countedDay: Uint8Array;
}

/**
 * Trials run in blocks of this many, each block on its own random stream (seededStream(seed,
 * block)): the answer is then the same whether the blocks run one after the other or spread over
 * threads.
 */
export const PLAN_TRIALS_PER_BLOCK = 500;

export function planBlockCount(trials: number): number {
  return Math.ceil(trials / PLAN_TRIALS_PER_BLOCK);
}

export function preparePlanSimulation(input: PlanSimulationInput): PreparedPlanSimulation {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const seed = input.seed ?? DEFAULT_SEED;
  const dayKind = input.dayKind ?? 'calendar';
  const uncommitBelow = input.uncommitBelow ?? DEFAULT_UNCOMMIT_BELOW;
  const maxDays = input.maxDays ?? DEFAULT_PLAN_MAX_DAYS;
  if (!(Number.isInteger(trials) && trials >= 1 && trials <= MAX_TRIALS)) throw new RangeError(`trials must be a whole number from 1 to ${MAX_TRIALS}, got ${trials}`);
  if (!(Number.isInteger(maxDays) && maxDays >= 1 && maxDays <= MAX_PLAN_DAYS)) throw new RangeError(`maxDays must be a whole number from 1 to ${MAX_PLAN_DAYS}, got ${maxDays}`);
  if (!(uncommitBelow >= 0 && uncommitBelow <= 1)) throw new RangeError(`uncommitBelow is a probability from 0 to 1, got ${uncommitBelow}`);
  seededGenerator(seed); // refuses a seed out of range here, before any block (or thread) starts
  const start = utcDayStart(input.start);
  const plan = planStructure(input, start);
  const countedDay = Uint8Array.from({ length: maxDays }, (_, d) => (countsAsDay(start + d * MS_PER_DAY, dayKind) ? 1 : 0));
  return { input, trials, seed, dayKind, uncommitBelow, maxDays, start, plan, countedDay };
}

/** Runs the blocks [fromBlock, toBlock) of the simulation's trials and returns what they add up to. */
export function simulatePlanBlocks(prepared: PreparedPlanSimulation, fromBlock: number, toBlock: number): PlanTallyCounts {
  const { plan, countedDay, maxDays, trials, seed } = prepared;
  const next = nextCountedDays(countedDay);
  const withDeps = new RunWithDependencies(plan);
  const tally = new PlanTally(plan, maxDays);
  for (let block = fromBlock; block < toBlock; block++) {
    const draws = new TrialDraws(plan.samples, countedDay, seededStream(seed, block));
    const last = Math.min(trials, (block + 1) * PLAN_TRIALS_PER_BLOCK);
    for (let trial = block * PLAN_TRIALS_PER_BLOCK; trial < last; trial++) {
      draws.nextTrial();
      withDeps.run(countedDay, next, draws);
      tally.add(withDeps.finish, withDeps.binding, withDeps.waited);
    }
  }
  tally.flush();
  return tally;
}

/**
 * The odds of every planned item, feature and objective, and of every dependency line. Pure: the
 * same input gives the same result bit for bit.
 */
export function simulatePlan(input: PlanSimulationInput): PlanSimulationResult {
  const prepared = preparePlanSimulation(input);
  return planSimulationResult(prepared, simulatePlanBlocks(prepared, 0, planBlockCount(prepared.trials)));
}

/** The result from the counts of all the trials. */
export function planSimulationResult(prepared: PreparedPlanSimulation, counts: PlanTallyCounts): PlanSimulationResult {
  const { input, trials, seed, dayKind, uncommitBelow, maxDays, start, plan, countedDay } = prepared;
  if (counts.trials !== trials) throw new RangeError(`The counts hold ${counts.trials} trials, not the ${trials} asked for.`);
  const { n, groups, depKeys } = plan;
  const { onTime, itemBlame, groupBlame, depOnTime } = counts;
  const exactWithout = oddsWithoutDependencies(plan, countedDay);
  const unaffected = unaffectedByDependencies(plan);
  const late = (entity: number) => trials - onTime[entity]!;
  const groupBlameBase = new Int32Array(groups.length);
  for (let k = 1; k < groups.length; k++) groupBlameBase[k] = groupBlameBase[k - 1]! + groups[k - 1]!.blameSize;

  const p85Rank = Math.ceil((85 * trials) / 100);
  const odds = (entity: number, key: string, due: number, costliest: { dep: number; trials: number } | null, empty: boolean): PlanOdds => {
    if (empty) return { key, due, probability: null, p85Date: null, probabilityWithoutDependencies: null, dependencyCost: null, costliestDependency: null };
    const p85Day = dayOfRank(counts, maxDays, entity, p85Rank);
    const probability = onTime[entity]! / trials;
    // Where the dependencies cannot change anything, the simulated odds are these odds too (and the cost exactly 0).
    const without = unaffected[entity] ? probability : exactWithout[entity]!;
    return {
      key,
      due,
      probability,
      p85Date: p85Day === null ? null : start + p85Day * MS_PER_DAY,
      probabilityWithoutDependencies: without,
      dependencyCost: without - probability,
      costliestDependency: costliest && { key: depKeys[costliest.dep]!, lateShare: costliest.trials / late(entity) },
    };
  };
  /** The most blamed of an item's incoming dependencies (ties: the first listed), or null when none was. */
  const costliestOf = (item: number, countOf: (dep: number) => number) => {
    let best: { dep: number; trials: number } | null = null;
    for (let j = plan.providersStart[item]!; j < plan.providersStart[item + 1]!; j++) {
      const dep = plan.providersDep[j]!;
      const count = countOf(dep);
      if (count > 0 && (best === null || count > best.trials || (count === best.trials && dep < best.dep))) best = { dep, trials: count };
    }
    return best;
  };

  const items = input.items.map((item, i) => {
    const best = costliestOf(i, (dep) => itemBlame[dep]!);
    return odds(i, item.key, utcDayStart(item.due), best, false);
  });
  const groupOdds = groups.map((g, k) => {
    let best: { dep: number; trials: number } | null = null;
    g.members.forEach((item, j) => {
      const candidate = costliestOf(item, (dep) => groupBlame[groupBlameBase[k]! + g.blameBase[j]! + plan.depSlot[dep]!]!);
      if (candidate && (best === null || candidate.trials > best.trials || (candidate.trials === best.trials && candidate.dep < best.dep))) best = candidate;
    });
    return { ...odds(n + k, g.key, g.due, best, g.members.length === 0), missingItemKeys: g.missing };
  });
  const features = groupOdds.slice(0, input.features.length);
  const objectives = groupOdds.slice(input.features.length).map((g, k) => {
    const committed = input.objectives[k]!.committed ?? true;
    return { ...g, committed, suggestUncommitted: committed && g.probability !== null && g.probability < uncommitBelow };
  });
  return {
    items,
    features,
    objectives,
    dependencies: depKeys.map((key, k) => ({
      key,
      providerKey: input.items[plan.depProvider[k]!]!.key,
      consumerKey: input.items[plan.depConsumer[k]!]!.key,
      needBy: start + plan.depNeedDay[k]! * MS_PER_DAY,
      onTimeProbability: depOnTime[k]! / trials,
    })),
    suggestedUncommitted: objectives.filter((o) => o.suggestUncommitted).map((o) => o.key),
    ignoredDependencies: plan.ignored,
    provenance: {
      trials,
      seed,
      start,
      dayKind,
      maxDays,
      uncommitBelow,
      teams: plan.samples.map((s, t) => ({ key: input.teams[t]!.key, samples: s.length, meanPerDay: s.length === 0 ? null : s.reduce((a, b) => a + b, 0) / s.length })),
    },
  };
}
