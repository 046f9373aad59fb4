import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// Forums are the coordination bodies a coordinator already runs (for congruence); scenarios are
// saved what-ifs, stored as JSON so the advisor can evolve without a migration per knob.
export const migration003: Migration = {
  version: 3,
  name: 'forums and scenarios',
  up(db: Database) {
    db.exec(`
      CREATE TABLE forums (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        cadence TEXT
      );

      CREATE TABLE forum_teams (
        forum_id INTEGER NOT NULL REFERENCES forums(id) ON DELETE CASCADE,
        team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        PRIMARY KEY (forum_id, team_id)
      ) WITHOUT ROWID;

      CREATE TABLE scenarios (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        body TEXT NOT NULL CHECK (json_valid(body))
      );
    `);
  },
};
