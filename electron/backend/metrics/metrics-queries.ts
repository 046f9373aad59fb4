import type { Database } from 'better-sqlite3';
import { ITEM_TYPES, STATUS_CATEGORIES } from '../../../shared/domain/vocabulary';
import { itemIdsMadeInInterlock } from '../store/queries/delivery-items';
import { asStep, streamRows } from '../store/queries/row-streams';
import { byTimeThenKey, type DependencyRecord, type DeploymentRecord, type IncidentRecord, type ItemDescription, type TeamInfo } from '../../../shared/metrics/metrics-dataset';

// The reads behind the metrics. The two big tables are streamed through an aggregate function
// defined in JavaScript (row-streams.ts): SQLite calls it once per row with plain numbers, so no
// row object or array is ever built.

/** `CASE col WHEN 'a' THEN 0 …`: a text vocabulary as the small integers the typed arrays hold. */
function codeOf(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} ELSE -1 END`;
}

export interface TeamRow extends TeamInfo {
  readonly id: number;
}

export function readTeams(db: Database): TeamRow[] {
  const rows = db.prepare('SELECT id, key, name, value_stream FROM teams ORDER BY id').raw().all() as [number, string, string, string | null][];
  return rows.map(([id, key, name, valueStream]) => ({ id, key, name, valueStream }));
}

export type ItemSink = (id: number, teamId: number | null, type: number, createdAt: number, firstActiveAt: number | null, doneAt: number | null, category: number) => void;

/**
 * Every delivery item (in whatever order SQLite scans them: the loader maps ids itself): the items
 * made in Interlock are planning, not data (delivery-items.ts), so the metrics, the advisor and the
 * data's last day never see them.
 */
export function scanItems(db: Database, sink: ItemSink): void {
  const planned = itemIdsMadeInInterlock(db);
  streamRows(
    db,
    'interlock_scan_items',
    `SELECT interlock_scan_items(id, team_id, ${codeOf('type', ITEM_TYPES)}, created_at, first_active_at, done_at, ${codeOf('status_category', STATUS_CATEGORIES)})
     FROM work_items`,
    asStep((n: number, id: number, team: number | null, type: number, created: number, firstActive: number | null, done: number | null, category: number) => {
      if (planned.size === 0 || !planned.has(id)) sink(id, team, type, created, firstActive, done, category);
      return n + 1;
    }),
  );
}

export type TransitionSink = (itemId: number, at: number, category: number) => void;

/**
 * SQLite's CHECK constraint allows only the five category names, whose first letters differ, so
 * `unicode(to_category)` (one integer, no string crosses into JavaScript) identifies the category.
 */
const CATEGORY_BY_FIRST_LETTER = (() => {
  const table = new Int8Array(128).fill(-1);
  STATUS_CATEGORIES.forEach((c, i) => {
    if (table[c.charCodeAt(0)] !== -1) throw new Error(`status categories must start with distinct letters: ${c}`);
    table[c.charCodeAt(0)] = i;
  });
  return table;
})();

/**
 * Every status transition in recorded order: a full scan of the table (NOT INDEXED, so SQLite walks
 * its b-tree, which yields rows in row-id order, i.e. insertion order), with no index lookups.
 */
export function scanTransitions(db: Database, sink: TransitionSink): void {
  streamRows(
    db,
    'interlock_scan_transitions',
    'SELECT interlock_scan_transitions(item_id, at, unicode(to_category)) FROM status_transitions NOT INDEXED',
    asStep((n: number, item: number, at: number, letter: number) => {
      sink(item, at, CATEGORY_BY_FIRST_LETTER[letter] ?? -1);
      return n + 1;
    }),
  );
}

export function maxItemId(db: Database): number {
  return (db.prepare('SELECT coalesce(max(id), 0) FROM work_items').pluck().get() as number) ?? 0;
}

/** How many rows the two big scans will bring, to size their columns once (rows are seldom deleted, so max(id) is close and costs one b-tree descent). */
export function expectedRows(db: Database): { items: number; transitions: number } {
  const [items, transitions] = db
    .prepare('SELECT (SELECT count(*) FROM work_items), (SELECT coalesce(max(id), 0) FROM status_transitions)')
    .raw()
    .get() as [number, number];
  return { items, transitions };
}

/**
 * The earliest and latest times among deployments and incidents (opened or resolved), null without
 * any: what a dataset's `firstAt` and `asOf` need of them, without reading them.
 */
export function deliveryTimeSpan(db: Database): { first: number; last: number } | null {
  const times = db
    .prepare(
      `SELECT (SELECT min(at) FROM deployments), (SELECT min(opened_at) FROM incidents), (SELECT min(resolved_at) FROM incidents),
              (SELECT max(at) FROM deployments), (SELECT max(opened_at) FROM incidents), (SELECT max(resolved_at) FROM incidents)`,
    )
    .raw()
    .get() as (number | null)[];
  const known = (ts: (number | null)[]) => ts.filter((t): t is number => t !== null);
  const first = known(times.slice(0, 3));
  const last = known(times.slice(3));
  return first.length > 0 ? { first: Math.min(...first), last: Math.max(...last) } : null;
}

/** Every dependency in row order, its waiting item and teams resolved to indexes by `itemIndex` and `teamIndex`. */
export function readDependencies(db: Database, itemIndex: (id: number) => number, teamIndex: (id: number | null) => number): DependencyRecord[] {
  const rows: DependencyRecord[] = [];
  streamRows(
    db,
    'interlock_scan_dependencies',
    // from_item_id is the item from_item_key names (migration 009), without a lookup per row.
    `SELECT interlock_scan_dependencies(d.key, d.from_item_id, d.from_item_key, d.from_team_id, d.to_team_id, d.interface_name, d.created_at, d.needed_by, d.resolved_at)
     FROM dependencies d ORDER BY d.id`,
    asStep(
      (
        n: number,
        key: string,
        fromItemId: number | null,
        fromItemKey: string | null,
        fromTeamId: number | null,
        toTeamId: number | null,
        interfaceName: string | null,
        createdAt: number,
        neededBy: number | null,
        resolvedAt: number | null,
      ) => {
        rows.push({
          key,
          fromItem: fromItemId === null ? -1 : itemIndex(fromItemId),
          fromItemKey,
          fromTeam: teamIndex(fromTeamId),
          toTeam: teamIndex(toTeamId),
          interfaceName,
          createdAt,
          neededBy,
          resolvedAt,
        });
        return n + 1;
      },
    ),
  );
  return rows;
}

/** Sorted by time, then key (sorting in JavaScript beats SQLite's sorter here: no index on `at`). */
export function readDeployments(db: Database, teamIndex: (id: number | null) => number): DeploymentRecord[] {
  const rows: DeploymentRecord[] = [];
  streamRows(
    db,
    'interlock_scan_deployments',
    'SELECT interlock_scan_deployments(key, team_id, service, at, succeeded, change_at, release) FROM deployments',
    asStep((n: number, key: string, team: number | null, service: string | null, at: number, succeeded: number, changeAt: number | null, release: string | null) => {
      rows.push({ key, team: teamIndex(team), service, at, succeeded: succeeded === 1, changeAt, release });
      return n + 1;
    }),
  );
  return rows.sort(byTimeThenKey((d) => d.at));
}

export function readIncidents(db: Database, teamIndex: (id: number | null) => number): IncidentRecord[] {
  const rows = db.prepare('SELECT key, team_id, service, opened_at, resolved_at, caused_by_deployment_key, attribution FROM incidents').raw().all() as [
    string,
    number | null,
    string | null,
    number,
    number | null,
    string | null,
    'data' | 'user',
  ][];
  return rows
    .map(([key, team, service, openedAt, resolvedAt, causedBy, attribution]) => ({ key, team: teamIndex(team), service, openedAt, resolvedAt, causedBy, attribution }))
    .sort(byTimeThenKey((i) => i.openedAt));
}


/** Key, title and current status of a few items by row id, in the order asked. */
export function describeItemsById(db: Database, ids: readonly number[]): ItemDescription[] {
  if (ids.length === 0) return [];
  const rows = db.prepare('SELECT id, key, title, status FROM work_items WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(ids)) as [
    number,
    string,
    string,
    string,
  ][];
  const byId = new Map(rows.map(([id, key, title, status]) => [id, { key, title, status }]));
  return ids.map((id) => byId.get(id) ?? { key: `#${id}`, title: '', status: '' });
}
