import type { Dependency, Deployment, Incident, Objective, StatusTransition, Team, WorkItem } from '../domain/entities';
import { fromEpochMs, fromEpochMsOrNull, toEpochMs, toEpochMsOrNull } from '../domain/time';
import type { ItemType, ObjectiveLevel, StatusCategory } from '../domain/vocabulary';
import type { RiskScope, RiskStatus } from '../risks/risk-schema';

// What mappers produce: the domain entities with instants as epoch milliseconds (no ISO round trip
// on the hot path) and the source line they came from, so that later checks can point at it.

export interface TeamRecord {
  key: string;
  name: string;
  valueStream: string | null;
  line: number | null;
  /** Where a record without a line stands in a JSON file (a bundle's "teams[3]"): messages name it from there. */
  path?: string;
}

export interface ItemRecord {
  key: string;
  title: string;
  type: ItemType;
  teamKey: string | null;
  status: string;
  createdAt: number;
  firstActiveAt: number | null;
  doneAt: number | null;
  parentKey: string | null;
  /** Null when the source says nothing about objectives: a re-import then keeps the links there are. */
  objectiveKeys: string[] | null;
  /** Story points or another size; left out or null, a re-import keeps the stored one. */
  size?: number | null;
  /** The sprint the item is in (the last one, when the source lists several); null or left out keeps the stored one. */
  sprint?: string | null;
  /** The releases that ship it (Jira's Fix Version/s); left out or null when the source says nothing, so a re-import keeps the stored ones. */
  releases?: string[] | null;
  /**
   * Fields the source has no column for (a hand-made CSV of keys and statuses): an item the
   * workspace already holds keeps its stored values for them; a new item gets the record's.
   */
  unsaid?: readonly UnsaidItemField[];
  line: number | null;
  /** Where an item without a line stands in a JSON file (a bundle's "items[3]"): messages name it from there. */
  path?: string;
  /**
   * Where an item without a line or a path stands in a JSON file, as a number its file names
   * (RecordSink.jsonPaths): a Jira issue's index among the file's issues. A path per issue would
   * be a string for every one of an export's hundred thousand, for the few a message names.
   */
  position?: number;
  /** Set by the checker: the file of the row, for what is checked once every file is read (its history, its parent). */
  file?: string;
}

export type UnsaidItemField = 'title' | 'teamKey' | 'firstActiveAt' | 'doneAt' | 'parentKey';

export interface TransitionRecord {
  itemKey: string;
  fromStatus: string | null;
  toStatus: string;
  at: number;
  line: number | null;
}

export interface DependencyRecord {
  key: string;
  fromItemKey: string | null;
  fromTeamKey: string | null;
  toItemKey: string | null;
  toTeamKey: string | null;
  kind: string;
  interfaceName: string | null;
  createdAt: number;
  neededBy: number | null;
  resolvedAt: number | null;
  /** When resolvedAt is null: resolved when the item waited on is done (its done date once the import is written). */
  resolvedWhenDone?: boolean;
  line: number | null;
  /** Where a record without a line stands in a JSON file (a bundle's "teams[3]"): messages name it from there. */
  path?: string;
}

export interface DeploymentRecord {
  key: string;
  teamKey: string | null;
  service: string | null;
  at: number;
  succeeded: boolean;
  changeAt: number | null;
  release: string | null;
  itemKeys: string[];
  line: number | null;
  /** Where a record without a line stands in a JSON file (a bundle's "teams[3]"): messages name it from there. */
  path?: string;
}

export interface IncidentRecord {
  key: string;
  teamKey: string | null;
  service: string | null;
  openedAt: number;
  resolvedAt: number | null;
  causedByDeploymentKey: string | null;
  line: number | null;
  /** Where a record without a line stands in a JSON file (a bundle's "teams[3]"): messages name it from there. */
  path?: string;
}

export interface ObjectiveRecord {
  key: string;
  title: string;
  level: ObjectiveLevel;
  parentKey: string | null;
  teamKeys: string[];
  /** Fields the source has no column for: an objective the workspace holds keeps its stored ones. */
  unsaid?: readonly ('parentKey' | 'teamKeys')[];
  /** A PI objective: its increment (by name), business values and commitment. */
  pi?: { increment: string; businessValue: number | null; actualValue: number | null; committed: boolean } | null;
  /** Items linked from the objective's side (the items' own `objectives` column links too). */
  itemKeys?: string[];
  line: number | null;
  /** Where a record without a line stands in a JSON file (a bundle's "teams[3]"): messages name it from there. */
  path?: string;
  /** Set by the checker for objectives whose PI side is written after the planning rows. */
  file?: string;
}

/**
 * A row of a planning template (docs/PLANNING.md): increments and their iterations, capacity,
 * milestones and planned items, all referred to by name or key. `file` is set by the checker so
 * that a refusal at write time can still say where the row came from.
 */
export type PlanningRecord = (
  /** capacityUnit undefined: the file has no such column, and an increment the workspace holds keeps its unit. */
  | { kind: 'increment'; name: string; start: number; end: number; capacityUnit: 'items' | 'points' | undefined }
  | { kind: 'iteration'; increment: string; name: string; start: number; end: number; teamKey: string | null }
  | { kind: 'capacity'; increment: string; iteration: string; teamKey: string; amount: number }
  | { kind: 'milestone'; increment: string; name: string; at: number; teamKey: string | null }
  /** size undefined: the file has no size column, and a planned size the workspace holds stays; null (an empty cell) clears it. */
  | { kind: 'planned'; increment: string; iteration: string; teamKey: string; itemKey: string; size: number | null | undefined }
) & {
  line: number | null;
  file?: string;
  /** Where a row without a line stands in a JSON file ("plan[3]"): refusals name its fields from there. */
  path?: string;
};

