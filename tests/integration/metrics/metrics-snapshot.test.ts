import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../electron/backend/backend';
import { afterEach, describe, expect, it } from 'vitest';
import { loadColumns, loadMetrics, readDataset, scanTables, storeSnapshotAfterImport } from '../../../electron/backend/metrics/metrics-dataset-loader';
import { readTeams } from '../../../electron/backend/metrics/metrics-queries';
import { encodeSnapshot, SNAPSHOT_FORMAT } from '../../../electron/backend/metrics/metrics-snapshot';
import { hasMetricsSnapshot, readMetricsSnapshot, writeMetricsSnapshot } from '../../../electron/backend/store/queries/metrics-snapshot';
import { SNAPSHOT_TRIGGERS } from '../../../electron/backend/store/migrations/004-metrics-snapshot';
import type { Backend } from '../../../electron/backend/backend';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { metricsContext } from '../../../shared/metrics/metrics-context';
import { flowFixture, request, TWO_WEEKS } from '../../unit/metrics/metrics-fixtures';
import { fixture, runImport, tempWorkspace } from '../import/import-support';
import { valueOf, workspaceWith } from './metrics-workspace';

// The snapshot is a cache of the items and status changes inside the workspace file. What matters:
// a reopened workspace answers from it exactly as from the tables, and no change to those tables,
// by this app or anyone else, can leave it behind stale.

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

async function open() {
  const ws = await workspaceWith(flowFixture());
  dispose = ws.dispose;
  return ws;
}

const flowOf = (backend: Backend) => valueOf(backend.call('metrics.flow', { window: TWO_WEEKS, compare: 'none' }));
const dbOf = (backend: Backend) => backend.context.session.require().db;

/** One team's Flow report. */
const teamFlowOf = (backend: Backend, team: string) => valueOf(backend.call('metrics.flow', { window: TWO_WEEKS, compare: 'none', teamKeys: [team] }));

/** The Flow report computed from the tables alone, bypassing both the snapshot and the cache. */
function fromTables(backend: Backend, teamKeys?: string[]) {
  return computeFlowReport(metricsContext(readDataset(dbOf(backend)), request({ window: TWO_WEEKS, ...(teamKeys ? { teamKeys } : {}) })));
}

/** The snapshot's bytes as stored, and as a scan of the tables would make them. */
const storedSnapshot = (db: Database.Database) => readMetricsSnapshot(db, SNAPSHOT_FORMAT);
const scannedSnapshot = (db: Database.Database) => Buffer.from(encodeSnapshot(scanTables(db, readTeams(db))));

/** A-1's last status change (to Done, day 4.375). */
const LAST_OF_A1 = `SELECT max(t.id) FROM status_transitions t JOIN work_items w ON w.id = t.item_id WHERE w.key = 'A-1'`;

async function reopen(backend: Backend, path: string): Promise<void> {
  await valueOf(backend.call('workspace.close', {}));
  await valueOf(backend.call('workspace.open', { path }));
}

/** Changes the closed workspace through a connection of its own, as the sqlite3 shell or an older Interlock would. */
async function changeOutside(backend: Backend, path: string, sql: string): Promise<void> {
  await valueOf(backend.call('workspace.close', {}));
  const raw = new Database(path);
  try {
    raw.exec(sql);
  } finally {
    raw.close();
  }
  await valueOf(backend.call('workspace.open', { path }));
}

