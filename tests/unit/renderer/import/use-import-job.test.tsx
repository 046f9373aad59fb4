import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, waitFor } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useImportJob } from '../../../../renderer/src/import/use-import-job';
import { bridgedBackend } from '../../../support/bridged-backend';

// The import hook against a real backend on a temp workspace, standing in for the desktop bridge.

let dispose: (() => void) | null = null;
afterEach(() => {
  cleanup();
  dispose?.();
  dispose = null;
});

/** Starts an import of `path` on mount and calls `onRunning` once progress has come back running. */
function StartsAnImport({ path, onRunning }: { path: string; onRunning: () => void }) {
  const job = useImportJob();
  const { start } = job;
  useEffect(() => {
    void start({ files: [{ source: { kind: 'path', path }, format: 'auto', columns: {} }], mode: 'import' });
  }, [start, path]);
  useEffect(() => {
    if (job.running && job.status) onRunning();
  }, [job.running, job.status, onRunning]);
  return null;
}

describe('useImportJob', () => {
  it('an import that commits after its page was left still drops every cached answer', async () => {
    const bridge = await bridgedBackend();
    dispose = bridge.dispose;
    const { backend, dir } = bridge;
    // Big enough that the import is still running when the page goes.
    const rows = Array.from({ length: 60_000 }, (_, i) => `K-${i},Item ${i},story,t,Done,done,2024-01-01T00:00:00Z`);
    const path = join(dir, 'items.csv');
    writeFileSync(path, `key,title,type,team,status,status_category,created_at\n${rows.join('\n')}\n`);
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(['workspace.overview', {}], { counts: { items: 0 } });
    let page: ReturnType<typeof render> | null = null;
    let left = false;
    // On a later tick, as a person would: the hook is between two polls then.
    const leave = () =>
      setTimeout(() => {
        if (left) return;
        left = true;
        page?.unmount();
      }, 0);
    page = render(
      <QueryClientProvider client={client}>
        <StartsAnImport path={path} onRunning={leave} />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(left).toBe(true), { timeout: 20_000 });
    await waitFor(() => expect(client.getQueryState(['workspace.overview', {}])?.isInvalidated).toBe(true), { timeout: 20_000 });
    const history = await backend.call('import.history', {});
    expect(history.ok && history.value[0]!.counts.items).toBe(60_000);
  }, 30_000);
});
