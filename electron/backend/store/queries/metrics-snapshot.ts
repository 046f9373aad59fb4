import type { Database } from 'better-sqlite3';

// The metrics snapshot row (migration 004): a cache of the work items and status changes in
// columnar form. Its triggers delete it whenever a column it holds changes.

/** The stored bytes when they were written in `format`; null when there are none or of another format. */
export function readMetricsSnapshot(db: Database, format: string): Buffer | null {
  const row = db.prepare('SELECT data FROM metrics_snapshot WHERE id = 1 AND format = ?').pluck().get(format) as Buffer | undefined;
  return row ?? null;
}

/**
 * Replaces the stored bytes. The old row is deleted before the new one is written, in one
 * transaction: `INSERT OR REPLACE` writes the new row's pages before it frees the old row's, so each
 * rewrite (another format, another team list) would leave the file a whole snapshot larger in free
 * pages (13 MB at the bench's M).
 */
export function writeMetricsSnapshot(db: Database, format: string, data: Uint8Array): void {
  db.transaction(() => {
    db.prepare('DELETE FROM metrics_snapshot').run();
    db.prepare('INSERT INTO metrics_snapshot (id, format, data) VALUES (1, ?, ?)').run(format, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  })();
}

export function hasMetricsSnapshot(db: Database): boolean {
  return db.prepare('SELECT count(*) FROM metrics_snapshot').pluck().get() === 1;
}

/**
 * Runs `write` (a bulk insert of items and status changes, inside the caller's transaction) with the
 * snapshot deleted once up front and its per-row triggers dropped, then recreated as they were.
 * Firing a trigger per row costs about a quarter of a microsecond, a few percent of an import, and
 * buys nothing once the snapshot is gone. An error rolls the drops back with the rest.
 */
export function withoutSnapshotTriggers<T>(db: Database, write: () => T): T {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'metrics\\_snapshot\\_%' ESCAPE '\\'").raw().all() as [string, string][];
  if (!db.inTransaction) throw new Error('withoutSnapshotTriggers must run inside a transaction');
  db.prepare('DELETE FROM metrics_snapshot').run();
  for (const [name] of triggers) db.exec(`DROP TRIGGER "${name}"`);
  const result = write();
  for (const [, sql] of triggers) db.exec(sql);
  return result;
}
