import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAsSqlite, latestDataInstant, loadCompletions, loadDependencies, loadIntegrations } from '../../../electron/backend/coordination/coordination-queries';
import { adviseWorkspace } from '../../../electron/backend/coordination/coordination-service';
import { loadColumns, loadMetrics } from '../../../electron/backend/metrics/metrics-dataset-loader';
import { hasMetricsSnapshot } from '../../../electron/backend/store/queries/metrics-snapshot';
import { dataDateRange } from '../../../electron/backend/store/queries/overview';
import { createLocalItem } from '../../../electron/backend/planning/plan-queries';
import { writePortfolio } from '../../../electron/backend/store/queries/portfolio-writes';
import { closeWorkspace, createWorkspace, openWorkspace, type Workspace } from '../../../electron/backend/store/workspace-file';
import type { DependencyFact, Interval } from '../../../shared/coordination/coordination-data';
import type { Portfolio, StatusTransition, WorkItem } from '../../../shared/domain/entities';

// The advisor reads waiting spans, completions and the data's end from the columns the metrics
// load, and groups integrations in JavaScript. They used to come from SQL; that SQL is kept here,
// verbatim, as the reference they must match on a workspace whose awkward cases (changes at the same instant, histories recorded
// out of time order, spans running past the range) were placed by hand.

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 30);
const at = (daysAgo: number) => new Date(T - daysAgo * DAY).toISOString();
const ago = (days: number) => T - days * DAY;

function item(key: string, teamKey: string | null, fields: Partial<WorkItem> = {}): WorkItem {
  return {
    key,
    title: `Item ${key}`,
    type: 'story',
    teamKey,
    status: 'In Progress',
    statusCategory: 'active',
    createdAt: at(60),
    firstActiveAt: null,
    doneAt: null,
    parentKey: null,
    objectiveKeys: [],
    ...fields,
  };
}

const change = (itemKey: string, toStatus: string, daysAgo: number): StatusTransition => ({ itemKey, fromStatus: null, toStatus, at: at(daysAgo) });

