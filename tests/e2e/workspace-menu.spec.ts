import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { sha256 } from '../support/temp-files';
import { DEMO_TEMPLATE } from './demo-template';
import { useDarkTheme } from './room';
import { expect, test } from './fixtures';

test('Save As from the browser host continues in the copy, and Close leads back to the demo', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');

  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Save As…' }).click();
  const copy = host.workspace.replace(/demo\.interlock$/, 'copy-for-client');
  await page.getByTestId('chooser-path').fill(copy);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText(`File ${copy}.interlock`)).toBeVisible();
  await expect(page.getByTestId('count-items')).toContainText('2,500');

  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'No workspace is open' })).toBeVisible();
  // Recent workspaces: by name (Save As named the copy after its file), with its folder.
  const recent = page.getByRole('button', { name: /^copy-for-client/ });
  await expect(recent).toContainText(host.workspace.replace(/\/demo\.interlock$/, ''));
  await page.screenshot({ path: 'test-results/screenshots/welcome.png' });
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interlock demo' })).toBeVisible();
});

test('opening a file that is not a workspace says why, in the dialog, and keeps the current one', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Open…' }).click();
  await page.getByTestId('chooser-path').fill('/etc/hostname.interlock');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('dialog')).toContainText('There is no workspace at /etc/hostname.interlock');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
});

