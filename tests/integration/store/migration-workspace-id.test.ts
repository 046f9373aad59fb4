import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getSchemaVersion, migrate, MIGRATIONS, WORKSPACE_ID_KEY } from '../../../electron/backend/store/migrations';
import { databasePerTest } from '../../support/migration-database';
import { tempDir } from '../../support/temp-files';

// A workspace's identity in meta, apart from its file's path (its backups are found by it after a
// rename or a move). Found by name, so that renumbering the migration at a merge changes nothing here.
const WORKSPACE_ID = MIGRATIONS.find((m) => m.name === 'workspace id')!;

const meta = (db: Database.Database) => db.prepare('SELECT key, value FROM meta ORDER BY key').raw().all() as [string, string][];
const idOf = (db: Database.Database) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(WORKSPACE_ID_KEY) as string | undefined;

describe('workspace id', () => {
  let db: Database.Database;
  databasePerTest((opened) => (db = opened));

  it('gives an existing workspace a random id and keeps every other meta row', () => {
    migrate(db, 'm', WORKSPACE_ID.version - 1);
    db.exec(`INSERT INTO meta (key, value) VALUES ('name', 'Client A'), ('created_at', '2026-01-02T03:04:05.000Z')`);
    expect(idOf(db)).toBeUndefined();
    migrate(db, 'm', WORKSPACE_ID.version);
    expect(getSchemaVersion(db)).toBe(WORKSPACE_ID.version);
    expect(idOf(db)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(meta(db).filter(([key]) => key !== WORKSPACE_ID_KEY)).toEqual([
      ['created_at', '2026-01-02T03:04:05.000Z'],
      ['name', 'Client A'],
    ]);
  });

  it('two workspaces get different ids', () => {
    const tmp = tempDir();
    try {
      const other = new Database(tmp.path('other.interlock'));
      migrate(other, 'other', WORKSPACE_ID.version);
      migrate(db, 'm', WORKSPACE_ID.version);
      expect(idOf(other)).not.toBe(idOf(db));
      other.close();
    } finally {
      tmp.cleanup();
    }
  });

  describe('edge cases', () => {
    it('a workspace that already holds an id (written by hand, or by a later Interlock and rolled back) keeps it', () => {
      migrate(db, 'm', WORKSPACE_ID.version - 1);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(WORKSPACE_ID_KEY, 'kept-id');
      migrate(db, 'm', WORKSPACE_ID.version);
      expect(idOf(db)).toBe('kept-id');
    });
  });
});
