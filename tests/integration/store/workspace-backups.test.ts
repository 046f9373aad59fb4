import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { captureCli } from '../../support/cli-capture';
import { BACKUPS_KEPT, PROTECTIVE_KEPT, WorkspaceBackups } from '../../../electron/backend/store/workspace-backups';
import { closeWorkspace, INTERLOCK_APPLICATION_ID, inspectWorkspaceFile as inspect, openWorkspace } from '../../../electron/backend/store/workspace-file';
import { PROJECT_ROOT, runTs } from '../../support/child-process';
import { LATEST_SCHEMA_VERSION, migrate } from '../../../electron/backend/store/migrations';
import { countEntities } from '../../../electron/backend/store/queries/overview';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import { sha256, tempDir } from '../../support/temp-files';

// Automatic backups: before an upgrade, before an import that changes data, before a restore.

const CHILD = 'tests/support/workspace-child.ts';
const TEAMS_CSV = 'Key,Name,Value stream\nt1,Team One,Stream A\nt2,Team Two,Stream A\n';

describe('automatic backups', () => {
  let tmp: ReturnType<typeof tempDir>;
  let backend: Backend;
  beforeEach(() => {
    tmp = tempDir();
    backend = createBackend({ stateDir: tmp.path('state'), log: () => undefined });
  });
  afterEach(() => {
    backend.close();
    tmp.cleanup();
  });

  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await backend.call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  }

  async function importFile(name: string, text: string): Promise<void> {
    const path = tmp.path(name);
    writeFileSync(path, text);
    const { jobId } = await call('import.start', { files: [{ source: { kind: 'path', path } }], mode: 'import' });
    for (;;) {
      const status = await call('import.progress', { jobId });
      if (status.state !== 'running') {
        if (status.state !== 'done') throw new Error(`import ended ${status.state}: ${status.error?.message}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('an import into a workspace with data keeps a copy of what it held before, which restores exactly', async () => {
    const path = tmp.path('portfolio.interlock');
    await call('workspace.createDemo', { path, items: 60 });
    const itemsBefore = (await call('workspace.overview', {})).counts;
    expect((await call('workspace.backups.list', {})).backups).toEqual([]);
    await importFile('teams.csv', TEAMS_CSV);
    const list = await call('workspace.backups.list', {});
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ number: 1, reason: 'before-import', name: 'Interlock demo' });
    const copy = new Database(list.backups[0]!.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(countEntities(copy)).toEqual(itemsBefore);
    copy.close();
    expect((await call('workspace.overview', {})).counts.teams).toBe(itemsBefore.teams + 2);

    const restored = await call('workspace.backups.restore', { number: 1 });
    expect(restored.path).toBe(path);
    expect(restored.backupOfPrevious).not.toBeNull();
    expect((await call('workspace.overview', {})).counts).toEqual(itemsBefore);
    // What the restore replaced is itself a backup now: nothing was lost either way.
    const after = await call('workspace.backups.list', {});
    expect(after.backups.map((b) => b.reason)).toEqual(['before-restore', 'before-import']);
  });

  it('keeps the last five per workspace, newest first, and a preview takes none', async () => {
    await call('workspace.createDemo', { path: tmp.path('w.interlock'), items: 60 });
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) await importFile(`teams-${i}.csv`, `Key,Name,Value stream\nx${i},X ${i},S\n`);
    const { jobId } = await call('import.start', { files: [{ source: { kind: 'path', path: tmp.path('teams-0.csv') } }], mode: 'preview' });
    while ((await call('import.progress', { jobId })).state === 'running') await new Promise((r) => setTimeout(r, 20));
    const list = await call('workspace.backups.list', {});
    expect(list.backups).toHaveLength(BACKUPS_KEPT);
    expect(list.backups.map((b) => b.number)).toEqual([1, 2, 3, 4, 5]);
    const times = list.backups.map((b) => b.path);
    expect([...times].sort().reverse()).toEqual(times);
    // The newest backup holds the sixth import's team, not the seventh's.
    const newest = new Database(list.backups[0]!.path, { readonly: true });
    expect(newest.prepare(`SELECT count(*) FROM teams WHERE key IN ('x5', 'x6')`).pluck().get()).toBe(1);
    newest.close();
  });

  it('restoring the oldest of five keeps it, and the backup before the restore is kept besides the five', async () => {
    await call('workspace.createDemo', { path: tmp.path('w.interlock'), items: 60 });
    for (let i = 0; i < BACKUPS_KEPT; i++) await importFile(`teams-${i}.csv`, `Key,Name,Value stream\nx${i},X ${i},S\n`);
    const oldest = (await call('workspace.backups.list', {})).backups[BACKUPS_KEPT - 1]!;
    await call('workspace.backups.restore', { number: BACKUPS_KEPT });
    const after = (await call('workspace.backups.list', {})).backups;
    expect(after).toHaveLength(BACKUPS_KEPT + 1);
    expect(after.map((b) => b.path)).toContain(oldest.path);
    expect(after[0]!.reason).toBe('before-restore');
  });

  it('keeps the newest three taken before a replace and before a restore besides the last five, whatever follows', async () => {
    const path = tmp.path('w.interlock');
    await call('workspace.create', { path });
    await call('workspace.close', {});
    const workspace = openWorkspace(path);
    const backups = new WorkspaceBackups(tmp.path('policy-state'));
    const change = (i: number) => workspace.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('policy-test', ?)`).run(String(i));
    const start = Date.UTC(2026, 11, 7, 14, 0, 0);
    let i = 0;
    const take = async (reason: 'before-import' | 'before-replace' | 'before-restore') => {
      change(i);
      return backups.take(workspace.db, path, reason, new Date(start + i++ * 1000));
    };
    const replaced: string[] = [];
    const restored: string[] = [];
    for (let n = 0; n < PROTECTIVE_KEPT + 1; n++) replaced.push(await take('before-replace'));
    for (let n = 0; n < PROTECTIVE_KEPT + 1; n++) restored.push(await take('before-restore'));
    for (let n = 0; n < BACKUPS_KEPT * 2; n++) await take('before-import');
    // A protective copy that holds what the newest routine one holds is kept all the same: as the
    // routine one, it would be pruned by the next imports.
    const same = await backups.take(workspace.db, path, 'before-replace', new Date(start + i++ * 1000));
    for (let n = 0; n < BACKUPS_KEPT; n++) await take('before-import');
    closeWorkspace(workspace);
    const left = backups.list(path).map((b) => b.path);
    expect(left).toHaveLength(BACKUPS_KEPT + 2 * PROTECTIVE_KEPT);
    expect(left).toEqual(expect.arrayContaining([same, ...replaced.slice(-PROTECTIVE_KEPT + 1), ...restored.slice(-PROTECTIVE_KEPT)]));
    expect(left).not.toContain(replaced[0]);
    expect(left).not.toContain(restored[0]);
    for (const file of left) expect(existsSync(file)).toBe(true);
  });

  it('a backup taken while the clock is behind the folder’s newest names is kept, not pruned as it is taken', async () => {
    const path = tmp.path('w.interlock');
    await call('workspace.create', { path });
    await call('workspace.close', {});
    const workspace = openWorkspace(path);
    const backups = new WorkspaceBackups(tmp.path('clock-state'));
    const ahead = Date.now() + 30 * 86_400_000;
    // Each backup of a workspace changed since the one before: one that holds what the newest holds is not kept again.
    const change = (i: number) => workspace.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('clock-test', ?)`).run(String(i));
    for (let i = 0; i < BACKUPS_KEPT; i++) {
      change(i);
      await backups.take(workspace.db, path, 'before-import', new Date(ahead + i * 1000));
    }
    change(BACKUPS_KEPT);
    const taken = await backups.take(workspace.db, path, 'before-import');
    closeWorkspace(workspace);
    expect(existsSync(taken)).toBe(true);
    expect(backups.list(path).map((b) => b.path)).toContain(taken);
    expect(backups.list(path)).toHaveLength(BACKUPS_KEPT);
  });

  it('an empty workspace is not backed up before its first import: there is nothing to lose', async () => {
    await call('workspace.create', { path: tmp.path('empty.interlock') });
    await importFile('teams.csv', TEAMS_CSV);
    expect((await call('workspace.backups.list', {})).backups).toEqual([]);
  });

  it('opening a workspace of an older schema keeps a copy from before the upgrade', async () => {
    const path = oldWorkspace('old.interlock');
    await call('workspace.open', { path });
    const list = await call('workspace.backups.list', {});
    expect(list.backups).toHaveLength(1);
    expect(list.backups[0]).toMatchObject({ reason: 'before-migration', name: 'Old one' });
    const copy = new Database(list.backups[0]!.path, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(3);
    copy.close();
  });

  /** A workspace as Interlock at schema 3 wrote it, with one team. */
  function oldWorkspace(name: string): string {
    const path = tmp.path(name);
    const db = new Database(path);
    db.pragma(`application_id = ${INTERLOCK_APPLICATION_ID}`);
    migrate(db, path, 3);
    db.exec(`INSERT INTO meta (key, value) VALUES ('name', 'Old one'); INSERT INTO teams (key, name) VALUES ('t', 'T')`);
    db.close();
    return path;
  }

  function teamKeysIn(path: string): string[] {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT key FROM teams ORDER BY key').pluck().all() as string[]);
    } finally {
      db.close();
    }
  }

  describe('a workspace renamed or moved', () => {
    async function portfolioWithBackup(name: string): Promise<{ path: string; countsBefore: ReturnType<typeof countEntities> }> {
      const path = tmp.path(name);
      await call('workspace.createDemo', { path, items: 60 });
      const countsBefore = (await call('workspace.overview', {})).counts;
      await importFile('teams.csv', TEAMS_CSV);
      await call('workspace.close', {});
      return { path, countsBefore };
    }

    it('keeps its backups: they are listed with the path they were taken of, and restore', async () => {
      const { path: before, countsBefore } = await portfolioWithBackup('client.interlock');
      mkdirSync(tmp.path('moved'));
      const after = tmp.path('moved/client renamed.interlock');
      renameSync(before, after);
      await call('workspace.open', { path: after });
      const list = await call('workspace.backups.list', {});
      expect(list.workspace).toBe(after);
      expect(list.backups.map((b) => [b.number, b.reason, b.takenOf])).toEqual([[1, 'before-import', before]]);
      const restored = await call('workspace.backups.restore', { number: 1 });
      expect(restored.path).toBe(after);
      expect((await call('workspace.overview', {})).counts).toEqual(countsBefore);
      // What the restore replaced is kept under the new path, listed with the earlier one.
      expect((await call('workspace.backups.list', {})).backups.map((b) => [b.reason, b.takenOf])).toEqual([
        ['before-restore', after],
        ['before-import', before],
      ]);
    });

    it('a workspace from before ids: the backup before its upgrade follows it after a rename', async () => {
      const before = oldWorkspace('old.interlock');
      await call('workspace.open', { path: before });
      await call('workspace.close', {});
      const after = tmp.path('old renamed.interlock');
      renameSync(before, after);
      await call('workspace.open', { path: after });
      expect((await call('workspace.backups.list', {})).backups.map((b) => [b.reason, b.name, b.takenOf])).toEqual([['before-migration', 'Old one', before]]);
    });

    it('opened through a linked folder, it finds the backups taken through the folder itself', async () => {
      const { path } = await portfolioWithBackup('linked.interlock');
      const link = tmp.path('link');
      symlinkSync(tmp.dir, link, 'dir');
      await call('workspace.open', { path: join(link, 'linked.interlock') });
      expect((await call('workspace.backups.list', {})).backups.map((b) => b.takenOf)).toEqual([path]);
    });

    it('Save As makes another workspace, with backups of its own', async () => {
      const { path } = await portfolioWithBackup('original.interlock');
      await call('workspace.open', { path });
      const copy = tmp.path('copy.interlock');
      await call('workspace.saveAs', { path: copy, switchTo: true });
      expect((await call('workspace.backups.list', {})).backups).toEqual([]);
      expect((await call('workspace.backups.list', { path })).backups).toHaveLength(1);
    });

    describe('a write refused or failed costs no restore point', () => {
    const NOBODY = 65534;
    /** Root writes a file whatever its mode: a read-only file is met as another user (setpriv). */
    const asAnotherUser = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
    const readOnly = (path: string, notDone: string) =>
      `${path} is read-only (its file permissions, or a write-protected drive or folder): ${notDone}. Copy it to a folder you can write in and open the copy.`;
    const backupPaths = async () => (await call('workspace.backups.list', {})).backups.map((b) => b.path);

    it.skipIf(!asAnotherUser)('six imports into a workspace its user may not write take no backup: the older, different ones stay, and each says the file is read-only (as nobody)', async () => {
      // Made, and given three different backups, by the user who then finds it read-only.
      const path = tmp.path('client.interlock');
      await call('workspace.createDemo', { path, items: 60 });
      for (let i = 0; i < 3; i++) await importFile(`teams-${i}.csv`, `Key,Name,Value stream\nx${i},X ${i},S\n`);
      const older = await backupPaths();
      expect(older).toHaveLength(3);
      await call('workspace.close', {});
      const csv = tmp.path('more.csv');
      writeFileSync(csv, 'Key,Name,Value stream\nb1,B 1,S\n');
      for (const entry of everythingIn(tmp.dir)) chownSync(entry, NOBODY, NOBODY);
      chmodSync(path, 0o444);
      const bytes = sha256(path);
      for (let i = 0; i < 6; i++) {
        const run = spawnSync(
          'setpriv',
          [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, '--import', 'tsx', 'electron/cli/main.ts', 'import', csv, '--into', path],
          { cwd: PROJECT_ROOT, env: { ...process.env, INTERLOCK_HOME: tmp.path('state'), HOME: tmp.dir }, encoding: 'utf8' },
        );
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr.trim()).toBe(`interlock import: ${readOnly(path, 'nothing was imported')}`);
      }
      expect(backend.context.backups!.list(path).map((b) => b.path)).toEqual(older);
      expect(sha256(path)).toBe(bytes);
    }, 120_000);

    it('a write that fails after its backup keeps that backup once: five more failures keep every older, different one (query_only)', async () => {
      await call('workspace.createDemo', { path: tmp.path('w.interlock'), items: 60 });
      for (let i = 0; i < 4; i++) await importFile(`teams-${i}.csv`, `Key,Name,Value stream\nx${i},X ${i},S\n`);
      const older = await backupPaths();
      expect(older).toHaveLength(4);
      // SQLite refuses every write from here, as it does a read-only file's, while the file itself may be written.
      const workspace = backend.context.session.current!;
      workspace.db.pragma('query_only = ON');
      for (let i = 0; i < 6; i++) await expect(importFile('b.csv', 'Key,Name,Value stream\nb1,B 1,S\n')).rejects.toThrow(`import ended failed: ${readOnly(workspace.path, 'nothing was imported')}`);
      const after = await backupPaths();
      // The first kept what the workspace held (the import before it had changed it); the next five took nothing more.
      expect(after).toHaveLength(5);
      expect(after.slice(1)).toEqual(older);
      expect(teamKeysIn(after[0]!).filter((key) => key.startsWith('x'))).toEqual(['x0', 'x1', 'x2', 'x3']);
      expect(readdirSync((await call('workspace.backups.list', {})).folder).filter((name) => name.startsWith('.'))).toEqual([]);
    });
  });

  describe('edge cases', () => {
      it('a copy made outside Interlock beside its original has backups of its own; carried away from it, it lists the original’s', async () => {
        const { path } = await portfolioWithBackup('carried.interlock');
        const copy = tmp.path('carried copy.interlock');
        copyFileSync(path, copy);
        // The original is still there: its backups are its own (restoring one into the copy would
        // swap the two scenarios' contents).
        expect((await call('workspace.backups.list', { path: copy })).backups).toEqual([]);
        expect((await call('workspace.backups.list', { path })).backups).toHaveLength(1);
        // The original gone from that path (moved to a stick, deleted): the copy is the workspace carried.
        renameSync(path, tmp.path('carried.bak'));
        expect((await call('workspace.backups.list', { path: copy })).backups.map((b) => b.takenOf)).toEqual([path]);
      });

      it('a file that is not a workspace finds only the backups taken at its own path', async () => {
        const { path } = await portfolioWithBackup('emptied.interlock');
        renameSync(path, tmp.path('elsewhere.interlock'));
        writeFileSync(path, 'not a workspace any more');
        expect((await call('workspace.backups.list', { path })).backups.map((b) => b.takenOf)).toEqual([path]);
        expect((await call('workspace.backups.list', { path: tmp.path('stranger.txt') })).backups).toEqual([]);
      });
    });
  });

  describe('a workspace replaced on purpose', () => {
    // The backups taken at the path itself (an unsealed copy also lists those of the workspace it carries).
    const reasonsAt = async (path: string) =>
      (await call('workspace.backups.list', { path })).backups.filter((b) => b.takenOf === path).map((b) => [b.reason, b.name]);

    it('Save As over another workspace, after "Replace …?", keeps that workspace as a backup first, which restores', async () => {
      const other = tmp.path('client b.interlock');
      await call('workspace.create', { path: other, name: 'Client B' });
      await importFile('teams.csv', TEAMS_CSV);
      await call('workspace.createDemo', { path: tmp.path('a.interlock'), items: 60 });
      await call('workspace.saveAs', { path: other, replace: true, switchTo: true });
      expect(await reasonsAt(other)).toEqual([['before-replace', 'Client B']]);
      await call('workspace.backups.restore', { number: 1 });
      const restored = await call('workspace.overview', {});
      expect([restored.name, restored.counts.teams]).toEqual(['Client B', 2]);
    });

    it('the backup of the workspace Save As replaced outlives the routine backups of the imports that follow', async () => {
      const other = tmp.path('client b.interlock');
      await call('workspace.create', { path: other, name: 'Client B' });
      await importFile('teams.csv', TEAMS_CSV);
      await call('workspace.createDemo', { path: tmp.path('a.interlock'), items: 60 });
      await call('workspace.saveAs', { path: other, replace: true, switchTo: true });
      for (let i = 0; i < BACKUPS_KEPT + 1; i++) await importFile(`teams-${i}.csv`, `Key,Name,Value stream\nx${i},X ${i},S\n`);
      const list = (await call('workspace.backups.list', {})).backups;
      expect(list.map((b) => b.reason)).toEqual([...Array<string>(BACKUPS_KEPT).fill('before-import'), 'before-replace']);
      await call('workspace.backups.restore', { number: list.length });
      const restored = await call('workspace.overview', {});
      expect([restored.name, restored.counts.teams]).toEqual(['Client B', 2]);
    });

    it('the demo written over the open workspace, an anonymised copy and an unsealed one written over others: each kept first', async () => {
      const path = tmp.path('w.interlock');
      await call('workspace.createDemo', { path, items: 60 });
      await call('workspace.rename', { name: 'Mine' });
      await call('workspace.createDemo', { path, items: 60, overwrite: true });
      expect(await reasonsAt(path)).toEqual([['before-replace', 'Mine']]);

      const anonymised = tmp.path('anon.interlock');
      await call('workspace.create', { path: anonymised, name: 'Old anonymised' });
      await call('workspace.open', { path });
      await call('workspace.anonymise', { path: anonymised, replace: true });
      expect(await reasonsAt(anonymised)).toEqual([['before-replace', 'Old anonymised']]);

      const sealed = tmp.path('w.sealed');
      await call('workspace.seal', { path: sealed, passphrase: 'correct horse' });
      const unsealed = tmp.path('unsealed.interlock');
      await call('workspace.create', { path: unsealed, name: 'Was here' });
      await call('workspace.open', { path });
      // A wrong passphrase writes nothing, and takes no backup either.
      expect((await backend.call('workspace.unseal', { sealedPath: sealed, path: unsealed, passphrase: 'wrong horse', replace: true })).ok).toBe(false);
      expect(await reasonsAt(unsealed)).toEqual([]);
      // Nor does a copy cut short, found only once decrypted: refused attempts must not push the
      // target's earlier backups out, one by one.
      const cut = tmp.path('cut.sealed');
      writeFileSync(cut, readFileSync(sealed).subarray(0, Math.floor(readFileSync(sealed).length / 2)));
      expect((await backend.call('workspace.unseal', { sealedPath: cut, path: unsealed, passphrase: 'correct horse', replace: true })).ok).toBe(false);
      expect(await reasonsAt(unsealed)).toEqual([]);
      await call('workspace.unseal', { sealedPath: sealed, path: unsealed, passphrase: 'correct horse', replace: true, open: false });
      expect(await reasonsAt(unsealed)).toEqual([['before-replace', 'Was here']]);
    });

    describe('edge cases', () => {
      it('a file that is not a workspace, or no file at all, is replaced without a backup (there is no workspace to keep)', async () => {
        await call('workspace.createDemo', { path: tmp.path('w.interlock'), items: 60 });
        const text = tmp.path('notes.interlock');
        writeFileSync(text, 'not a workspace');
        // Refused as not a workspace whatever the flag: never replaced, so nothing to back up.
        expect((await backend.call('workspace.saveAs', { path: text, replace: true })).ok).toBe(false);
        await call('workspace.saveAs', { path: tmp.path('new.interlock'), replace: true });
        expect(await reasonsAt(text)).toEqual([]);
        expect(await reasonsAt(tmp.path('new.interlock'))).toEqual([]);
      });
    });
  });

  describe('after a program stopped with the workspace open', () => {
    it('an older workspace whose program was killed while it was open is still backed up before its upgrade', async () => {
      const path = oldWorkspace('killed-open.interlock');
      await runTs(CHILD, ['raw-open-kill', path]);
      // An open workspace keeps its journal, zeroed at each commit; the kill leaves it behind.
      expect(readFileSync(`${path}-journal`).subarray(0, 8)).toEqual(Buffer.alloc(8));
      await call('workspace.open', { path });
      const [backup] = (await call('workspace.backups.list', {})).backups;
      expect(backup).toMatchObject({ reason: 'before-migration', name: 'Old one' });
      expect(teamKeysIn(backup!.path)).toEqual(['open-kill', 't']);
    });

    it('an older workspace killed in the middle of a write is rolled back, then backed up before its upgrade', async () => {
      const path = oldWorkspace('killed-writing.interlock');
      await runTs(CHILD, ['raw-crash-write', path, '3000']);
      expect(readFileSync(`${path}-journal`).subarray(0, 8)).not.toEqual(Buffer.alloc(8));
      // A look cannot undo the write (it writes nothing): it says what the file needs, and leaves it.
      const before = sha256(path);
      const look = await backend.call('workspace.open', { path, lookOnly: true });
      expect(look.ok ? '' : look.error.message).toContain('was left in the middle of a write by a program that stopped');
      // …and what undoes it: a working open, here or anywhere (copying the pair elsewhere changes nothing for a look).
      expect(look.ok ? '' : look.error.message).toContain('open the workspace once');
      expect(sha256(path)).toBe(before);
      await call('workspace.open', { path });
      const [backup] = (await call('workspace.backups.list', {})).backups;
      expect(backup).toMatchObject({ reason: 'before-migration' });
      expect(teamKeysIn(backup!.path)).toEqual(['t']);
      expect((await call('workspace.overview', {})).counts.teams).toBe(1);
    });

    it('a journal left by a killed write, with another workspace copied over its file, is never rolled into that file', async () => {
      const path = tmp.path('copied-over.interlock');
      await call('workspace.createDemo', { path, items: 80 });
      await call('workspace.close', {});
      await runTs(CHILD, ['crash-write', path, '3000']);
      expect(readFileSync(`${path}-journal`).subarray(0, 8)).not.toEqual(Buffer.alloc(8));
      // Another workspace made the same way, copied over the file as a file manager would: the
      // journal stays. SQLite's change counter alone would have made the two alike (every file's
      // starts at the same number and moves once per writing session); each gets its own at birth.
      const other = tmp.path('other.interlock');
      await call('workspace.createDemo', { path: other, items: 80 });
      await call('workspace.close', {});
      copyFileSync(other, path);
      const before = sha256(path);
      const refused = await backend.call('workspace.open', { path });
      expect(refused.ok ? '' : refused.error.message).toContain('that is not its own');
      expect(sha256(path)).toBe(before);
      expect(existsSync(`${path}-journal`)).toBe(true);
      // The journal moved away, the copy opens whole.
      renameSync(`${path}-journal`, tmp.path('kept-journal'));
      await call('workspace.open', { path });
      expect((await call('workspace.overview', {})).counts.teams).toBe(12);
      expect((await call('workspace.overview', {})).counts.items).toBe(80);
    });

    // In place, the file does not grow and page 1 is not in the journal; grown mid-way, page 1 is in
    // the second of its segments (the journal is synced each time the page cache spills).
    it.each([
      { write: 'in place', items: 1200, args: [] },
      { write: 'grown mid-way', items: 4000, args: ['grow'] },
    ])('a killed write that changed rows $write is rolled back into its own file, and refused for another', async ({ items, args }) => {
      const path = tmp.path('updated.interlock');
      const smaller = tmp.path('smaller.interlock');
      await call('workspace.createDemo', { path: smaller, items: 300 });
      await call('workspace.createDemo', { path, items });
      await call('workspace.close', {});
      const titlesIn = (file: string) => {
        const db = new Database(file, { readonly: true });
        try {
          return db.prepare('SELECT title FROM work_items ORDER BY id').pluck().all() as string[];
        } finally {
          db.close();
        }
      };
      const committed = titlesIn(path);
      await runTs(CHILD, ['crash-update', path, ...args]);
      expect(readFileSync(`${path}-journal`).subarray(0, 8)).not.toEqual(Buffer.alloc(8));
      // The same pair elsewhere, then another workspace copied over its file: the journal stays.
      const copiedOver = tmp.path('copied-over.interlock');
      copyFileSync(`${path}-journal`, `${copiedOver}-journal`);
      copyFileSync(smaller, copiedOver);
      const before = sha256(copiedOver);
      const refused = await backend.call('workspace.open', { path: copiedOver });
      expect(refused.ok ? '' : refused.error.message).toContain('that is not its own');
      expect(sha256(copiedOver)).toBe(before);
      // Its own file: the half-written titles are undone, the change committed before them stays.
      await call('workspace.open', { path });
      expect((await call('workspace.overview', {})).name).toBe('Renamed before the kill');
      await call('workspace.close', {});
      expect(titlesIn(path)).toEqual(committed);
    });

    it('a backup is restored over a workspace killed in the middle of a write, which is kept as it was last committed', async () => {
      const path = tmp.path('interrupted.interlock');
      await call('workspace.createDemo', { path, items: 80 });
      await importFile('teams.csv', TEAMS_CSV);
      await call('workspace.close', {});
      await runTs(CHILD, ['crash-write', path, '3000']);
      expect(inspect(path)).toMatchObject({ state: 'workspace', message: expect.stringContaining('left in the middle of a write') });
      const restored = await call('workspace.backups.restore', { path, number: 1 });
      expect(restored.damagedKeptAt).toBeNull();
      expect((await call('workspace.overview', {})).counts.teams).toBe(12);
      expect(teamKeysIn(restored.backupOfPrevious!)).toContain('t1');
      expect(teamKeysIn(restored.backupOfPrevious!).some((k) => k.startsWith('crash-team'))).toBe(false);
    });
  });

  describe('edge cases', () => {
    for (const [what, spoil] of [
      ['emptied (0 bytes)', (path: string) => writeFileSync(path, '')],
      ['overwritten at its start', (path: string) => writeFileSync(path, Buffer.concat([Buffer.from('not a database!!'), readFileSync(path).subarray(16)]))],
    ] as const) {
      it(`a backup is restored over a workspace ${what}, which is moved aside, never deleted`, async () => {
        const path = tmp.path(`spoilt-${what.length}.interlock`);
        await call('workspace.createDemo', { path, items: 80 });
        await importFile('teams.csv', TEAMS_CSV);
        await call('workspace.close', {});
        spoil(path);
        const spoilt = readFileSync(path);
        // Opening it says the backups are there and how to put one back.
        const refused = await backend.call('workspace.open', { path });
        expect(refused.ok ? '' : refused.error.message).toContain('Interlock kept a backup of the workspace that was at this path');
        expect(refused.ok ? '' : refused.error.message).toContain(`interlock backups "${path}" --restore 1`);
        const restored = await call('workspace.backups.restore', { path, number: 1 });
        expect(readFileSync(restored.damagedKeptAt!)).toEqual(spoilt);
        expect((await call('workspace.overview', {})).counts.items).toBe(80);
      });
    }

    it('a state folder that cannot be written: an older workspace still opens, an import is refused saying why', async () => {
      const stateDir = tmp.path('blocked-state');
      mkdirSync(stateDir);
      writeFileSync(join(stateDir, 'backups'), 'a file where the backups folder should be');
      const blocked = createBackend({ stateDir, log: () => undefined });
      try {
        const path = oldWorkspace('no-backup-room.interlock');
        const opened = await blocked.call('workspace.open', { path });
        expect(opened.ok && opened.value.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
        writeFileSync(tmp.path('more-teams.csv'), 'Key,Name,Value stream\nt9,Team Nine,Stream A\n');
        const started = await blocked.call('import.start', { files: [{ source: { kind: 'path', path: tmp.path('more-teams.csv') } }], mode: 'import' });
        if (!started.ok) throw new Error(started.error.message);
        let progress;
        do {
          await new Promise((r) => setTimeout(r, 20));
          progress = await blocked.call('import.progress', { jobId: started.value.jobId });
        } while (progress.ok && progress.value.state === 'running');
        expect(progress.ok && progress.value.state).toBe('failed');
        const message = progress.ok ? (progress.value.error?.message ?? '') : '';
        expect(message).toContain('could not keep its automatic backup');
        expect(message).toContain('a file stands where a folder should be');
        expect(message).not.toMatch(/ENOTDIR|mkdir/);
        const overview = await blocked.call('workspace.overview', {});
        expect(overview.ok && overview.value.counts.teams).toBe(1);
      } finally {
        blocked.close();
      }
    });

    it('restoring over a damaged workspace moves the damaged file aside, never deletes it', async () => {
      const path = tmp.path('precious.interlock');
      await call('workspace.createDemo', { path, items: 80 });
      await importFile('teams.csv', TEAMS_CSV);
      await call('workspace.close', {});
      const bytes = readFileSync(path);
      bytes.fill(0x33, 4096 * 4, 4096 * 9);
      writeFileSync(path, bytes);
      const damaged = await backend.call('workspace.open', { path });
      expect(damaged.ok ? '' : damaged.error.message).toContain('Restore a backup');
      expect(damaged.ok ? '' : damaged.error.message).not.toContain('\n');
      const restored = await call('workspace.backups.restore', { path, number: 1 });
      expect(restored.damagedKeptAt).not.toBeNull();
      expect(readFileSync(restored.damagedKeptAt!)).toEqual(bytes);
      expect((await call('workspace.overview', {})).counts.items).toBe(80);
    });

    it('a damaged workspace is said in one line: the first problem SQLite’s check found and how many more, and its backups from the app and the command line', async () => {
      const path = tmp.path('damaged.interlock');
      await call('workspace.createDemo', { path, items: 60 });
      await call('workspace.close', {});
      // 32 cell pointers of the status changes' page pointed past its end: SQLite's check says each.
      const raw = new Database(path, { readonly: true });
      const root = raw.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'status_transitions'`).pluck().get() as number;
      const pageSize = raw.pragma('page_size', { simple: true }) as number;
      raw.close();
      const bytes = readFileSync(path);
      const page = (root - 1) * pageSize;
      expect(bytes[page]).toBe(13); // a leaf of a table
      expect(bytes.readUInt16BE(page + 3)).toBeGreaterThan(32);
      bytes.fill(0xff, page + 8, page + 8 + 64);
      writeFileSync(path, bytes);
      // One a cell, in the order it found them (then, as it may, that the page cannot be read past).
      const problems = quickCheckLines(path).filter((line) => line !== '*** in database main ***');
      expect(problems.length).toBeGreaterThanOrEqual(32);
      expect(problems[0]).toMatch(/^Tree \d+ page \d+ cell 31: Offset 65535 out of range/);
      const more = `and ${problems.length - 1} more problems SQLite's check found`;

      const opened = await backend.call('workspace.open', { path });
      const error = opened.ok ? null : opened.error;
      expect(error?.code).toBe('workspace-corrupt');
      expect(error?.message).toBe(
        `${path} is damaged (${problems[0]}; ${more}). It was left as it is. ` +
          `Restore one of its automatic backups (in the app: Workspace → Restore a backup…, or File → Restore a Backup… in the desktop app; on the command line: \`interlock backups "${path}"\` lists them), or open a copy you kept.`,
      );
      expect(error?.message.length).toBeLessThan(600);
      // Every problem stays with the error, for whoever wants them all.
      expect(error?.details?.map((d) => d.message)).toEqual(problems);
      // The command line says the same on one line, with the command as it was run.
      const info = await captureCli(['info', path], { npm_lifecycle_event: 'cli' });
      expect(info.code).toBe(1);
      expect(info.err.split('\n')).toHaveLength(1);
      expect(info.err).toContain(`(${problems[0]}; ${more})`);
      expect(info.err).toContain(`on the command line: \`npm run cli -- backups "${path}"\` lists them), or open a copy you kept.`);
      expect(readFileSync(path)).toEqual(bytes);
    });

    it('a half-written backup a killed process left in the backups folder is removed at the next backup, once an hour old', async () => {
      const path = tmp.path('busy.interlock');
      await call('workspace.createDemo', { path, items: 60 });
      await importFile('teams.csv', TEAMS_CSV);
      const folder = (await call('workspace.backups.list', {})).folder;
      const left = join(folder, '.2026-12-06T10-00-00-000Z-01-before-import.interlock.0123456789ab.tmp');
      writeFileSync(left, 'half a backup');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(left, twoHoursAgo, twoHoursAgo);
      await importFile('teams-again.csv', 'Key,Name,Value stream\nt3,Team Three,Stream A\n');
      expect(existsSync(left)).toBe(false);
      expect((await call('workspace.backups.list', {})).backups).toHaveLength(2);
    });

    it('two workspaces of the same file name in different folders keep separate backups', () => {
      const backups = new WorkspaceBackups(tmp.path('b'));
      expect(backups.folderFor('/a/x.interlock')).not.toBe(backups.folderFor('/b/x.interlock'));
      expect(backups.folderFor('/a/x.interlock')).toBe(backups.folderFor('/a/../a/x.interlock'));
    });

    it('asking for a backup that does not exist says how many there are', async () => {
      await call('workspace.createDemo', { path: tmp.path('w.interlock'), items: 60 });
      const missing = await backend.call('workspace.backups.restore', { number: 3 });
      expect(missing.ok ? '' : missing.error.message).toContain('There are no backups');
    });
  });
});

