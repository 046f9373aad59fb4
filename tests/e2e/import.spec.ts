import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startHostProcess, type HostProcess } from '../support/host-process';

// Its own host (fresh state folder, so a fresh demo workspace): this test changes the data.
let host: HostProcess;
test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host?.stop();
});

/** These tests import into the demo on purpose: answer the question asked first. */
async function intoTheDemo(page: Page) {
  await page.getByRole('dialog', { name: 'Import into the demo?' }).getByRole('button', { name: /The demo itself/ }).click();
}

const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'jira', 'jira-with-errors.csv');

test('import a Jira CSV through the file chooser: preview, row errors, confirm, counts change', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await expect(page.getByTestId('count-items')).toContainText('2,500');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  // The file's controls stand on one line with one top edge (the fields' outlines, not their text);
  // the team column's help hangs below.
  const tops = await Promise.all(
    [page.getByRole('button', { name: 'Choose files…' }), page.getByRole('textbox', { name: 'Team column (optional)' }).locator('..'), page.getByRole('combobox', { name: 'Dates like 01/02/24' }).locator('..')].map(
      async (control) => (await control.boundingBox())!.y,
    ),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(4);

  await page.getByTestId('import-file-input').setInputFiles(FIXTURE);
  await intoTheDemo(page);
  const summary = page.getByTestId('preview-summary');
  await expect(summary).toContainText('Ready to import 6 work items, 1 dependency');
  await expect(summary).toContainText('2 rows are rejected');
  await expect(page.getByTestId('import-file')).toContainText('Jira CSV export');
  await expect(page.getByRole('table', { name: 'Work items' })).toContainText('Synonyms for "trainers"');
  await page.screenshot({ path: 'test-results/screenshots/import-preview.png', fullPage: true });

  await page.getByRole('tab', { name: /Problems/ }).click();
  const problems = page.getByRole('table', { name: 'Problems found in the files' });
  const badDate = problems.getByRole('row').filter({ hasText: '31/Feb/24 9:00 AM' });
  await expect(badDate).toContainText('jira-with-errors.csv');
  await expect(badDate.getByRole('cell').nth(2)).toHaveText('4');
  await expect(badDate).toContainText('Created');
  await expect(problems.getByRole('row').filter({ hasText: 'Issue key is empty' }).getByRole('cell').nth(2)).toHaveText('7');
  await expect(problems).toContainText('FND-4 is finished (2024-03-02) before it was created (2024-03-14)');
  await page.screenshot({ path: 'test-results/screenshots/import-problems.png', fullPage: true });

  await page.getByRole('button', { name: 'Import 7 records' }).click();
  await expect(page.getByTestId('import-done')).toContainText('Imported 6 work items, 1 dependency');
  await expect(page.getByTestId('import-done')).toContainText('gained 6 work items, 1 dependency');
  await expect(page.getByRole('table', { name: 'Past imports' })).toContainText('jira-with-errors.csv');
  // When it was imported is the person's own time, so its zone is said (the data's dates are UTC).
  await expect(page.getByRole('table', { name: 'Past imports' }).getByRole('row').nth(1).getByRole('cell').first()).toContainText(/\d{2}:\d{2}( [AP]M)? (UTC|GMT[+-−]?[\d:]*|[A-Z]{3,5})$/);
  await page.screenshot({ path: 'test-results/screenshots/import-done.png', fullPage: true });

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByTestId('count-items')).toContainText('2,506');
  await page.screenshot({ path: 'test-results/screenshots/import-overview-after.png' });
});

test('a status category changed on the Import page is re-applied to the workspace', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  const mapping = page.getByRole('table', { name: 'Status to category mapping' });
  const inReview = mapping.getByRole('row').filter({ hasText: 'In Review' }).first();
  await expect(inReview).toContainText('active');
  await inReview.getByRole('combobox').click();
  await page.getByRole('option', { name: 'waiting' }).click();
  await expect(inReview).toContainText('chosen by you');
  await expect(inReview.getByRole('combobox')).toHaveText('waiting');
  await page.screenshot({ path: 'test-results/screenshots/import-status-map.png', fullPage: true });
  // On a projector: the same page in the dark theme.
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByTestId('import-file-input').setInputFiles(resolve(import.meta.dirname, '..', 'fixtures', 'import', 'stages', 'stage-dates.csv'));
  await intoTheDemo(page);
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import 4 work items, 16 status changes');
  await expect(page.getByText('Choose files…')).not.toHaveClass(/Mui-disabled/);
  await page.screenshot({ path: 'test-results/screenshots/import-preview-dark.png' });
});

test('a bundle the import would refuse whole (a plan row naming no item) cannot be imported from its preview, which says why', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'interlock-e2e-')), 'plan-bundle.json');
  writeFileSync(path, JSON.stringify({ teams: [{ key: 'ninth', name: 'Ninth team', valueStream: null }], plan: [{ increment: 'PI 26.4', iteration: 'Iteration 1', team: 'checkout', item: 'TYPO-1' }] }));
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(path);
  await intoTheDemo(page);
  const summary = page.getByTestId('preview-summary');
  await expect(summary).toContainText('These files cannot be imported as they are');
  await expect(summary).toContainText('TYPO-1');
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
});

