import { z } from 'zod';
import { ITEM_TYPES, OBJECTIVE_LEVELS, STATUS_CATEGORIES } from './vocabulary';
import { UtcTimestamp } from './date-schemas';

/** A stable identifier from the source system (issue key, team key…): trimmed, non-empty, bounded. */
export const Key = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export type Key = z.infer<typeof Key>;

const Name = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

export const ItemType = z.enum(ITEM_TYPES);
export const StatusCategory = z.enum(STATUS_CATEGORIES);
export const ObjectiveLevel = z.enum(OBJECTIVE_LEVELS);

export const Team = z.object({
  key: Key,
  name: Name,
  valueStream: Name.nullable(),
});
export type Team = z.infer<typeof Team>;

export const WorkItem = z.object({
  key: Key,
  title: z.string().max(2000),
  type: ItemType,
  teamKey: Key.nullable(),
  /** The status name as the source system spells it. */
  status: Name,
  statusCategory: StatusCategory,
  createdAt: UtcTimestamp,
  /** First entry into an active status; null when the item never started. */
  firstActiveAt: UtcTimestamp.nullable(),
  /** Last entry into done (or cancelled); null while the item is open. */
  doneAt: UtcTimestamp.nullable(),
  /** Parent or epic key. */
  parentKey: Key.nullable(),
  objectiveKeys: z.array(Key),
});
export type WorkItem = z.infer<typeof WorkItem>;

export const StatusTransition = z.object({
  itemKey: Key,
  fromStatus: Name.nullable(),
  toStatus: Name,
  at: UtcTimestamp,
});
export type StatusTransition = z.infer<typeof StatusTransition>;

/**
 * "from" depends on "to": the from side waits until the to side delivers.
 * (A Jira "A blocks B" link is a Dependency from B to A.)
 */
export const Dependency = z.object({
  key: Key,
  fromItemKey: Key.nullable(),
  fromTeamKey: Key.nullable(),
  toItemKey: Key.nullable(),
  toTeamKey: Key.nullable(),
  kind: Name,
  /** The declared interface or contract the dependency goes through, when there is one. */
  interfaceName: Name.nullable(),
  createdAt: UtcTimestamp,
  neededBy: UtcTimestamp.nullable(),
  resolvedAt: UtcTimestamp.nullable(),
});
export type Dependency = z.infer<typeof Dependency>;

export const Deployment = z
  .object({
    key: Key,
    teamKey: Key.nullable(),
    service: Name.nullable(),
    at: UtcTimestamp,
    succeeded: z.boolean(),
    /** Earliest commit or merge time of the changes it shipped, when the data has it (DORA lead time for changes). */
    changeAt: UtcTimestamp.nullable(),
    /** The release or train it belonged to, when known. */
    release: Name.nullable(),
    /** Work items it shipped, when known (joint integration between teams). */
    itemKeys: z.array(Key),
  })
  .refine((d) => d.teamKey !== null || d.service !== null, { message: 'a deployment needs a team or a service' });
export type Deployment = z.infer<typeof Deployment>;

export const Incident = z
  .object({
    key: Key,
    teamKey: Key.nullable(),
    service: Name.nullable(),
    openedAt: UtcTimestamp,
    resolvedAt: UtcTimestamp.nullable(),
    /** The deployment that caused it, when the data says so or the user attributed it. */
    causedByDeploymentKey: Key.nullable(),
  })
  .refine((i) => i.teamKey !== null || i.service !== null, { message: 'an incident needs a team or a service' });
export type Incident = z.infer<typeof Incident>;

export const Objective = z.object({
  key: Key,
  title: Name,
  level: ObjectiveLevel,
  parentKey: Key.nullable(),
  teamKeys: z.array(Key),
});
export type Objective = z.infer<typeof Objective>;

/** Everything a workspace holds about the teams' delivery, as one bundle (the JSON import format and the demo). */
export const Portfolio = z.object({
  teams: z.array(Team),
  items: z.array(WorkItem),
  transitions: z.array(StatusTransition),
  dependencies: z.array(Dependency),
  deployments: z.array(Deployment),
  incidents: z.array(Incident),
  objectives: z.array(Objective),
});
export type Portfolio = z.infer<typeof Portfolio>;

/** Row counts per entity, the same names everywhere (overview, CLI, import summaries). */
export const EntityCounts = z.object({
  teams: z.number().int().nonnegative(),
  items: z.number().int().nonnegative(),
  transitions: z.number().int().nonnegative(),
  dependencies: z.number().int().nonnegative(),
  deployments: z.number().int().nonnegative(),
  incidents: z.number().int().nonnegative(),
  objectives: z.number().int().nonnegative(),
  /** Planning rows: increments, iterations, capacity, milestones and planned items. */
  plans: z.number().int().nonnegative(),
  /** ROAM risks (docs/RISKS.md). */
  risks: z.number().int().nonnegative(),
  /** Releases as the tracker names them (Jira's Fix Version/s). */
  releases: z.number().int().nonnegative(),
});
export type EntityCounts = z.infer<typeof EntityCounts>;
