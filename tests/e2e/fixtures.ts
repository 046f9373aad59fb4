import { test as base, expect } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';

/**
 * `host`: the real browser host on a fresh demo workspace (its own state folder, so the demo is
 * generated from its seed for this worker), started once per worker.
 */
export const test = base.extend<object, { host: HostProcess }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

export { expect };
