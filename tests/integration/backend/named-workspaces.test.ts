import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { demoWorkspacePath } from '../../../electron/backend/startup';
import { caller } from '../store/anonymise-fixture';
import { tempDir } from '../../support/temp-files';

describe('named, findable workspaces', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  let call: ReturnType<typeof caller>;
  beforeEach(() => {
    tmp = tempDir();
    mkdirSync(tmp.path('home'));
    backend = createBackend({ log: () => undefined, stateDir: tmp.path('state'), homeDir: tmp.path('home') });
    call = caller(backend);
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('rename changes the name kept in the file, the title and Open Recent, not the file name', async () => {
    await call('workspace.create', { path: tmp.path('acme.interlock') });
    const renamed = await call('workspace.rename', { name: '  Acme Retail — Q3  ' });
    expect(renamed).toMatchObject({ name: 'Acme Retail — Q3', path: tmp.path('acme.interlock') });
    expect((await call('workspace.current', {}))?.name).toBe('Acme Retail — Q3');
    expect((await call('workspace.recent', {}))[0]).toMatchObject({ name: 'Acme Retail — Q3', folder: tmp.dir });
    await call('workspace.close', {});
    expect((await call('workspace.open', { path: tmp.path('acme.interlock') })).name).toBe('Acme Retail — Q3');
  });

  it('Save As names the copy (by default after its file), so Open Recent tells the two apart', async () => {
    await call('workspace.create', { path: tmp.path('my-portfolio.interlock') });
    mkdirSync(tmp.path('client-b'));
    const copy = await call('workspace.saveAs', { path: join(tmp.path('client-b'), 'globex.interlock') });
    expect(copy.name).toBe('globex');
    const named = await call('workspace.saveAs', { path: tmp.path('third.interlock'), name: 'Initech' });
    expect(named.name).toBe('Initech');
    const recent = await call('workspace.recent', {});
    expect(recent.map((r) => [r.name, r.folder])).toEqual([
      ['Initech', tmp.dir],
      ['globex', tmp.path('client-b')],
      ['my-portfolio', tmp.dir],
    ]);
  });

  it('a workspace for files: named after them, in the default folder, never over another', async () => {
    const first = await call('workspace.createForFiles', { fileNames: ['acme-issues.csv', 'acme-links.csv'] });
    expect(first).toMatchObject({ name: 'acme', path: join(tmp.path('home'), 'Interlock', 'acme.interlock'), demo: false });
    const second = await call('workspace.createForFiles', { fileNames: ['acme-issues.csv'] });
    expect(second.path).toBe(join(tmp.path('home'), 'Interlock', 'acme-issues.interlock'));
    const third = await call('workspace.createForFiles', { fileNames: ['acme.csv'] });
    expect(third).toMatchObject({ name: 'acme', path: join(tmp.path('home'), 'Interlock', 'acme 2.interlock') });
  });

  it('the demo says it is the demo; files can start from a copy of it, which is not the demo', async () => {
    const demo = await call('workspace.openDemo', {});
    expect(demo).toMatchObject({ path: demoWorkspacePath(tmp.path('state')), demo: true });
    expect((await call('workspace.current', {}))?.demo).toBe(true);
    const copy = await call('workspace.createForFiles', { fileNames: ['acme.csv'], copyOfOpen: true });
    expect(copy).toMatchObject({ name: 'acme (with Interlock demo)', path: join(tmp.path('home'), 'Interlock', 'acme (with Interlock demo).interlock'), demo: false });
    expect((await call('workspace.overview', {})).counts.items).toBeGreaterThan(1000);
  });

  describe('edge cases', () => {
    it('opening a CSV says it is not a workspace (and how to bring it in), never with an added extension', async () => {
      writeFileSync(tmp.path('export.csv'), 'Issue key,Summary\nA-1,One\n');
      const result = await backend.call('workspace.open', { path: tmp.path('export.csv') });
      expect(result).toMatchObject({ ok: false, error: { code: 'not-a-workspace' } });
      const message = (result as { error: { message: string } }).error.message;
      expect(message).toContain(`${tmp.path('export.csv')} is not an Interlock workspace`);
      expect(message).toContain('use Import');
      expect(message).not.toContain('.csv.interlock');
    });

    it('opening a sealed copy says to open it as one', async () => {
      await call('workspace.create', { path: tmp.path('w.interlock') });
      await call('workspace.seal', { path: tmp.path('w.sealed'), passphrase: 'twelve chars!' });
      const result = await backend.call('workspace.open', { path: tmp.path('w.sealed') });
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('Open a sealed copy') } });
    });

    it('an empty or over-long name is refused; without a workspace, rename says so', async () => {
      expect(await backend.call('workspace.rename', { name: 'x' })).toMatchObject({ ok: false, error: { code: 'no-workspace' } });
      await call('workspace.create', { path: tmp.path('n.interlock') });
      expect(await backend.call('workspace.rename', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await backend.call('workspace.rename', { name: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    });

    it('the CLI has no default folder: a workspace for files is refused with a clear message', async () => {
      const cliBackend = createBackend({ log: () => undefined });
      try {
        expect(await cliBackend.call('workspace.createForFiles', { fileNames: ['a.csv'] })).toMatchObject({ ok: false, error: { message: expect.stringContaining('no default folder') } });
      } finally {
        cliBackend.close();
      }
    });
  });
});
