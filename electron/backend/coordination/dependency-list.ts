import type { Database } from 'better-sqlite3';
import type { Interval } from '../../../shared/coordination/coordination-data';
import type { DependencyList, DependencyRow } from '../../../shared/contract/coordination-channels';
import { fromEpochMs, fromEpochMsOrNull, MS_PER_DAY } from '../../../shared/domain/time';

// The dependency board of the Teams page: who waits on whom, since when, and whether it is late.
// Open dependencies are those still open at the end of the data; resolved ones, those resolved in
// the window. Oldest first: the age of a wait is what a coordinator acts on, never a team ranking.

export interface DependencyFilter {
  state: 'open' | 'resolved' | 'all';
  teamKey?: string;
  side: 'either' | 'waiting' | 'providing';
  limit: number;
}

type Row = [
  id: number,
  key: string,
  fromItemKey: string | null,
  toItemKey: string | null,
  kind: string,
  interfaceName: string | null,
  createdAt: number,
  neededBy: number | null,
  resolvedAt: number | null,
  fromKey: string | null,
  fromName: string | null,
  toKey: string | null,
  toName: string | null,
  title: string | null,
  total: number,
];

export function listDependencies(db: Database, window: Interval, filter: DependencyFilter): DependencyList {
  const params = { asOf: window.to, from: window.from, state: filter.state, team: filter.teamKey ?? null, side: filter.side, limit: filter.limit };
  const rows = db
    .prepare(
      `WITH chosen AS (
         SELECT d.*, f.key AS fkey, f.name AS fname, t.key AS tkey, t.name AS tname,
                (d.resolved_at IS NULL OR d.resolved_at > @asOf) AS is_open
         FROM dependencies d LEFT JOIN teams f ON f.id = d.from_team_id LEFT JOIN teams t ON t.id = d.to_team_id
         WHERE (d.from_team_id IS NULL OR d.to_team_id IS NULL OR d.from_team_id <> d.to_team_id)
           AND d.created_at <= @asOf
           AND ((@state <> 'resolved' AND (d.resolved_at IS NULL OR d.resolved_at > @asOf))
             OR (@state <> 'open' AND d.resolved_at > @from AND d.resolved_at <= @asOf))
           AND (@team IS NULL OR (@side <> 'providing' AND f.key = @team) OR (@side <> 'waiting' AND t.key = @team))
       )
       SELECT c.id, c.key, c.from_item_key, c.to_item_key, c.kind, c.interface_name, c.created_at, c.needed_by,
              CASE WHEN c.is_open THEN NULL ELSE c.resolved_at END, c.fkey, c.fname, c.tkey, c.tname, w.title,
              count(*) OVER () AS total
       FROM chosen c LEFT JOIN work_items w ON w.key = c.from_item_key
       ORDER BY c.is_open DESC, (CASE WHEN c.is_open THEN @asOf ELSE c.resolved_at END) - c.created_at DESC, c.key
       LIMIT @limit`,
    )
    .raw()
    .all(params) as Row[];

  const blocked = blockedDaysOf(
    db,
    rows.map((r) => r[0]),
    window.to,
  );
  const dependencies: DependencyRow[] = rows.map(
    ([id, key, fromItemKey, toItemKey, kind, interfaceName, createdAt, neededBy, resolvedAt, fromKey, fromName, toKey, toName, title]) => {
      const open = resolvedAt === null;
      return {
        key,
        waitingTeam: fromKey === null ? null : { key: fromKey, name: fromName! },
        providingTeam: toKey === null ? null : { key: toKey, name: toName! },
        fromItemKey,
        fromItemTitle: title,
        toItemKey,
        kind,
        interfaceName,
        createdAt: fromEpochMs(createdAt),
        neededBy: fromEpochMsOrNull(neededBy),
        resolvedAt: fromEpochMsOrNull(resolvedAt),
        state: open ? 'open' : 'resolved',
        ageDays: Math.max(0, ((open ? window.to : resolvedAt) - createdAt) / MS_PER_DAY),
        overdue: open && neededBy !== null && neededBy < window.to,
        blockedDays: blocked.get(id) ?? 0,
      };
    },
  );

  const teams = db
    .prepare(
      `WITH open AS (
         SELECT from_team_id, to_team_id FROM dependencies
         WHERE from_team_id IS NOT to_team_id AND created_at <= @asOf AND (resolved_at IS NULL OR resolved_at > @asOf)
       ),
       counts AS (
         SELECT team_id, sum(waiting) AS waiting, sum(waited) AS waited FROM (
           SELECT from_team_id AS team_id, 1 AS waiting, 0 AS waited FROM open WHERE from_team_id IS NOT NULL
           UNION ALL SELECT to_team_id, 0, 1 FROM open WHERE to_team_id IS NOT NULL
         ) GROUP BY team_id
       )
       SELECT t.key, t.name, t.value_stream AS valueStream, coalesce(c.waiting, 0) AS waitingOn, coalesce(c.waited, 0) AS waitedOnBy
       FROM teams t LEFT JOIN counts c ON c.team_id = t.id
       ORDER BY t.name, t.key`,
    )
    .all({ asOf: window.to }) as DependencyList['teams'];

  return { asOf: fromEpochMs(window.to), windowFrom: fromEpochMs(window.from), total: rows[0]?.[14] ?? 0, dependencies, teams };
}

/** Days each dependency's waiting item sat in a waiting status while the dependency was open (up to `asOf`). */
function blockedDaysOf(db: Database, ids: readonly number[], asOf: number): Map<number, number> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare(
      `WITH deps AS (
         SELECT d.id, d.from_item_key AS item_key, d.created_at AS s, min(coalesce(d.resolved_at, @asOf), @asOf) AS e
         FROM dependencies d WHERE d.id IN (SELECT value FROM json_each(@ids)) AND d.from_item_key IS NOT NULL
       ),
       items AS (SELECT id, key FROM work_items WHERE key IN (SELECT item_key FROM deps)),
       spans AS (
         SELECT st.item_id, st.to_category AS category, st.at AS s,
                coalesce(lead(st.at) OVER (PARTITION BY st.item_id ORDER BY st.at, st.id), @asOf) AS e
         FROM status_transitions st WHERE st.item_id IN (SELECT id FROM items)
       )
       SELECT deps.id, sum(max(0, min(spans.e, deps.e) - max(spans.s, deps.s))) AS ms
       FROM deps JOIN items ON items.key = deps.item_key JOIN spans ON spans.item_id = items.id
       WHERE spans.category = 'waiting'
       GROUP BY deps.id`,
    )
    .raw()
    .all({ ids: JSON.stringify(ids), asOf }) as [number, number][];
  return new Map(rows.map(([id, ms]) => [id, ms / MS_PER_DAY]));
}
