import { z } from 'zod';
import { CalendarDate } from '../domain/date-schemas';
import { DAY_KINDS } from './forecast-calendar';
import { PLAN_START_FROM } from './forecast-start';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from './monte-carlo';
import { DEFAULT_HISTORY_DAYS } from './throughput-history';

// Plan confidence as it crosses the contract: the odds of an increment's planned items, features
// (their parents) and objectives, and of each dependency line, with what they were computed from.

export const PlanConfidenceInput = z.object({
  /** The increment's name; left out, the one holding the data's last day, else the latest (as plan.board). */
  increment: z.string().trim().min(1).max(200).optional(),
  windowDays: z.number().int().min(1, 'at least 1 day').max(3660, 'at most 3660 days').default(DEFAULT_HISTORY_DAYS),
  trials: z.number().int().min(1, 'at least 1 trial').max(MAX_TRIALS, `at most ${MAX_TRIALS.toLocaleString('en-US')} trials`).default(DEFAULT_TRIALS),
  seed: z.number().int().min(0, 'a seed is at least 0').max(MAX_SEED, `a seed is at most ${MAX_SEED}`).default(DEFAULT_SEED),
  dayKind: z.enum(DAY_KINDS).default('calendar'),
  /** The first simulated day; by default the day after the data's last day. */
  start: CalendarDate.optional(),
  /** A committed objective below this probability is suggested as uncommitted. */
  uncommitBelow: z.number().min(0, 'a probability from 0 to 1').max(1, 'a probability from 0 to 1').default(0.7),
});
export type PlanConfidenceInput = z.input<typeof PlanConfidenceInput>;

const Probability = z.number().min(0).max(1);

const Odds = z.object({
  key: z.string(),
  /** The last day it is planned to be done on: the end of its iteration (a group: of its last item); null for a group without planned items. */
  due: CalendarDate.nullable(),
  /** Share of trials in which it was done by the end of its due day; null for a group without planned items. */
  probability: Probability.nullable(),
  /** The day by which 85 % of trials had it done; null when fewer did within the simulated two years, for a group without planned items, and for an item done before the start. */
  p85Date: CalendarDate.nullable(),
  /** The same probability with every dependency ignored (computed exactly; the simulated one where no dependency can change it). */
  probabilityWithoutDependencies: Probability.nullable(),
  /** probabilityWithoutDependencies − probability: what waiting on providers costs it. */
  dependencyCost: z.number().nullable(),
  /** The dependency it was last waiting on in the largest share of the trials in which it was late (docs/FORECAST.md). */
  costliestDependency: z.object({ key: z.string(), lateShare: Probability }).nullable(),
});

export const PlanItemOdds = Odds.extend({ title: z.string(), teamKey: z.string(), iterationName: z.string(), done: z.boolean() });
export type PlanItemOdds = z.infer<typeof PlanItemOdds>;

export const PlanFeatureOdds = Odds.extend({ title: z.string(), teamKeys: z.array(z.string()), itemKeys: z.array(z.string()) });
export type PlanFeatureOdds = z.infer<typeof PlanFeatureOdds>;

export const PlanObjectiveOdds = Odds.extend({
  title: z.string(),
  teamKeys: z.array(z.string()),
  committed: z.boolean(),
  /** Committed and below the threshold: worth proposing as uncommitted. Nothing is changed. */
  suggestUncommitted: z.boolean(),
  /** Linked items not planned in this increment: left out of its odds. */
  unplannedItemKeys: z.array(z.string()),
});
export type PlanObjectiveOdds = z.infer<typeof PlanObjectiveOdds>;

export const PlanDependencyOdds = z.object({
  key: z.string(),
  providerKey: z.string(),
  consumerKey: z.string(),
  /** The day the consumer needs it: the stated need date, else the first day of the consumer's iteration. */
  needBy: CalendarDate,
  /** Share of trials in which the provider was done before that day. */
  onTimeProbability: Probability,
});
export type PlanDependencyOdds = z.infer<typeof PlanDependencyOdds>;

export const PlanTeamOdds = z.object({
  key: z.string(),
  /** Days sampled from the team's history and their mean throughput (null: no day sampled). */
  samples: z.number().int().nonnegative(),
  meanPerDay: z.number().nullable(),
  plannedItems: z.number().int().nonnegative(),
  /** Share of trials in which every item the team planned in the increment was done by the increment's last day; null without planned items. */
  allPlannedDone: Probability.nullable(),
  /** Mean probability of the team's committed objectives: the share of them it can expect to meet; null without any. */
  expectedCommittedMet: Probability.nullable(),
});
export type PlanTeamOdds = z.infer<typeof PlanTeamOdds>;

export const PlanConfidence = z.object({
  increment: z.object({ name: z.string(), start: CalendarDate, end: CalendarDate }),
  /** The whole increment: every planned item done by its last day; and the expected share of committed objectives met. */
  allPlannedDone: Probability.nullable(),
  expectedCommittedMet: Probability.nullable(),
  items: z.array(PlanItemOdds),
  features: z.array(PlanFeatureOdds),
  objectives: z.array(PlanObjectiveOdds),
  dependencies: z.array(PlanDependencyOdds),
  teams: z.array(PlanTeamOdds),
  /** Keys of the committed objectives below the threshold. */
  suggestedUncommitted: z.array(z.string()),
  /** Dependencies left out of the simulation, and why. */
  ignoredDependencies: z.array(z.object({ key: z.string(), reason: z.enum(['unknown-item', 'self', 'cycle', 'provider-not-planned', 'provider-cancelled']) })),
  provenance: z.object({
    window: z.object({ from: CalendarDate, to: CalendarDate, days: z.number().int().nonnegative() }),
    trials: z.number().int().positive(),
    seed: z.number().int().nonnegative(),
    start: CalendarDate,
    /** Why the simulation starts there: the day after the data, the increment's first day (it starts later), or the start given. */
    startFrom: z.enum(PLAN_START_FROM),
    dayKind: z.enum(DAY_KINDS),
    uncommitBelow: Probability,
    dataLastDay: CalendarDate,
  }),
});
export type PlanConfidence = z.infer<typeof PlanConfidence>;
