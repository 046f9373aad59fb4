import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { writeDemoPortfolio } from '../../../electron/backend/demo/write-demo';
import { countEntities } from '../../../electron/backend/store/queries/overview';
import {
  backupWorkspace,
  closeWorkspace,
  createWorkspace,
  inspectWorkspaceFile,
  openWorkspace,
  type Workspace,
} from '../../../electron/backend/store/workspace-file';
import { AppError } from '../../../shared/contract/result';
import { runTs, startTs, stopChild } from '../../support/child-process';
import { sha256, sidecarFiles, tempDir } from '../../support/temp-files';

// The rule every write of a whole workspace follows (New, the demo, Save As, a restore): a path
// another process holds, a damaged file or a file that is not a workspace is never replaced.

const CHILD = 'tests/support/workspace-child.ts';

async function refusal(action: () => unknown): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the call to be refused');
}

const demo = (items: number, seed = 3) => (db: Database.Database) => writeDemoPortfolio(db, { items, seed });

describe('replacing a workspace file', () => {
  let tmp: ReturnType<typeof tempDir>;
  const open: Workspace[] = [];
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    for (const w of open.splice(0)) closeWorkspace(w);
    tmp.cleanup();
  });
  const track = (w: Workspace) => (open.push(w), w);

  it('replace while held: another process keeps its workspace, and the CLI says it is open elsewhere', async () => {
    const path = tmp.path('held.interlock');
    closeWorkspace(createWorkspace(path, { fill: demo(80) }));
    const holder = await startTs(CHILD, ['hold', path], 'ready');
    try {
      const before = sha256(path);
      const run = await runTs('electron/cli/main.ts', ['demo', path, '--force', '--items', '60']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('is open in another window or program');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      // In this process too, through every path that writes a whole file.
      expect((await refusal(() => createWorkspace(path, { overwrite: true, fill: demo(60) }))).code).toBe('workspace-locked');
      const other = track(createWorkspace(tmp.path('other.interlock')));
      expect((await refusal(() => backupWorkspace(other, path, { replace: true }))).code).toBe('workspace-locked');
      expect(sha256(path)).toBe(before);
    } finally {
      await stopChild(holder);
    }
    expect(countEntities(track(openWorkspace(path)).db).items).toBe(80);
    // No temporary sibling is left behind by the refusals.
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a stale journal of a process killed mid-commit is rolled into the old file, never into its replacement', async () => {
    const path = tmp.path('crashed.interlock');
    closeWorkspace(createWorkspace(path, { fill: demo(70) }));
    const crash = await runTs(CHILD, ['crash-write', path, '3000']);
    expect(crash.signal).toBe('SIGKILL');
    expect(sidecarFiles(path)).toEqual([`${path}-journal`]);
    const replaced = createWorkspace(path, { overwrite: true, fill: demo(55, 9) });
    expect(countEntities(replaced.db).items).toBe(55);
    closeWorkspace(replaced);
    expect(sidecarFiles(path)).toEqual([]);
    const reopened = track(openWorkspace(path));
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countEntities(reopened.db).items).toBe(55);
    expect((reopened.db.prepare(`SELECT count(*) FROM teams WHERE key LIKE 'crash-team-%'`).pluck().get() as number)).toBe(0);
  });

  it('an orphan journal where no file stands is removed before the new file takes the name', () => {
    const path = tmp.path('fresh.interlock');
    writeFileSync(`${path}-journal`, Buffer.alloc(4096, 7));
    const created = track(createWorkspace(path, { fill: demo(50) }));
    expect(countEntities(created.db).items).toBe(50);
    closeWorkspace(created);
    open.splice(0);
    expect(sidecarFiles(path)).toEqual([]);
    expect(track(openWorkspace(path)).db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('Save As onto an existing workspace is refused unless asked to replace, then replaces it whole', async () => {
    const source = track(createWorkspace(tmp.path('source.interlock'), { fill: demo(90) }));
    const target = tmp.path('target.interlock');
    closeWorkspace(createWorkspace(target, { fill: demo(50) }));
    const before = sha256(target);
    const error = await refusal(() => backupWorkspace(source, target));
    expect(error.code).toBe('workspace-exists');
    expect(error.message).toContain('already exists');
    expect(sha256(target)).toBe(before);
    await backupWorkspace(source, target, { replace: true });
    expect(countEntities(track(openWorkspace(target)).db).items).toBe(90);
  });

  describe('edge cases', () => {
    it('never replaces a damaged workspace, a file that is not a workspace, or a folder — even when asked', async () => {
      const source = track(createWorkspace(tmp.path('source.interlock'), { fill: demo(60) }));
      const notes = tmp.path('notes.interlock');
      writeFileSync(notes, 'my meeting notes, not a workspace');
      const foreign = tmp.path('foreign.interlock');
      new Database(foreign).exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      const damaged = tmp.path('damaged.interlock');
      closeWorkspace(createWorkspace(damaged, { fill: demo(60) }));
      const bytes = readFileSync(damaged);
      bytes.fill(0x55, 4096 * 3, 4096 * 6);
      writeFileSync(damaged, bytes);
      const folder = tmp.path('folder.interlock');
      mkdirSync(folder);
      for (const target of [notes, foreign, damaged]) {
        const hash = sha256(target);
        const error = await refusal(() => backupWorkspace(source, target, { replace: true }));
        expect(error.message, target).toMatch(/^Not replaced: /);
        expect(['not-a-workspace', 'workspace-corrupt']).toContain(error.code);
        expect(sha256(target)).toBe(hash);
        expect((await refusal(() => createWorkspace(target, { overwrite: true }))).message).toMatch(/^Not replaced: /);
        expect(sha256(target)).toBe(hash);
      }
      expect((await refusal(() => backupWorkspace(source, folder, { replace: true }))).message).toContain('is a folder');
    });

    it('New refuses any existing path, replace or not asked', async () => {
      const path = tmp.path('taken.interlock');
      closeWorkspace(createWorkspace(path));
      expect((await refusal(() => createWorkspace(path))).code).toBe('workspace-exists');
    });

    it('inspecting a path reads what is there without writing', () => {
      const path = tmp.path('Client A.interlock');
      closeWorkspace(createWorkspace(path, { name: 'Client A portfolio' }));
      const hash = sha256(path);
      expect(inspectWorkspaceFile(path)).toMatchObject({ state: 'workspace', name: 'Client A portfolio', locked: false, message: null });
      expect(inspectWorkspaceFile(tmp.path('none.interlock'))).toMatchObject({ state: 'missing', name: null });
      writeFileSync(tmp.path('x.csv'), 'a,b\n1,2\n');
      expect(inspectWorkspaceFile(tmp.path('x.csv'))).toMatchObject({ state: 'not-a-workspace' });
      expect(sha256(path)).toBe(hash);
      expect(sidecarFiles(path)).toEqual([]);
    });
  });
});

describe('replacing through the channels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir();
    backend = createBackend({ log: () => undefined });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  it('a refused demo over another file keeps the open workspace open', async () => {
    const mine = tmp.path('mine.interlock');
    expect((await backend.call('workspace.createDemo', { path: mine, items: 60 })).ok).toBe(true);
    const notes = tmp.path('notes.interlock');
    writeFileSync(notes, 'not a workspace');
    const refused = await backend.call('workspace.createDemo', { path: notes, items: 60, overwrite: true });
    expect(refused.ok ? null : refused.error.code).toBe('not-a-workspace');
    const current = await backend.call('workspace.current', {});
    expect(current.ok && current.value?.path).toBe(mine);
  });

  it('workspace.saveAs asks for replace: true before replacing, and inspect names the workspace there', async () => {
    expect((await backend.call('workspace.createDemo', { path: tmp.path('a.interlock'), items: 60 })).ok).toBe(true);
    const target = tmp.path('b.interlock');
    closeWorkspace(createWorkspace(target, { name: 'Client B' }));
    const inspected = await backend.call('workspace.inspect', { path: target });
    expect(inspected.ok && inspected.value).toMatchObject({ state: 'workspace', name: 'Client B' });
    const refused = await backend.call('workspace.saveAs', { path: target });
    expect(refused.ok ? null : refused.error.code).toBe('workspace-exists');
    const saved = await backend.call('workspace.saveAs', { path: target, replace: true });
    expect(saved.ok && saved.value.path).toBe(target);
  });

  describe('edge cases', () => {
    it('New or a demo without replace on the open workspace’s own path is refused and leaves it open', async () => {
      const mine = tmp.path('mine-open.interlock');
      expect((await backend.call('workspace.createDemo', { path: mine, items: 60 })).ok).toBe(true);
      for (const refused of [await backend.call('workspace.create', { path: mine }), await backend.call('workspace.createDemo', { path: mine, items: 60 })]) {
        expect(refused.ok ? '' : refused.error.code).toBe('workspace-exists');
        const current = await backend.call('workspace.current', {});
        expect(current.ok && current.value?.path).toBe(mine);
      }
    });

    it('Save As, a sealed or an anonymised copy onto a link to the open workspace is refused as the same file, never as "open elsewhere"', async () => {
      const mine = tmp.path('linked.interlock');
      expect((await backend.call('workspace.createDemo', { path: mine, items: 60 })).ok).toBe(true);
      const before = sha256(mine);
      for (const [kind, link] of [['symlink', tmp.path('soft.interlock')], ['hard link', tmp.path('hard.interlock')]] as const) {
        if (kind === 'symlink') symlinkSync(mine, link);
        else linkSync(mine, link);
        const saved = await backend.call('workspace.saveAs', { path: link, replace: true });
        expect(saved.ok ? '' : saved.error.message, kind).toMatch(/^A copy needs a file of its own: .+ is the workspace being copied\.$/);
        const anonymised = await backend.call('workspace.anonymise', { path: link, replace: true });
        expect(anonymised.ok ? '' : anonymised.error.message, kind).toBe('An anonymised copy needs a different file than the open workspace.');
      }
      expect(sha256(mine)).toBe(before);
    });

    it('a NUL byte or an over-long name is invalid input, and no file appears', async () => {
      expect((await backend.call('workspace.createDemo', { path: tmp.path('a.interlock'), items: 60 })).ok).toBe(true);
      const nul = await backend.call('workspace.saveAs', { path: `${tmp.path('cut')}\u0000.interlock` });
      expect(nul.ok ? null : nul.error).toMatchObject({ code: 'invalid-input' });
      expect(nul.ok ? '' : nul.error.message).toContain('NUL');
      const long = await backend.call('workspace.createDemo', { path: tmp.path(`${'x'.repeat(300)}.interlock`) });
      expect(long.ok ? null : long.error.code).toBe('invalid-input');
      expect(long.ok ? '' : long.error.message).toContain('at most 255 bytes');
      expect(readdirSync(tmp.dir).filter((name) => !name.endsWith('-journal'))).toEqual(['a.interlock']);
    });

    it('a workspace path past what SQLite opens with its journal and temporary copy is refused up front, saying how long it may be; a name the journal would push past 255 bytes too', async () => {
      // Folders deep enough that the workspace's own path reaches past 486 bytes (it was "read-only" before).
      let folder = tmp.dir;
      while (Buffer.byteLength(folder) < 440) folder = join(folder, 'f'.repeat(60));
      mkdirSync(folder, { recursive: true });
      const deep = join(folder, `${'w'.repeat(Math.max(1, 494 - Buffer.byteLength(folder) - 11))}.interlock`);
      expect(Buffer.byteLength(deep)).toBeGreaterThan(486);
      for (const call of [() => backend.call('workspace.create', { path: deep }), () => backend.call('workspace.createDemo', { path: deep, items: 60 }), () => backend.call('workspace.saveAs', { path: deep })]) {
        const refused = await call();
        expect(refused.ok ? null : refused.error.code).toBe('invalid-input');
        expect(refused.ok ? '' : refused.error.message).toMatch(/this path is \d+ bytes long; a workspace's path can be at most 486 \(SQLite's limit of 512, with room for its journal and the temporary copy it is written as first\): choose a shorter folder or name/);
      }
      expect(existsSync(deep)).toBe(false);
      const longName = tmp.path(`${'n'.repeat(231)}.interlock`);
      const named = await backend.call('workspace.create', { path: longName });
      expect(named.ok ? '' : named.error.message).toContain(`the file name is ${231 + 10} bytes long; a workspace's file name can be at most 229`);
      // One that fits is made, its name cut to the 200 characters a name holds.
      const fits = tmp.path(`${'m'.repeat(219)}.interlock`);
      const made = await backend.call('workspace.create', { path: fits });
      expect(made.ok ? made.value.name : made.error.message).toBe('m'.repeat(200));
    });
  });
});
