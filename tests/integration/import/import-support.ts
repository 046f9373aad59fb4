import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import type { ImportJobStatus, ImportStartInput } from '../../../shared/contract/import-channels';

export const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'import');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

export interface TempWorkspace {
  dir: string;
  path: string;
  backend: Backend;
  dispose(): void;
}

/** A fresh backend on a new workspace in a temporary folder. */
export async function tempWorkspace(): Promise<TempWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-import-'));
  const path = join(dir, 'test.interlock');
  const backend = createBackend({ log: () => undefined });
  const created = await backend.call('workspace.create', { path });
  if (!created.ok) throw new Error(created.error.message);
  return {
    dir,
    path,
    backend,
    dispose: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function db(ws: TempWorkspace): Database.Database {
  return ws.backend.context.session.require().db;
}

/** Starts an import job through the contract and polls it to the end, as the UI does. */
export async function runImport(
  backend: Backend,
  paths: string[],
  mode: 'preview' | 'import' = 'import',
  extra: Partial<Omit<ImportStartInput, 'files' | 'mode'>> & { format?: string; columns?: Record<string, string | null> } = {},
): Promise<ImportJobStatus> {
  const { format, columns, ...rest } = extra;
  const started = await backend.call('import.start', {
    files: paths.map((path) => ({ source: { kind: 'path', path }, format: format ?? 'auto', columns: columns ?? {} })),
    mode,
    ...rest,
  } as never);
  if (!started.ok) throw new Error(started.error.message);
  for (;;) {
    const status = await backend.call('import.progress', started.value);
    if (!status.ok) throw new Error(status.error.message);
    if (status.value.state !== 'running') return status.value;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every row of every table, in a stable order: two equal dumps mean the same content. */
export function dumpWorkspace(database: Database.Database, options: { skip?: string[]; withoutIds?: string[] } = {}): string {
  const tables = database.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return tables
    .filter((t) => !options.skip?.includes(t))
    .map((t) => {
      const rows = database.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
      const lines = rows.map((r) => {
        if (options.withoutIds?.includes(t)) delete r.id;
        return JSON.stringify(r);
      });
      return `${t}\n${lines.sort().join('\n')}`;
    })
    .join('\n');
}
