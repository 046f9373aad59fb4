import type {
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  RecordSink,
  TeamRecord,
  TransitionRecord,
} from '../../../shared/import/import-records';
import type { PortfolioWriter } from '../store/queries/portfolio-writes';

/**
 * The checked records of an import, held until they are written in one synchronous transaction.
 * Status changes (the bulk: a million for a big export) are kept in columns with their keys and
 * status names shared, about 30 bytes each, instead of one object per change.
 */
export class StagedRecords implements RecordSink {
  readonly teams: TeamRecord[] = [];
  readonly objectives: ObjectiveRecord[] = [];
  readonly items: ItemRecord[] = [];
  readonly dependencies: DependencyRecord[] = [];
  readonly deployments: DeploymentRecord[] = [];
  readonly incidents: IncidentRecord[] = [];
  readonly #itemKeys: string[] = [];
  readonly #from: (string | null)[] = [];
  readonly #to: string[] = [];
  readonly #at: number[] = [];
  readonly #shared = new Map<string, string>();

  #share(text: string): string {
    const known = this.#shared.get(text);
    if (known !== undefined) return known;
    this.#shared.set(text, text);
    return text;
  }

  get transitions(): number {
    return this.#at.length;
  }

  team(r: TeamRecord): void {
    this.teams.push(r);
  }
  objective(r: ObjectiveRecord): void {
    this.objectives.push(r);
  }
  item(r: ItemRecord): void {
    this.items.push(r);
  }
  transition(r: TransitionRecord): void {
    this.#itemKeys.push(this.#share(r.itemKey));
    this.#from.push(r.fromStatus === null ? null : this.#share(r.fromStatus));
    this.#to.push(this.#share(r.toStatus));
    this.#at.push(r.at);
  }
  dependency(r: DependencyRecord): void {
    this.dependencies.push(r);
  }
  deployment(r: DeploymentRecord): void {
    this.deployments.push(r);
  }
  incident(r: IncidentRecord): void {
    this.incidents.push(r);
  }

  /** Writes everything in dependency order: what others refer to first. The caller owns the transaction. */
  writeTo(writer: PortfolioWriter): void {
    for (const r of this.teams) writer.team(r);
    for (const r of this.objectives) writer.objective(r);
    for (const r of this.items) writer.item(r);
    const change: TransitionRecord = { itemKey: '', fromStatus: null, toStatus: '', at: 0, line: null };
    for (let i = 0; i < this.#at.length; i++) {
      change.itemKey = this.#itemKeys[i]!;
      change.fromStatus = this.#from[i]!;
      change.toStatus = this.#to[i]!;
      change.at = this.#at[i]!;
      writer.transition(change);
    }
    writer.flush();
    for (const r of this.dependencies) writer.dependency(r);
    for (const r of this.deployments) writer.deployment(r);
    for (const r of this.incidents) writer.incident(r);
  }
}
