import type { Database } from 'better-sqlite3';
import type { EntityCounts } from '../../../../shared/domain/entities';
import { ENTITY_NAMES } from '../../../../shared/domain/entity-names';

export interface ImportLogRow {
  id: number;
  fileName: string;
  contentHash: string;
  format: string;
  importedAt: number;
  counts: EntityCounts;
  warnings: number;
  rejected: number;
}

interface RawRow {
  id: number;
  file_name: string;
  content_hash: string;
  format: string;
  imported_at: number;
  counts: string;
  warnings: number;
  rejected: number;
}

/** Counts logged by an older Interlock lack the entities added since (planning rows, risks): those were 0. */
function loggedCounts(json: string): EntityCounts {
  const logged = JSON.parse(json) as Partial<EntityCounts>;
  return Object.fromEntries(ENTITY_NAMES.map((e) => [e, logged[e] ?? 0])) as EntityCounts;
}

const toRow = (r: RawRow): ImportLogRow => ({
  id: r.id,
  fileName: r.file_name,
  contentHash: r.content_hash,
  format: r.format,
  importedAt: r.imported_at,
  counts: loggedCounts(r.counts),
  warnings: r.warnings,
  rejected: r.rejected,
});

export function recordImport(db: Database, entry: Omit<ImportLogRow, 'id'>): number {
  const { id } = db
    .prepare(
      `INSERT INTO imports (file_name, content_hash, format, imported_at, counts, warnings, rejected)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    .get(entry.fileName, entry.contentHash, entry.format, entry.importedAt, JSON.stringify(entry.counts), entry.warnings, entry.rejected) as { id: number };
  return id;
}

export function listImports(db: Database, limit = 200): ImportLogRow[] {
  return (db.prepare('SELECT * FROM imports ORDER BY imported_at DESC, id DESC LIMIT ?').all(limit) as RawRow[]).map(toRow);
}

/** When a file with this content was last imported, or null. */
export function lastImportOfContent(db: Database, contentHash: string): number | null {
  return (db.prepare('SELECT max(imported_at) FROM imports WHERE content_hash = ?').pluck().get(contentHash) as number | null) ?? null;
}
