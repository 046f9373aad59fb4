import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { writePortfolio } from '../../electron/backend/store/queries/portfolio-writes';
import { closeWorkspace, createWorkspace } from '../../electron/backend/store/workspace-file';
import { auditPortfolio } from '../support/audit-portfolio';
import { startHostProcess, type HostProcess } from '../support/host-process';

// The audit portfolio (tests/support/audit-portfolio.ts), whose data begins on 2025-02-01, as a
// coordinator sees it at 1280×720: the words the QA audit found wanting.

let dir: string;
let host: HostProcess;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-e2e-audit-'));
  const workspace = join(dir, 'audit.interlock');
  closeWorkspace(createWorkspace(workspace, { fill: (db) => db.transaction(() => writePortfolio(db, auditPortfolio))() }));
  host = await startHostProcess({ workspace, stateDir: join(dir, 'state'), homeDir: join(dir, 'home') });
});

test.afterAll(async () => {
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
});

test.use({ viewport: { width: 1280, height: 720 } });

test('Delivery with Teams = Delta, and the tiles of a period before with no data', async ({ page }) => {
  await page.goto(`${host.url}#/delivery?teams=delta`);
  await expect(page.getByText('Not measured: no successful deployment in scope ships a change with a commit time or a done item.')).toBeVisible();
  await expect(page.getByText('Period before: no data before Feb 1, 2025').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/audit-delivery-delta.png', fullPage: true });
  await page.goto(`${host.url}#/flow`);
  await expect(page.getByTestId('figure-wip')).toContainText('Period before: no data before Feb 1, 2025');
  await page.screenshot({ path: 'test-results/screenshots/audit-flow.png' });
});

test('Coordination: Delta – Gamma coupling 1.00, joint integration not measured; the trend starts with the data', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Coordination' }).click();
  await page.getByRole('tab', { name: 'Coupling map' }).click();
  await expect(page.getByTestId('coupling-matrix')).toBeVisible();
  const titles = await page.getByTestId('coupling-matrix').locator('title').allTextContents();
  expect(titles.filter((t) => t.startsWith('Delta → Gamma'))).toEqual([expect.stringMatching(/^Delta → Gamma: coupling 1\.00; .*joint integration not measured/)]);
  await expect(page.getByTestId('coupling-trend-note')).toContainText('of 6 periods of 30 days');
  await page.getByTestId('coupling-trend').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/audit-coordination-trend.png' });
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.screenshot({ path: 'test-results/screenshots/audit-coordination-trend-dark.png' });
});
