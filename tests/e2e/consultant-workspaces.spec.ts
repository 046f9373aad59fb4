import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_TEMPLATE } from './demo-template';
import { expect, test } from './fixtures';

// A consultant's workspaces in the browser host: the file chooser, names, anonymised and sealed copies.

const SHOTS = 'test-results/screenshots';

async function workspaceMenu(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: 'Workspace', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('Open… browses folders through the host: home and the folders workspaces came from; a typed path still works', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  copyFileSync(DEMO_TEMPLATE, join(folder, 'client-b.interlock'));
  writeFileSync(join(folder, 'notes.txt'), 'not shown');
  // A workspace in a folder the chooser does not show: reachable by typing its path.
  mkdirSync(join(folder, 'elsewhere'));
  const elsewhere = join(folder, 'elsewhere', 'typed.interlock');
  copyFileSync(DEMO_TEMPLATE, elsewhere);

  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await workspaceMenu(page, 'Open…');
  const dialog = page.getByRole('dialog', { name: 'Open workspace' });
  await expect(dialog.getByTestId('chooser-folder')).toHaveText(folder);
  const files = dialog.getByRole('list', { name: /Folders and \.interlock files/ });
  await expect(files.getByRole('button', { name: /client-b\.interlock/ })).toBeVisible();
  await expect(files.getByRole('button', { name: /elsewhere/ })).toBeVisible();
  await expect(files).not.toContainText('notes.txt');
  await expect(dialog).toContainText('1 other file is not shown');
  await expect(dialog.getByRole('button', { name: 'Home', exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/chooser-open.png`, animations: 'disabled' });

  // Home, then back up is refused at the top of an allowed place.
  await dialog.getByRole('button', { name: 'Home', exact: true }).click();
  await expect(dialog.getByTestId('chooser-folder')).toHaveText(host.home);
  await expect(dialog.getByRole('button', { name: 'Up one folder' })).toBeDisabled();
  await expect(files.getByRole('button', { name: /Documents/ })).toBeVisible();

  await dialog.getByRole('button', { name: folder }).click();
  await files.getByRole('button', { name: /client-b\.interlock/ }).click();
  await expect(dialog.getByTestId('chooser-path')).toHaveValue(join(folder, 'client-b.interlock'));
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`File ${join(folder, 'client-b.interlock')}`)).toBeVisible();

  await workspaceMenu(page, 'Open…');
  await page.getByTestId('chooser-path').fill(elsewhere);
  await page.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByText(`File ${elsewhere}`)).toBeVisible();
});

test('New… in a chosen folder, named after its file; Save As asks for the copy’s name; Open Recent shows name and folder', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  await page.goto(host.url);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');

  await workspaceMenu(page, 'New…');
  let dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('button', { name: 'Home', exact: true }).click();
  await expect(dialog.getByTestId('chooser-path')).toHaveValue(join(host.home, 'new-workspace.interlock'));
  await dialog.getByTestId('chooser-path').fill(join(host.home, 'acme 2027'));
  await expect(dialog.getByLabel('Workspace name')).toHaveValue('acme 2027');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('workspace-name')).toHaveText('acme 2027');
  expect(existsSync(join(host.home, 'acme 2027.interlock'))).toBe(true);

  // Back to the demo copy, then Save As: the name follows the file until typed.
  await workspaceMenu(page, /Interlock demo/);
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  await workspaceMenu(page, 'Save As…');
  dialog = page.getByRole('dialog', { name: 'Save a copy as' });
  await dialog.getByTestId('chooser-path').fill(join(folder, 'for-client-a'));
  await expect(dialog.getByLabel('Workspace name')).toHaveValue('for-client-a');
  await dialog.getByLabel('Workspace name').fill('Client A — portfolio');
  await page.screenshot({ path: `${SHOTS}/chooser-save-as.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('workspace-name')).toHaveText('Client A — portfolio');
  await expect(page.getByText(`File ${join(folder, 'for-client-a.interlock')}`)).toBeVisible();

  await page.getByRole('button', { name: 'Workspace', exact: true }).click();
  const recent = page.getByRole('menu');
  await expect(recent.getByRole('menuitem', { name: /Interlock demo/ })).toContainText(folder);
  await expect(recent.getByRole('menuitem', { name: /acme 2027/ })).toContainText(host.home);
  await page.screenshot({ path: `${SHOTS}/open-recent.png`, animations: 'disabled' });
  await page.keyboard.press('Escape');
});

test('rename from the title bar; a .csv is “not an Interlock workspace” and no file is added', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Interlock demo (rename)' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the workspace' });
  await rename.getByLabel('Workspace name').fill('Acme retail');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(page.getByTestId('workspace-name')).toHaveText('Acme retail');
  await page.reload();
  await expect(page.getByTestId('workspace-name')).toHaveText('Acme retail');

  const csv = join(folder, 'export.csv');
  writeFileSync(csv, 'Issue key,Summary\nA-1,One\n');
  await workspaceMenu(page, 'Open…');
  await page.getByTestId('chooser-path').fill(csv);
  await page.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText(`${csv} is not an Interlock workspace`);
  await page.screenshot({ path: `${SHOTS}/open-csv.png`, animations: 'disabled' });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText('Acme retail');
  expect(readdirSync(folder).filter((f) => f.startsWith('export'))).toEqual(['export.csv']);
});

