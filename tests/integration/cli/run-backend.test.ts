import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type ChildRun } from '../../support/child-process';
import { tempDir } from '../../support/temp-files';

// `npm run serve`, `npm run cli` and `npm run bench` start their entry through scripts/run-backend.mjs,
// which gives it the backend's environment (scripts/backend-environment.mjs) in a process of its own.

const FIXTURE = 'tests/fixtures/processes/report-environment.ts';

function launch(args: string[], env: NodeJS.ProcessEnv = process.env): { done: Promise<ChildRun>; kill: (signal: NodeJS.Signals) => void; started: Promise<void> } {
  const child = spawn(process.execPath, ['scripts/run-backend.mjs', ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let markStarted: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    markStarted();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<ChildRun>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { done, started, kill: (signal) => child.kill(signal) };
}

const reported = (run: ChildRun) => JSON.parse(run.stdout.trim()) as { tunables: string | null; args: string[] };
const withoutTunables = () => {
  const env = { ...process.env };
  delete env.GLIBC_TUNABLES;
  return env;
};

describe('scripts/run-backend.mjs', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it.runIf(process.platform === 'linux')('starts the entry with the huge-page tunable, its arguments passed as given', async () => {
    const run = await launch([FIXTURE, '0', 'a b', '--json'], withoutTunables()).done;
    expect(run.code).toBe(0);
    expect(reported(run)).toEqual({ tunables: 'glibc.malloc.hugetlb=1', args: ['a b', '--json'] });
  });

  it.runIf(process.platform === 'linux')("keeps tunables already set, and a hugetlb setting of the user's own", async () => {
    const added = await launch([FIXTURE, '0'], { ...withoutTunables(), GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).done;
    expect(reported(added).tunables).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    const own = await launch([FIXTURE, '0'], { ...withoutTunables(), GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }).done;
    expect(reported(own).tunables).toBe('glibc.malloc.hugetlb=0');
  });

  it("ends with the entry's exit code", async () => {
    expect((await launch([FIXTURE, '3']).done).code).toBe(3);
  });

  it('the CLI through it: a demo is written (exit 0), a file that is not a workspace fails in one line (exit 1)', async () => {
    const file = tmp.path('launched.interlock');
    const demo = await launch(['electron/cli/main.ts', 'demo', file, '--items', '50']).done;
    expect(demo.code).toBe(0);
    expect(existsSync(file)).toBe(true);
    const info = await launch(['electron/cli/main.ts', 'info', 'package.json']).done;
    expect(info.code).toBe(1);
    expect(info.stderr.trim().split('\n')).toHaveLength(1);
    expect(info.stderr).toContain('not an Interlock workspace');
  });

  describe('edge cases', () => {
    it('a SIGTERM sent to the launcher alone reaches the entry, and the launcher ends as it did', async () => {
      const running = launch([FIXTURE, 'hang']);
      await running.started;
      running.kill('SIGTERM');
      const run = await running.done;
      expect(run.code).toBe(128 + 15);
    });

    it('without an entry: usage on stderr, exit 2', async () => {
      const run = await launch([]).done;
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: node scripts/run-backend.mjs ENTRY.ts');
    });

    it('an entry that does not exist fails with exit 1', async () => {
      const run = await launch(['tests/fixtures/processes/no-such-entry.ts']).done;
      expect(run.code).toBe(1);
    });
  });
});
