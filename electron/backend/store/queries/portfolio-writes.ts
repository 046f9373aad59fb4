import type { Database, Statement } from 'better-sqlite3';
import type { Dependency, Deployment, Incident, Objective, Portfolio, StatusTransition, Team, WorkItem } from '../../../../shared/domain/entities';
import { defaultCategoryFor } from '../../../../shared/domain/status-categories';
import type { StatusCategory } from '../../../../shared/domain/vocabulary';
import { toEpochMs, toEpochMsOrNull } from '../../../../shared/domain/time';
import { EntityCounts } from '../../../../shared/domain/entities';
import type {
  DependencyRecord,
  DeploymentRecord,
  IncidentRecord,
  ItemRecord,
  ObjectiveRecord,
  TeamRecord,
  TransitionRecord,
} from '../../../../shared/import/import-records';
import { fromWorkItem } from '../../../../shared/import/import-records';

// Writers upsert by source key, so re-importing an export updates rows instead of duplicating them.
// None opens a transaction: callers wrap a whole import (or the demo) in one, so it lands whole or not at all.
// `PortfolioWriter` is the one place rows are written: prepared once, fed epoch-ms records one by
// one (the import streams a million of them through it); the entity-array functions below adapt to it.

export function teamIdsByKey(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM teams').all() as { id: number; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

export function itemIdsByKey(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM work_items').raw().all() as [number, string][];
  return new Map(rows.map(([id, key]) => [key, id]));
}

/** Resolves team keys to ids, creating a bare team (name = key) for a key not seen before. */
export function teamResolver(db: Database): (key: string | null) => number | null {
  const ids = teamIdsByKey(db);
  const insert = db.prepare('INSERT INTO teams (key, name, value_stream) VALUES (?, ?, NULL) RETURNING id');
  return (key) => {
    if (key === null) return null;
    let id = ids.get(key);
    if (id === undefined) {
      id = (insert.get(key, key) as { id: number }).id;
      ids.set(key, id);
    }
    return id;
  };
}

/** The workspace's status → category mapping, adding a default guess for each status not yet mapped. */
export function statusCategoryResolver(db: Database): (status: string) => StatusCategory {
  const rows = db.prepare('SELECT status, category FROM status_map').all() as { status: string; category: StatusCategory }[];
  const known = new Map(rows.map((r) => [r.status.toLowerCase(), r.category]));
  const insert = db.prepare(`INSERT OR IGNORE INTO status_map (status, category, source) VALUES (?, ?, 'default')`);
  return (status) => {
    const lower = status.toLowerCase();
    let category = known.get(lower);
    if (category === undefined) {
      category = defaultCategoryFor(status);
      insert.run(status, category);
      known.set(lower, category);
    }
    return category;
  };
}

/** Records a status category the source system stated (e.g. Jira's statusCategory), unless a person chose one. */
export function recordSourceStatusCategory(db: Database, status: string, category: StatusCategory): void {
  db.prepare(
    `INSERT INTO status_map (status, category, source) VALUES (?, ?, 'source')
     ON CONFLICT(status) DO UPDATE SET category = excluded.category, source = 'source' WHERE status_map.source <> 'user'`,
  ).run(status, category);
}

/** Status changes inserted per statement: multi-row INSERTs run about twice as fast as one row each. */
const TRANSITION_BATCH = 50;

/**
 * Prepared upserts for every entity, fed one record at a time. Status changes are buffered and
 * inserted in batches: call `flush()` before reading status_transitions back.
 */
export class PortfolioWriter {
  readonly #teamIds: Map<string, number>;
  readonly #itemIds = new Map<string, number>();
  /** Items whose status history this writer replaced, with what their new history implies (see historyFlowDates). */
  readonly historyItems = new Map<number, { firstActiveAt: number | null; lastOpenAt: number; finishedAts: number[] | null }>();
  readonly #s: Record<string, Statement>;
  readonly #batch: unknown[] = [];
  /** Items that had a history before this writer started (only those need it deleted). */
  readonly #hadHistory: Set<number>;

  constructor(
    readonly db: Database,
    readonly categoryOf: (status: string) => StatusCategory,
  ) {
    this.#teamIds = teamIdsByKey(db);
    this.#hadHistory = new Set(db.prepare('SELECT DISTINCT item_id FROM status_transitions').pluck().all() as number[]);
    this.#s = {
      bareTeam: db.prepare('INSERT INTO teams (key, name, value_stream) VALUES (?, ?, NULL) RETURNING id'),
      team: db.prepare(
        `INSERT INTO teams (key, name, value_stream) VALUES (?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET name = excluded.name, value_stream = excluded.value_stream RETURNING id`,
      ),
      item: db.prepare(
        `INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at, first_active_at, done_at, parent_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET title = excluded.title, type = excluded.type, team_id = excluded.team_id,
           status = excluded.status, status_category = excluded.status_category, created_at = excluded.created_at,
           first_active_at = excluded.first_active_at, done_at = excluded.done_at, parent_key = excluded.parent_key
         RETURNING id`,
      ),
      itemId: db.prepare('SELECT id FROM work_items WHERE key = ?').pluck(),
      clearObjectives: db.prepare('DELETE FROM item_objectives WHERE item_id = ?'),
      linkObjective: db.prepare('INSERT OR IGNORE INTO item_objectives (item_id, objective_key) VALUES (?, ?)'),
      clearHistory: db.prepare('DELETE FROM status_transitions WHERE item_id = ?'),
      transition: db.prepare('INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) VALUES (?, ?, ?, ?, ?)'),
      transitions: db.prepare(
        `INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) VALUES ${Array(TRANSITION_BATCH).fill('(?, ?, ?, ?, ?)').join(', ')}`,
      ),
      dependency: db.prepare(
        `INSERT INTO dependencies (key, from_item_key, from_team_id, to_item_key, to_team_id, kind, interface_name, created_at, needed_by, resolved_at)
         VALUES (@key, @fromItem, coalesce(@fromTeam, (SELECT team_id FROM work_items WHERE key = @fromItem)),
                 @toItem, coalesce(@toTeam, (SELECT team_id FROM work_items WHERE key = @toItem)), @kind, @interface, @createdAt, @neededBy, @resolvedAt)
         ON CONFLICT(key) DO UPDATE SET from_item_key = excluded.from_item_key, from_team_id = excluded.from_team_id,
           to_item_key = excluded.to_item_key, to_team_id = excluded.to_team_id, kind = excluded.kind,
           interface_name = excluded.interface_name, created_at = excluded.created_at, needed_by = excluded.needed_by,
           resolved_at = excluded.resolved_at`,
      ),
      deployment: db.prepare(
        `INSERT INTO deployments (key, team_id, service, at, succeeded, change_at, release) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET team_id = excluded.team_id, service = excluded.service, at = excluded.at,
           succeeded = excluded.succeeded, change_at = excluded.change_at, release = excluded.release
         RETURNING id`,
      ),
      clearDeploymentItems: db.prepare('DELETE FROM deployment_items WHERE deployment_id = ?'),
      linkDeploymentItem: db.prepare('INSERT OR IGNORE INTO deployment_items (deployment_id, item_key) VALUES (?, ?)'),
      // A re-import never overwrites an attribution the user corrected by hand.
      incident: db.prepare(
        `INSERT INTO incidents (key, team_id, service, opened_at, resolved_at, caused_by_deployment_key) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET team_id = excluded.team_id, service = excluded.service, opened_at = excluded.opened_at,
           resolved_at = excluded.resolved_at,
           caused_by_deployment_key = CASE WHEN incidents.attribution = 'user' THEN incidents.caused_by_deployment_key
                                           ELSE excluded.caused_by_deployment_key END`,
      ),
      objective: db.prepare(
        `INSERT INTO objectives (key, title, level, parent_key) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET title = excluded.title, level = excluded.level, parent_key = excluded.parent_key
         RETURNING id`,
      ),
      clearObjectiveTeams: db.prepare('DELETE FROM objective_teams WHERE objective_id = ?'),
      linkObjectiveTeam: db.prepare('INSERT OR IGNORE INTO objective_teams (objective_id, team_id) VALUES (?, ?)'),
    };
  }

  /** The id of a team key, creating a bare team (name = key) for a key not seen before. */
  #team(key: string | null): number | null {
    if (key === null) return null;
    let id = this.#teamIds.get(key);
    if (id === undefined) {
      id = (this.#s.bareTeam!.get(key, key) as { id: number }).id;
      this.#teamIds.set(key, id);
    }
    return id;
  }

  team(t: TeamRecord): void {
    const { id } = this.#s.team!.get(t.key, t.name, t.valueStream) as { id: number };
    this.#teamIds.set(t.key, id);
  }

  objective(o: ObjectiveRecord): void {
    const { id } = this.#s.objective!.get(o.key, o.title, o.level, o.parentKey) as { id: number };
    this.#s.clearObjectiveTeams!.run(id);
    for (const key of o.teamKeys) this.#s.linkObjectiveTeam!.run(id, this.#team(key));
  }

  item(i: ItemRecord): number {
    const { id } = this.#s.item!.get(
      i.key,
      i.title,
      i.type,
      this.#team(i.teamKey),
      i.status,
      this.categoryOf(i.status),
      i.createdAt,
      i.firstActiveAt,
      i.doneAt,
      i.parentKey,
    ) as { id: number };
    this.#itemIds.set(i.key, id);
    if (i.objectiveKeys !== null) {
      this.#s.clearObjectives!.run(id);
      for (const key of i.objectiveKeys) this.#s.linkObjective!.run(id, key);
    }
    return id;
  }

  itemId(key: string): number | undefined {
    let id = this.#itemIds.get(key);
    if (id === undefined) {
      id = this.#s.itemId!.get(key) as number | undefined;
      if (id !== undefined) this.#itemIds.set(key, id);
    }
    return id;
  }

  /**
   * Adds one status change. The first change of an item this writer sees replaces that item's
   * stored history (an export carries an item's whole history, so merging would duplicate it).
   * False when the item does not exist.
   */
  transition(t: TransitionRecord): boolean {
    const id = this.itemId(t.itemKey);
    if (id === undefined) return false;
    let history = this.historyItems.get(id);
    if (!history) {
      if (this.#hadHistory.has(id)) this.#s.clearHistory!.run(id);
      history = { firstActiveAt: null, lastOpenAt: -Infinity, finishedAts: null };
      this.historyItems.set(id, history);
    }
    const category = this.categoryOf(t.toStatus);
    const batch = this.#batch;
    batch.push(id, t.fromStatus, t.toStatus, category, t.at);
    if (batch.length === TRANSITION_BATCH * 5) {
      this.#s.transitions!.run(batch);
      batch.length = 0;
    }
    // Kept as they stream in (in any order), so that the flow dates need no second pass over the table.
    if (category === 'active') {
      if (history.firstActiveAt === null || t.at < history.firstActiveAt) history.firstActiveAt = t.at;
    } else if (category === 'done' || category === 'cancelled') (history.finishedAts ??= []).push(t.at);
    else if (t.at > history.lastOpenAt) history.lastOpenAt = t.at;
    if (category === 'active' && t.at > history.lastOpenAt) history.lastOpenAt = t.at;
    return true;
  }

  /** Writes buffered status changes. */
  flush(): void {
    const batch = this.#batch;
    for (let i = 0; i < batch.length; i += 5) this.#s.transition!.run(batch.slice(i, i + 5));
    batch.length = 0;
  }

  /**
   * Started and finished dates implied by the histories this writer replaced: started = first entry
   * into an active status; finished = first entry into done/cancelled after the last open status,
   * null when the history ends open. (refreshFlowDates in status-map.ts states the same in SQL.)
   */
  *historyFlowDates(): Generator<[number, number | null, number | null]> {
    for (const [id, h] of this.historyItems) {
      let doneAt: number | null = null;
      if (h.finishedAts) for (const at of h.finishedAts) if (at > h.lastOpenAt && (doneAt === null || at < doneAt)) doneAt = at;
      yield [id, h.firstActiveAt, doneAt];
    }
  }

  dependency(d: DependencyRecord): void {
    // A dependency whose team is not given takes the team of its item.
    this.#s.dependency!.run({
      key: d.key,
      fromItem: d.fromItemKey,
      fromTeam: this.#team(d.fromTeamKey),
      toItem: d.toItemKey,
      toTeam: this.#team(d.toTeamKey),
      kind: d.kind,
      interface: d.interfaceName,
      createdAt: d.createdAt,
      neededBy: d.neededBy,
      resolvedAt: d.resolvedAt,
    });
  }

  deployment(d: DeploymentRecord): void {
    const { id } = this.#s.deployment!.get(d.key, this.#team(d.teamKey), d.service, d.at, d.succeeded ? 1 : 0, d.changeAt, d.release) as { id: number };
    this.#s.clearDeploymentItems!.run(id);
    for (const key of d.itemKeys) this.#s.linkDeploymentItem!.run(id, key);
  }

  incident(i: IncidentRecord): void {
    this.#s.incident!.run(i.key, this.#team(i.teamKey), i.service, i.openedAt, i.resolvedAt, i.causedByDeploymentKey);
  }
}

