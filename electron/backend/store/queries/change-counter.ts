import type { Database } from 'better-sqlite3';

/** Changes made by writes that nothing cached depends on (the plan's own tables), per connection. */
const excluded = new WeakMap<Database, number>();

function totalChanges(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * Bumps whenever this connection changes a row the metrics or the advisor read (triggers and
 * rolled-back changes included): the cheap "has anything changed since" check behind the
 * backend's in-memory caches. Writes made through `withoutDataChange` do not move it.
 */
export function changeCounter(db: Database): number {
  return totalChanges(db) - (excluded.get(db) ?? 0);
}

/**
 * Runs a write that changes only what no cache reads (moving a card on the board, capacity,
 * milestones), so a plan edit does not throw away the loaded metrics and advice.
 */
export function withoutDataChange<T>(db: Database, write: () => T): T {
  const before = totalChanges(db);
  try {
    return write();
  } finally {
    excluded.set(db, (excluded.get(db) ?? 0) + totalChanges(db) - before);
  }
}
