import type { Database } from 'better-sqlite3';
import type {
  CompletionCount,
  CoordinationData,
  CoordinationTeam,
  DeclaredForum,
  DependencyFact,
  IntegrationEvent,
  Interval,
  ObjectiveFact,
  ParentFact,
  RecordedEvidence,
} from '../../../shared/coordination/coordination-data';
import { integrationSource } from '../../../shared/coordination/coordination-data';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { STATUS_CATEGORIES } from '../../../shared/domain/vocabulary';
import { ItemIndexes, loadColumns, type LoadedColumns } from '../metrics/metrics-dataset-loader';
import { deliveryTimeSpan } from '../metrics/metrics-queries';
import { asStep, streamRows } from '../store/queries/row-streams';
import { waitingSpans, type WaitingDependencies } from './waiting-spans';

// The advisor's inputs in a fixed number of queries, whatever the portfolio's size: SQLite joins
// and aggregates the smaller tables (integrations per release, objectives); the work items and
// status changes are read from the columns the metrics load too (waiting spans, daily completions);
// JavaScript scores. Every query reads only the analysis range. Instants are epoch ms (see migration 001).

const CROSS_TEAM_ACTIVE = `d.from_team_id IS NOT NULL AND d.to_team_id IS NOT NULL AND d.from_team_id <> d.to_team_id
  AND d.created_at < @to AND (d.resolved_at IS NULL OR d.resolved_at > @from)`;

export function loadTeams(db: Database): CoordinationTeam[] {
  return (db.prepare('SELECT key, name, value_stream AS valueStream FROM teams ORDER BY key').all() as CoordinationTeam[]).map((t) => ({ ...t }));
}

/**
 * Cross-team dependencies open at some point in the range, each with the spans its waiting item sat
 * in a waiting status while it was open. The spans come from the status changes already held in
 * columns (`loadColumns`, shared with the metrics), so no second pass over every status change.
 */
export function loadDependencies(db: Database, range: Interval, loaded: LoadedColumns = columnsOf(db)): DependencyFact[] {
  const teamKey = new Map(loaded.teams.map((t) => [t.id, t.key]));
  const itemIndex = ItemIndexes.of(loaded.columns.items.id);
  // Each fact is made as its row comes, its waits filled in once every row is read; the spans need
  // the waiting items and open spans in columns.
  const facts: Mutable<DependencyFact>[] = [];
  const waiting: WaitingDependencies = { item: [], createdAt: [], resolvedAt: [] };
  // Streamed through an aggregate (row-streams.ts): 50,000 rows without a row array each. The
  // waiting item by id (migration 009): a join on its key cost about as much as the rest of the read.
  streamRows(
    db,
    'interlock_coordination_dependencies',
    `SELECT interlock_coordination_dependencies(d.key, d.from_team_id, d.to_team_id, d.created_at, d.resolved_at, d.interface_name IS NOT NULL, d.from_item_id)
     FROM dependencies d
     WHERE ${CROSS_TEAM_ACTIVE}
     ORDER BY d.id`,
    asStep((n: number, key: string, fromId: number, toId: number, createdAt: number, resolvedAt: number | null, isInterfaced: number, itemId: number | null) => {
      facts.push({ key, fromTeamKey: teamKey.get(fromId)!, toTeamKey: teamKey.get(toId)!, createdAt, resolvedAt, interfaced: isInterfaced === 1, waits: NO_WAITS });
      waiting.item.push(itemId === null ? -1 : itemIndex.get(itemId));
      waiting.createdAt.push(createdAt);
      waiting.resolvedAt.push(resolvedAt);
      return n + 1;
    }),
    range,
  );
  const waits = waitingSpans(loaded.columns.transitions, loaded.columns.items.count, WAITING, waiting, range.to);
  for (let i = 0; i < facts.length; i++) facts[i]!.waits = waits[i]!;
  return facts;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NO_WAITS: DependencyFact['waits'] = [];

/** The columns the metrics load too; the advisor reads them but never stores their snapshot (it never writes). */
function columnsOf(db: Database): LoadedColumns {
  return loadColumns(db, { store: false });
}

const WAITING = STATUS_CATEGORIES.indexOf('waiting');
const DONE = STATUS_CATEGORIES.indexOf('done');

/**
 * The latest instant in the data: items' created, first-active and done dates, status changes,
 * deployments, incidents opened and resolved (the end of `dataDateRange`, with the big tables read
 * from their columns); null when the workspace holds none of them.
 */
export function latestDataInstant(db: Database, loaded: LoadedColumns = columnsOf(db)): number | null {
  const { items, transitions } = loaded.columns;
  let latest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < items.count; i++) {
    // A missing date counts as 0, as coalesce(…, 0) does in dataDateRange.
    const firstActive = items.firstActiveAt[i]!;
    const done = items.doneAt[i]!;
    latest = Math.max(latest, items.createdAt[i]!, Number.isNaN(firstActive) ? 0 : firstActive, Number.isNaN(done) ? 0 : done);
  }
  const at = transitions.at;
  for (let r = 0; r < at.length; r++) if (at[r]! > latest) latest = at[r]!;
  const [deployed, incident] = db
    .prepare('SELECT (SELECT max(at) FROM deployments), (SELECT max(max(opened_at, coalesce(resolved_at, 0))) FROM incidents)')
    .raw()
    .get() as [number | null, number | null];
  if (deployed !== null) latest = Math.max(latest, deployed);
  if (incident !== null) latest = Math.max(latest, incident);
  return Number.isFinite(latest) ? latest : null;
}