describe('the backups command', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  const cli = (args: string[]) => captureCli(args);

  it('lists the backups the CLI import took and restores one by number', async () => {
    const path = tmp.path('cli.interlock');
    expect((await cli(['demo', path, '--items', '60'])).code).toBe(0);
    const csv = tmp.path('teams.csv');
    writeFileSync(csv, TEAMS_CSV);
    expect((await cli(['import', csv, '--into', path])).code).toBe(0);
    const listed = await cli(['backups', path, '--json']);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.out);
    expect(list.backups).toHaveLength(1);
    expect(list.folder.startsWith(join(process.env.INTERLOCK_HOME!, 'backups'))).toBe(true);
    expect((await cli(['backups', path])).out).toContain('before an import');
    const restored = await cli(['backups', path, '--restore', '1']);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Restored');
    const ws = openWorkspace(path);
    expect(countEntities(ws.db).teams).toBe(12);
    closeWorkspace(ws);
  });

  it('after a rename, lists the backups taken under the earlier path and says so', async () => {
    const before = tmp.path('cli.interlock');
    expect((await cli(['demo', before, '--items', '60'])).code).toBe(0);
    const csv = tmp.path('teams.csv');
    writeFileSync(csv, TEAMS_CSV);
    expect((await cli(['import', csv, '--into', before])).code).toBe(0);
    const after = tmp.path('cli renamed.interlock');
    renameSync(before, after);
    const listed = await cli(['backups', after]);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('before an import');
    expect(listed.out).toContain(`taken when it was ${before}`);
    // Nothing stands at the earlier path now; what was kept there is still listed.
    const gone = await cli(['backups', before]);
    expect([gone.code, gone.out]).toEqual([0, expect.stringContaining('before an import')]);
    const restored = await cli(['backups', after, '--restore', '1']);
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`before an import, taken when it was ${before})`);
    const ws = openWorkspace(after);
    expect(countEntities(ws.db).teams).toBe(12);
    closeWorkspace(ws);
  });

  it('demo --force over a workspace keeps it as a backup first', async () => {
    const path = tmp.path('forced.interlock');
    expect((await cli(['demo', path, '--items', '60'])).code).toBe(0);
    expect((await cli(['demo', path, '--items', '80', '--force'])).code).toBe(0);
    const listed = await cli(['backups', path]);
    expect(listed.out).toMatch(/ 1 {2}.* UTC {2}before it was replaced/);
    expect((await cli(['backups', path, '--restore', '1'])).code).toBe(0);
    const ws = openWorkspace(path);
    expect(countEntities(ws.db).items).toBe(60);
    closeWorkspace(ws);
  });

  describe('edge cases', () => {
    it('--restore 0 is a usage error; a workspace without backups says so', async () => {
      const path = tmp.path('none.interlock');
      await cli(['demo', path, '--items', '60']);
      expect((await cli(['backups', path, '--restore', '0'])).code).toBe(2);
      const none = await cli(['backups', path]);
      expect(none.out).toContain('No backups');
      // A path with no file and no backups (a typo) fails in one line; a deleted workspace's backups are listed.
      const typo = await cli(['backups', tmp.path('nnone.interlock')]);
      expect([typo.code, typo.err.trim()]).toEqual([1, `interlock backups: There is no file at ${tmp.path('nnone.interlock')}, and Interlock kept no backups of a workspace there.`]);
      expect(existsSync(path)).toBe(true);
      expect(readdirSync(tmp.dir)).toContain('none.interlock');
    });
  });
});

/** Every line of SQLite's quick_check of `path`, and, when it stops at a page it cannot read past, that error's. */
function quickCheckLines(path: string): string[] {
  const db = new Database(path, { readonly: true });
  const lines: string[] = [];
  try {
    for (const row of db.prepare('PRAGMA quick_check').raw().iterate() as Iterable<unknown[]>) lines.push(...String(row[0]).split('\n'));
  } catch (error) {
    lines.push((error as Error).message);
  } finally {
    db.close();
  }
  return lines;
}

/** Every file and folder under `dir`, itself included. */
function everythingIn(dir: string): string[] {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? everythingIn(join(dir, e.name)) : [join(dir, e.name)]))];
}
