import type { Database } from 'better-sqlite3';
import type { Migration } from './migration';

// Each dependency's waiting item by id, beside its key: the advisor and the Flow metrics read every
// dependency with its item, and looking 50,000 item keys up in work_items' key index cost them about
// as much as reading the dependencies themselves. `from_item_id` is what `from_item_key` names (NULL
// while no item has that key); items are never deleted or re-keyed, so it only has to be set when a
// dependency is written and when an item arrives after the dependencies that name it
// (linkDependencyItems, store/queries/dependency-items.ts). The partial index holds only the
// dependencies still waiting for their item, so that linking costs nothing when there are none.
export const migration009: Migration = {
  version: 9,
  name: 'dependency item ids',
  up(db: Database) {
    db.exec(`
      ALTER TABLE dependencies ADD COLUMN from_item_id INTEGER;
      UPDATE dependencies SET from_item_id = (SELECT w.id FROM work_items w WHERE w.key = dependencies.from_item_key)
        WHERE from_item_key IS NOT NULL;
      CREATE INDEX dependencies_unlinked_item ON dependencies(from_item_key) WHERE from_item_id IS NULL AND from_item_key IS NOT NULL;
    `);
  },
};
