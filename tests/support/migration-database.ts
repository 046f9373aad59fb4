import Database from 'better-sqlite3';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from './temp-files';

/**
 * Gives each test of the enclosing `describe` a database file of its own in a fresh temporary
 * folder, with foreign keys on as the app's connections have them, closed and removed after the
 * test. `opened` receives it before each test (and may migrate it to where the test starts).
 */
export function databasePerTest(opened: (db: Database.Database) => void): void {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let db: Database.Database | undefined;
  beforeEach(() => {
    tmp = tempDir();
    db = new Database(tmp.path('m.interlock'));
    db.pragma('foreign_keys = ON');
    opened(db);
  });
  afterEach(() => {
    db?.close();
    tmp?.cleanup();
    db = tmp = undefined;
  });
}