/** A planning row without where it came from (what mappers build before adding the line). */
export type PlanningRow = PlanningRecord extends infer R ? (R extends PlanningRecord ? Omit<R, 'line' | 'file' | 'path'> : never) : never;

/**
 * A row of the risks template (docs/RISKS.md). Links left out (null: no such column) keep the ones
 * a risk of that key already has; `file` is set by the checker for the history note.
 */
export interface RiskRecord {
  key: string;
  title: string;
  description: string;
  status: RiskStatus;
  ownerTeamKey: string | null;
  ownerPerson: string | null;
  scope: RiskScope;
  items: string[] | null;
  dependencies: string[] | null;
  objectives: string[] | null;
  line: number | null;
  /** Where a risk without a line stands in a JSON file ("risks[3]"): refusals name its fields from there. */
  path?: string;
  file?: string;
}

/** Sprints with their dates, as Jira's REST answers carry them. */
export interface SprintRecord {
  name: string;
  start: number | null;
  end: number | null;
}

/** A release as the tracker names it, with its date when the tracker gives one. */
export interface ReleaseRecord {
  name: string;
  releasedAt: number | null;
}

/**
 * Where mappers put records. The checker validates and forwards; the preview collects; the backend writes.
 * A sink keeps the records it is given, and reads an item's `parentKey` only once all the files are read:
 * a Jira CSV part may name its parent by an id that a later part resolves (JiraParentBook).
 */
export interface RecordSink {
  team(record: TeamRecord): void;
  objective(record: ObjectiveRecord): void;
  item(record: ItemRecord): void;
  /** One status change. The first change of an item in an import replaces that item's stored history. */
  transition(record: TransitionRecord): void;
  /**
   * A status change of this item could not be read (its row rejected): the import's history of the
   * item is not whole, so none of it replaces the history the workspace holds.
   */
  historyUnread?(itemKey: string, line: number | null): void;
  dependency(record: DependencyRecord): void;
  deployment(record: DeploymentRecord): void;
  incident(record: IncidentRecord): void;
  planning(record: PlanningRecord): void;
  sprint(record: SprintRecord): void;
  risk(record: RiskRecord): void;
  /** A release an item names; the same name may come many times (the checker counts it once). */
  release(record: ReleaseRecord): void;
  /** How the JSON file read now names its items' positions (ItemRecord.position) as paths; said before its first item. */
  jsonPaths?(pathOf: (position: number) => string): void;
}

export const toTeam = (r: TeamRecord): Team => ({ key: r.key, name: r.name, valueStream: r.valueStream });

export const toWorkItem = (r: ItemRecord, statusCategory: StatusCategory): WorkItem => ({
  key: r.key,
  title: r.title,
  type: r.type,
  teamKey: r.teamKey,
  status: r.status,
  statusCategory,
  createdAt: fromEpochMs(r.createdAt),
  firstActiveAt: fromEpochMsOrNull(r.firstActiveAt),
  doneAt: fromEpochMsOrNull(r.doneAt),
  parentKey: r.parentKey,
  objectiveKeys: r.objectiveKeys ?? [],
});

export const toTransition = (r: TransitionRecord): StatusTransition => ({
  itemKey: r.itemKey,
  fromStatus: r.fromStatus,
  toStatus: r.toStatus,
  at: fromEpochMs(r.at),
});

export const toDependency = (r: DependencyRecord): Dependency => ({
  key: r.key,
  fromItemKey: r.fromItemKey,
  fromTeamKey: r.fromTeamKey,
  toItemKey: r.toItemKey,
  toTeamKey: r.toTeamKey,
  kind: r.kind,
  interfaceName: r.interfaceName,
  createdAt: fromEpochMs(r.createdAt),
  neededBy: fromEpochMsOrNull(r.neededBy),
  resolvedAt: fromEpochMsOrNull(r.resolvedAt),
});

export const toDeployment = (r: DeploymentRecord): Deployment => ({
  key: r.key,
  teamKey: r.teamKey,
  service: r.service,
  at: fromEpochMs(r.at),
  succeeded: r.succeeded,
  changeAt: fromEpochMsOrNull(r.changeAt),
  release: r.release,
  itemKeys: r.itemKeys,
});

export const toIncident = (r: IncidentRecord): Incident => ({
  key: r.key,
  teamKey: r.teamKey,
  service: r.service,
  openedAt: fromEpochMs(r.openedAt),
  resolvedAt: fromEpochMsOrNull(r.resolvedAt),
  causedByDeploymentKey: r.causedByDeploymentKey,
});

export const toObjective = (r: ObjectiveRecord): Objective => ({
  key: r.key,
  title: r.title,
  level: r.level,
  parentKey: r.parentKey,
  teamKeys: r.teamKeys,
});

/** A work item as the writers take it (instants in epoch ms), from its contract shape. */
export const fromWorkItem = (i: WorkItem): ItemRecord => ({
  key: i.key,
  title: i.title,
  type: i.type,
  teamKey: i.teamKey,
  status: i.status,
  createdAt: toEpochMs(i.createdAt),
  firstActiveAt: toEpochMsOrNull(i.firstActiveAt),
  doneAt: toEpochMsOrNull(i.doneAt),
  parentKey: i.parentKey,
  objectiveKeys: i.objectiveKeys,
  line: null,
});