const portfolio: Portfolio = {
  teams: [
    { key: 'a', name: 'Alpha', valueStream: null },
    { key: 'b', name: 'Beta', valueStream: null },
    { key: 'c', name: 'Gamma', valueStream: null },
  ],
  items: [
    item('W-1', 'a', { status: 'Done', statusCategory: 'done', doneAt: at(5) }),
    item('W-TIE', 'a'),
    item('W-TIE2', 'a'),
    item('W-ORDER', 'b'),
    item('W-NONE', 'b', { status: 'Blocked', statusCategory: 'waiting', firstActiveAt: at(9) }),
    item('W-LATE', 'c'),
    item('DONE-B', 'b', { status: 'Done', statusCategory: 'done', doneAt: at(0.5) }),
    item('DONE-C', 'c', { status: 'Done', statusCategory: 'done', doneAt: at(1) }),
    // On the edges of ranges: done at a range's start is out, at its end in.
    item('DONE-EDGE', 'b', { status: 'Done', statusCategory: 'done', doneAt: at(13) }),
    item('DONE-END', 'c', { status: 'Done', statusCategory: 'done', doneAt: at(0) }),
    item('CANCELLED', 'c', { status: "Won't Do", statusCategory: 'cancelled', doneAt: at(2) }),
    item('NO-TEAM', null, { status: 'Done', statusCategory: 'done', doneAt: at(3) }),
  ],
  transitions: [
    change('W-1', 'To Do', 30),
    change('W-1', 'In Progress', 25),
    change('W-1', 'Blocked', 20),
    change('W-1', 'In Progress', 15),
    change('W-1', 'Blocked', 10),
    change('W-1', 'Done', 5),
    // Waiting and moving on at the same instant: recorded in that order, no time waited.
    change('W-TIE', 'Blocked', 12),
    change('W-TIE', 'In Progress', 12),
    change('W-TIE', 'Blocked', 8),
    change('W-TIE', 'In Progress', 6),
    // The same instant recorded the other way round: waiting from then on.
    change('W-TIE2', 'In Progress', 12),
    change('W-TIE2', 'Blocked', 12),
    change('W-TIE2', 'In Progress', 9),
    // Recorded out of time order: in time, waiting is the last change.
    change('W-ORDER', 'Blocked', 4),
    change('W-ORDER', 'In Progress', 14),
    change('W-ORDER', 'To Do', 20),
    // Moving on after the data's window ends.
    change('W-LATE', 'Blocked', 3),
    change('W-LATE', 'In Progress', -5),
  ],
  dependencies: [
    { key: 'D1', fromItemKey: 'W-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: 'API', createdAt: at(22), neededBy: null, resolvedAt: at(8) },
    { key: 'D2', fromItemKey: 'W-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'c', kind: 'blocks', interfaceName: null, createdAt: at(40), neededBy: null, resolvedAt: null },
    { key: 'D3', fromItemKey: 'W-TIE', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: at(13), neededBy: null, resolvedAt: null },
    { key: 'D4', fromItemKey: 'W-TIE2', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'c', kind: 'blocks', interfaceName: null, createdAt: at(13), neededBy: null, resolvedAt: null },
    { key: 'D5', fromItemKey: 'W-ORDER', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: at(30), neededBy: null, resolvedAt: null },
    { key: 'D6', fromItemKey: 'W-NONE', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'c', kind: 'blocks', interfaceName: null, createdAt: at(30), neededBy: null, resolvedAt: null },
    { key: 'D7', fromItemKey: 'NOT-IMPORTED', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: at(30), neededBy: null, resolvedAt: null },
    { key: 'D8', fromItemKey: 'W-LATE', fromTeamKey: 'c', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: at(5), neededBy: null, resolvedAt: at(-10) },
    { key: 'D9', fromItemKey: 'W-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: at(30), neededBy: null, resolvedAt: null },
    { key: 'D10', fromItemKey: null, fromTeamKey: 'c', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: at(30), neededBy: null, resolvedAt: null },
  ],
  deployments: [
    { key: 'R1-a', teamKey: 'a', service: null, at: at(10), succeeded: true, changeAt: null, release: 'Train \u{1F600}', itemKeys: ['W-1'] },
    { key: 'R1-b', teamKey: 'b', service: null, at: at(9), succeeded: true, changeAt: null, release: 'Train \u{1F600}', itemKeys: [] },
    { key: 'R2', teamKey: 'c', service: null, at: at(8), succeeded: true, changeAt: null, release: 'Train \uFFFD', itemKeys: [] },
    { key: 'R3', teamKey: null, service: 'shop', at: at(7), succeeded: true, changeAt: null, release: 'Train Z', itemKeys: ['DONE-B', 'NOT-IMPORTED'] },
    { key: 'ALONE', teamKey: 'a', service: null, at: at(6), succeeded: true, changeAt: null, release: null, itemKeys: ['DONE-C', 'W-TIE'] },
    { key: 'NOBODY', teamKey: null, service: 'shop', at: at(5), succeeded: true, changeAt: null, release: null, itemKeys: [] },
    { key: 'OLD', teamKey: 'a', service: null, at: at(300), succeeded: true, changeAt: null, release: null, itemKeys: [] },
  ],
  incidents: [],
  objectives: [],
};

const RANGES: Interval[] = [
  { from: ago(180), to: T },
  { from: ago(180), to: ago(11) },
  { from: ago(13), to: ago(7) },
  { from: ago(400), to: ago(-30) },
  { from: ago(2000), to: ago(1000) },
];

const CROSS_TEAM_ACTIVE = `d.from_team_id IS NOT NULL AND d.to_team_id IS NOT NULL AND d.from_team_id <> d.to_team_id
  AND d.created_at < @to AND (d.resolved_at IS NULL OR d.resolved_at > @from)`;

/** The loader's SQL before the columns (a second pass over every status change). */
function dependenciesBySql(db: Database, range: Interval): DependencyFact[] {
  const teamKey = new Map(db.prepare('SELECT id, key FROM teams').raw().all() as [number, string][]);
  const spans = new Map<number, [number, number][]>();
  const waits = db
    .prepare(
      `SELECT d.id, max(st.at, d.created_at) AS s,
              min(coalesce((SELECT n.at FROM status_transitions n
                            WHERE n.item_id = st.item_id AND (n.at > st.at OR (n.at = st.at AND n.id > st.id))
                            ORDER BY n.at, n.id LIMIT 1), @to),
                  coalesce(d.resolved_at, @to)) AS e
       FROM status_transitions st
       CROSS JOIN work_items w ON w.id = st.item_id
       CROSS JOIN dependencies d ON d.from_item_key = w.key
       WHERE st.to_category = 'waiting' AND st.at < @to AND ${CROSS_TEAM_ACTIVE} AND st.at < coalesce(d.resolved_at, @to)`,
    )
    .raw();
  for (const [id, s, e] of waits.iterate(range) as Iterable<[number, number, number]>) {
    if (e <= s) continue;
    spans.set(id, [...(spans.get(id) ?? []), [s, e]]);
  }
  for (const list of spans.values()) list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rows = db
    .prepare(
      `SELECT d.id, d.key, d.from_team_id, d.to_team_id, d.created_at, d.resolved_at, d.interface_name IS NOT NULL
       FROM dependencies d WHERE ${CROSS_TEAM_ACTIVE} ORDER BY d.id`,
    )
    .raw()
    .all(range) as [number, string, number, number, number, number | null, number][];
  return rows.map(([id, key, fromId, toId, createdAt, resolvedAt, interfaced]) => ({
    key,
    fromTeamKey: teamKey.get(fromId)!,
    toTeamKey: teamKey.get(toId)!,
    createdAt,
    resolvedAt,
    interfaced: interfaced === 1,
    waits: spans.get(id) ?? [],
  }));
}

function completionsBySql(db: Database, range: Interval, binDays: number) {
  const teamKey = new Map(db.prepare('SELECT id, key FROM teams').raw().all() as [number, string][]);
  const bin = binDays * DAY;
  const rows = db
    .prepare(
      `SELECT w.team_id, CAST((@to - w.done_at) / @bin AS INTEGER) AS back, count(*) AS n
       FROM work_items w
       WHERE w.status_category = 'done' AND w.done_at > @from AND w.done_at <= @to AND w.team_id IS NOT NULL
       GROUP BY w.team_id, back`,
    )
    .raw()
    .all({ ...range, bin }) as [number, number, number][];
  return rows.map(([teamId, back, count]) => ({ teamKey: teamKey.get(teamId)!, at: range.to - back * bin, count }));
}

function integrationsBySql(db: Database, range: Interval) {
  const rows = db
    .prepare(
      `WITH deps AS (SELECT id, key, release, at, team_id FROM deployments WHERE at > @from AND at <= @to AND succeeded = 1),
       owners AS (
         SELECT id, team_id FROM deps WHERE team_id IS NOT NULL
         UNION
         SELECT di.deployment_id, w.team_id
         FROM deployment_items di JOIN deps ON deps.id = di.deployment_id JOIN work_items w ON w.key = di.item_key
         WHERE w.team_id IS NOT NULL
       )
       SELECT coalesce('release:' || deps.release, 'deployment:' || deps.key) AS event, min(deps.at) AS at,
              json_group_array(DISTINCT t.key) AS teams
       FROM deps JOIN owners ON owners.id = deps.id JOIN teams t ON t.id = owners.team_id
       GROUP BY event
       ORDER BY event`,
    )
    .raw()
    .all(range) as [string, number, string][];
  return rows.map(([key, at, teams]) => ({ key, at, teamKeys: (JSON.parse(teams) as string[]).sort() }));
}

let dir: string;
let path: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-coordination-columns-'));
  path = join(dir, 'hand-built.interlock');
  closeWorkspace(createWorkspace(path, { fill: (db) => db.transaction(() => writePortfolio(db, portfolio))() }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `check` on the columns scanned from the tables (first open), then on the snapshot that scan stored (reopened). */
function onBothSources(check: (workspace: Workspace) => void): void {
  const first = openWorkspace(path);
  first.db.prepare('DELETE FROM metrics_snapshot').run();
  closeWorkspace(first);
  for (const source of ['tables', 'snapshot'] as const) {
    const workspace = openWorkspace(path);
    try {
      expect(loadColumns(workspace.db).source).toBe(source);
      check(workspace);
    } finally {
      closeWorkspace(workspace);
    }
  }
}

describe('the advisor’s inputs from the columns, against the SQL they replace', () => {
  it('gives every range the same dependencies with the same waiting spans', () => {
    onBothSources(({ db }) => {
      for (const range of RANGES) expect(loadDependencies(db, range), JSON.stringify(range)).toEqual(dependenciesBySql(db, range));
    });
  });

  it('gives the same spans when every history was recorded in one run, in time order (read in place, not gathered)', () => {
    const inOrder = join(dir, 'in-order.interlock');
    copyFileSync(path, inOrder);
    const workspace = openWorkspace(inOrder);
    try {
      const { db } = workspace;
      db.prepare("DELETE FROM status_transitions WHERE item_id = (SELECT id FROM work_items WHERE key = 'W-ORDER')").run();
      for (const range of RANGES) expect(loadDependencies(db, range), JSON.stringify(range)).toEqual(dependenciesBySql(db, range));
      expect(loadDependencies(db, RANGES[0]!).find((d) => d.key === 'D3')!.waits).toEqual([[ago(8), ago(6)]]);
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('places the spans by hand: same-instant changes in recorded order, histories in time order, a span past the range', () => {
    onBothSources(({ db }) => {
      const waits = new Map(loadDependencies(db, RANGES[0]!).map((d) => [d.key, d.waits]));
      expect(waits.get('D1')).toEqual([[ago(20), ago(15)], [ago(10), ago(8)]]);
      expect(waits.get('D2')).toEqual([[ago(20), ago(15)], [ago(10), ago(5)]]);
      expect(waits.get('D3')).toEqual([[ago(8), ago(6)]]);
      expect(waits.get('D4')).toEqual([[ago(12), ago(9)]]);
      expect(waits.get('D5')).toEqual([[ago(4), T]]);
      expect(waits.get('D6')).toEqual([]);
      expect(waits.get('D7')).toEqual([]);
      // Resolved after the range's end: the span runs to the item's next change, as the SQL had it.
      expect(waits.get('D8')).toEqual([[ago(3), ago(-5)]]);
      expect([...waits.keys()]).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D10']);
    });
  });

  it('counts the same completions per team and bin, in the same order', () => {
    onBothSources(({ db }) => {
      for (const range of RANGES) for (const binDays of [1, 2, 7]) expect(loadCompletions(db, range, binDays)).toEqual(completionsBySql(db, range, binDays));
      expect(loadCompletions(db, RANGES[0]!, 1)).toEqual([
        { teamKey: 'a', at: ago(5), count: 1 },
        { teamKey: 'b', at: T, count: 1 },
        { teamKey: 'b', at: ago(13), count: 1 },
        { teamKey: 'c', at: T, count: 1 },
        { teamKey: 'c', at: ago(1), count: 1 },
      ]);
    });
  });

  it('groups the same integrations, with the same teams and times, in SQLite’s order', () => {
    const workspace = openWorkspace(path);
    try {
      const { db } = workspace;
      for (const range of RANGES) expect(loadIntegrations(db, range)).toEqual(integrationsBySql(db, range));
      expect(loadIntegrations(db, RANGES[0]!)).toEqual([
        { key: 'deployment:ALONE', at: ago(6), teamKeys: ['a', 'c'] },
        { key: 'release:Train Z', at: ago(7), teamKeys: ['b'] },
        { key: 'release:Train \uFFFD', at: ago(8), teamKeys: ['c'] },
        { key: 'release:Train \u{1F600}', at: ago(10), teamKeys: ['a', 'b'] },
      ]);
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('ends the data where dataDateRange does', () => {
    onBothSources(({ db }) => {
      expect(latestDataInstant(db)).toBe(dataDateRange(db)!.to);
      expect(latestDataInstant(db)).toBe(ago(-5));
    });
  });
});

describe('edge cases', () => {
  it('the advisor never writes, not even the snapshot of the columns it scanned; the next metrics load stores them', () => {
    const copy = join(dir, 'no-snapshot.interlock');
    copyFileSync(path, copy);
    const workspace = openWorkspace(copy);
    try {
      const { db } = workspace;
      db.prepare('DELETE FROM metrics_snapshot').run();
      const changes = () => db.prepare('SELECT total_changes()').pluck().get();
      const before = changes();
      adviseWorkspace(db);
      expect(changes()).toBe(before);
      expect(hasMetricsSnapshot(db)).toBe(false);
      expect(loadMetrics(db).source).toBe('tables');
      expect(hasMetricsSnapshot(db)).toBe(true);
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('orders text as SQLite does, characters beyond U+FFFF after U+E000–U+FFFF', () => {
    const words = ['b', 'a\u{1F600}', 'a\uFFFD', 'a', 'A', 'a\uE000x', '', 'a\u{10000}', 'ab', '\u00E9'];
    const workspace = openWorkspace(path);
    try {
      const bySqlite = workspace.db.prepare('SELECT value FROM json_each(?) ORDER BY value').pluck().all(JSON.stringify(words));
      expect([...words].sort(compareAsSqlite)).toEqual(bySqlite);
      expect([...words].sort()).not.toEqual(bySqlite);
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('an empty workspace has no end, no dependencies and no completions', () => {
    const empty = join(dir, 'empty.interlock');
    closeWorkspace(createWorkspace(empty));
    const workspace = openWorkspace(empty);
    try {
      expect(latestDataInstant(workspace.db)).toBeNull();
      expect(dataDateRange(workspace.db)).toBeNull();
      expect(loadDependencies(workspace.db, RANGES[0]!)).toEqual([]);
      expect(loadCompletions(workspace.db, RANGES[0]!)).toEqual([]);
    } finally {
      closeWorkspace(workspace);
    }
  });

  it('deployments and incidents after the last status change move the end, as in dataDateRange', () => {
    const copy = join(dir, 'later-deployments.interlock');
    copyFileSync(path, copy);
    const workspace = openWorkspace(copy);
    try {
      const { db } = workspace;
      const team = db.prepare("SELECT id FROM teams WHERE key = 'a'").pluck().get();
      db.prepare('INSERT INTO deployments (key, team_id, at, succeeded) VALUES (?, ?, ?, 1)').run('LATE', team, ago(-7));
      expect(latestDataInstant(db)).toBe(ago(-7));
      db.prepare("INSERT INTO incidents (key, team_id, opened_at, resolved_at, attribution) VALUES ('I', ?, ?, ?, 'data')").run(team, ago(1), ago(-9));
      expect(latestDataInstant(db)).toBe(ago(-9));
      expect(latestDataInstant(db)).toBe(dataDateRange(db)!.to);
    } finally {
      closeWorkspace(workspace);
    }
  });
  it('a card made in Interlock is planning, not data: no column, end or date range holds it, from the tables or the snapshot', () => {
    const copy = join(dir, 'with-a-card.interlock');
    copyFileSync(path, copy);
    const made = openWorkspace(copy);
    const end = latestDataInstant(made.db);
    const items = loadColumns(made.db).columns.items.count;
    // Stamped with the wall clock when typed: 40 days after the data here.
    const key = createLocalItem(made.db, { title: 'Placeholder', type: 'feature', teamKey: 'a', size: null }, ago(-40));
    expect(made.db.prepare('SELECT count(*) FROM metrics_snapshot').pluck().get()).toBe(0);
    closeWorkspace(made);
    for (const source of ['tables', 'snapshot'] as const) {
      const workspace = openWorkspace(copy);
      try {
        const { db } = workspace;
        expect(db.prepare('SELECT created_at FROM work_items WHERE key = ?').pluck().get(key)).toBe(ago(-40));
        expect(loadColumns(db).source).toBe(source);
        expect(loadColumns(db).columns.items.count).toBe(items);
        expect(latestDataInstant(db)).toBe(end);
        expect(dataDateRange(db)!.to).toBe(end);
        expect(loadMetrics(db).dataset.asOf).toBe(end);
      } finally {
        closeWorkspace(workspace);
      }
    }
  });
});