/**
 * The earliest instant in the data, as the metrics take it (a dataset's `firstAt`): items' dates,
 * status changes, deployments and incidents; null when the workspace holds none of them.
 */
export function earliestDataInstant(db: Database, loaded: LoadedColumns = columnsOf(db)): number | null {
  const { items, transitions } = loaded.columns;
  let first = deliveryTimeSpan(db)?.first ?? Number.POSITIVE_INFINITY;
  // NaN (no date) never compares less, so it is skipped.
  for (const column of [items.createdAt, items.firstActiveAt, items.doneAt, transitions.at]) {
    for (let i = 0; i < column.length; i++) if (column[i]! < first) first = column[i]!;
  }
  return Number.isFinite(first) ? first : null;
}

/**
 * Items completed (done, not cancelled) per team, in bins of `binDays` counted back from the range's
 * end; every window and period the advisor sums ends there and spans whole bins, so sums are exact.
 * Counted from the items' columns (`loadColumns`), ordered by team and bin.
 */
export function loadCompletions(db: Database, range: Interval, binDays = 1, loaded: LoadedColumns = columnsOf(db)): CompletionCount[] {
  const bin = binDays * MS_PER_DAY;
  const { items } = loaded.columns;
  const counts = new Map<number, number>();
  const bins = Math.floor((range.to - range.from) / bin) + 1;
  for (let i = 0; i < items.count; i++) {
    const doneAt = items.doneAt[i]!;
    const team = items.team[i]!;
    if (items.category[i] !== DONE || !(doneAt > range.from && doneAt <= range.to) || team < 0) continue;
    // Whole bins back from the end, as SQLite's integer division counts them (exact on integers).
    const since = range.to - doneAt;
    const back = (since - (since % bin)) / bin;
    const slot = team * bins + back;
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  }
  return [...counts.keys()]
    .sort((x, y) => x - y)
    .map((slot) => {
      const back = slot % bins;
      return { teamKey: loaded.teams[(slot - back) / bins]!.key, at: range.to - back * bin, count: counts.get(slot)! };
    });
}

/**
 * Integrations: a release with all its successful deployments, or a successful deployment without a
 * release; each with the teams that deployed it or whose items it shipped, at its first deployment
 * that names a team. A failed deployment shipped nothing, so it integrates no one's work (METRICS.md:
 * only successful deployments count).
 * Grouped in JavaScript as the rows stream: about twice as fast as SQLite's GROUP BY with
 * json_group_array(DISTINCT), which sorted every deployment twice over.
 */
