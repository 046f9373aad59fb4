import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// The planning layer: Interlock's own rows over the imported items, so a re-import (which updates
// items by key) never loses a plan. Increments hold iterations: the shared cadence (team_id NULL)
// is the board's columns; a team running its own sprints has iterations with its team_id, placed
// on the board by date. Planned work, capacity, milestones and baselines hang off an increment.
// PI objectives are the existing objectives with an increment, business values and a commitment;
// their item links are told apart from imported ones (`source`), so a re-import keeps them.
export const migration005: Migration = {
  version: 5,
  name: 'planning',
  up(db: Database) {
    db.exec(`
      CREATE TABLE increments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL CHECK (end_at > start_at),
        -- What a cell's load and capacity count: planned items, or their sizes (story points).
        capacity_unit TEXT NOT NULL DEFAULT 'items' CHECK (capacity_unit IN ('items', 'points'))
      );

      CREATE TABLE iterations (
        id INTEGER PRIMARY KEY,
        increment_id INTEGER NOT NULL REFERENCES increments(id) ON DELETE CASCADE,
        team_id INTEGER REFERENCES teams(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        start_at INTEGER NOT NULL,
        end_at INTEGER NOT NULL CHECK (end_at > start_at)
      );
      CREATE UNIQUE INDEX iterations_name ON iterations(increment_id, coalesce(team_id, 0), name);

      CREATE TABLE planned_items (
        id INTEGER PRIMARY KEY,
        increment_id INTEGER NOT NULL REFERENCES increments(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        iteration_id INTEGER NOT NULL REFERENCES iterations(id) ON DELETE CASCADE,
        rank REAL NOT NULL,
        size REAL CHECK (size IS NULL OR size >= 0),
        UNIQUE (increment_id, item_id)
      );
      CREATE INDEX planned_items_cell ON planned_items(iteration_id, team_id, rank);

      CREATE TABLE capacity (
        iteration_id INTEGER NOT NULL REFERENCES iterations(id) ON DELETE CASCADE,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        amount REAL NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (iteration_id, team_id)
      );

      CREATE TABLE milestones (
        id INTEGER PRIMARY KEY,
        increment_id INTEGER NOT NULL REFERENCES increments(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        at INTEGER NOT NULL,
        team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL
      );

      CREATE TABLE plan_baselines (
        id INTEGER PRIMARY KEY,
        increment_id INTEGER NOT NULL REFERENCES increments(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        taken_at INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body))
      );

      -- Story points or another size from the tracker, and its sprint (the last one it was in).
      ALTER TABLE work_items ADD COLUMN size REAL;
      ALTER TABLE work_items ADD COLUMN sprint TEXT;

      CREATE TABLE sprints (
        name TEXT PRIMARY KEY,
        start_at INTEGER,
        end_at INTEGER
      ) WITHOUT ROWID;

      ALTER TABLE objectives ADD COLUMN increment_id INTEGER REFERENCES increments(id) ON DELETE CASCADE;
      ALTER TABLE objectives ADD COLUMN business_value INTEGER CHECK (business_value IS NULL OR business_value BETWEEN 1 AND 10);
      ALTER TABLE objectives ADD COLUMN actual_value REAL CHECK (actual_value IS NULL OR actual_value BETWEEN 0 AND 10);
      ALTER TABLE objectives ADD COLUMN committed INTEGER NOT NULL DEFAULT 1 CHECK (committed IN (0, 1));
      CREATE INDEX objectives_increment ON objectives(increment_id);

      ALTER TABLE item_objectives ADD COLUMN source TEXT NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'plan'));
    `);
  },
};
