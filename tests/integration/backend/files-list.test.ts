import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { tempDir } from '../../support/temp-files';

describe('files.list: the browser host’s file chooser', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  const home = () => tmp.path('home');
  beforeEach(() => {
    tmp = tempDir();
    mkdirSync(join(home(), 'clients', 'acme'), { recursive: true });
    mkdirSync(tmp.path('outside'));
    writeFileSync(join(home(), 'clients', 'acme', 'acme.interlock'), '');
    writeFileSync(join(home(), 'clients', 'acme', 'acme.sealed'), '');
    writeFileSync(join(home(), 'clients', 'acme', 'issues.csv'), 'a,b\n');
    writeFileSync(join(home(), 'clients', '.hidden'), '');
    writeFileSync(tmp.path('outside/secret.txt'), 'x');
    backend = createBackend({ log: () => undefined, stateDir: tmp.path('state'), homeDir: home() });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });
  const list = (dir?: string) => backend.call('files.list', dir === undefined ? {} : { dir });

  it('lists a folder inside home: folders first, then files by name, with their kind; hidden ones left out', async () => {
    const root = await list(join(home(), 'clients'));
    expect(root).toMatchObject({ ok: true, value: { dir: join(home(), 'clients'), parent: home(), entries: [{ name: 'acme', kind: 'folder', bytes: null }] } });
    const acme = await list(join(home(), 'clients', 'acme'));
    expect(acme.ok && acme.value.entries.map((e) => [e.name, e.kind])).toEqual([
      ['acme.interlock', 'workspace'],
      ['acme.sealed', 'sealed'],
      ['issues.csv', 'file'],
    ]);
  });

  it('starts at home when the workspaces folder does not exist yet, and stops at the top of it', async () => {
    const start = await list();
    expect(start).toMatchObject({ ok: true, value: { dir: home(), parent: null } });
    expect(start.ok && start.value.places.map((p) => p.label)).toEqual(['Home']);
  });

  it('a folder the user opened a workspace from becomes a place to browse', async () => {
    expect(await list(tmp.path('outside'))).toMatchObject({ ok: false });
    await backend.call('workspace.create', { path: tmp.path('outside/w.interlock') });
    const listed = await list(tmp.path('outside'));
    expect(listed.ok && listed.value.entries.map((e) => e.name)).toEqual(['secret.txt', 'w.interlock']);
  });

  describe('edge cases: nothing outside the allowed folders', () => {
    it('a folder outside home, and ../ out of home, are refused with a clear message', async () => {
      for (const dir of [tmp.path('outside'), join(home(), '..', 'outside'), join(home(), 'clients', '..', '..')]) {
        const result = await list(dir);
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('is outside them') } });
      }
    });

    it('a link inside home that leads out is listed by name but cannot be opened', async () => {
      symlinkSync(tmp.path('outside'), join(home(), 'shortcut'));
      const listing = await list(home());
      expect(listing.ok && listing.value.entries.find((e) => e.name === 'shortcut')?.kind).toBe('folder');
      expect(await list(join(home(), 'shortcut'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('is outside them') } });
    });

    it('a missing folder, a file given as a folder', async () => {
      expect(await list(join(home(), 'nope'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await list(join(home(), 'clients', 'acme', 'issues.csv'))).toMatchObject({ ok: false, error: { message: expect.stringContaining('is a file, not a folder') } });
    });

    it('a relative path is resolved, not trusted', async () => {
      const result = await list('../../../../../../etc');
      expect(result).toMatchObject({ ok: false });
    });
  });
});
