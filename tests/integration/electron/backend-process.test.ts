import { fork, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { connectBackend, type RemoteBackend } from '../../../electron/backend/remote/backend-client';
import type { FromBackend } from '../../../electron/backend/remote/backend-messages';
import { closeWorkspace, openWorkspace } from '../../../electron/backend/store/workspace-file';
import { PROJECT_ROOT } from '../../support/child-process';
import { tempDir } from '../../support/temp-files';

// The desktop app's backend runs in an Electron utility process (electron/main/backend-process.ts).
// Electron cannot run here, so the same entry runs in a Node child whose `process.parentPort` is
// shimmed over Node's IPC: the protocol, the startup and the answers are the real ones.

const tmp = tempDir();
let remote: RemoteBackend | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  await remote?.close();
  child?.kill();
  remote = null;
  child = null;
});

function start(options: { stateDir: string; workspace: string | null }): Promise<RemoteBackend> {
  const forked = fork('electron/backend/remote/utility-process-entry.ts', [JSON.stringify(options)], {
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx', '--import', './tests/support/utility-process-shim.mjs'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child = forked;
  return connectBackend({
    post: (message) => forked.send(message),
    onMessage: (listener) => forked.on('message', (message) => listener(message as FromBackend)),
    onExit: (listener) => forked.on('exit', (code) => listener(`The backend stopped (exit code ${code}).`)),
    terminate: async () => void forked.kill(),
  });
}

describe('the desktop backend in a process of its own', () => {
  it('opens the demo on first run and answers the contract; closing releases the workspace', async () => {
    const stateDir = tmp.path('state');
    remote = await start({ stateDir, workspace: null });
    expect(remote.startup.summary?.name).toBe('Interlock demo');
    const overview = await remote.call('workspace.overview', {});
    expect(overview.ok && overview.value.counts.items).toBe(2500);
    const board = await remote.call('plan.board', {});
    expect(board.ok && board.value.increment.name).toBe('PI 26.4');
    const refused = await remote.invoke('metrics.flow', { window: 'last week' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const path = remote.startup.summary!.path;
    await remote.close();
    remote = null;
    closeWorkspace(openWorkspace(path));
  }, 60_000);

  describe('edge cases', () => {
    it('a workspace that cannot be opened stops the start with the reason', async () => {
      await expect(start({ stateDir: tmp.path('state-2'), workspace: tmp.path('missing.interlock') })).rejects.toThrow(/There is no workspace at/);
    }, 60_000);

    it('a backend that dies answers the waiting call with an error and says why', async () => {
      remote = await start({ stateDir: tmp.path('state-3'), workspace: null });
      const crashed = remote.crashed;
      child!.kill('SIGKILL');
      expect(await crashed).toMatch(/exit code/);
      expect(await remote.invoke('workspace.current', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    }, 60_000);
  });
});
