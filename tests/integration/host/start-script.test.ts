import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { closeWorkspace, openWorkspace } from '../../../electron/backend/store/workspace-file';
import { installedElectron } from '../../../scripts/electron-binary.mjs';
import { tempDir } from '../../support/temp-files';

// `npm start` where Electron's binary is not installed runs the browser host: stopping it (a
// `kill`, a closed terminal, not only Ctrl-C to the whole group) must stop the host too, or the
// host lives on holding the workspace's lock.

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const electronInstalled = (() => {
  try {
    return installedElectron(dirname(createRequire(import.meta.url).resolve('electron/package.json'))) !== null;
  } catch {
    return false;
  }
})();

/** Processes whose command line holds `text` (the test's own folder): what a stopped start may have left. */
function processesWith(text: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(join('/proc', name, 'cmdline'), 'utf8').includes(text)) found.push(Number(name));
    } catch {
      // ended meanwhile
    }
  }
  return found;
}

describe('npm start in the browser host', () => {
  const tmp = tempDir();
  afterEach(() => {
    for (const pid of processesWith(tmp.dir)) process.kill(pid, 'SIGKILL');
  });

  it.skipIf(electronInstalled || process.platform !== 'linux').each(['SIGTERM', 'SIGHUP'] as const)('%s to npm start stops the host, which lets go of the workspace', async (signal) => {
    const workspace = tmp.path(`${signal}.interlock`);
    const backend = createBackend();
    expect((await backend.call('workspace.createDemo', { path: workspace, items: 60 })).ok).toBe(true);
    backend.close();

    const start = spawn(process.execPath, ['scripts/start.mjs', '--workspace', workspace, '--port', '0', '--no-build', '--state-dir', tmp.path(`state-${signal}`)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    start.stdout.on('data', (d: Buffer) => (output += d.toString()));
    start.stderr.on('data', (d: Buffer) => (output += d.toString()));
    await expect.poll(() => output, { timeout: 60_000 }).toMatch(/http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    // The host holds the workspace while it runs.
    expect(() => openWorkspace(workspace)).toThrow(/open in another/);

    const exited = new Promise((r) => start.once('exit', r));
    start.kill(signal);
    await exited;
    await expect.poll(() => processesWith(tmp.dir).length, { timeout: 10_000 }).toBe(0);
    const reopened = openWorkspace(workspace);
    closeWorkspace(reopened);
  }, 90_000);
});

describe("npm run serve's usage", () => {
  const serve = (...args: string[]) =>
    new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = spawn(process.execPath, ['scripts/run-backend.mjs', 'electron/host/main.ts', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => done({ code, out, err }));
    });

  it('--help prints the options and exits 0', async () => {
    const help = await serve('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^usage: npm run serve -- \[--workspace FILE\] \[--port N\] \[--state-dir DIR\] \[--no-build\]\n/);
    expect(help.out).toContain('--port N          default 5417; 0 picks a free one');
  }, 30_000);

  describe('edge cases', () => {
    it('an unknown option or a port that is not a port is wrong usage: exit 2, the reason and the usage line', async () => {
      for (const args of [['--bogus'], ['--port', 'abc'], ['--port', '70000'], ['--port', '-1']]) {
        const run = await serve(...args);
        expect([args, run.code]).toEqual([args, 2]);
        expect(run.err).toMatch(/^interlock serve: [\s\S]+\nusage: npm run serve -- /);
      }
    }, 60_000);
  });
});
