import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';

// The first start of a fresh Interlock (no state, so the demo opens) on a home of its own.

const JIRA = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'jira', 'jira-all-fields.csv');
const SHOTS = 'test-results/screenshots';

let host: HostProcess;
let home: string;
let dir: string;
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interlock-first-run-'));
  home = join(dir, 'home');
  mkdirSync(join(home, 'Documents'), { recursive: true });
  host = await startHostProcess({ stateDir: join(dir, 'state'), homeDir: home });
});
test.afterEach(async () => {
  await host?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('from first start to the advice on your own files in 4 clicks, no typed path', async ({ page }) => {
  test.setTimeout(120_000);
  let clicks = 0;
  const click = async (locator: ReturnType<typeof page.getByRole>) => {
    clicks += 1;
    await locator.click();
  };

  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  const banner = page.getByTestId('demo-banner');
  await expect(banner).toContainText('This is the demo');
  await page.screenshot({ path: `${SHOTS}/first-run.png`, animations: 'disabled' });

  // 1: Start from your files (the system's file dialog, answered by the test).
  const chooser = page.waitForEvent('filechooser');
  await click(banner.getByText('Start from your files'));
  await (await chooser).setFiles(JIRA);

  // A new workspace named after the files, in Documents/Interlock; its Import page previews them.
  await expect(page.getByTestId('workspace-name')).toHaveText('jira-all-fields');
  expect(existsSync(join(home, 'Documents', 'Interlock', 'jira-all-fields.interlock'))).toBe(true);
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import');
  await expect(page.getByTestId('demo-banner')).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/first-run-preview.png`, animations: 'disabled' });

  // 2: Import.
  await click(page.getByRole('button', { name: /^Import \d+ records$/ }));
  const done = page.getByTestId('import-done');
  await expect(done).toContainText('Imported');
  await expect(done.getByRole('button', { name: 'Flow metrics' })).toBeVisible();
  await expect(done.getByRole('button', { name: 'Plan' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/first-run-imported.png`, animations: 'disabled' });

  // 3: the advice.
  await click(done.getByRole('button', { name: 'See the coordination advice' }));
  await expect(page.getByRole('heading', { level: 1, name: /Coordination/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/first-run-advice.png`, animations: 'disabled' });
  expect(clicks).toBeLessThanOrEqual(4);
});

test('importing into the demo asks first; “a new workspace” leaves the demo as it was', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('count-items')).toContainText('2,500');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(JIRA);
  const ask = page.getByRole('dialog', { name: 'Import into the demo?' });
  await expect(ask).toContainText('“jira-all-fields.csv”');
  await expect(ask.getByRole('button', { name: /A copy of the demo/ })).toBeVisible();
  await expect(ask.getByRole('button', { name: /The demo itself/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-into-demo-asks.png`, animations: 'disabled' });

  // Cancel: nothing imported, no workspace made.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('preview-summary')).toBeHidden();
  expect(existsSync(join(home, 'Documents', 'Interlock'))).toBe(false);

  await page.getByTestId('import-file-input').setInputFiles(JIRA);
  await ask.getByRole('button', { name: /A new workspace for these files/ }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('jira-all-fields');
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import');
  expect(readdirSync(join(home, 'Documents', 'Interlock')).filter((f) => f.endsWith('.interlock'))).toEqual(['jira-all-fields.interlock']);

  // The demo is untouched.
  await page.getByRole('button', { name: 'Workspace', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Open the demo' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('count-items')).toContainText('2,500');
});

test('the welcome page offers Start from your files beside the demo', async ({ page }) => {
  await page.request.post(`${host.origin}/api/invoke/workspace.close`, { headers: { 'x-interlock-token': host.token }, data: {} });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'No workspace is open' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('main').getByText('Start from your files').click();
  await (await chooser).setFiles(JIRA);
  await expect(page.getByTestId('workspace-name')).toHaveText('jira-all-fields');
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import');
});

test('a new, empty workspace: the Teams and Coordination pages say to import, not that no dependency matches the filters or what window of data they read', async ({ page, request }) => {
  const created = await request.post(`${host.origin}/api/invoke/workspace.create`, {
    data: { path: join(home, 'Documents', 'new.interlock') },
    headers: { 'x-interlock-token': host.token },
  });
  expect((await created.json()).ok).toBe(true);
  await page.goto(`${host.url}#/teams`);
  await expect(page.getByTestId('workspace-name')).toHaveText('new');
  await expect(page.getByRole('alert')).toContainText('This workspace holds no teams yet: import your teams’ exports');
  await expect(page.getByText('No dependency matches these filters.')).toHaveCount(0);
  await expect(page.getByText(/the end of the data/)).toHaveCount(0);
  // Nor does the Coordination page speak of a window of data it does not have.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Coordination' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coordination' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This workspace holds no teams yet');
  await expect(page.getByText(/days of the data/)).toHaveCount(0);
});
