import type { Database } from 'better-sqlite3';
import { AppError } from '../../../../shared/contract/result';
import type { Migration } from './migration';
import { migration001 } from './001-core-domain';
import { migration002 } from './002-status-map-settings-and-import-log';
import { migration003 } from './003-forums-and-scenarios';
import { migration004 } from './004-metrics-snapshot';
import { migration005 } from './005-planning';
import { migration006 } from './006-releases';
import { migration007 } from './007-risks-and-votes';
import { migration008 } from './008-decks';
import { migration009 } from './009-dependency-item-ids';
import { migration010 } from './010-work-item-key-index';
import { migration011 } from './011-workspace-id';

export type { Migration } from './migration';
export { WORKSPACE_ID_KEY } from './011-workspace-id';

/** In order; a new schema change is a new file here with the next number, and a test. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function getSchemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newerVersionError(path: string, version: number): AppError {
  return new AppError(
    'workspace-newer',
    `${path} was made by a newer version of Interlock (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). ` +
      'Update Interlock to open it; the file was not changed.',
  );
}

/**
 * Brings the schema up to `target` (default: latest). Each step and its `user_version` bump commit
 * together. Refuses a file from the future before writing anything.
 */
export function migrate(
  db: Database,
  path: string,
  target = LATEST_SCHEMA_VERSION,
  migrations: readonly Migration[] = MIGRATIONS,
): { from: number; to: number } {
  const from = getSchemaVersion(db);
  if (from > LATEST_SCHEMA_VERSION) throw newerVersionError(path, from);
  for (const migration of migrations) {
    if (migration.version <= from || migration.version > target) continue;
    // Only outside a transaction does SQLite take this pragma.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (migration.foreignKeysOff) {
      db.pragma('foreign_keys = OFF');
      // Inside a transaction SQLite ignores the pragma, and the step's rebuild would then cascade
      // deletes through every table that points at the rebuilt one: refuse rather than lose rows.
      if (db.pragma('foreign_keys', { simple: true }) !== 0) throw new Error(`schema step ${migration.version} (${migration.name}) must run outside a transaction`);
    }
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.foreignKeysOff && foreignKeys && db.prepare('PRAGMA foreign_key_check').all().length > 0) {
          throw new AppError('workspace-corrupt', `${path}: schema step ${migration.version} (${migration.name}) would leave rows pointing at rows that are not there; the workspace was not changed.`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.foreignKeysOff) db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    }
  }
  return { from, to: getSchemaVersion(db) };
}
