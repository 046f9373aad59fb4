import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * On the Delivery page: a person says the first listed incident was caused by no deployment, and
 * the table shows it as set by a person. Returns the incident's key.
 */
export async function markFirstIncidentNoChangeFailure(page: Page): Promise<string> {
  const table = page.getByTestId('table-incidents');
  const firstRow = table.getByRole('row').nth(1);
  const key = (await firstRow.getByRole('cell').first().textContent())!;
  await firstRow.getByRole('button', { name: `Change what caused ${key}` }).click();
  const dialog = page.getByRole('dialog', { name: `Which deployment caused ${key}?` });
  await dialog.getByLabel('No deployment caused it (not a change failure)').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: new RegExp(`^${key} `) })).toContainText('set by a person');
  return key;
}
