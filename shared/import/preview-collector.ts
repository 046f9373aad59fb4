import type { EntityCounts } from '../domain/entities';
import type { Portfolio } from '../domain/entities';
import {
  toDependency,
  toDeployment,
  toIncident,
  toObjective,
  toTeam,
  toTransition,
  toWorkItem,
  type DependencyRecord,
  type DeploymentRecord,
  type IncidentRecord,
  type ItemRecord,
  type ObjectiveRecord,
  type RecordSink,
  type TeamRecord,
  type TransitionRecord,
} from './import-records';
import type { StatusBook } from './status-rules';

export const PREVIEW_RECORDS = 20;

/** Keeps the first records of each kind, as they will be stored, for the preview. Writes nothing. */
export class PreviewCollector implements RecordSink {
  readonly #teams: TeamRecord[] = [];
  readonly #objectives: ObjectiveRecord[] = [];
  readonly #items: ItemRecord[] = [];
  readonly #transitions: TransitionRecord[] = [];
  readonly #dependencies: DependencyRecord[] = [];
  readonly #deployments: DeploymentRecord[] = [];
  readonly #incidents: IncidentRecord[] = [];

  constructor(readonly limit = PREVIEW_RECORDS) {}

  #keep<T>(list: T[], record: T): void {
    if (list.length < this.limit) list.push(record);
  }

  team(r: TeamRecord): void {
    this.#keep(this.#teams, r);
  }
  objective(r: ObjectiveRecord): void {
    this.#keep(this.#objectives, r);
  }
  item(r: ItemRecord): void {
    this.#keep(this.#items, r);
  }
  transition(r: TransitionRecord): void {
    this.#keep(this.#transitions, r);
  }
  dependency(r: DependencyRecord): void {
    this.#keep(this.#dependencies, r);
  }
  deployment(r: DeploymentRecord): void {
    this.#keep(this.#deployments, r);
  }
  incident(r: IncidentRecord): void {
    this.#keep(this.#incidents, r);
  }
  /** Planning rows and risks are counted, not shown record by record. */
  planning(): void {}
  risk(): void {}
  sprint(): void {}
  release(): void {}

  preview(statuses: StatusBook): Portfolio {
    return {
      teams: this.#teams.map(toTeam),
      objectives: this.#objectives.map(toObjective),
      items: this.#items.map((i) => toWorkItem(i, statuses.categoryOf(i.status))),
      transitions: this.#transitions.map(toTransition),
      dependencies: this.#dependencies.map(toDependency),
      deployments: this.#deployments.map(toDeployment),
      incidents: this.#incidents.map(toIncident),
    };
  }
}

/** Fans records out to several sinks (the preview collector beside the writer). */
export function teeSink(...sinks: RecordSink[]): RecordSink {
  return {
    team: (r) => sinks.forEach((s) => s.team(r)),
    objective: (r) => sinks.forEach((s) => s.objective(r)),
    item: (r) => sinks.forEach((s) => s.item(r)),
    transition: (r) => sinks.forEach((s) => s.transition(r)),
    historyUnread: (key, line) => sinks.forEach((s) => s.historyUnread?.(key, line)),
    dependency: (r) => sinks.forEach((s) => s.dependency(r)),
    deployment: (r) => sinks.forEach((s) => s.deployment(r)),
    incident: (r) => sinks.forEach((s) => s.incident(r)),
    planning: (r) => sinks.forEach((s) => s.planning(r)),
    sprint: (r) => sinks.forEach((s) => s.sprint(r)),
    risk: (r) => sinks.forEach((s) => s.risk(r)),
    release: (r) => sinks.forEach((s) => s.release(r)),
  };
}

export function subtractCounts(after: EntityCounts, before: EntityCounts): EntityCounts {
  const out = { ...after };
  for (const k of Object.keys(out) as (keyof EntityCounts)[]) out[k] = after[k] - before[k];
  return out;
}
