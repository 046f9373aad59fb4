import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { writeDemoPortfolio } from '../../../electron/backend/demo/write-demo';
import { closeWorkspace, createWorkspace } from '../../../electron/backend/store/workspace-file';
import { runCli } from '../../../electron/cli/run-cli';
import { runTs } from '../../support/child-process';
import { sha256, sidecarFiles, tempDir } from '../../support/temp-files';
import { runImport } from './import-support';

// A consultant carrying a client's workspace must be able to trust that an import Interlock refused
// touched nothing: not its data, and not its bytes either (its header's change counter, its
// modification time), which backups, sync tools and "modified" dates see.

const CHILD = 'tests/support/workspace-child.ts';
const EXCEL_ERRORS = [
  'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives',
  'D-1,#N/A,story,checkout,Done,done,#VALUE!,,2024-03-05,,',
  'D-2,x,#N/A,#REF!,Done,done,2024-03-01,,#N/A,,',
].join('\r\n');

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

/** A workspace with data in it, closed, its modification time set in the past so that any write shows. */
function clientWorkspace(name: string, options: { withoutStatistics?: boolean } = {}): string {
  const path = tmp.path(name);
  closeWorkspace(createWorkspace(path, { fill: (db) => writeDemoPortfolio(db, { items: 120, seed: 4 }) }));
  if (options.withoutStatistics) {
    // A workspace whose query planner has no statistics (made by another tool, or before optimize ran):
    // `PRAGMA optimize` at close would write them.
    const raw = new Database(path);
    for (const t of raw.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").pluck().all() as string[]) raw.exec(`DROP TABLE ${t}`);
    raw.close();
  }
  utimesSync(path, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
  return path;
}

function fingerprint(path: string) {
  const file = statSync(path);
  // The header's change counter (bytes 24–27) and version-valid-for (92–95) move with any commit.
  const header = readFileSync(path).subarray(0, 100);
  return { sha256: sha256(path), mtimeMs: file.mtimeMs, size: file.size, changeCounter: header.readUInt32BE(24), validFor: header.readUInt32BE(92) };
}

const quiet = { out: () => undefined, err: () => undefined };

/** Opens the workspace through a backend, as the app does, and closes it with nothing done. */
async function openAndClose(path: string): Promise<void> {
  const backend = createBackend({ log: () => undefined });
  try {
    expect((await backend.call('workspace.open', { path })).ok).toBe(true);
  } finally {
    backend.close();
  }
}

describe('a refused import leaves the workspace file byte for byte as it was', () => {
  it('through the CLI: the import refused, and its dry run, change no byte and no modification time', async () => {
    const csv = tmp.path('excel-err.csv');
    writeFileSync(csv, EXCEL_ERRORS);
    for (const withoutStatistics of [false, true]) {
      const path = clientWorkspace(`client-${withoutStatistics}.interlock`, { withoutStatistics });
      const before = fingerprint(path);
      const err: string[] = [];
      expect(await runCli(['import', csv, '--into', path, '--dry-run'], { out: () => undefined, err: (l) => err.push(l) })).toBe(1);
      expect(err.at(-1)).toMatch(/^Dry run, nothing written: the import would be refused/);
      expect(fingerprint(path)).toEqual(before);
      err.length = 0;
      expect(await runCli(['import', csv, '--into', path], { out: () => undefined, err: (l) => err.push(l) })).toBe(1);
      expect(err.at(-1)).toBe('interlock import: Nothing was imported: the files hold no records Interlock could read.');
      expect(fingerprint(path)).toEqual(before);
      expect(sidecarFiles(path)).toEqual([]);
    }
  });

  it('through the backend: opening, a refused import and closing change no byte, and the lock still refuses a second writer', async () => {
    const csv = tmp.path('excel-err.csv');
    writeFileSync(csv, EXCEL_ERRORS);
    const path = clientWorkspace('client.interlock', { withoutStatistics: true });
    const before = fingerprint(path);
    const backend = createBackend({ log: () => undefined });
    try {
      const opened = await backend.call('workspace.open', { path });
      expect(opened.ok).toBe(true);
      // The file is not read here while the backend holds it: closing a descriptor of it in this
      // process would drop SQLite's POSIX lock. The lock is taken without a write, and another
      // process is still told the workspace is open.
      const other = await runTs(CHILD, ['open', path]);
      expect(JSON.parse(other.stdout.trim())).toMatchObject({ ok: false, error: { code: 'workspace-locked' } });
      const preview = await runImport(backend, [csv], 'preview');
      const status = await runImport(backend, [csv], 'import');
      // Preview and import agree: both refuse, for the same reason.
      expect(preview.report!.refusal).not.toBeNull();
      expect(status.state).toBe('failed');
      expect(status.error!.message).toContain(preview.report!.refusal!);
      const still = await runTs(CHILD, ['open', path]);
      expect(JSON.parse(still.stdout.trim())).toMatchObject({ ok: false, error: { code: 'workspace-locked' } });
    } finally {
      backend.close();
    }
    expect(fingerprint(path)).toEqual(before);
    expect(sidecarFiles(path)).toEqual([]);
  });

  describe('edge cases', () => {
    it('an import that commits still writes, and its statistics with it', async () => {
      const csv = tmp.path('items.csv');
      writeFileSync(csv, `${EXCEL_ERRORS.split('\r\n')[0]}\nOK-1,Fine,story,checkout,Done,done,2024-03-01,,2024-03-05,,\n`);
      const path = clientWorkspace('client.interlock', { withoutStatistics: true });
      const before = fingerprint(path);
      expect(await runCli(['import', csv, '--into', path], quiet)).toBe(0);
      expect(fingerprint(path).sha256).not.toBe(before.sha256);
      const after = new Database(path, { readonly: true });
      try {
        expect(after.prepare("SELECT title FROM work_items WHERE key = 'OK-1'").pluck().get()).toBe('Fine');
        expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get()).toBe(1);
      } finally {
        after.close();
      }
    });

    it('a workspace opened and closed with nothing done keeps its bytes, and opens again', async () => {
      const path = clientWorkspace('client.interlock');
      const before = fingerprint(path);
      await openAndClose(path);
      expect(fingerprint(path)).toEqual(before);
      const again = await runTs(CHILD, ['open', path]);
      expect(JSON.parse(again.stdout.trim())).toEqual({ ok: true });
    });

    it('a journal with nothing to undo, left by a program killed while the workspace was open, is removed without a write', async () => {
      const path = clientWorkspace('client.interlock');
      await runTs(CHILD, ['raw-open-kill', path]);
      expect(readFileSync(`${path}-journal`).subarray(0, 8)).toEqual(Buffer.alloc(8));
      const before = fingerprint(path);
      await openAndClose(path);
      expect(fingerprint(path)).toEqual(before);
      expect(sidecarFiles(path)).toEqual([]);
      // What the killed program committed is there.
      const after = new Database(path, { readonly: true });
      try {
        expect(after.prepare("SELECT count(*) FROM teams WHERE key = 'open-kill'").pluck().get()).toBe(1);
      } finally {
        after.close();
      }
    });
  });
});
