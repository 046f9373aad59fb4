import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openForecast(page: Page, url: string, options: { dark?: boolean } = {}) {
  await page.goto(url);
  if (options.dark) {
    await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
  }
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
}

const marks = (page: Page) => page.locator('[data-chart="forecast-histogram"] svg path').count();

test('the Forecast page: how many by a date, the histogram with its confidence lines, provenance and backtest', async ({ page, host }) => {
  await openForecast(page, host.url);
  await expect(page.getByTestId('forecast-p85')).toContainText('items or more');
  await expect(page.getByTestId('forecast-provenance')).toContainText('10,000 trials · seed 1');
  // The demo's data ends 2026-11-15: the forecast starts the next day and samples the last 84 days.
  await expect(page.getByTestId('forecast-provenance')).toContainText(/History 2026-08-24 – 2026-11-15: 84 days sampled, \d+ items done/);
  await expect(page.getByTestId('forecast-provenance')).toContainText('forecast from 2026-11-16');
  const drawn = await marks(page);
  expect(drawn).toBeGreaterThan(4);
  expect(drawn).toBeLessThanOrEqual(2000);
  await expect(page.getByTestId('backtest-85')).toContainText(/The 85 % forecast held in \d+ of \d+ backtests/);
  // The 85 % answer is at most the 50 % one: more certainty, fewer items.
  const number = async (id: string) => Number((await page.getByTestId(id).locator('p').nth(1).textContent())!.match(/\d+/)![0]);
  expect(await number('forecast-p85')).toBeLessThanOrEqual(await number('forecast-p50'));
  await page.screenshot({ path: 'test-results/screenshots/forecast.png', fullPage: true });
});

test('when will N be done: the question, its number and the seed live in the address, so a reload answers the same', async ({ page, host }) => {
  await openForecast(page, host.url);
  await page.getByRole('button', { name: 'When will N be done' }).click();
  await page.getByTestId('forecast-items').fill('60');
  await expect(page).toHaveURL(/#\/forecast\?n=60&q=when$/);
  await expect(page.getByTestId('forecast-p85')).toContainText(/^85 % sureby /);
  await page.getByRole('button', { name: 'Another seed' }).click();
  await expect(page).toHaveURL(/seed=\d+/);
  const seed = new URL(page.url().replace('#/forecast', '')).searchParams.get('seed');
  await expect(page.getByTestId('forecast-provenance')).toContainText(`seed ${seed} ·`);
  const before = await page.getByTestId('forecast-p85').textContent();
  const backtest = await page.getByTestId('backtest-85').textContent();
  await page.reload();
  await expect(page.getByTestId('forecast-provenance')).toContainText(`seed ${seed} ·`);
  await expect(page.getByTestId('forecast-p85')).toHaveText(before!);
  await expect(page.getByTestId('backtest-85')).toHaveText(backtest!);
  await expect(page.getByTestId('table-backtest-runs').getByRole('row')).not.toHaveCount(0);
});

test('the Forecast page in the dark theme at 1280×720, one team, business days', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openForecast(page, host.url, { dark: true });
  await page.getByTestId('picker-teams').click();
  await page.getByRole('option', { name: 'Checkout' }).click();
  await page.keyboard.press('Escape');
  await page.getByText('Business days').click();
  await expect(page).toHaveURL(/days=business/);
  await expect(page.getByTestId('forecast-provenance')).toContainText('business days sampled');
  expect(await marks(page)).toBeGreaterThan(4);
  await page.screenshot({ path: 'test-results/screenshots/forecast-dark.png', fullPage: true });
});
