import type { Database } from 'better-sqlite3';

/**
 * Bumps whenever this connection changes a row (triggers and rolled-back changes included): the
 * cheap "has anything changed since" check behind the backend's in-memory caches.
 */
export function changeCounter(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}