describe('metrics snapshot in a real workspace file', () => {
  it('the first metrics call stores it; the reopened workspace answers from it exactly as from the tables', async () => {
    const { backend, path } = await open();
    expect(hasMetricsSnapshot(dbOf(backend))).toBe(false);
    const first = await flowOf(backend);
    expect(loadMetrics(dbOf(backend)).source).toBe('tables');
    expect(hasMetricsSnapshot(dbOf(backend))).toBe(true);

    await reopen(backend, path);
    const again = await flowOf(backend);
    expect(loadMetrics(dbOf(backend)).source).toBe('snapshot');
    expect(again).toEqual(first);
    expect(again).toEqual(fromTables(backend));
    expect(again.current.cycleTimeDays).toMatchObject({ n: 5, p50: 3 });
  });

  // Each change alters the named team's figures, so a stale snapshot could not go unnoticed.
  it.each([
    ['a status change moved in time', 'a', `UPDATE status_transitions SET at = at + 86400000 WHERE id = (${LAST_OF_A1})`],
    ['a status change added', 'a', `INSERT INTO status_transitions (item_id, from_status, to_status, to_category, at) SELECT id, 'Done', 'In Progress', 'active', created_at + 5 * 86400000 FROM work_items WHERE key = 'A-2'`],
    ['a status change removed', 'a', `DELETE FROM status_transitions WHERE id = (${LAST_OF_A1})`],
    ['a status re-categorised', 'a', `UPDATE status_transitions SET to_category = 'waiting' WHERE to_status = 'In Progress'`],
    ['an item removed', 'a', `DELETE FROM work_items WHERE key = 'A-1'`],
    ['an item moved to another team', 'a', `UPDATE work_items SET team_id = (SELECT id FROM teams WHERE key = 'b') WHERE key = 'A-3'`],
    ['an item’s dates changed (one without history)', 'b', `UPDATE work_items SET first_active_at = first_active_at - 86400000 WHERE key = 'B-5'`],
    [
      'an item added',
      'a',
      `INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at, first_active_at, done_at)
       SELECT 'N-1', 'new', 'story', team_id, 'Done', 'done', created_at, created_at, created_at + 86400000 FROM work_items WHERE key = 'A-1'`,
    ],
  ])('%s by another program deletes it, and the next open reads the change from the tables', async (_, team, sql) => {
    const { backend, path } = await open();
    const before = await teamFlowOf(backend, team);
    await changeOutside(backend, path, sql);
    expect(hasMetricsSnapshot(dbOf(backend))).toBe(false);
    const after = await teamFlowOf(backend, team);
    expect(loadMetrics(dbOf(backend)).source).toBe('tables');
    expect(after).toEqual(fromTables(backend, [team]));
    expect(after).not.toEqual(before);
  });

  it('a change to a column it does not hold (a title) keeps it', async () => {
    const { backend, path } = await open();
    await flowOf(backend);
    await changeOutside(backend, path, `UPDATE work_items SET title = 'Renamed' WHERE key = 'A-1'`);
    expect(hasMetricsSnapshot(dbOf(backend))).toBe(true);
    await flowOf(backend);
    expect(loadMetrics(dbOf(backend)).source).toBe('snapshot');
  });

  it('an import through the app replaces it right after its commit: the next call answers from the loaded import, and its triggers stand as they were', async () => {
    const { backend } = await open();
    await flowOf(backend);
    const status = await runImport(backend, [fixture('interlock', 'interlock-items.csv'), fixture('interlock', 'interlock-transitions.csv')]);
    expect(status.state).toBe('done');
    const db = dbOf(backend);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual(Object.keys(SNAPSHOT_TRIGGERS).sort());
    expect(hasMetricsSnapshot(db)).toBe(true);
    expect(storedSnapshot(db)).toEqual(scannedSnapshot(db));
    // The advisor shares the columns: kept too, so advice right after the import reads nothing back.
    expect(loadColumns(db, { store: false })).toMatchObject({ source: 'import', inSnapshot: true });
    const after = await flowOf(backend);
    expect(loadMetrics(db).source).toBe('import');
    expect(loadMetrics(db).dataset.items.count).toBe(db.prepare('SELECT count(*) FROM work_items').pluck().get());
    expect(after).toEqual(fromTables(backend));
    // The triggers work after the import: a change drops it.
    db.prepare(`UPDATE work_items SET done_at = done_at + 1 WHERE key = 'CHK-2'`).run();
    expect(hasMetricsSnapshot(db)).toBe(false);
  });

  it('written again, it takes the pages of the one it replaces: the file does not grow by a snapshot each time', async () => {
    const { backend } = await open();
    const db = dbOf(backend);
    const bytes = new Uint8Array(2 * 1024 * 1024).fill(7);
    writeMetricsSnapshot(db, 'interlock-test', bytes);
    const pages = db.pragma('page_count', { simple: true }) as number;
    writeMetricsSnapshot(db, 'interlock-test', bytes);
    writeMetricsSnapshot(db, SNAPSHOT_FORMAT, bytes);
    expect(db.pragma('page_count', { simple: true })).toBe(pages);
    expect(db.prepare('SELECT format, length(data) FROM metrics_snapshot').raw().all()).toEqual([[SNAPSHOT_FORMAT, bytes.byteLength]]);
  });

  describe('edge cases', () => {
    it('a snapshot taken before a team was added by hand (team indexes shift) is ignored', async () => {
      const { backend, path } = await open();
      const before = await flowOf(backend);
      // Teams carry no trigger: the snapshot checks the team list itself. Id 0 sorts before every other team.
      await changeOutside(backend, path, `INSERT INTO teams (id, key, name) VALUES (0, 'z', 'Zulu')`);
      expect(hasMetricsSnapshot(dbOf(backend))).toBe(true);
      const teams = await valueOf(backend.call('metrics.flow', { window: TWO_WEEKS, compare: 'none', teamKeys: ['a'] }));
      expect(loadMetrics(dbOf(backend)).source).toBe('tables');
      expect(teams.current.cycleTimeDays.n).toBeGreaterThan(0);
      expect(teams.current.cycleTimeDays.n).toBeLessThan(before.current.cycleTimeDays.n);
      expect(await flowOf(backend)).toEqual(fromTables(backend));
    });

    it('damaged bytes are ignored, the figures still come from the tables, and a good snapshot replaces them', async () => {
      const { backend, path } = await open();
      const before = await flowOf(backend);
      await changeOutside(backend, path, `UPDATE metrics_snapshot SET data = randomblob(length(data))`);
      expect(await flowOf(backend)).toEqual(before);
      expect(loadMetrics(dbOf(backend)).source).toBe('tables');
      await reopen(backend, path);
      await flowOf(backend);
      expect(loadMetrics(dbOf(backend)).source).toBe('snapshot');
    });

    it('metrics read inside a transaction that is rolled back are neither kept nor stored', async () => {
      const { backend } = await open();
      const db = dbOf(backend);
      const before = await flowOf(backend);
      db.prepare('DELETE FROM metrics_snapshot').run();
      const rollback = new Error('rolled back');
      expect(() =>
        db.transaction(() => {
          db.prepare(`DELETE FROM work_items WHERE key = 'A-1'`).run();
          expect(loadMetrics(db).dataset.items.count).toBe(flowFixture().items.length - 1);
          throw rollback;
        })(),
      ).toThrow(rollback);
      expect(hasMetricsSnapshot(db)).toBe(false);
      // Rolling back left total_changes() moved on, yet the data is what it was before.
      expect(await flowOf(backend)).toEqual(before);
      expect(hasMetricsSnapshot(db)).toBe(true);
    });

    it('a full disk while storing it leaves the answer as it is and nothing half-written', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'interlock-full-'));
      const backend = createBackend({ log: () => undefined });
      dispose = () => {
        backend.close();
        rmSync(dir, { recursive: true, force: true });
      };
      await valueOf(backend.call('workspace.createDemo', { path: join(dir, 'full.interlock'), items: 400 }));
      const db = dbOf(backend);
      // The file may not grow by a page: the snapshot (some 100 KB here) cannot be stored.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const flow = await valueOf(backend.call('metrics.flow', {}));
      expect(flow.current.throughputPerWeek.total).toBeGreaterThan(0);
      expect(hasMetricsSnapshot(db)).toBe(false);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    });

    it('a full disk when an import stores it costs only the snapshot: the import’s rows stay committed', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'interlock-full-'));
      const backend = createBackend({ log: () => undefined });
      dispose = () => {
        backend.close();
        rmSync(dir, { recursive: true, force: true });
      };
      await valueOf(backend.call('workspace.createDemo', { path: join(dir, 'full.interlock'), items: 400 }));
      const db = dbOf(backend);
      db.exec('VACUUM');
      db.prepare(`DELETE FROM work_items WHERE id = (SELECT max(id) FROM work_items)`).run();
      const items = db.prepare('SELECT count(*) FROM work_items').pluck().get() as number;
      db.exec('VACUUM');
      // Not one page more, and none free: the snapshot (some 100 KB) cannot be written.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      storeSnapshotAfterImport(db);
      expect(hasMetricsSnapshot(db)).toBe(false);
      expect(db.prepare('SELECT count(*) FROM work_items').pluck().get()).toBe(items);
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    });

    it('into a workspace without status changes, the import’s own columns make the same snapshot and answers as the tables', async () => {
      const ws = await tempWorkspace();
      dispose = ws.dispose;
      const status = await runImport(ws.backend, ['interlock-teams.csv', 'interlock-items.csv', 'interlock-transitions.csv', 'interlock-dependencies.csv'].map((f) => fixture('interlock', f)));
      expect(status.state).toBe('done');
      const db = dbOf(ws.backend);
      expect(db.prepare('SELECT count(*) FROM status_transitions').pluck().get()).toBeGreaterThan(0);
      expect(storedSnapshot(db)).toEqual(scannedSnapshot(db));
      expect(loadMetrics(db).source).toBe('import');
      expect(await flowOf(ws.backend)).toEqual(fromTables(ws.backend));
      // A second import replaces histories: the snapshot comes from the tables, and still matches them.
      const again = await runImport(ws.backend, [fixture('interlock', 'interlock-transitions.csv')]);
      expect(again.state).toBe('done');
      expect(storedSnapshot(db)).toEqual(scannedSnapshot(db));
      expect(await flowOf(ws.backend)).toEqual(fromTables(ws.backend));
    });

    it('into a workspace without items, the items as the import last wrote them make the same snapshot as the table: a key given twice, an item without a team', async () => {
      const ws = await tempWorkspace();
      dispose = ws.dispose;
      const items = join(ws.dir, 'items.csv');
      writeFileSync(
        items,
        [
          'key,title,type,team,status,status_category,created_at,first_active_at,done_at',
          'A-1,First,story,t1,In Progress,active,2024-01-01T00:00:00Z,2024-01-02T00:00:00Z,',
          'A-2,Other,epic,,To Do,todo,2024-01-03T00:00:00Z,,',
          'A-1,Again,defect,t2,Done,done,2024-01-04T00:00:00Z,2024-01-05T00:00:00Z,2024-01-06T00:00:00Z',
        ].join('\n'),
      );
      expect((await runImport(ws.backend, [items])).state).toBe('done');
      const db = dbOf(ws.backend);
      expect(db.prepare('SELECT key, type FROM work_items ORDER BY id').raw().all()).toEqual([
        ['A-1', 'defect'],
        ['A-2', 'epic'],
      ]);
      expect(storedSnapshot(db)).toEqual(scannedSnapshot(db));
      expect(loadMetrics(db).source).toBe('import');
      expect(await flowOf(ws.backend)).toEqual(fromTables(ws.backend));
    });

    it('is stored only after the import has committed', async () => {
      const { backend } = await open();
      const db = dbOf(backend);
      expect(() => db.transaction(() => storeSnapshotAfterImport(db))()).toThrow(/after the import has committed/);
    });

    it('a snapshot of another format (another Interlock version) is ignored and replaced', async () => {
      const { backend, path } = await open();
      const before = await flowOf(backend);
      await changeOutside(backend, path, `UPDATE metrics_snapshot SET format = 'interlock-columns/0'`);
      expect(await flowOf(backend)).toEqual(before);
      expect(loadMetrics(dbOf(backend)).source).toBe('tables');
      expect(dbOf(backend).prepare('SELECT format FROM metrics_snapshot').pluck().get()).toMatch(/^interlock-columns\/3 /);
    });
  });
});
