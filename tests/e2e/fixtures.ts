import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { DEMO_TEMPLATE } from './demo-template';

/**
 * `host`: the real browser host (`electron/host/main.ts`) on this test's own copy of the demo
 * workspace, with its own state folder — so a test that imports, closes or saves never changes
 * what another test sees. `host.workspace` is the copy's path; `host.home` the host's home folder
 * (with a Documents folder, so new workspaces go to `home/Documents/Interlock`).
 */
export const test = base.extend<{ host: HostProcess & { workspace: string; home: string } }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-e2e-'));
    const workspace = join(dir, 'demo.interlock');
    copyFileSync(DEMO_TEMPLATE, workspace);
    const home = join(dir, 'home');
    mkdirSync(join(home, 'Documents'), { recursive: true });
    const host = await startHostProcess({ workspace, stateDir: join(dir, 'state'), homeDir: home });
    await use({ ...host, workspace, home });
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