export function loadIntegrations(db: Database, range: Interval): IntegrationEvent[] {
  const teamKey = new Map(db.prepare('SELECT id, key FROM teams').raw().all() as [number, string][]);
  const events = new Map<string, { at: number; teamKeys: string[] }>();
  const step = asStep((n: number, key: string, at: number, teamId: number) => {
    const team = teamKey.get(teamId);
    if (team === undefined) return n;
    const event = events.get(key);
    if (!event) events.set(key, { at, teamKeys: [team] });
    else {
      if (at < event.at) event.at = at;
      if (!event.teamKeys.includes(team)) event.teamKeys.push(team);
    }
    return n + 1;
  });
  const EVENT = `coalesce('release:' || d.release, 'deployment:' || d.key)`;
  const IN_RANGE = 'd.at > @from AND d.at <= @to AND d.succeeded = 1';
  // The teams that deployed, then the teams whose items were shipped.
  streamRows(db, 'interlock_coordination_deployers', `SELECT interlock_coordination_deployers(${EVENT}, d.at, d.team_id) FROM deployments d WHERE ${IN_RANGE} AND d.team_id IS NOT NULL`, step, range);
  streamRows(
    db,
    'interlock_coordination_shippers',
    `SELECT interlock_coordination_shippers(${EVENT}, d.at, w.team_id)
     FROM deployment_items di CROSS JOIN deployments d ON d.id = di.deployment_id CROSS JOIN work_items w ON w.key = di.item_key
     WHERE ${IN_RANGE} AND w.team_id IS NOT NULL`,
    step,
    range,
  );
  const keys = [...events.keys()];
  // JavaScript's own order is SQLite's unless a key holds a character beyond U+FFFF.
  if (keys.some((k) => SURROGATE.test(k))) keys.sort(compareAsSqlite);
  else keys.sort();
  return keys.map((key) => {
    const event = events.get(key)!;
    return { key, at: event.at, teamKeys: event.teamKeys.sort() };
  });
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * SQLite's BINARY order of text (its UTF-8 bytes, that is code points), which the SQL grouping
 * ordered events by. JavaScript compares UTF-16 code units: the two differ only where a character
 * beyond U+FFFF (a surrogate pair) meets one from U+E000 to U+FFFF.
 */
export function compareAsSqlite(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a === b) continue;
    const surrogateA = a >= 0xd800 && a <= 0xdfff;
    const surrogateB = b >= 0xd800 && b <= 0xdfff;
    if (surrogateA !== surrogateB) return surrogateA ? 1 : -1;
    return a - b;
  }
  return x.length - y.length;
}

/**
 * Integrations from the tracker's releases (Fix Version/s), for workspaces whose deployments do not
 * say what they shipped: each release with the teams of its items (cancelled ones left out), at its
 * release date, or else when the last of its items was done; a release with open items and no date
 * has not shipped and is no integration yet.
 */
export function loadReleaseIntegrations(db: Database, range: Interval): IntegrationEvent[] {
  const rows = db
    .prepare(
      `SELECT 'release:' || r.name AS event,
              coalesce(r.released_at, CASE WHEN sum(w.status_category = 'done') = count(*) THEN max(w.done_at) END) AS at,
              json_group_array(DISTINCT t.key) FILTER (WHERE t.key IS NOT NULL) AS teams
       FROM releases r
       JOIN item_releases ir ON ir.release_id = r.id
       JOIN work_items w ON w.id = ir.item_id AND w.status_category <> 'cancelled'
       LEFT JOIN teams t ON t.id = w.team_id
       GROUP BY r.id
       HAVING at > @from AND at <= @to
       ORDER BY event`,
    )
    .raw()
    .all(range) as [string, number, string][];
  return rows.map(([key, at, teams]) => ({ key, at, teamKeys: (JSON.parse(teams) as string[]).sort() })).filter((e) => e.teamKeys.length > 0);
}

/**
 * Parents (epics) with the teams owning their children alive in the window (created before its
 * end, not done before its start), the same rule as objectives linked through items. Only for
 * `teamKeys` (all teams when left out): parents stand in for objectives of teams that have none,
 * so the loader reads them for those teams alone.
 */
export function loadParents(db: Database, window: Interval, teamKeys?: readonly string[]): ParentFact[] {
  const rows = db
    .prepare(
      `SELECT w.parent_key, t.key
       FROM work_items w JOIN teams t ON t.id = w.team_id
       WHERE w.parent_key IS NOT NULL AND w.created_at <= @to AND (w.done_at IS NULL OR w.done_at > @from)
         AND (@teams IS NULL OR t.key IN (SELECT value FROM json_each(@teams)))
       GROUP BY w.parent_key, t.key
       ORDER BY 1, 2`,
    )
    .raw()
    .all({ ...window, teams: teamKeys === undefined ? null : JSON.stringify(teamKeys) }) as [string, string][];
  const parents: { key: string; teamKeys: string[] }[] = [];
  for (const [key, team] of rows) {
    const last = parents.at(-1);
    if (last?.key === key) last.teamKeys.push(team);
    else parents.push({ key, teamKeys: [team] });
  }
  return parents;
}

/**
 * Objectives each team contributes to: declared (objective_teams) or through its items that were
 * alive in the window (created before its end, not done before its start). A team's own PI
 * objectives (level team, in an increment) are its plan, not an outcome it shares: left out, so
 * planning an increment never makes teams look less joined than their shared objectives say.
 * Items are reached from their objective links (CROSS JOIN keeps that order): walking every item
 * alive in the window first costs a lookup per item even when no item has an objective.
 */
