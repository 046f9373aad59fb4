import { copyFileSync, existsSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { writeDemoPortfolio } from '../../../electron/backend/demo/write-demo';
import { LATEST_SCHEMA_VERSION } from '../../../electron/backend/store/migrations';
import { countEntities } from '../../../electron/backend/store/queries/overview';
import {
  backupWorkspace,
  closeWorkspace,
  createWorkspace,
  INTERLOCK_APPLICATION_ID,
  NEW_PAGE_SIZE,
  openWorkspace,
  readMeta,
  type Workspace,
} from '../../../electron/backend/store/workspace-file';
import { runTs, startTs, stopChild } from '../../support/child-process';
import { sha256, sidecarFiles, tempDir } from '../../support/temp-files';

const CHILD = 'tests/support/workspace-child.ts';

function refusal(action: () => unknown): AppError {
  try {
    action();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw new Error(`expected an AppError, got ${String(error)}`);
  }
  throw new Error('expected the call to be refused');
}

describe('workspace file', () => {
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

  describe('create', () => {
    it('creates a marked, fully migrated workspace that leaves no sidecar files after close', () => {
      const path = tmp.path('new.interlock');
      const ws = createWorkspace(path, { name: 'Q3 planning' });
      expect(ws.db.pragma('application_id', { simple: true })).toBe(INTERLOCK_APPLICATION_ID);
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(readMeta(ws.db, 'name')).toBe('Q3 planning');
      closeWorkspace(ws);
      expect(sidecarFiles(path)).toEqual([]);
    });

    it('gives a new workspace pages larger than the default 4,096 bytes, set before its first table', () => {
      expect(NEW_PAGE_SIZE).toBeGreaterThan(4096);
      const path = tmp.path('pages.interlock');
      closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 80, seed: 3 }) }));
      // The header says so (bytes 16–17), and the file is a whole number of such pages.
      expect(readFileSync(path).readUInt16BE(16)).toBe(NEW_PAGE_SIZE);
      const raw = new Database(path, { readonly: true });
      expect(raw.pragma('page_size', { simple: true })).toBe(NEW_PAGE_SIZE);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      expect(statSync(path).size % NEW_PAGE_SIZE).toBe(0);
      expect(countEntities(track(openWorkspace(path)).db).items).toBe(80);
    });

    it('names the workspace after its file when no name is given', () => {
      const ws = track(createWorkspace(tmp.path('Payments ART.interlock')));
      expect(readMeta(ws.db, 'name')).toBe('Payments ART');
    });

    it('refuses to overwrite an existing file and leaves it untouched', () => {
      const path = tmp.path('taken.interlock');
      writeFileSync(path, 'precious');
      const error = refusal(() => createWorkspace(path));
      expect(error.code).toBe('workspace-exists');
      expect(statSync(path).size).toBe('precious'.length);
    });

    it('says so when the folder does not exist', () => {
      const error = refusal(() => createWorkspace(tmp.path('missing/dir/x.interlock')));
      expect(error.code).toBe('not-found');
      expect(error.message).toContain('does not exist');
    });
  });

  describe('open and reopen', () => {
    it('reopens a workspace with the same content', () => {
      const path = tmp.path('demo.interlock');
      const created = createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 120, seed: 7 }) });
      const before = countEntities(created.db);
      closeWorkspace(created);
      const reopened = track(openWorkspace(path));
      expect(countEntities(reopened.db)).toEqual(before);
      expect(before.items).toBe(120);
    });

    it('migrates a version-0 workspace (marked, but without tables) to the latest schema', () => {
      const path = tmp.path('v0.interlock');
      const raw = new Database(path);
      raw.pragma(`application_id = ${INTERLOCK_APPLICATION_ID}`);
      raw.exec('CREATE TABLE placeholder (x)'); // a file needs a page to carry its header
      raw.close();
      const ws = track(openWorkspace(path));
      expect(ws.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      const tables = ws.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['teams', 'work_items', 'status_transitions', 'status_map', 'forums']));
    });

    it('gives a clear message for a path that does not exist, and creates nothing', () => {
      const path = tmp.path('typo.interlock');
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('not-found');
      expect(() => statSync(path)).toThrow();
    });
  });

  describe('refusals leave the file exactly as it was', () => {
    it('refuses a workspace made by a newer version', () => {
      const path = tmp.path('future.interlock');
      closeWorkspace(createWorkspace(path));
      const raw = new Database(path);
      raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      raw.close();
      const hash = sha256(path);
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('workspace-newer');
      expect(error.message).toMatch(/newer version of Interlock/);
      expect(sha256(path)).toBe(hash);
      expect(sidecarFiles(path)).toEqual([]);
    });

    it('refuses a file that is not SQLite (a CSV renamed .interlock)', () => {
      const path = tmp.path('export.interlock');
      writeFileSync(path, 'Issue key,Summary\nPAY-1,Fix checkout\n');
      const hash = sha256(path);
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('not-a-workspace');
      expect(error.message).toContain('not a SQLite database');
      expect(sha256(path)).toBe(hash);
    });

    it('refuses an empty (0-byte) file, which SQLite would happily treat as a new database', () => {
      const path = tmp.path('empty.interlock');
      writeFileSync(path, '');
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('not-a-workspace');
      expect(statSync(path).size).toBe(0);
    });

    it('refuses a SQLite database of another application', () => {
      const path = tmp.path('other.interlock');
      const raw = new Database(path);
      raw.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      raw.close();
      const hash = sha256(path);
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('not-a-workspace');
      expect(error.message).toContain('not an Interlock workspace');
      expect(sha256(path)).toBe(hash);
    });

    it('refuses a truncated workspace', () => {
      const path = tmp.path('cut.interlock');
      closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 400, seed: 3 }) }));
      truncateSync(path, Math.floor(statSync(path).size / 2));
      const hash = sha256(path);
      const error = refusal(() => openWorkspace(path));
      expect(error.code).toBe('workspace-corrupt');
      expect(error.message).toContain('truncated');
      expect(sha256(path)).toBe(hash);
    });

    it('refuses a folder', () => {
      expect(refusal(() => openWorkspace(tmp.dir)).code).toBe('not-a-workspace');
    });
  });

  describe('one writer at a time', () => {
    it('tells a second process that the workspace is open in another window', async () => {
      const path = tmp.path('shared.interlock');
      closeWorkspace(createWorkspace(path));
      const holder = await startTs(CHILD, ['hold', path], 'ready');
      try {
        const error = refusal(() => openWorkspace(path));
        expect(error.code).toBe('workspace-locked');
        expect(error.message).toContain('open in another window');
      } finally {
        await stopChild(holder);
      }
      // Once the other process is gone, the workspace opens again.
      track(openWorkspace(path));
    });

    it('refuses the other process while this one holds the workspace', async () => {
      const path = tmp.path('mine.interlock');
      track(createWorkspace(path));
      const run = await runTs(CHILD, ['open', path]);
      expect(JSON.parse(run.stdout.trim())).toMatchObject({ ok: false, error: { code: 'workspace-locked' } });
    });
  });

  describe('crash safety', () => {
    it('a process killed mid-transaction leaves the previous content and a healthy file', async () => {
      const path = tmp.path('crash.interlock');
      const ws = createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 200, seed: 11 }) });
      const before = countEntities(ws.db);
      closeWorkspace(ws);
      const run = await runTs(CHILD, ['crash-write', path, '20000']);
      expect(run.signal).toBe('SIGKILL');
      expect(sidecarFiles(path)).toEqual([`${path}-journal`]);
      const reopened = track(openWorkspace(path));
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(countEntities(reopened.db)).toEqual(before);
      closeWorkspace(open.pop()!);
      expect(sidecarFiles(path)).toEqual([]);
    });
  });

  describe('save as (backup API)', () => {
    it('writes a consistent copy that opens with the same counts while the source stays usable', async () => {
      const path = tmp.path('source.interlock');
      const ws = track(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 150, seed: 5 }) }));
      const target = await backupWorkspace(ws, tmp.path('copy.interlock'));
      expect(sidecarFiles(target)).toEqual([]);
      const copy = new Database(target, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();
      const counts = countEntities(ws.db);
      ws.db.prepare(`INSERT INTO teams (key, name) VALUES ('after', 'After')`).run();
      closeWorkspace(ws);
      const opened = track(openWorkspace(target));
      expect(countEntities(opened.db)).toEqual(counts);
    });

    it('replaces an existing workspace whole when asked to, and refuses the open file itself', async () => {
      const ws = track(createWorkspace(tmp.path('a.interlock')));
      const target = tmp.path('b.interlock');
      closeWorkspace(createWorkspace(target));
      await backupWorkspace(ws, target, { replace: true });
      expect(readMeta(track(openWorkspace(target)).db, 'name')).toBe('a');
      await expect(backupWorkspace(ws, ws.path)).rejects.toMatchObject({ code: 'invalid-input' });
    });
  });

  it('every whole file it writes starts at a change counter of its own, its header still whole and trusted', async () => {
    // SQLite starts every file at the same counter; a journal left beside one workspace could then
    // not be told from another made alike, copied over it (journalIsForeign).
    const fill = (db: Database.Database) => writeDemoPortfolio(db, { items: 60, seed: 7 });
    const first = tmp.path('first.interlock');
    const second = tmp.path('second.interlock');
    closeWorkspace(createWorkspace(first, { fill }));
    const ws = track(createWorkspace(second, { fill }));
    const copy = await backupWorkspace(ws, tmp.path('copy.interlock'));
    const headers = [first, second, copy].map((path) => {
      const header = readFileSync(path).subarray(0, 100);
      return { counter: header.readUInt32BE(24), versionValidFor: header.readUInt32BE(92), pages: header.readUInt32BE(28), bytes: statSync(path).size };
    });
    expect(new Set(headers.map((h) => h.counter)).size).toBe(3);
    for (const h of headers) {
      expect(h.versionValidFor).toBe(h.counter);
      expect(h.pages * NEW_PAGE_SIZE).toBe(h.bytes);
    }
    const raw = new Database(copy, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    expect(countEntities(track(openWorkspace(first)).db)).toEqual(countEntities(ws.db));
  });

  it('a workspace made with its data (the demo) holds the query planner\'s statistics, which an open and close that change nothing no longer write', () => {
    const path = tmp.path('demo.interlock');
    closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 200, seed: 3 }) }));
    const raw = new Database(path, { readonly: true });
    try {
      const tables = raw.prepare("SELECT name FROM sqlite_schema WHERE name = 'sqlite_stat1'").pluck().all();
      expect(tables).toEqual(['sqlite_stat1']);
      const indexed = raw.prepare('SELECT DISTINCT tbl FROM sqlite_stat1 ORDER BY tbl').pluck().all() as string[];
      expect(indexed).toEqual(expect.arrayContaining(['dependencies', 'planned_items', 'work_items']));
    } finally {
      raw.close();
    }
  });

  describe('edge cases', () => {
    it('half-built copies a killed process left beside a workspace are removed when it opens, once an hour old', () => {
      const path = tmp.path('tidy.interlock');
      closeWorkspace(createWorkspace(path));
      const stale = tmp.path('.tidy.interlock.0123456789ab.tmp');
      const fresh = tmp.path('.tidy.interlock.ba9876543210.tmp');
      const someoneElses = tmp.path('.other.interlock.0123456789ab.tmp');
      for (const f of [stale, `${stale}-journal`, fresh, someoneElses]) writeFileSync(f, 'half a copy');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      for (const f of [stale, `${stale}-journal`, someoneElses]) utimesSync(f, twoHoursAgo, twoHoursAgo);
      track(openWorkspace(path));
      expect([stale, `${stale}-journal`, fresh, someoneElses].map((f) => existsSync(f))).toEqual([false, false, true, true]);
    });

    it('keeps the page size of a workspace made before (4,096 bytes), and its copies keep theirs', async () => {
      const path = tmp.path('old-pages.interlock');
      const raw = new Database(path);
      raw.pragma('page_size = 4096');
      raw.pragma(`application_id = ${INTERLOCK_APPLICATION_ID}`);
      raw.exec('CREATE TABLE placeholder (x)');
      raw.close();
      const ws = track(openWorkspace(path));
      writeDemoPortfolio(ws.db, { items: 40, seed: 2 });
      expect(ws.db.pragma('page_size', { simple: true })).toBe(4096);
      const copy = await backupWorkspace(ws, tmp.path('old-pages copy.interlock'));
      const opened = track(openWorkspace(copy));
      expect(opened.db.pragma('page_size', { simple: true })).toBe(4096);
      expect(countEntities(opened.db)).toEqual(countEntities(ws.db));
    });

    it('a plain copy of the file taken while it is open holds every committed change (no WAL sidecar)', () => {
      const path = tmp.path('live.interlock');
      const ws = track(createWorkspace(path));
      ws.db.prepare(`INSERT INTO teams (key, name) VALUES ('late', 'Late arrival')`).run();
      const carried = tmp.path('carried.interlock');
      copyFileSync(path, carried);
      closeWorkspace(open.pop()!);
      const copy = track(openWorkspace(carried));
      expect(copy.db.prepare(`SELECT name FROM teams WHERE key = 'late'`).pluck().get()).toBe('Late arrival');
    });

    it('a copy of a closed workspace made with plain file copy opens (nothing was left in sidecars)', () => {
      const path = tmp.path('carry.interlock');
      closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 60, seed: 1 }) }));
      const carried = tmp.path('usb.interlock');
      copyFileSync(path, carried);
      expect(countEntities(track(openWorkspace(carried)).db).items).toBe(60);
    });
  });
});
