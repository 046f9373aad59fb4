import type { Database } from 'better-sqlite3';
import { ITEM_TYPES, OBJECTIVE_LEVELS, STATUS_CATEGORIES } from '../../../../shared/domain/vocabulary';
import type { Migration } from './migration';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Instants are INTEGER epoch milliseconds (UTC). Items, teams and objectives keep their source keys
// (unique) beside an integer id so that re-imports update by key while joins stay on integers.
// References to items by key (parent, dependency ends, deployment contents) stay TEXT on purpose:
// they may point at items not (yet) imported, which importers report as warnings.
export const migration001: Migration = {
  version: 1,
  name: 'core domain',
  up(db: Database) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE teams (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        value_stream TEXT
      );

      CREATE TABLE work_items (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN (${list(ITEM_TYPES)})),
        team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        status TEXT NOT NULL,
        status_category TEXT NOT NULL CHECK (status_category IN (${list(STATUS_CATEGORIES)})),
        created_at INTEGER NOT NULL,
        first_active_at INTEGER,
        done_at INTEGER,
        parent_key TEXT
      );
      CREATE INDEX work_items_team ON work_items(team_id);
      CREATE INDEX work_items_done ON work_items(done_at);
      CREATE INDEX work_items_parent ON work_items(parent_key);

      CREATE TABLE status_transitions (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        to_category TEXT NOT NULL CHECK (to_category IN (${list(STATUS_CATEGORIES)})),
        at INTEGER NOT NULL
      );
      CREATE INDEX status_transitions_item ON status_transitions(item_id, at);

      CREATE TABLE objectives (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN (${list(OBJECTIVE_LEVELS)})),
        parent_key TEXT
      );

      CREATE TABLE objective_teams (
        objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (objective_id, team_id)
      ) WITHOUT ROWID;

      CREATE TABLE item_objectives (
        item_id INTEGER NOT NULL REFERENCES work_items(id) ON DELETE CASCADE,
        objective_key TEXT NOT NULL,
        PRIMARY KEY (item_id, objective_key)
      ) WITHOUT ROWID;
      CREATE INDEX item_objectives_objective ON item_objectives(objective_key);

      CREATE TABLE dependencies (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        from_item_key TEXT,
        from_team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        to_item_key TEXT,
        to_team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        kind TEXT NOT NULL,
        interface_name TEXT,
        created_at INTEGER NOT NULL,
        needed_by INTEGER,
        resolved_at INTEGER
      );
      CREATE INDEX dependencies_teams ON dependencies(from_team_id, to_team_id);
      CREATE INDEX dependencies_from_item ON dependencies(from_item_key);

      CREATE TABLE deployments (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        service TEXT,
        at INTEGER NOT NULL,
        succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
        change_at INTEGER,
        release TEXT
      );
      CREATE INDEX deployments_team_at ON deployments(team_id, at);

      CREATE TABLE deployment_items (
        deployment_id INTEGER NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        PRIMARY KEY (deployment_id, item_key)
      ) WITHOUT ROWID;
      CREATE INDEX deployment_items_item ON deployment_items(item_key);

      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
        service TEXT,
        opened_at INTEGER NOT NULL,
        resolved_at INTEGER,
        caused_by_deployment_key TEXT
      );
      CREATE INDEX incidents_team_opened ON incidents(team_id, opened_at);
    `);
  },
};
