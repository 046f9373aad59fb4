import { expect, test } from './fixtures';

test('Save As from the browser host continues in the copy, and Close leads back to the demo', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');

  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Save As…' }).click();
  const copy = host.workspace.replace(/demo\.interlock$/, 'copy-for-client');
  await page.getByLabel('Workspace file').fill(copy);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText(`File ${copy}.interlock`)).toBeVisible();
  await expect(page.getByTestId('count-items')).toContainText('2,500');

  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Close' }).click();
  await expect(page.getByRole('heading', { name: 'No workspace is open' })).toBeVisible();
  await expect(page.getByText('copy-for-client.interlock')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/welcome.png' });
  await page.getByRole('button', { name: 'Open the demo workspace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interlock demo' })).toBeVisible();
});

test('opening a file that is not a workspace says why, in the dialog, and keeps the current one', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: 'Open…' }).click();
  await page.getByLabel('Workspace file').fill('/etc/hostname.interlock');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('dialog')).toContainText('There is no workspace at /etc/hostname.interlock');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
});
