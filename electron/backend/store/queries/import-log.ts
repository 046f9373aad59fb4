import type { Database } from 'better-sqlite3';
import type { EntityCounts } from '../../../../shared/domain/entities';

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

const toRow = (r: RawRow): ImportLogRow => ({
  id: r.id,
  fileName: r.file_name,
  contentHash: r.content_hash,
  format: r.format,
  importedAt: r.imported_at,
  counts: JSON.parse(r.counts) as EntityCounts,
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
