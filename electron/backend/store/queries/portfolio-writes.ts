import type { Database } from 'better-sqlite3';
import type { Dependency, Deployment, Incident, Objective, Portfolio, StatusTransition, Team, WorkItem } from '../../../../shared/domain/entities';
import { defaultCategoryFor } from '../../../../shared/domain/status-categories';
import type { StatusCategory } from '../../../../shared/domain/vocabulary';
import { toEpochMs, toEpochMsOrNull } from '../../../../shared/domain/time';
import { EntityCounts } from '../../../../shared/domain/entities';

// Writers upsert by source key, so re-importing an export updates rows instead of duplicating them.
// None opens a transaction: callers wrap a whole import (or the demo) in one, so it lands whole or not at all.

export function teamIdsByKey(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM teams').all() as { id: number; key: string }[];
  return new Map(rows.map((r) => [r.key, r.id]));
}

export function itemIdsByKey(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM work_items').raw().all() as [number, string][];
  return new Map(rows.map(([id, key]) => [key, id]));
}

export function upsertTeams(db: Database, teams: readonly Team[]): void {
  const stmt = db.prepare(
    `INSERT INTO teams (key, name, value_stream) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET name = excluded.name, value_stream = excluded.value_stream`,
  );
  for (const t of teams) stmt.run(t.key, t.name, t.valueStream);
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

export function upsertItems(db: Database, items: readonly WorkItem[]): void {
  const team = teamResolver(db);
  const upsert = db.prepare(
    `INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at, first_active_at, done_at, parent_key)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET title = excluded.title, type = excluded.type, team_id = excluded.team_id,
       status = excluded.status, status_category = excluded.status_category, created_at = excluded.created_at,
       first_active_at = excluded.first_active_at, done_at = excluded.done_at, parent_key = excluded.parent_key
     RETURNING id`,
  );
  const clearObjectives = db.prepare('DELETE FROM item_objectives WHERE item_id = ?');
  const linkObjective = db.prepare('INSERT OR IGNORE INTO item_objectives (item_id, objective_key) VALUES (?, ?)');
  for (const item of items) {
    const { id } = upsert.get(
      item.key,
      item.title,
      item.type,
      team(item.teamKey),
      item.status,
      item.statusCategory,
      toEpochMs(item.createdAt),
      toEpochMsOrNull(item.firstActiveAt),
      toEpochMsOrNull(item.doneAt),
      item.parentKey,
    ) as { id: number };
    clearObjectives.run(id);
    for (const key of item.objectiveKeys) linkObjective.run(id, key);
  }
}

/**
 * Replaces the whole status history of every item that appears in `transitions` (an export always
 * carries an item's full history, so merging would duplicate). Transitions of unknown items are skipped
 * and counted; importers warn about them before they get here.
 */
export function replaceTransitions(db: Database, transitions: readonly StatusTransition[]): { written: number; skipped: number } {
  const ids = itemIdsByKey(db);
  const category = statusCategoryResolver(db);
  const clear = db.prepare('DELETE FROM status_transitions WHERE item_id = ?');
  const insert = db.prepare('INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) VALUES (?, ?, ?, ?, ?)');
  const cleared = new Set<number>();
  let written = 0;
  let skipped = 0;
  for (const t of transitions) {
    const id = ids.get(t.itemKey);
    if (id === undefined) {
      skipped++;
      continue;
    }
    if (!cleared.has(id)) {
      clear.run(id);
      cleared.add(id);
    }
    insert.run(id, t.fromStatus, t.toStatus, category(t.toStatus), toEpochMs(t.at));
    written++;
  }
  return { written, skipped };
}

export function upsertDependencies(db: Database, dependencies: readonly Dependency[]): void {
  const team = teamResolver(db);
  const stmt = db.prepare(
    `INSERT INTO dependencies (key, from_item_key, from_team_id, to_item_key, to_team_id, kind, interface_name, created_at, needed_by, resolved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET from_item_key = excluded.from_item_key, from_team_id = excluded.from_team_id,
       to_item_key = excluded.to_item_key, to_team_id = excluded.to_team_id, kind = excluded.kind,
       interface_name = excluded.interface_name, created_at = excluded.created_at, needed_by = excluded.needed_by,
       resolved_at = excluded.resolved_at`,
  );
  for (const d of dependencies) {
    stmt.run(
      d.key,
      d.fromItemKey,
      team(d.fromTeamKey),
      d.toItemKey,
      team(d.toTeamKey),
      d.kind,
      d.interfaceName,
      toEpochMs(d.createdAt),
      toEpochMsOrNull(d.neededBy),
      toEpochMsOrNull(d.resolvedAt),
    );
  }
}

export function upsertDeployments(db: Database, deployments: readonly Deployment[]): void {
  const team = teamResolver(db);
  const stmt = db.prepare(
    `INSERT INTO deployments (key, team_id, service, at, succeeded, change_at, release) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET team_id = excluded.team_id, service = excluded.service, at = excluded.at,
       succeeded = excluded.succeeded, change_at = excluded.change_at, release = excluded.release
     RETURNING id`,
  );
  const clearItems = db.prepare('DELETE FROM deployment_items WHERE deployment_id = ?');
  const linkItem = db.prepare('INSERT OR IGNORE INTO deployment_items (deployment_id, item_key) VALUES (?, ?)');
  for (const d of deployments) {
    const { id } = stmt.get(d.key, team(d.teamKey), d.service, toEpochMs(d.at), d.succeeded ? 1 : 0, toEpochMsOrNull(d.changeAt), d.release) as {
      id: number;
    };
    clearItems.run(id);
    for (const key of d.itemKeys) linkItem.run(id, key);
  }
}

/** A re-import never overwrites an attribution the user corrected by hand. */
export function upsertIncidents(db: Database, incidents: readonly Incident[]): void {
  const team = teamResolver(db);
  const stmt = db.prepare(
    `INSERT INTO incidents (key, team_id, service, opened_at, resolved_at, caused_by_deployment_key) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET team_id = excluded.team_id, service = excluded.service, opened_at = excluded.opened_at,
       resolved_at = excluded.resolved_at,
       caused_by_deployment_key = CASE WHEN incidents.attribution = 'user' THEN incidents.caused_by_deployment_key
                                       ELSE excluded.caused_by_deployment_key END`,
  );
  for (const i of incidents) {
    stmt.run(i.key, team(i.teamKey), i.service, toEpochMs(i.openedAt), toEpochMsOrNull(i.resolvedAt), i.causedByDeploymentKey);
  }
}

export function upsertObjectives(db: Database, objectives: readonly Objective[]): void {
  const team = teamResolver(db);
  const stmt = db.prepare(
    `INSERT INTO objectives (key, title, level, parent_key) VALUES (?, ?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET title = excluded.title, level = excluded.level, parent_key = excluded.parent_key
     RETURNING id`,
  );
  const clearTeams = db.prepare('DELETE FROM objective_teams WHERE objective_id = ?');
  const linkTeam = db.prepare('INSERT OR IGNORE INTO objective_teams (objective_id, team_id) VALUES (?, ?)');
  for (const o of objectives) {
    const { id } = stmt.get(o.key, o.title, o.level, o.parentKey) as { id: number };
    clearTeams.run(id);
    for (const key of o.teamKeys) linkTeam.run(id, team(key));
  }
}

/** Writes a whole portfolio in dependency order (teams first). The caller owns the transaction. */
export function writePortfolio(db: Database, portfolio: Portfolio): EntityCounts {
  upsertTeams(db, portfolio.teams);
  upsertObjectives(db, portfolio.objectives);
  upsertItems(db, portfolio.items);
  const { written } = replaceTransitions(db, portfolio.transitions);
  upsertDependencies(db, portfolio.dependencies);
  upsertDeployments(db, portfolio.deployments);
  upsertIncidents(db, portfolio.incidents);
  return EntityCounts.parse({
    teams: portfolio.teams.length,
    items: portfolio.items.length,
    transitions: written,
    dependencies: portfolio.dependencies.length,
    deployments: portfolio.deployments.length,
    incidents: portfolio.incidents.length,
    objectives: portfolio.objectives.length,
  });
}
