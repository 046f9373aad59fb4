import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

/** The meta key of a workspace's identity (see `WORKSPACE_ID_KEY` users in workspace-backups.ts). */
export const WORKSPACE_ID_KEY = 'workspace_id';

// A workspace's identity, apart from where its file stands: its automatic backups were found by a
// hash of the file's path alone, so a workspace renamed, moved, or opened through a linked folder
// seemed to have none (they were still in the state folder). A random id is kept in meta and beside
// its backups, and the backups of the same id are found wherever the file went. A copy made by the
// operating system keeps the id (it is the same workspace carried); Save As and anonymise give
// their copy a new one. A file that already holds an id keeps it.
export const migration011: Migration = {
  version: 11,
  name: 'workspace id',
  up(db: Database) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(WORKSPACE_ID_KEY, randomUUID());
  },
};
