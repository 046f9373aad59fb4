import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/backend/backend';
import { demoWorkspacePath, openStartupWorkspace } from '../../../electron/backend/startup';
import { tempDir } from '../../support/temp-files';

describe('what a freshly started app opens', () => {
  let tmp: ReturnType<typeof tempDir>;
  let stateDir: string;
  let backends: Backend[];
  const start = () => {
    const backend = createBackend({ stateDir, log: () => undefined });
    backends.push(backend);
    return backend;
  };
  const quit = () => backends.pop()!.close();
  beforeEach(() => {
    tmp = tempDir();
    stateDir = tmp.path('state');
    backends = [];
  });
  afterEach(() => {
    for (const b of backends) b.close();
    tmp.cleanup();
  });

  it('the first run opens the demo, generated into the state folder', async () => {
    const choice = await openStartupWorkspace(start(), stateDir, null);
    expect(choice.summary?.path).toBe(demoWorkspacePath(stateDir));
    expect(choice.notice).toBeNull();
  });

  it('later runs reopen the last workspace', async () => {
    const first = start();
    await openStartupWorkspace(first, stateDir, null);
    await first.invoke('workspace.create', { path: tmp.path('mine.interlock') });
    quit();
    const choice = await openStartupWorkspace(start(), stateDir, null);
    expect(choice.summary?.path).toBe(tmp.path('mine.interlock'));
  });

  it('after a deliberate close, the next run opens nothing', async () => {
    const first = start();
    await openStartupWorkspace(first, stateDir, null);
    await first.invoke('workspace.close', {});
    quit();
    expect((await openStartupWorkspace(start(), stateDir, null)).summary).toBeNull();
  });

  it('a workspace named on the command line wins', async () => {
    const setup = start();
    await setup.invoke('workspace.create', { path: tmp.path('asked.interlock') });
    quit();
    expect((await openStartupWorkspace(start(), stateDir, tmp.path('asked.interlock'))).summary?.name).toBe('asked');
  });

  describe('edge cases', () => {
    it('a last workspace that has disappeared falls back to the demo', async () => {
      const first = start();
      await first.invoke('workspace.create', { path: tmp.path('gone.interlock') });
      quit();
      rmSync(tmp.path('gone.interlock'));
      const choice = await openStartupWorkspace(start(), stateDir, null);
      expect(choice.summary?.path).toBe(demoWorkspacePath(stateDir));
      expect(choice.notice).toContain('Could not reopen');
      expect(choice.notice).toContain('gone.interlock');
    });

    it('a workspace asked for that cannot be opened is an error with its reason', async () => {
      await expect(openStartupWorkspace(start(), stateDir, tmp.path('none.interlock'))).rejects.toThrow('There is no workspace at');
    });
  });
});