const teamRecord = (t: Team): TeamRecord => ({ ...t, line: null });
const objectiveRecord = (o: Objective): ObjectiveRecord => ({ ...o, line: null });
const itemRecord = fromWorkItem;

export function upsertTeams(db: Database, teams: readonly Team[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const t of teams) writer.team(teamRecord(t));
}

export function upsertItems(db: Database, items: readonly WorkItem[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const i of items) writer.item(itemRecord(i));
}

/**
 * Replaces the whole status history of every item that appears in `transitions`. Transitions of
 * unknown items are skipped and counted; importers warn about them before they get here.
 */
export function replaceTransitions(db: Database, transitions: readonly StatusTransition[]): { written: number; skipped: number } {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  let written = 0;
  for (const t of transitions) if (writer.transition({ itemKey: t.itemKey, fromStatus: t.fromStatus, toStatus: t.toStatus, at: toEpochMs(t.at), line: null })) written++;
  writer.flush();
  return { written, skipped: transitions.length - written };
}

const dependencyRecord = (d: Dependency): DependencyRecord => ({
  ...d,
  createdAt: toEpochMs(d.createdAt),
  neededBy: toEpochMsOrNull(d.neededBy),
  resolvedAt: toEpochMsOrNull(d.resolvedAt),
  line: null,
});
const deploymentRecord = (d: Deployment): DeploymentRecord => ({ ...d, at: toEpochMs(d.at), changeAt: toEpochMsOrNull(d.changeAt), line: null });
const incidentRecord = (i: Incident): IncidentRecord => ({ ...i, openedAt: toEpochMs(i.openedAt), resolvedAt: toEpochMsOrNull(i.resolvedAt), line: null });

