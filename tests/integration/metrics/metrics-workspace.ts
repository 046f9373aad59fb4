import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { writePortfolio } from '../../../electron/backend/store/queries/portfolio-writes';
import { afterAll, beforeAll } from 'vitest';
import type { Portfolio } from '../../../shared/domain/entities';

/** A real workspace file in a temp folder, filled with `portfolio`, open in a fresh backend. */
export async function workspaceWith(portfolio: Portfolio): Promise<{ backend: Backend; path: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-metrics-'));
  const path = join(dir, 'metrics.interlock');
  const backend = createBackend({ log: () => undefined });
  const created = await backend.call('workspace.create', { path });
  if (!created.ok) throw new Error(created.error.message);
  const { db } = backend.context.session.require();
  db.transaction(() => writePortfolio(db, portfolio))();
  return {
    backend,
    path,
    dispose: () => {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For command-line tests: a workspace file filled with `portfolio` before the file's tests and
 * removed after them, closed so that the CLI's own backend can open it. Its path, once made.
 */
export function workspaceFileForTheseTests(portfolio: () => Portfolio): () => string {
  let path = '';
  let cleanup: () => void = () => undefined;
  beforeAll(async () => {
    const ws = await workspaceWith(portfolio());
    path = ws.path;
    ws.backend.close();
    cleanup = ws.dispose;
  });
  afterAll(() => cleanup());
  return () => path;
}

export async function valueOf<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
