import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../../electron/backend/store/migrations';
import { PortfolioWriter, statusCategoryResolver, upsertDependencies, upsertItems, upsertTeams, writePortfolio } from '../../../electron/backend/store/queries/portfolio-writes';
import { linkDependencyItems } from '../../../electron/backend/store/queries/dependency-items';
import { addDependency, createLocalItem } from '../../../electron/backend/planning/plan-queries';
import type { Dependency, Portfolio, WorkItem } from '../../../shared/domain/entities';
import { fromWorkItem } from '../../../shared/import/import-records';
import { databasePerTest } from '../../support/migration-database';

// dependencies.from_item_id must always be the id of the item from_item_key names (NULL when none
// does): the advisor and the Flow metrics read it instead of joining on the key. Found by name, so
// that renumbering the migration at a merge changes nothing here.
const ITEM_IDS = MIGRATIONS.find((m) => m.name === 'dependency item ids')!;

/** Dependencies whose from_item_id is not what the join on from_item_key gives: none, always. */
function mislinked(db: Database.Database): { key: string; fromItemId: number | null; joined: number | null }[] {
  return db
    .prepare(
      `SELECT d.key, d.from_item_id AS fromItemId, w.id AS joined FROM dependencies d LEFT JOIN work_items w ON w.key = d.from_item_key
       WHERE d.from_item_id IS NOT w.id ORDER BY d.key`,
    )
    .all() as { key: string; fromItemId: number | null; joined: number | null }[];
}

function linked(db: Database.Database): Record<string, number | null> {
  return Object.fromEntries(db.prepare('SELECT key, from_item_id FROM dependencies ORDER BY key').raw().all() as [string, number | null][]);
}

const item = (key: string, teamKey = 'a'): WorkItem => ({
  key,
  title: key,
  type: 'story',
  teamKey,
  status: 'Open',
  statusCategory: 'todo',
  createdAt: '2024-01-01T00:00:00.000Z',
  firstActiveAt: null,
  doneAt: null,
  parentKey: null,
  objectiveKeys: [],
});

const dependency = (key: string, fromItemKey: string | null, toItemKey: string | null = null): Dependency => ({
  key,
  fromItemKey,
  fromTeamKey: 'a',
  toItemKey,
  toTeamKey: 'b',
  kind: 'blocks',
  interfaceName: null,
  createdAt: '2024-01-02T00:00:00.000Z',
  neededBy: null,
  resolvedAt: null,
});

describe('dependency item ids', () => {
  let db: Database.Database;
  databasePerTest((opened) => (db = opened));

  it('the migration gives the dependencies already held the id of the item each names', () => {
    migrate(db, 'm', ITEM_IDS.version - 1);
    db.exec(`
      INSERT INTO teams (id, key, name) VALUES (1, 'a', 'A'), (2, 'b', 'B');
      INSERT INTO work_items (id, key, title, type, team_id, status, status_category, created_at) VALUES
        (7, 'A-1', 'A one', 'story', 1, 'Open', 'todo', 0), (9, 'B-1', 'B one', 'story', 2, 'Open', 'todo', 0);
      INSERT INTO dependencies (key, from_item_key, from_team_id, to_item_key, to_team_id, kind, created_at) VALUES
        ('D-1', 'A-1', 1, 'B-1', 2, 'blocks', 0), ('D-2', 'B-1', 2, 'A-1', 1, 'blocks', 0),
        ('D-3', 'GONE-1', 1, 'B-1', 2, 'blocks', 0), ('D-4', NULL, 1, NULL, 2, 'blocks', 0);
    `);
    migrate(db, 'm', ITEM_IDS.version);
    expect(linked(db)).toEqual({ 'D-1': 7, 'D-2': 9, 'D-3': null, 'D-4': null });
    // D-3 waits for its item; it is the only one the linking looks at.
    expect(db.prepare(`SELECT key FROM dependencies INDEXED BY dependencies_unlinked_item WHERE from_item_id IS NULL AND from_item_key IS NOT NULL`).pluck().all()).toEqual(['D-3']);
  });

  it('imports fill it: items written first, or after their dependencies in the same writer or a later one', () => {
    migrate(db, 'm');
    upsertTeams(db, [
      { key: 'a', name: 'A', valueStream: null },
      { key: 'b', name: 'B', valueStream: null },
    ]);
    writePortfolio(db, { teams: [], objectives: [], items: [item('A-1'), item('B-1', 'b')], transitions: [], dependencies: [dependency('D-1', 'A-1', 'B-1')], deployments: [], incidents: [] } satisfies Portfolio);
    // Dependencies first, their items later: within one writer, and in a later import.
    const writer = new PortfolioWriter(db, statusCategoryResolver(db));
    writer.dependency({ ...dependency('D-2', 'A-2'), createdAt: 0, neededBy: null, resolvedAt: null, line: null });
    writer.item(fromWorkItem(item('A-2')));
    writer.flush();
    upsertDependencies(db, [dependency('D-3', 'A-3'), dependency('D-4', 'A-1')]);
    expect(linked(db)['D-3']).toBeNull();
    upsertItems(db, [item('A-3')]);
    expect(mislinked(db)).toEqual([]);
    expect(Object.values(linked(db)).every((id) => id !== null)).toBe(true);
  });

  it('the plan board fills it for the dependencies and items it makes', () => {
    migrate(db, 'm');
    upsertTeams(db, [
      { key: 'a', name: 'A', valueStream: null },
      { key: 'b', name: 'B', valueStream: null },
    ]);
    upsertItems(db, [item('A-1'), item('B-1', 'b')]);
    const local = createLocalItem(db, { title: 'New', type: 'story', teamKey: 'a', size: null });
    addDependency(db, { consumerKey: local, providerKey: 'B-1', neededBy: null });
    addDependency(db, { consumerKey: 'A-1', providerKey: local, neededBy: null });
    expect(db.prepare('SELECT count(*) FROM dependencies WHERE from_item_id IS NOT NULL').pluck().get()).toBe(2);
    expect(mislinked(db)).toEqual([]);
  });

  describe('edge cases', () => {
    it('a re-import that points a dependency at another item, or at none yet, moves its id along', () => {
      migrate(db, 'm');
      upsertTeams(db, [
        { key: 'a', name: 'A', valueStream: null },
        { key: 'b', name: 'B', valueStream: null },
      ]);
      upsertItems(db, [item('A-1'), item('A-2')]);
      upsertDependencies(db, [dependency('D-1', 'A-1'), dependency('D-2', 'A-1')]);
      upsertDependencies(db, [dependency('D-1', 'A-2'), dependency('D-2', 'LATER-1')]);
      expect(mislinked(db)).toEqual([]);
      expect(linked(db)['D-2']).toBeNull();
      upsertItems(db, [item('LATER-1')]);
      expect(mislinked(db)).toEqual([]);
      expect(linked(db)['D-2']).not.toBeNull();
    });

    it('a dependency without an item key, or naming an item that never comes, stays without one; linking again changes nothing', () => {
      migrate(db, 'm');
      upsertTeams(db, [
        { key: 'a', name: 'A', valueStream: null },
        { key: 'b', name: 'B', valueStream: null },
      ]);
      upsertDependencies(db, [dependency('D-1', null), dependency('D-2', 'NEVER-1')]);
      upsertItems(db, [item('A-1')]);
      expect(linked(db)).toEqual({ 'D-1': null, 'D-2': null });
      expect(linkDependencyItems(db)).toBe(0);
      expect(mislinked(db)).toEqual([]);
    });
  });
});
