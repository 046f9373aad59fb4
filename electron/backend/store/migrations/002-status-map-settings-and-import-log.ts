import type { Database } from 'better-sqlite3';
import { STATUS_CATEGORIES } from '../../../../shared/domain/vocabulary';
import type { Migration } from './migration';

const categories = STATUS_CATEGORIES.map((c) => `'${c}'`).join(', ');

// The status → category mapping lives in the workspace so that a consultant's corrections travel
// with the file; `source` says whether a person chose it (never overwritten by an import) or not.
// Incidents gain `attribution` so that a user's correction of "which deployment caused this"
// survives re-imports and is shown as such.
export const migration002: Migration = {
  version: 2,
  name: 'status map, settings and import log',
  up(db: Database) {
    db.exec(`
      CREATE TABLE status_map (
        status TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
        category TEXT NOT NULL CHECK (category IN (${categories})),
        source TEXT NOT NULL DEFAULT 'default' CHECK (source IN ('default', 'source', 'user'))
      ) WITHOUT ROWID;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        format TEXT NOT NULL,
        imported_at INTEGER NOT NULL,
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        warnings INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0
      );

      ALTER TABLE incidents ADD COLUMN attribution TEXT NOT NULL DEFAULT 'data' CHECK (attribution IN ('data', 'user'));
    `);
  },
};
