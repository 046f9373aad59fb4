import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';
import { DEMO_TEMPLATE } from './demo-template';

/**
 * `host`: the real browser host (`electron/host/main.ts`) on this test's own copy of the demo
 * workspace, with its own state folder — so a test that imports, closes or saves never changes
 * what another test sees. `host.workspace` is the copy's path.
 */
export const test = base.extend<{ host: HostProcess & { workspace: string } }>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'interlock-e2e-'));
    const workspace = join(dir, 'demo.interlock');
    copyFileSync(DEMO_TEMPLATE, workspace);
    const host = await startHostProcess({ workspace, stateDir: join(dir, 'state') });
    await use({ ...host, workspace });
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
