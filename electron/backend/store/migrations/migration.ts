import type { Database } from 'better-sqlite3';

/**
 * One schema step. `up` runs inside a transaction together with the `user_version` bump, so a kill
 * between them can never leave a half-migrated file.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Runs with foreign keys off (a table rebuild: dropping a parent table would otherwise cascade);
   * `migrate` checks every foreign key before the step commits.
   */
  readonly foreignKeysOff?: boolean;
  up(db: Database): void;
}
