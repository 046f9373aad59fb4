import { z } from 'zod';
import { CalendarDate, UtcTimestamp } from '../domain/date-schemas';
import { DEPENDENCY_KINDS, DEPENDENCY_STATES } from './dependency-state';

// The program board as it crosses the contract. Days are calendar dates with both ends included,
// as planners write them ("Iteration 1: 2026-01-05 – 2026-01-16").

export const CapacityUnitSchema = z.enum(['items', 'points']);

export const IterationView = z.object({
  id: z.number().int(),
  name: z.string(),
  start: CalendarDate,
  end: CalendarDate,
  /** Null: the increment's shared cadence (a board column); otherwise that team's own sprint. */
  teamKey: z.string().nullable(),
  /** The board column it is drawn in (a team's sprint sits in the shared iteration holding its last day). */
  columnId: z.number().int().nullable(),
});
export type IterationView = z.infer<typeof IterationView>;

export const IncrementView = z.object({
  id: z.number().int(),
  name: z.string(),
  start: CalendarDate,
  end: CalendarDate,
  capacityUnit: CapacityUnitSchema,
  iterations: z.array(IterationView),
});
export type IncrementView = z.infer<typeof IncrementView>;

export const BoardCard = z.object({
  key: z.string(),
  title: z.string(),
  type: z.string(),
  size: z.number().nullable(),
  /** The iteration it is planned in (a team's own sprint when the team runs its own cadence). */
  iterationId: z.number().int(),
  iterationName: z.string(),
  done: z.boolean(),
  /** Created in Interlock (not in the tracker): it may be edited and deleted here. */
  local: z.boolean(),
});
export type BoardCard = z.infer<typeof BoardCard>;

export const BoardCell = z.object({
  teamKey: z.string(),
  columnId: z.number().int(),
  cards: z.array(BoardCard),
  load: z.number(),
  capacity: z.number().nullable(),
  over: z.boolean(),
  /** The team's own sprints in this column, each with its capacity: the cell's capacity is their sum (and the column's own, if any). */
  sprints: z.array(z.object({ iterationId: z.number().int(), name: z.string(), capacity: z.number().nullable() })).optional(),
});
export type BoardCell = z.infer<typeof BoardCell>;

const DependencyEnd = z.object({
  itemKey: z.string(),
  teamKey: z.string().nullable(),
  /** The board column it sits in; null for a provider that is not on the board. */
  columnId: z.number().int().nullable(),
  iterationName: z.string().nullable(),
});

export const BoardDependency = z.object({
  key: z.string(),
  consumer: DependencyEnd,
  /**
   * `itemKey` null: the dependency names the provider's team alone, no item yet ("needs something
   * from Pricing"); `teamKey` is then that team, and the dependency is unplanned until resolved.
   * `cancelled`: its item was cancelled (Won't Do): not done, and it will not come (dependency-state.ts says so).
   * `teamName`: its team's name (null without a team), which the board's rows do not give for a team
   * with nothing on the board.
   */
  provider: DependencyEnd.extend({ itemKey: z.string().nullable(), teamName: z.string().nullable(), done: z.boolean(), cancelled: z.boolean() }),
  state: z.enum(DEPENDENCY_STATES),
  /** When the consumer needs it: the stated need date, else the start of the consumer's iteration. */
  needAt: CalendarDate,
  /** The need date as stated; null when none is (needAt then follows the consumer's iteration). */
  neededBy: CalendarDate.nullable(),
  createdAt: UtcTimestamp,
  local: z.boolean(),
});
export type BoardDependency = z.infer<typeof BoardDependency>;

export const BoardObjective = z.object({
  key: z.string(),
  title: z.string(),
  level: z.enum(['portfolio', 'program', 'team']),
  teamKeys: z.array(z.string()),
  businessValue: z.number().int().nullable(),
  actualValue: z.number().nullable(),
  committed: z.boolean(),
  parentKey: z.string().nullable(),
  itemKeys: z.array(z.string()),
  /** Of `itemKeys`, those planned in this increment. */
  plannedItemKeys: z.array(z.string()),
});
export type BoardObjective = z.infer<typeof BoardObjective>;

export const TeamPredictability = z.object({
  teamKey: z.string(),
  /** Σ actual ÷ Σ planned business value of committed objectives; null until every committed one is scored. */
  value: z.number().nullable(),
  plannedValue: z.number(),
  actualValue: z.number(),
  committed: z.number().int(),
  scored: z.number().int(),
});

export const Predictability = z.object({
  increment: z.number().nullable(),
  teams: z.array(TeamPredictability),
  /** How many teams fall in each band: a distribution, never a ranking. */
  bands: z.array(z.object({ label: z.string(), from: z.number(), to: z.number().nullable(), teams: z.number().int() })),
  unscoredTeams: z.number().int(),
});
export type Predictability = z.infer<typeof Predictability>;

export const LINT_RULES = ['objective-without-work', 'last-iteration-bunching', 'over-capacity', 'long-chain', 'dependency-cycle', 'need-date-outside-increment', 'unsized-work'] as const;
export const LintFinding = z.object({
  rule: z.enum(LINT_RULES),
  message: z.string(),
  teamKey: z.string().nullable(),
  itemKeys: z.array(z.string()),
  objectiveKey: z.string().nullable(),
});
export type LintFinding = z.infer<typeof LintFinding>;

export const Board = z.object({
  increment: IncrementView,
  columns: z.array(IterationView),
  teams: z.array(z.object({ key: z.string(), name: z.string(), group: z.string() })),
  cells: z.array(BoardCell),
  /** `columnId`: where it is drawn; `outside`: its day is before or after that column's days (in a gap, or beyond the first or last), see milestonePlace. */
  milestones: z.array(z.object({ id: z.number().int(), name: z.string(), date: CalendarDate, teamKey: z.string().nullable(), columnId: z.number().int().nullable(), outside: z.enum(['before', 'after']).nullable() })),
  dependencies: z.array(BoardDependency),
  /** Per kind: the states, with a cancelled provider's dependencies counted apart from the unplanned (dependency-state.ts). */
  dependencyCounts: z.record(z.enum(DEPENDENCY_KINDS), z.number().int()),
  objectives: z.array(BoardObjective),
  predictability: Predictability,
  lint: z.array(LintFinding),
});
export type Board = z.infer<typeof Board>;