export function upsertDependencies(db: Database, dependencies: readonly Dependency[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const d of dependencies) writer.dependency(dependencyRecord(d));
}

export function upsertDeployments(db: Database, deployments: readonly Deployment[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const d of deployments) writer.deployment(deploymentRecord(d));
}

export function upsertIncidents(db: Database, incidents: readonly Incident[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const i of incidents) writer.incident(incidentRecord(i));
}

export function upsertObjectives(db: Database, objectives: readonly Objective[]): void {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const o of objectives) writer.objective(objectiveRecord(o));
}

/** Writes a whole portfolio in dependency order (teams first). The caller owns the transaction. */
export function writePortfolio(db: Database, portfolio: Portfolio): EntityCounts {
  const writer = new PortfolioWriter(db, statusCategoryResolver(db));
  for (const t of portfolio.teams) writer.team(teamRecord(t));
  for (const o of portfolio.objectives) writer.objective(objectiveRecord(o));
  for (const i of portfolio.items) writer.item(itemRecord(i));
  let transitions = 0;
  for (const t of portfolio.transitions) if (writer.transition({ itemKey: t.itemKey, fromStatus: t.fromStatus, toStatus: t.toStatus, at: toEpochMs(t.at), line: null })) transitions++;
  writer.flush();
  for (const d of portfolio.dependencies) writer.dependency(dependencyRecord(d));
  for (const d of portfolio.deployments) writer.deployment(deploymentRecord(d));
  for (const i of portfolio.incidents) writer.incident(incidentRecord(i));
  return EntityCounts.parse({
    teams: portfolio.teams.length,
    items: portfolio.items.length,
    transitions,
    dependencies: portfolio.dependencies.length,
    deployments: portfolio.deployments.length,
    incidents: portfolio.incidents.length,
    objectives: portfolio.objectives.length,
  });
}