test('Save As onto another workspace asks "Replace …?" naming both, and keeps it unless confirmed', async ({ page, host }) => {
  const other = host.workspace.replace(/demo\.interlock$/, 'client-b.interlock');
  // A second workspace in the same folder, made through the same API the page uses.
  const made = await page.request.post(`${host.origin}/api/invoke/workspace.create`, {
    headers: { 'x-interlock-token': host.token },
    data: { path: other, name: 'Client B portfolio' },
  });
  expect((await made.json()).ok).toBe(true);
  await page.request.post(`${host.origin}/api/invoke/workspace.open`, { headers: { 'x-interlock-token': host.token }, data: { path: host.workspace } });

  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Save As…' }).click();
  await page.getByTestId('chooser-path').fill(other);
  await page.getByRole('button', { name: 'Save' }).click();
  const ask = page.getByRole('dialog', { name: 'Replace “Client B portfolio”?' });
  await expect(ask).toContainText('a copy of “Interlock demo”');
  await expect(ask.getByRole('button', { name: 'Replace' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/save-as-replace.png', animations: 'disabled' });
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');

  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('dialog', { name: 'Replace “Client B portfolio”?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText(`File ${other}`)).toBeVisible();
  await expect(page.getByTestId('count-items')).toContainText('2,500');
});

test('Restore a backup puts the workspace back as it was before an import', async ({ page, host }) => {
  const api = (channel: string, data: unknown) => page.request.post(`${host.origin}/api/invoke/${channel}`, { headers: { 'x-interlock-token': host.token }, data });
  const csv = host.workspace.replace(/demo\.interlock$/, 'teams.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(csv, 'Key,Name,Value stream\nnew-team,New Team,Stream X\n');
  const started = await (await api('import.start', { files: [{ source: { kind: 'path', path: csv } }], mode: 'import' })).json();
  await expect.poll(async () => (await (await api('import.progress', { jobId: started.value.jobId })).json()).value.state).toBe('done');

  await page.goto(host.url);
  await expect(page.getByTestId('count-teams')).toContainText('13');
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Restore a backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(page.getByRole('menu')).toBeHidden();
  // To the second, and what it holds: backups taken within a minute are told apart.
  const entry = dialog.getByRole('button', { name: /1\. \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC — before an import/ });
  await expect(entry).toContainText('Interlock demo · 12 teams, 2,500 items ·');
  await entry.click();
  await page.screenshot({ path: 'test-results/screenshots/restore-backup.png', animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Restore backup 1' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/Restored backup 1, taken \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC before an import \(“Interlock demo” · 12 teams, 2,500 items\)\./);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('count-teams')).toContainText('12');
});

test('a renamed workspace still lists its backups, each saying the path it was taken of', async ({ page, host }) => {
  const api = async (channel: string, data: unknown) => {
    const answer = await (await page.request.post(`${host.origin}/api/invoke/${channel}`, { headers: { 'x-interlock-token': host.token }, data })).json();
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.value;
  };
  const { renameSync, writeFileSync } = await import('node:fs');
  const csv = host.workspace.replace(/demo\.interlock$/, 'teams.csv');
  writeFileSync(csv, 'Key,Name,Value stream\nnew-team,New Team,Stream X\n');
  const started = await api('import.start', { files: [{ source: { kind: 'path', path: csv } }], mode: 'import' });
  await expect.poll(async () => (await api('import.progress', { jobId: started.jobId })).state).toBe('done');
  await api('workspace.close', {});
  const renamed = host.workspace.replace(/demo\.interlock$/, 'client renamed.interlock');
  renameSync(host.workspace, renamed);
  await api('workspace.open', { path: renamed });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Restore a backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore a backup' });
  await expect(dialog).toContainText(renamed);
  const backup = dialog.getByRole('button', { name: /1\. .* before an import/ });
  await expect(backup).toContainText(`taken when it was ${host.workspace}`);
  await backup.click();
  await page.screenshot({ path: 'test-results/screenshots/restore-backup-renamed.png', animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Restore backup 1' }).click();
  await expect(dialog).toContainText('Restored backup 1');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('count-teams')).toContainText('12');
});

test('a tab left on a workspace another tab replaced writes nothing into the new one, says which is open and shows it', async ({ page: tabB, host }) => {
  const acme = join(dirname(host.workspace), 'Acme Q3.interlock');
  copyFileSync(DEMO_TEMPLATE, acme);
  const risk = (page: Page, key: string) => page.locator(`[data-risk="${key}"]`);
  const menu = async (page: Page, item: string) => {
    await page.getByRole('button', { name: 'Workspace', exact: true }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };
  await tabB.setViewportSize({ width: 1280, height: 720 });
  await tabB.goto(`${host.url}#/risks`);
  await expect(tabB.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await expect(risk(tabB, 'RISK-5')).toBeVisible();

  // Tab A, on the same host: Open… Acme, and name it.
  const tabA = await tabB.context().newPage();
  await tabA.goto(host.url);
  await expect(tabA.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await menu(tabA, 'Open…');
  await tabA.getByTestId('chooser-path').fill(acme);
  await tabA.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
  await expect(tabA.getByText(`File ${acme}`)).toBeVisible();
  await menu(tabA, 'Rename…');
  await tabA.getByLabel('Workspace name').fill('Acme Q3');
  await tabA.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(tabA.getByTestId('workspace-name')).toHaveText('Acme Q3');
  const demoBytes = sha256(host.workspace);

  // Tab B still shows the demo; its delete of RISK-5 is meant for the demo, never for Acme's RISK-5.
  await expect(tabB.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await risk(tabB, 'RISK-5').focus();
  await tabB.keyboard.press('Enter');
  await tabB.getByRole('menuitem', { name: 'Delete…' }).click();
  await tabB.getByRole('dialog', { name: 'Delete RISK-5?' }).getByRole('button', { name: 'Delete' }).click();

  const notice = tabB.getByTestId('workspace-switch-notice');
  await expect(notice).toContainText('This window now shows “Acme Q3”');
  await expect(notice).toContainText(`“Acme Q3” (${acme}) was opened in another window or tab`);
  await expect(notice).toContainText('The change this window just asked for was not made, in either workspace');
  await expect(tabB.getByTestId('workspace-name')).toHaveText('Acme Q3');
  await expect(risk(tabB, 'RISK-5')).toBeVisible();
  await expect(risk(tabA, 'RISK-5')).toHaveCount(0);
  await tabA.goto(`${host.url}#/risks`);
  await expect(risk(tabA, 'RISK-5')).toBeVisible();
  await tabB.screenshot({ path: 'test-results/screenshots/tab-follows-switch.png', animations: 'disabled' });
  await useDarkTheme(tabB, true);
  await tabB.screenshot({ path: 'test-results/screenshots/tab-follows-switch-dark.png', animations: 'disabled' });
  await useDarkTheme(tabB, false);
  expect(sha256(host.workspace)).toBe(demoBytes);

  // Tab A goes back to the demo; tab B, back in view, follows before anything is done in it.
  await notice.getByRole('button', { name: 'Close' }).click();
  await expect(notice).toBeHidden();
  await menu(tabA, 'Open…');
  await tabA.getByTestId('chooser-path').fill(host.workspace);
  await tabA.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
  await expect(tabA.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await tabB.bringToFront();
  await tabB.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(notice).toContainText('This window now shows “Interlock demo”');
  await expect(notice).toContainText('Nothing was written into a workspace this window did not show.');
  await expect(tabB.getByTestId('workspace-name')).toHaveText('Interlock demo');
});

test('opening from the Workspace menu says why it failed, as the welcome page does: a damaged recent file, the demo another host holds', async ({ page, host }) => {
  const api = async (channel: string, data: unknown) => {
    const answer = await (await page.request.post(`${host.origin}/api/invoke/${channel}`, { headers: { 'x-interlock-token': host.token }, data })).json();
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.value;
  };
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { startHostProcess } = await import('../support/host-process');
  // A recent workspace, damaged since: its header is sound, its pages are not.
  const damaged = host.workspace.replace(/demo\.interlock$/, 'damaged.interlock');
  copyFileSync(DEMO_TEMPLATE, damaged);
  await api('workspace.open', { path: damaged });
  await api('workspace.rename', { name: 'Damaged since' });
  await api('workspace.open', { path: host.workspace });
  const bytes = readFileSync(damaged);
  bytes.fill(0x55, 4096 * 3, 4096 * 6);
  writeFileSync(damaged, bytes);

  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: /Damaged since/ }).click();
  const failed = page.getByRole('dialog', { name: 'That workspace could not be opened' });
  await expect(failed.getByRole('alert')).toContainText(`${damaged} is damaged`);
  await page.screenshot({ path: 'test-results/screenshots/menu-open-recent-damaged.png', animations: 'disabled' });
  await failed.getByRole('button', { name: 'Restore a backup of it…' }).click();
  await expect(page.getByRole('dialog', { name: 'Restore a backup' })).toContainText(damaged);
  await page.getByRole('dialog', { name: 'Restore a backup' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');

  // Another host holds this host's demo.
  const demo = join(host.stateDir, 'demo.interlock');
  copyFileSync(DEMO_TEMPLATE, demo);
  const other = await startHostProcess({ workspace: demo, stateDir: join(host.stateDir, '..', 'other-state') });
  try {
    await page.getByRole('button', { name: 'Workspace' }).click();
    await page.getByRole('menuitem', { name: 'Open the demo' }).click();
    const demoFailed = page.getByRole('dialog', { name: 'The demo could not be opened' });
    await expect(demoFailed.getByRole('alert')).toContainText('is open in another window or program');
    await expect(demoFailed.getByRole('button', { name: 'Restore a backup of it…' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/menu-open-demo-locked.png', animations: 'disabled' });
    await demoFailed.getByRole('button', { name: 'Close' }).click();
    await expect(demoFailed).toBeHidden();
    await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
    await expect(page.getByText(`File ${host.workspace}`)).toBeVisible();
  } finally {
    await other.stop();
  }
});

test('Save As onto a damaged workspace says up front that it is never replaced, and asks nothing', async ({ page, host }) => {
  const { readFileSync, writeFileSync } = await import('node:fs');
  const { DEMO_TEMPLATE } = await import('./demo-template');
  const damaged = host.workspace.replace(/demo\.interlock$/, 'damaged.interlock');
  // Pages of work items, past the header and the meta table, which a look at the file reads.
  const bytes = readFileSync(DEMO_TEMPLATE);
  bytes.fill(0x55, 4096 * 300, 4096 * 306);
  writeFileSync(damaged, bytes);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Save As…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Save a copy as' });
  await chooser.getByTestId('chooser-path').fill(damaged);
  await chooser.getByRole('button', { name: 'Save' }).click();
  await expect(chooser).toContainText(`Not replaced: ${damaged} is damaged`);
  await expect(page.getByRole('dialog', { name: /^Replace/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/save-as-onto-damaged.png', animations: 'disabled' });
  expect(readFileSync(damaged).equals(bytes)).toBe(true);
});
