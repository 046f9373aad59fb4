import type { Database } from 'better-sqlite3';
import type { EntityCounts } from '../../../../shared/domain/entities';
import { MADE_IN_INTERLOCK } from './delivery-items';

const ENTITY_TABLES: Record<keyof EntityCounts, string | readonly string[]> = {
  teams: 'teams',
  items: 'work_items',
  transitions: 'status_transitions',
  dependencies: 'dependencies',
  deployments: 'deployments',
  incidents: 'incidents',
  objectives: 'objectives',
  // Planning rows, as the planning templates count them.
  plans: ['increments', 'iterations', 'capacity', 'milestones', 'planned_items'],
  releases: 'releases',
  risks: 'risks',
};

function count(db: Database, table: string): number {
  // Table names come from sqlite_master or the constant above, never from input.
  return (db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n;
}

export function countEntities(db: Database): EntityCounts {
  const counts = {} as EntityCounts;
  for (const [entity, tables] of Object.entries(ENTITY_TABLES) as [keyof EntityCounts, string | string[]][]) {
    counts[entity] = (typeof tables === 'string' ? [tables] : tables).reduce((sum, table) => sum + count(db, table), 0);
  }
  return counts;
}

/** True when the workspace holds any of its main entities (what a backup would be worth keeping for). */
export function hasData(db: Database): boolean {
  return Object.values(ENTITY_TABLES)
    .flat()
    .some((table) => db.prepare(`SELECT EXISTS (SELECT 1 FROM "${table}") AS any`).pluck().get() === 1);
}

export function countTables(db: Database): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, count(db, t)]));
}

/** Earliest and latest instant anywhere in the delivery data (items — not those made in Interlock —, transitions, deployments, incidents). */
export function dataDateRange(db: Database): { from: number; to: number } | null {
  const row = db
    .prepare(
      `SELECT min(lo) AS lo, max(hi) AS hi FROM (
         SELECT min(created_at) AS lo, max(max(created_at, coalesce(done_at, 0), coalesce(first_active_at, 0))) AS hi FROM work_items WHERE NOT (${MADE_IN_INTERLOCK})
         UNION ALL SELECT min(at), max(at) FROM status_transitions
         UNION ALL SELECT min(at), max(at) FROM deployments
         UNION ALL SELECT min(opened_at), max(max(opened_at, coalesce(resolved_at, 0))) FROM incidents
       )`,
    )
    .get() as { lo: number | null; hi: number | null };
  return row.lo === null || row.hi === null ? null : { from: row.lo, to: row.hi };
}

export function listValueStreams(db: Database): string[] {
  return db.prepare('SELECT DISTINCT value_stream FROM teams WHERE value_stream IS NOT NULL ORDER BY value_stream').pluck().all() as string[];
}