test('Save an anonymised copy…: same figures, no names; the copy opens', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Teams' }).click();
  const aTeam = (await page.getByRole('table').first().getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();
  expect(aTeam.length).toBeGreaterThan(2);

  await workspaceMenu(page, 'Save an anonymised copy…');
  const dialog = page.getByRole('dialog', { name: 'Save an anonymised copy' });
  await expect(dialog.getByTestId('chooser-path')).toHaveValue(join(folder, 'demo-anonymised.interlock'));
  await dialog.getByLabel('Name of the copy').fill('Client X');
  await dialog.getByLabel('Move every date by (days)').fill('-364');
  await dialog.getByRole('button', { name: 'Save the anonymised copy' }).click();
  await expect(dialog.getByRole('alert')).toContainText('every date moved 364 days earlier');
  await page.screenshot({ path: `${SHOTS}/anonymised-done.png`, animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Open the anonymised copy' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('workspace-name')).toHaveText('Client X');
  await expect(page.getByRole('main')).not.toContainText(aTeam);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('count-items')).toContainText('2,500');
});

test('Save a sealed copy… and open it: a wrong passphrase says so and writes nothing', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  await page.goto(host.url);
  await workspaceMenu(page, 'Save a sealed copy…');
  const seal = page.getByRole('dialog', { name: 'Save a sealed copy' });
  await expect(seal.getByTestId('chooser-path')).toHaveValue(`${host.workspace}.sealed`);
  await seal.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
  await seal.getByLabel('The same passphrase again').fill('correct horse batter');
  await expect(seal).toContainText('The two passphrases differ');
  await expect(seal.getByRole('button', { name: 'Seal the copy' })).toBeDisabled();
  await seal.getByLabel('The same passphrase again').fill('correct horse battery');
  await seal.getByRole('button', { name: 'Seal the copy' }).click();
  await expect(seal.getByRole('alert')).toContainText(`Wrote the sealed copy to ${host.workspace}.sealed`);
  await seal.getByRole('button', { name: 'Close' }).click();

  await workspaceMenu(page, 'Open a sealed copy…');
  const unseal = page.getByRole('dialog', { name: 'Open a sealed copy' });
  await unseal.getByRole('list').getByRole('button', { name: /demo\.interlock\.sealed/ }).click();
  const target = join(folder, 'demo.interlock');
  // The workspace itself is there: the target must be a new file.
  await unseal.getByLabel('Open into (a workspace file)').fill(join(folder, 'carried.interlock'));
  await unseal.getByLabel('Passphrase').fill('wrong horse battery');
  await unseal.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(unseal.getByLabel('Passphrase')).toHaveAttribute('aria-invalid', 'true');
  await expect(unseal).toContainText(/passphrase/i);
  await page.screenshot({ path: `${SHOTS}/unseal-wrong.png`, animations: 'disabled' });
  expect(existsSync(join(folder, 'carried.interlock'))).toBe(false);
  expect(existsSync(target)).toBe(true);

  await unseal.getByLabel('Passphrase').fill('correct horse battery');
  await unseal.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(unseal).toBeHidden();
  await expect(page.getByText(`File ${join(folder, 'carried.interlock')}`)).toBeVisible();
  await expect(page.getByTestId('count-items')).toContainText('2,500');
});

