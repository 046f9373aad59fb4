import type { Database } from 'better-sqlite3';

/**
 * One schema step. `up` runs inside a transaction together with the `user_version` bump, so a kill
 * between them can never leave a half-migrated file.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
