import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { openWorkspace, closeWorkspace } from '../../../electron/backend/store/workspace-file';
import { dumpWorkspace, fixture, runImport } from './import-support';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'interlock-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stage-date CSV of `rows` items with 8 dated steps each (~100 bytes a row). */
function bigStageFile(path: string, rows: number): void {
  const steps = ['Backlog', 'Analysis', 'Development', 'Review', 'Ready for Test', 'Testing', 'Released', 'Done'];
  const lines = [`ID,Name,${steps.join(',')},Team`];
  const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < rows; i++) lines.push(`BIG-${i},Item ${i},${steps.map((_, s) => day((i % 200) + s)).join(',')},team-${i % 12}`);
  writeFileSync(path, lines.join('\n'));
}

describe('a crash during an import', () => {
  it('SIGKILL mid-import: the workspace opens, passes integrity_check and holds exactly its previous content', async () => {
    const workspace = join(dir, 'crash.interlock');
    const big = join(dir, 'big-stages.csv');
    bigStageFile(big, 200_000);
    const backend = createBackend({ log: () => undefined });
    await backend.call('workspace.create', { path: workspace });
    await runImport(backend, [fixture('interlock', 'interlock-bundle.json')]);
    const before = dumpWorkspace(backend.context.session.require().db);
    backend.close();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/import/crash-child.ts', workspace, big], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let watching = false;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
    await new Promise<void>((ready, fail) => {
      child.stdout!.on('data', (d: Buffer) => {
        output += d.toString();
        if (output.includes('READING') && !output.includes('FINISHED') && !watching) {
          watching = true;
          // Reading writes nothing; the next rollback journal is the import's write transaction,
          // created with the first page it changes: kill then, with rows written and nothing committed.
          const waitForJournal = () => {
            if (existsSync(`${workspace}-journal`)) {
              child.kill('SIGKILL');
              ready();
            } else if (child.exitCode === null) setTimeout(waitForJournal, 5);
          };
          waitForJournal();
        } else if (output.includes('FINISHED')) fail(new Error(`The import finished before it could be killed: ${output}`));
      });
      child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      child.once('exit', () => fail(new Error(`The child exited on its own: ${output}`)));
    });
    expect((await exited).signal).toBe('SIGKILL');

    const reopened = openWorkspace(workspace);
    try {
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(dumpWorkspace(reopened.db)).toBe(before);
    } finally {
      closeWorkspace(reopened);
    }
    expect(existsSync(`${workspace}-journal`)).toBe(false);
  });
});
