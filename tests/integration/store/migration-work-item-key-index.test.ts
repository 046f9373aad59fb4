import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSchemaVersion, migrate, MIGRATIONS } from '../../../electron/backend/store/migrations';
import { databasePerTest } from '../../support/migration-database';

// work_items.key unique through a named index (work_items_key) the import can drop and rebuild,
// instead of the table's UNIQUE constraint. Found by name, so that renumbering the migration at a
// merge changes nothing here.
const KEY_INDEX = MIGRATIONS.find((m) => m.name === 'work item key index')!;

const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).raw().all();
const schemaOf = (db: Database.Database): [string, string][] =>
  db.prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'work_items' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name").raw().all() as [string, string][];

describe('work item key index', () => {
  let db: Database.Database;
  databasePerTest((opened) => (db = opened));

  function fill(): void {
    db.exec(`
      INSERT INTO teams (id, key, name) VALUES (1, 'a', 'A');
      INSERT INTO work_items (id, key, title, type, team_id, status, status_category, created_at, done_at, parent_key, size, sprint) VALUES
        (3, 'A-1', 'A one', 'story', 1, 'Done', 'done', 0, 50, NULL, 3, 'S1'), (8, 'A-2', 'A two', 'epic', NULL, 'Open', 'todo', 10, NULL, 'A-1', NULL, NULL);
      INSERT INTO status_transitions (id, item_id, from_status, to_status, to_category, at) VALUES (1, 3, NULL, 'Open', 'todo', 0), (2, 3, 'Open', 'Done', 'done', 50), (3, 8, NULL, 'Open', 'todo', 10);
      INSERT INTO item_objectives (item_id, objective_key) VALUES (3, 'O-1');
      INSERT INTO metrics_snapshot (id, format, data) VALUES (1, 'f', x'00');
    `);
  }

  it('keeps every row, id and reference, and makes the key unique through an index of its own', () => {
    migrate(db, 'm', KEY_INDEX.version - 1);
    fill();
    const before = Object.fromEntries(['work_items', 'status_transitions', 'item_objectives', 'metrics_snapshot'].map((t) => [t, rows(db, t)]));
    const schemaBefore = schemaOf(db);
    migrate(db, 'm', KEY_INDEX.version);
    for (const [table, held] of Object.entries(before)) expect([table, rows(db, table)]).toEqual([table, held]);
    // The same indexes and triggers as before, and the new one.
    expect(schemaOf(db)).toEqual([...schemaBefore, ['index', 'work_items_key']].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_work_items%'").pluck().get()).toBe(0);
    expect(() => db.prepare("INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-1', 't', 'story', 'x', 'todo', 0)").run()).toThrow(/UNIQUE constraint failed: work_items.key/);
    // Its CHECKs, foreign keys (on again) and snapshot triggers hold as before.
    expect(() => db.prepare("INSERT INTO work_items (key, title, type, status, status_category, created_at) VALUES ('A-3', 't', 'saga', 'x', 'todo', 0)").run()).toThrow(/CHECK constraint failed/);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => db.prepare("INSERT INTO status_transitions (item_id, to_status, to_category, at) VALUES (99, 'Open', 'todo', 0)").run()).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare("UPDATE work_items SET done_at = 60 WHERE key = 'A-1'").run();
    expect(rows(db, 'metrics_snapshot')).toEqual([]);
    // Deleting an item still takes its history with it.
    db.prepare("DELETE FROM work_items WHERE key = 'A-1'").run();
    expect(rows(db, 'status_transitions')).toEqual([[3, 8, null, 'Open', 'todo', 10]]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('lets the key index be dropped and made again, and a lookup by key use it', () => {
    migrate(db, 'm', KEY_INDEX.version);
    fill();
    db.exec('DROP INDEX work_items_key');
    db.exec('CREATE UNIQUE INDEX work_items_key ON work_items(key)');
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM work_items WHERE key = 'A-1'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('work_items_key');
  });

  describe('edge cases', () => {
    it('refuses to run inside a transaction, where foreign keys stay on and dropping the table would delete every status change', () => {
      migrate(db, 'm', KEY_INDEX.version - 1);
      fill();
      const before = rows(db, 'status_transitions');
      db.exec('BEGIN');
      expect(() => migrate(db, 'm', KEY_INDEX.version)).toThrow(/must run outside a transaction/);
      db.exec('ROLLBACK');
      expect(getSchemaVersion(db)).toBe(KEY_INDEX.version - 1);
      expect(rows(db, 'status_transitions')).toEqual(before);
      expect(before).toHaveLength(3);
    });

    it('a workspace holding a key twice (never written by Interlock, only by hand) fails with a clear message, unchanged', () => {
      migrate(db, 'm', KEY_INDEX.version - 1);
      fill();
      // Only a hand-made table without the constraint can hold a key twice.
      const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'work_items'").pluck().get() as string;
      db.pragma('foreign_keys = OFF');
      db.exec(`
        CREATE TABLE loose AS SELECT * FROM work_items;
        DROP TABLE work_items;
        ${sql.replace('key TEXT NOT NULL UNIQUE', 'key TEXT NOT NULL')};
        INSERT INTO work_items SELECT * FROM loose;
        DROP TABLE loose;
        INSERT INTO work_items (id, key, title, type, status, status_category, created_at) VALUES (9, 'A-2', 'again', 'story', 'Open', 'todo', 0);
      `);
      db.pragma('foreign_keys = ON');
      const before = rows(db, 'work_items');
      expect(() => migrate(db, 'm', KEY_INDEX.version)).toThrow(/work item key "A-2" 2 times.*left unchanged/);
      expect(getSchemaVersion(db)).toBe(KEY_INDEX.version - 1);
      expect(rows(db, 'work_items')).toEqual(before);
      expect(rows(db, 'status_transitions')).toHaveLength(3);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });

    it('an empty workspace migrates too, and a new one is made with the index', () => {
      migrate(db, 'm');
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'work_items_key'").pluck().get()).toBe('CREATE UNIQUE INDEX work_items_key ON work_items(key)');
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'work_items'").pluck().get()).not.toMatch(/UNIQUE/);
    });
  });
});
