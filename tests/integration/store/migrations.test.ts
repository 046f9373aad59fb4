import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSchemaVersion, LATEST_SCHEMA_VERSION, migrate, MIGRATIONS, type Migration } from '../../../electron/backend/store/migrations';
import { databasePerTest } from '../../support/migration-database';

function tables(db: Database.Database): string[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
}

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

describe('migrations', () => {
  let db: Database.Database;
  databasePerTest((opened) => (db = opened));

  /**
   * Numbers given to migrations of branches not merged here yet (none now). Remove a number when its migration arrives: the test then fails until it is removed.
   */
  const RESERVED_ELSEWHERE: number[] = [];

  it('are numbered 1, 2, 3… without gaps, and the latest is what new workspaces get', () => {
    const numbers = [...MIGRATIONS.map((m) => m.version), ...RESERVED_ELSEWHERE].sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
    expect(LATEST_SCHEMA_VERSION).toBe(numbers.length);
  });

  it('001 creates the core domain tables and enforces the vocabularies', () => {
    migrate(db, 'm', 1);
    expect(getSchemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(
      expect.arrayContaining(['meta', 'teams', 'work_items', 'status_transitions', 'objectives', 'objective_teams', 'item_objectives', 'dependencies', 'deployments', 'deployment_items', 'incidents']),
    );
    expect(() =>
      db.prepare(`INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 't', 'saga', 'x', 'todo', 0)`).run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare(`INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 't', 'story', 'x', 'doing', 0)`).run(),
    ).toThrow(/CHECK/);
  });

  it('002 adds the status map, settings and import log, and attribution to existing incidents', () => {
    migrate(db, 'm', 1);
    db.prepare(`INSERT INTO incidents (key, opened_at) VALUES ('INC-1', 1000)`).run();
    migrate(db, 'm', 2);
    expect(getSchemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['status_map', 'settings', 'imports']));
    expect(db.prepare(`SELECT attribution FROM incidents WHERE key = 'INC-1'`).pluck().get()).toBe('data');
    db.prepare(`INSERT INTO status_map (status, category) VALUES ('In Progress', 'active')`).run();
    // Status names are matched regardless of case: "in progress" is the same status.
    expect(() => db.prepare(`INSERT INTO status_map (status, category) VALUES ('in progress', 'waiting')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'not json')`).run()).toThrow(/CHECK/);
  });

  it('003 adds forums and scenarios, keeping teams intact', () => {
    migrate(db, 'm', 2);
    db.prepare(`INSERT INTO teams (key, name) VALUES ('a', 'A')`).run();
    migrate(db, 'm', 3);
    expect(getSchemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(expect.arrayContaining(['forums', 'forum_teams', 'scenarios']));
    expect(columns(db, 'forums')).toEqual(['id', 'name', 'cadence']);
    const forum = db.prepare(`INSERT INTO forums (name, cadence) VALUES ('Journeys SoS', 'weekly') RETURNING id`).pluck().get();
    db.prepare(`INSERT INTO forum_teams (forum_id, team_id) VALUES (?, 1)`).run(forum);
    db.prepare(`DELETE FROM teams WHERE key = 'a'`).run();
    expect(db.prepare('SELECT count(*) FROM forum_teams').pluck().get()).toBe(0);
  });

  it('004 adds the metrics snapshot, one row at most, deleted by any change to what it holds', () => {
    migrate(db, 'm', 3);
    db.prepare(`INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 't', 'story', 'To Do', 'todo', 0)`).run();
    migrate(db, 'm', 4);
    expect(getSchemaVersion(db)).toBe(4);
    const put = () => db.prepare(`INSERT OR REPLACE INTO metrics_snapshot (id, format, data) VALUES (1, 'f', x'00')`).run();
    const held = () => db.prepare('SELECT count(*) FROM metrics_snapshot').pluck().get();
    expect(() => db.prepare(`INSERT INTO metrics_snapshot (id, format, data) VALUES (2, 'f', x'00')`).run()).toThrow(/CHECK/);
    put();
    db.prepare(`UPDATE work_items SET title = 'renamed'`).run();
    expect(held()).toBe(1);
    db.prepare(`UPDATE work_items SET status_category = 'active'`).run();
    expect(held()).toBe(0);
    put();
    db.prepare(`INSERT INTO status_transitions (item_id, to_status, to_category, at) VALUES (1, 'Doing', 'active', 5)`).run();
    expect(held()).toBe(0);
    put();
    db.prepare(`DELETE FROM work_items`).run();
    expect(held()).toBe(0);
  });

  it('005 adds the planning layer over existing items, objectives and their links, which stay as they were', () => {
    migrate(db, 'm', 4);
    db.exec(`
      INSERT INTO teams (key, name) VALUES ('a', 'A');
      INSERT INTO work_items (key, title, type, team_id, status, status_category, created_at) VALUES ('A-1', 't', 'feature', 1, 'To Do', 'todo', 0);
      INSERT INTO objectives (key, title, level) VALUES ('O-1', 'Checkout', 'team');
      INSERT INTO item_objectives (item_id, objective_key) VALUES (1, 'O-1');
    `);
    migrate(db, 'm', 5);
    expect(getSchemaVersion(db)).toBe(5);
    expect(tables(db)).toEqual(expect.arrayContaining(['increments', 'iterations', 'planned_items', 'capacity', 'milestones', 'plan_baselines', 'sprints']));
    expect(db.prepare(`SELECT source FROM item_objectives`).pluck().get()).toBe('import');
    expect(db.prepare(`SELECT committed, business_value, increment_id FROM objectives`).get()).toEqual({ committed: 1, business_value: null, increment_id: null });
    expect(columns(db, 'work_items')).toEqual(expect.arrayContaining(['size', 'sprint']));
    const increment = db.prepare(`INSERT INTO increments (name, start_at, end_at) VALUES ('PI 1', 0, 100) RETURNING id`).pluck().get();
    expect(() => db.prepare(`INSERT INTO increments (name, start_at, end_at) VALUES ('PI 0', 100, 100)`).run()).toThrow(/CHECK/);
    const iteration = db.prepare(`INSERT INTO iterations (increment_id, name, start_at, end_at) VALUES (?, 'I1', 0, 50) RETURNING id`).pluck().get(increment);
    expect(() => db.prepare(`INSERT INTO iterations (increment_id, name, start_at, end_at) VALUES (?, 'I1', 50, 100)`).run(increment)).toThrow(/UNIQUE/);
    db.prepare(`INSERT INTO planned_items (increment_id, item_id, team_id, iteration_id, rank) VALUES (?, 1, 1, ?, 1)`).run(increment, iteration);
    expect(() => db.prepare(`UPDATE objectives SET business_value = 11`).run()).toThrow(/CHECK/);
    // Deleting the increment takes its plan with it, never the items.
    db.prepare('DELETE FROM increments').run();
    expect(db.prepare('SELECT count(*) FROM planned_items').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM work_items').pluck().get()).toBe(1);
  });

  it('006 adds releases and their items; deleting an item or a release drops only the link', () => {
    migrate(db, 'm', 5);
    db.exec(`
      INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 't', 'story', 'Done', 'done', 0);
      INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-2', 't', 'story', 'Done', 'done', 0);
    `);
    migrate(db, 'm', 6);
    expect(getSchemaVersion(db)).toBe(6);
    expect(tables(db)).toEqual(expect.arrayContaining(['releases', 'item_releases']));
    db.exec(`
      INSERT INTO releases (name, released_at) VALUES ('2026.11', NULL), ('2026.12', 1000);
      INSERT INTO item_releases (item_id, release_id) VALUES (1, 1), (2, 1), (2, 2);
    `);
    expect(() => db.prepare(`INSERT INTO releases (name) VALUES ('2026.11')`).run()).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO item_releases (item_id, release_id) VALUES (1, 1)`).run()).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(`DELETE FROM work_items WHERE key = 'A-1'`).run();
    expect(db.prepare('SELECT count(*) FROM item_releases').pluck().get()).toBe(2);
    db.prepare(`DELETE FROM releases WHERE name = '2026.12'`).run();
    expect(db.prepare('SELECT item_id, release_id FROM item_releases').raw().all()).toEqual([[2, 1]]);
    expect(db.prepare('SELECT count(*) FROM work_items').pluck().get()).toBe(1);
  });

  it('a migration that fails halfway leaves neither its tables nor its version behind', () => {
    const broken: Migration = {
      version: 1,
      name: 'broken',
      up(target) {
        target.exec('CREATE TABLE half_done (x)');
        throw new Error('disk on fire');
      },
    };
    expect(() => migrate(db, 'm', 1, [broken])).toThrow('disk on fire');
    expect(getSchemaVersion(db)).toBe(0);
    expect(tables(db)).not.toContain('half_done');
  });

  describe('edge cases', () => {
    it('migrating an up-to-date database does nothing', () => {
      migrate(db, 'm');
      expect(migrate(db, 'm')).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    });

    it('refuses a database from the future before touching it', () => {
      db.pragma('user_version = 999');
      expect(() => migrate(db, 'future.interlock')).toThrow(/newer version of Interlock/);
      expect(tables(db)).toEqual([]);
    });
  });
});
