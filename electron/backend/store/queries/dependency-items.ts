import type { Database } from 'better-sqlite3';

// dependencies.from_item_id (migration 009): the id of the item `from_item_key` names, so that the
// readers of every dependency with its item need no lookup by key. NULL while no item has that key.

/** The item keys named by dependencies that have no item yet (read through the partial index). */
export function unlinkedDependencyItemKeys(db: Database): Set<string> {
  return new Set(db.prepare('SELECT from_item_key FROM dependencies WHERE from_item_id IS NULL AND from_item_key IS NOT NULL').pluck().all() as string[]);
}

/** Gives the dependencies whose item arrived after them that item's id; returns how many it linked. */
export function linkDependencyItems(db: Database): number {
  return db
    .prepare(
      `UPDATE dependencies SET from_item_id = w.id FROM work_items w
       WHERE w.key = dependencies.from_item_key AND dependencies.from_item_id IS NULL AND dependencies.from_item_key IS NOT NULL`,
    )
    .run().changes;
}
