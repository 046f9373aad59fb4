import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { writeDemoPortfolio } from '../../../electron/backend/demo/write-demo';
import { closeWorkspace, createWorkspace } from '../../../electron/backend/store/workspace-file';
import { runTs } from '../../support/child-process';
import { tempDir } from '../../support/temp-files';
import { runImport } from '../import/import-support';

// SQLite's lock on an open workspace is a POSIX lock: closing any descriptor of the file in the
// process that holds it drops it, and another program could then write the file too. Nothing the
// backend does on the path of the workspace it holds may open and close the file behind SQLite.

const CHILD = 'tests/support/workspace-child.ts';

let tmp: ReturnType<typeof tempDir>;
let backend: Backend;
let path: string;
beforeEach(async () => {
  tmp = tempDir();
  path = tmp.path('held.interlock');
  closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 60, seed: 2 }) }));
  backend = createBackend({ log: () => undefined });
  expect((await backend.call('workspace.open', { path })).ok).toBe(true);
});
afterEach(() => {
  backend.close();
  tmp.cleanup();
});

async function anotherProgramIsRefused(): Promise<void> {
  const other = await runTs(CHILD, ['open', path]);
  expect(JSON.parse(other.stdout.trim())).toMatchObject({ ok: false, error: { code: 'workspace-locked' } });
}

describe('the workspace open in the backend stays locked', () => {
  it('when its own path is inspected (Save As onto it asks first), which says it is the one open here', async () => {
    const inspected = await backend.call('workspace.inspect', { path });
    expect(inspected).toMatchObject({ ok: true, value: { state: 'workspace', locked: true, message: `${path} is the workspace open here.` } });
    await anotherProgramIsRefused();
  });

  it('when it is opened again (from the recent list): it stays open as it is, where it met its own lock', async () => {
    expect(await backend.call('workspace.open', { path })).toMatchObject({ ok: true, value: { path } });
    await anotherProgramIsRefused();
  });

  describe('edge cases', () => {
    it('when it is given to an import as if it were an export: refused, said why', async () => {
      const status = await runImport(backend, [path], 'preview');
      expect(status.report!.issues[0]).toMatchObject({ code: 'unreadable-file', message: expect.stringContaining('is the workspace open here') });
      await anotherProgramIsRefused();
    });

    it('a copy of it is read as any other file (only the file itself is held)', async () => {
      const other = tmp.path('other.csv');
      writeFileSync(other, 'key,name\nt1,One\n');
      expect((await runImport(backend, [other], 'preview')).report!.counts.teams).toBe(1);
      await anotherProgramIsRefused();
    });
  });
});