test('the Workspace dialogs in the dark theme at 1280×720', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await workspaceMenu(page, 'Save a sealed copy…');
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.screenshot({ path: `${SHOTS}/seal-dark-1280.png`, animations: 'disabled' });
  await expect(page.getByRole('dialog')).toContainText('At least 8 characters');
  // Taller than the window: the dialog's middle scrolls, its title and buttons stay in view.
  await expect(page.getByRole('button', { name: 'Seal the copy' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('heading', { name: 'Save a sealed copy' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await workspaceMenu(page, 'Open…');
  await page.screenshot({ path: `${SHOTS}/chooser-dark-1280.png`, animations: 'disabled' });
});

test('an anonymised or unsealed copy onto an existing workspace asks “Replace …?” as Save As does; a damaged file is refused up front, in view at 1280×720', async ({ page, host }) => {
  const folder = dirname(host.workspace);
  const api = async (channel: string, data: unknown) => {
    const answer = await (await page.request.post(`${host.origin}/api/invoke/${channel}`, { headers: { 'x-interlock-token': host.token }, data })).json();
    expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    return answer.value;
  };
  const clientB = join(folder, 'client-b.interlock');
  await api('workspace.create', { path: clientB, name: 'Client B portfolio' });
  await api('workspace.open', { path: host.workspace });
  await api('workspace.seal', { path: join(folder, 'demo.sealed'), passphrase: 'correct horse battery' });
  // Its header is a workspace's, its pages are not.
  const damaged = join(folder, 'damaged.interlock');
  // Pages of work items, past the header and the meta table, which a look at the file reads.
  const bytes = readFileSync(DEMO_TEMPLATE);
  bytes.fill(0x55, 4096 * 300, 4096 * 306);
  writeFileSync(damaged, bytes);

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await workspaceMenu(page, 'Save an anonymised copy…');
  const anonymise = page.getByRole('dialog', { name: 'Save an anonymised copy' });
  await anonymise.getByTestId('chooser-path').fill(damaged);
  await anonymise.getByRole('button', { name: 'Save the anonymised copy' }).click();
  const refusal = anonymise.getByText(`Not replaced: ${damaged} is damaged`);
  await expect(refusal).toBeInViewport();
  await expect(page.getByRole('dialog', { name: /^Replace/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/anonymise-onto-damaged-dark-1280.png`, animations: 'disabled' });

  await anonymise.getByTestId('chooser-path').fill(clientB);
  await anonymise.getByLabel('Name of the copy').fill('Client X');
  await anonymise.getByRole('button', { name: 'Save the anonymised copy' }).click();
  const ask = page.getByRole('dialog', { name: 'Replace “Client B portfolio”?' });
  await expect(ask).toContainText('an anonymised copy of “Interlock demo”');
  await page.screenshot({ path: `${SHOTS}/anonymise-replace-dark-1280.png`, animations: 'disabled' });
  await ask.getByRole('button', { name: 'Keep it' }).click();
  expect((await api('workspace.inspect', { path: clientB })).name).toBe('Client B portfolio');
  await anonymise.getByRole('button', { name: 'Save the anonymised copy' }).click();
  await page.getByRole('dialog', { name: 'Replace “Client B portfolio”?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(anonymise.getByRole('alert')).toContainText(`Wrote “Client X” to ${clientB}`);
  await anonymise.getByRole('button', { name: 'Close' }).click();

  await workspaceMenu(page, 'Open a sealed copy…');
  const unseal = page.getByRole('dialog', { name: 'Open a sealed copy' });
  await unseal.getByRole('list').getByRole('button', { name: /demo\.sealed/ }).click();
  await unseal.getByLabel('Passphrase').fill('correct horse battery');
  const into = unseal.getByLabel('Open into (a workspace file)');
  await into.fill(damaged);
  await unseal.getByRole('button', { name: 'Open', exact: true }).click();
  // Said under the field it is about, not under the sealed file's.
  await expect(into).toHaveAttribute('aria-invalid', 'true');
  await expect(unseal.getByTestId('chooser-path')).toHaveAttribute('aria-invalid', 'false');
  await expect(unseal.getByText(`Not replaced: ${damaged} is damaged`)).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/unseal-into-damaged-dark-1280.png`, animations: 'disabled' });

  await into.fill(clientB);
  await unseal.getByRole('button', { name: 'Open', exact: true }).click();
  const askUnseal = page.getByRole('dialog', { name: 'Replace “Client X”?' });
  await expect(askUnseal).toContainText('the workspace in the sealed copy');
  await askUnseal.getByRole('button', { name: 'Replace' }).click();
  await expect(unseal).toBeHidden();
  await expect(page.getByText(`File ${clientB}`)).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
});