test('iterations that overlap: the preview’s summary says where (file and line) and why, the Problems tab gives the place in its columns and the reason once', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-e2e-'));
  const increments = join(dir, 'increments.csv');
  const iterations = join(dir, 'iterations.csv');
  writeFileSync(increments, 'name,start,end,capacity_unit\nPI 30.1,2030-01-07,2030-03-03,items\n');
  writeFileSync(iterations, 'increment,name,start,end,team\nPI 30.1,Iteration 1,2030-01-07,2030-01-20,\nPI 30.1,Iteration 2,2030-01-14,2030-02-03,\n');
  const overlap = 'Iteration 2 (2030-01-14 – 2030-02-03) overlaps Iteration 1 (2030-01-07 – 2030-01-20).';
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles([increments, iterations]);
  await intoTheDemo(page);
  const summary = page.getByTestId('preview-summary');
  await expect(summary).toContainText('These files cannot be imported as they are');
  await expect(summary).toContainText(`iterations.csv, line 3: ${overlap}`);
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.getByRole('tab', { name: /Problems/ }).click();
  const row = page.getByRole('table', { name: 'Problems found in the files' }).getByRole('row').filter({ hasText: 'overlaps' });
  await expect(row.getByRole('cell')).toHaveText(['Rejected', 'iterations.csv', '3', 'start', '2030-01-14', overlap]);
});

test('a file of unknown columns: choose the format, map the columns, preview again', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'interlock-e2e-')), 'tracker-export.csv');
  writeFileSync(path, 'Ref,Headline,Kind,State,Opened\nMAP-1,Mapped by hand,story,Doing,2024-03-01\n');
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(path);
  await intoTheDemo(page);
  await expect(page.getByTestId('import-file')).toContainText('Format not recognised');
  await expect(page.getByTestId('preview-summary')).toContainText('cannot be imported');

  await page.getByLabel('Read as').click();
  await page.getByRole('option', { name: /Interlock template/ }).click();
  await page.getByRole('button', { name: 'Preview again' }).click();
  const columns = page.getByRole('region', { name: 'Columns of tracker-export.csv' });
  await expect(columns).toBeVisible();
  for (const [field, header] of [['key *', 'Ref'], ['title', 'Headline'], ['type *', 'Kind'], ['status *', 'State'], ['created_at *', 'Opened']]) {
    await columns.getByLabel(field, { exact: true }).click();
    await page.getByRole('option', { name: header, exact: true }).click();
  }
  await page.screenshot({ path: 'test-results/screenshots/import-column-mapping.png', fullPage: true });
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import 1 work item');
  await expect(page.getByRole('table', { name: 'Work items' })).toContainText('Mapped by hand');
});

test('two files of one name chosen together: each named apart, and a format chosen for the second is the second’s', async ({ page }) => {
  const header = 'key,title,type,team,status,status_category,created_at,first_active_at,done_at,parent,objectives';
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  // A browser hands over names, never folders: the second is numbered.
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nTWIN-1,Recognised,story,checkout,To Do,todo,2024-03-01T09:00:00Z,,,,\n`) },
    { name: 'export.csv', mimeType: 'text/csv', buffer: Buffer.from('Ref,Headline,Kind,State,Opened\nTWIN-2,Mapped by hand,story,Doing,2024-03-01\n') },
  ]);
  await intoTheDemo(page);
  const first = page.getByRole('region', { name: 'export.csv', exact: true });
  const second = page.getByRole('region', { name: 'export.csv (2)', exact: true });
  await expect(first).not.toContainText('Format not recognised');
  await expect(first).toContainText('1 row · ');
  await expect(second).toContainText('Format not recognised');

  await second.getByLabel('Read as').click();
  await page.getByRole('option', { name: /Interlock template/ }).click();
  await page.getByRole('button', { name: 'Preview again' }).click();
  const columns = page.getByRole('region', { name: 'Columns of export.csv (2)' });
  for (const [field, value] of [['key *', 'Ref'], ['title', 'Headline'], ['type *', 'Kind'], ['status *', 'State'], ['created_at *', 'Opened']]) {
    await columns.getByLabel(field, { exact: true }).click();
    await page.getByRole('option', { name: value, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import 2 work items');
  await page.screenshot({ path: 'test-results/screenshots/import-same-names.png', fullPage: true });
  await expect(page.getByRole('table', { name: 'Work items' })).toContainText('Mapped by hand');
  await expect(page.getByRole('table', { name: 'Work items' })).toContainText('Recognised');
});

test('Interlock stopping mid-import says so, and that an import is all or nothing, not that it could not start', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'interlock-stop-')), 'teams.csv');
  writeFileSync(path, 'Key,Name,Value stream\nstop-team,Stop Team,Stream S\n');
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles(path);
  await intoTheDemo(page);
  await expect(page.getByTestId('preview-summary')).toContainText('Ready to import');
  // The job starts; then Interlock answers no more (as when its process is killed).
  await page.route('**/api/invoke/import.progress', (route) => route.abort('connectionrefused'));
  await page.getByRole('button', { name: /^Import \d+ record/ }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'Interlock stopped answering during the import' });
  await expect(notice).toContainText('Interlock is not reachable');
  await expect(notice).toContainText('An import is all or nothing: unless it had finished, nothing of it was written');
  await expect(page.getByText('The import could not start')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/import-host-stopped.png', animations: 'disabled' });
  await page.unroute('**/api/invoke/import.progress');
});
