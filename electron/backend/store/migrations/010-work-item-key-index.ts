import type { Database } from 'better-sqlite3';
import { AppError } from '../../../../shared/contract/result';
import type { Migration } from './migration';

// work_items.key's uniqueness as a named index (work_items_key) instead of the table's UNIQUE
// constraint, whose index SQLite will not drop. A big import drops it with the table's other
// indexes and builds it once, sorted, at the end (PortfolioWriter.deferIndexes): filled row by row
// in the import's random key order it cost ~0.24 s of CPU at 100,000 items. Nothing upserts items
// by key (the writer holds every key with its id and updates by id), so the constraint itself is
// not needed, only the uniqueness and the lookups, which the index gives as before.
//
// SQLite cannot drop a column constraint, so the table is rebuilt the documented way
// (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): a copy without
// it, rows copied with their ids, the old table dropped, the copy renamed, its indexes and triggers
// made again. Foreign keys are off meanwhile (`foreignKeysOff`): dropping the old table would
// otherwise delete every status change, plan entry and release link through ON DELETE CASCADE.
// With the old constraint a workspace cannot hold a key twice; a file that does anyway (edited by
// hand) fails here, unchanged.
export const migration010: Migration = {
  version: 10,
  name: 'work item key index',
  foreignKeysOff: true,
  up(db: Database) {
    const duplicate = db.prepare('SELECT key, count(*) AS n FROM work_items GROUP BY key HAVING n > 1 ORDER BY key LIMIT 1').get() as { key: string; n: number } | undefined;
    if (duplicate) {
      throw new AppError(
        'workspace-corrupt',
        `The workspace holds work item key ${JSON.stringify(duplicate.key)} ${duplicate.n} times, which Interlock never writes; it was left unchanged. Open a backup instead.`,
      );
    }
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'work_items'").pluck().get() as string;
    const column = /\bkey TEXT NOT NULL UNIQUE\b/;
    if (!column.test(table)) throw new Error('work_items.key is not declared as migration 001 made it; the workspace was not changed.');
    // Indexes and triggers of work_items as they stand (the drop takes them with the table).
    const others = db
      .prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'work_items' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name")
      .pluck()
      .all() as string[];
    db.exec(table.replace(/^CREATE TABLE work_items\b/, 'CREATE TABLE work_items_new').replace(column, 'key TEXT NOT NULL'));
    db.exec(`
      INSERT INTO work_items_new SELECT * FROM work_items;
      DROP TABLE work_items;
      ALTER TABLE work_items_new RENAME TO work_items;
      CREATE UNIQUE INDEX work_items_key ON work_items(key);
    `);
    for (const sql of others) db.exec(sql);
  },
};