export function loadObjectives(db: Database, window: Interval): ObjectiveFact[] {
  const rows = db
    .prepare(
      `SELECT o.key, o.title, o.level, t.key AS team
       FROM objectives o JOIN objective_teams ot ON ot.objective_id = o.id JOIN teams t ON t.id = ot.team_id
       WHERE NOT (o.increment_id IS NOT NULL AND o.level = 'team')
       UNION
       SELECT io.objective_key, coalesce(o.title, io.objective_key), o.level, t.key
       FROM item_objectives io CROSS JOIN work_items w ON w.id = io.item_id JOIN teams t ON t.id = w.team_id
       LEFT JOIN objectives o ON o.key = io.objective_key
       WHERE w.created_at <= @to AND (w.done_at IS NULL OR w.done_at > @from)
         AND NOT (o.increment_id IS NOT NULL AND o.level = 'team')
       ORDER BY 1, 4`,
    )
    .raw()
    .all(window) as [string, string, ObjectiveFact['level'], string][];
  const byKey = new Map<string, { key: string; title: string; level: ObjectiveFact['level']; teamKeys: string[] }>();
  for (const [key, title, level, team] of rows) {
    let objective = byKey.get(key);
    if (!objective) byKey.set(key, (objective = { key, title, level, teamKeys: [] }));
    if (!objective.teamKeys.includes(team)) objective.teamKeys.push(team);
  }
  return [...byKey.values()];
}

export function loadForums(db: Database): DeclaredForum[] {
  const rows = db
    .prepare(
      `SELECT f.id, f.name, f.cadence, t.key AS team
       FROM forums f LEFT JOIN forum_teams ft ON ft.forum_id = f.id LEFT JOIN teams t ON t.id = ft.team_id
       ORDER BY f.id, t.key`,
    )
    .raw()
    .all() as [number, string, string | null, string | null][];
  const forums = new Map<number, { id: number; name: string; cadence: string | null; teamKeys: string[] }>();
  for (const [id, name, cadence, team] of rows) {
    let forum = forums.get(id);
    if (!forum) forums.set(id, (forum = { id, name, cadence, teamKeys: [] }));
    if (team !== null) forum.teamKeys.push(team);
  }
  return [...forums.values()];
}

export function loadRecordedEvidence(db: Database): RecordedEvidence {
  const row = db
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM status_transitions) AS statusHistory,
              EXISTS (SELECT 1 FROM dependencies WHERE interface_name IS NOT NULL) AS interfaces,
              EXISTS (SELECT 1 FROM deployments WHERE release IS NOT NULL) OR EXISTS (SELECT 1 FROM deployment_items) AS integration,
              EXISTS (SELECT 1 FROM objective_teams) OR EXISTS (SELECT 1 FROM item_objectives) AS objectives,
              EXISTS (SELECT 1 FROM work_items WHERE parent_key IS NOT NULL) AS parents,
              EXISTS (SELECT 1 FROM item_releases) AS releases`,
    )
    .get() as Record<keyof RecordedEvidence, number>;
  return {
    statusHistory: row.statusHistory === 1,
    interfaces: row.interfaces === 1,
    integration: row.integration === 1,
    objectives: row.objectives === 1,
    parents: row.parents === 1,
    releases: row.releases === 1,
  };
}

/**
 * Everything the advisor reads for one window, with `range` covering the window and its trend
 * periods; `binDays` divides the window and the periods (completions are counted in such bins).
 */
export function loadCoordinationData(db: Database, range: Interval, window: Interval, binDays = 1): CoordinationData {
  // Outside the read transaction, so that the columns are kept (and their snapshot stored) for the
  // metrics too; the workspace's exclusive lock means nothing changes them in between.
  const columns = columnsOf(db);
  const read = db.transaction(() => {
    const recorded = loadRecordedEvidence(db);
    const integrations = integrationSource(recorded);
    const teams = loadTeams(db);
    const objectives = loadObjectives(db, window);
    // Parents only count for teams without objectives (outcomeSource): a workspace whose teams all
    // have objectives reads none.
    const withObjectives = new Set(objectives.flatMap((o) => (o.level === 'portfolio' ? [] : o.teamKeys)));
    const withoutObjectives = teams.map((t) => t.key).filter((k) => !withObjectives.has(k));
    return {
      teams,
      dependencies: loadDependencies(db, range, columns),
      completions: loadCompletions(db, range, binDays, columns),
      integrations: integrations === 'releases' ? loadReleaseIntegrations(db, range) : integrations === 'deployments' ? loadIntegrations(db, range) : [],
      objectives,
      parents: recorded.parents && withoutObjectives.length > 0 ? loadParents(db, window, withoutObjectives) : [],
      forums: loadForums(db),
      recorded,
      dataFrom: earliestDataInstant(db, columns),
    };
  });
  return read();
}
