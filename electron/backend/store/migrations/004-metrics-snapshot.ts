import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// The metrics read every work item and status change on the first call after opening: about half a
// second at 1,000,000 changes. The snapshot keeps those two tables in columnar form (one BLOB), so
// that the next open reads a few large pages instead. It is a cache, never the truth: any change to
// a column it holds deletes it in the same transaction, whoever writes (this app, an older import,
// someone with the sqlite3 shell), so it can never be stale; the next metrics call rebuilds it.
export const SNAPSHOT_TRIGGERS: Readonly<Record<string, string>> = {
  metrics_snapshot_items_insert: 'AFTER INSERT ON work_items',
  metrics_snapshot_items_delete: 'AFTER DELETE ON work_items',
  metrics_snapshot_items_update: 'AFTER UPDATE OF id, team_id, type, status_category, created_at, first_active_at, done_at ON work_items',
  metrics_snapshot_transitions_insert: 'AFTER INSERT ON status_transitions',
  metrics_snapshot_transitions_delete: 'AFTER DELETE ON status_transitions',
  metrics_snapshot_transitions_update: 'AFTER UPDATE OF id, item_id, to_category, at ON status_transitions',
};

export const migration004: Migration = {
  version: 4,
  name: 'metrics snapshot',
  up(db: Database) {
    db.exec(`
      CREATE TABLE metrics_snapshot (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format TEXT NOT NULL,
        data BLOB NOT NULL
      );
    `);
    for (const [name, when] of Object.entries(SNAPSHOT_TRIGGERS)) {
      db.exec(`CREATE TRIGGER ${name} ${when} BEGIN DELETE FROM metrics_snapshot; END;`);
    }
  },
};
