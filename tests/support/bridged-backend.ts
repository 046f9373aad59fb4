import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../electron/backend/backend';
import type { DesktopBridge } from '../../renderer/src/api/desktop-bridge';

/**
 * A real backend on a new temp workspace, installed as the desktop bridge (`window.interlock`), so
 * that renderer hooks under test talk to the real contract. `dispose` removes both.
 */
export async function bridgedBackend(): Promise<{ backend: Backend; dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-bridge-'));
  const backend = createBackend({ log: () => undefined });
  const created = await backend.call('workspace.create', { path: join(dir, 'w.interlock') });
  if (!created.ok) throw new Error(created.error.message);
  const bridge: DesktopBridge = { isDesktop: true, invoke: (channel, input) => backend.invoke(channel, input), onWorkspaceChanged: () => () => undefined, pathForFile: () => '' };
  window.interlock = bridge;
  return {
    backend,
    dir,
    dispose: () => {
      delete window.interlock;
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
