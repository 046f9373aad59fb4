import type { Database } from 'better-sqlite3';
import type { z } from 'zod';

/**
 * Workspace settings (weights, thresholds, preferences that travel with the file), one JSON value
 * per key. A stored value that no longer fits its schema falls back to the default instead of
 * breaking the page; `putSetting` validates before writing.
 */
export function getSetting<S extends z.ZodType>(db: Database, key: string, schema: S, fallback: z.output<S>): z.output<S> {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!row) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : fallback;
}

export function putSetting<S extends z.ZodType>(db: Database, key: string, schema: S, value: z.input<S>): z.output<S> {
  const checked = schema.parse(value);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(checked));
  return checked;
}

export function deleteSetting(db: Database, key: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(key);
}
