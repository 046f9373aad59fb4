import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tablesOverflow } from './overflow';

async function openForecast(page: Page, url: string, options: { dark?: boolean } = {}) {
  await page.goto(url);
  if (options.dark) {
    await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
  }
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Forecast' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
}

const marks = (page: Page) => page.locator('[data-chart="forecast-histogram"] svg path').count();

test('the Forecast page: how many by a date, the histogram with its confidence lines, provenance and backtest', async ({ page, host }) => {
  await openForecast(page, host.url);
  await expect(page.getByTestId('forecast-p85')).toContainText(/^85 % sure\d+ itemsor more, in at least 85 % of trials$/);
  await expect(page.getByTestId('forecast-provenance')).toContainText('10,000 trials · seed 1');
  // The demo's data ends 2026-11-15: the forecast starts the next day and samples the last 84 days.
  await expect(page.getByTestId('forecast-provenance')).toContainText(/History 2026-08-24 – 2026-11-15: 84 days sampled, \d+ items done/);
  await expect(page.getByTestId('forecast-provenance')).toContainText('forecast from 2026-11-16');
  // Nothing chosen in a scope picker reads "All" under its label, not a blank field.
  const scope = page.getByRole('region', { name: 'Scope and window' });
  await expect(scope.locator('[data-shrink]', { hasText: /^Teams$/ })).toHaveAttribute('data-shrink', 'true');
  await expect(page.getByTestId('picker-teams')).toHaveAttribute('placeholder', 'All');
  expect(await page.getByTestId('picker-teams').evaluate((input) => getComputedStyle(input, '::placeholder').opacity)).not.toBe('0');
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
  await expect(page.getByTestId('forecast-p85')).toContainText(/^85 % sure[A-Z][a-z]{2} \d{1,2}, \d{4}or sooner, in at least 85 % of trials$/);
  await page.getByRole('button', { name: 'Another seed' }).click();
  await expect(page).toHaveURL(/seed=\d+/);
  const seed = new URL(page.url().replace('#/forecast', '')).searchParams.get('seed');
  await expect(page.getByTestId('forecast-provenance')).toContainText(`seed ${seed} ·`);
  // The backtest answers after the forecast (the last seed's stays shown while it runs).
  await expect(page.getByRole('progressbar', { name: 'Running the backtest' })).toBeHidden();
  const before = await page.getByTestId('forecast-p85').textContent();
  const backtest = await page.getByTestId('backtest-85').textContent();
  await page.reload();
  await expect(page.getByTestId('forecast-provenance')).toContainText(`seed ${seed} ·`);
  await expect(page.getByTestId('forecast-p85')).toHaveText(before!);
  await expect(page.getByTestId('backtest-85')).toHaveText(backtest!);
  await expect(page.getByTestId('table-backtest-runs').getByRole('row')).not.toHaveCount(0);
});

test('a start typed within the data is answered with a warning that those days already happened, above the answers', async ({ page, host }) => {
  await openForecast(page, host.url);
  await expect(page.getByTestId('forecast-provenance')).toContainText('forecast from 2026-11-16');
  await expect(page.getByTestId('forecast-start-in-data')).toHaveCount(0);
  await page.getByLabel('Start').fill('2026-11-02');
  await expect(page.getByTestId('forecast-provenance')).toContainText('forecast from 2026-11-02');
  await expect(page.getByTestId('forecast-start-in-data')).toHaveText(
    'The forecast starts on 2026-11-02, before the data ends (2026-11-15): its first 14 days (2026-11-02 – 2026-11-15) are already in the data, and the history it draws from holds them, so it is no test of the forecast. To see how the forecast would have done, use the backtest; to forecast, start after 2026-11-15.',
  );
  await page.screenshot({ path: 'test-results/screenshots/forecast-start-in-data.png' });
  await page.getByLabel('Start').fill('2026-11-20');
  await expect(page.getByTestId('forecast-provenance')).toContainText('forecast from 2026-11-20');
  await expect(page.getByTestId('forecast-start-in-data')).toHaveCount(0);
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
  // The backtest runs' four columns fit their side column, the last ("held?") included.
  await expect(page.getByRole('table', { name: 'Backtest runs' })).toBeVisible();
  const overflow = await tablesOverflow(page.locator('table'));
  expect(overflow.filter((o) => !o.endsWith(': 0')), overflow.join('; ')).toEqual([]);
});

async function openPlanConfidence(page: Page, url: string, options: { dark?: boolean } = {}) {
  await page.goto(url);
  if (options.dark) {
    await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
  }
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByTestId('program-board').getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Confidence' }).click();
  await expect(page.getByTestId('confidence-provenance')).toContainText('10,000 trials · seed 1', { timeout: 60_000 });
}

test('plan confidence: the increment’s odds, objectives, features and items, suggestions that change nothing', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openPlanConfidence(page, host.url);
  await expect(page.getByTestId('confidence-all-planned')).toContainText(/\d+\s%/);
  await expect(page.getByTestId('confidence-provenance')).toContainText('History 2026-08-24 – 2026-11-15 (84 days) per team');
  // The current increment started before the data ends: worked from the day after the data.
  await expect(page.getByTestId('confidence-provenance')).toContainText('simulated from 2026-11-16, the day after the data');
  const objectives = page.getByTestId('table-objective-odds');
  await expect(objectives.getByRole('row').nth(1)).toContainText('%');
  await expect(page.getByTestId('table-item-odds').getByRole('row').nth(1)).toContainText(/\d+\s%/);
  await expect(page.getByTestId('table-team-odds').getByRole('row').nth(1)).toContainText(/\d+\s%/);
  // A suggestion never changes the objective: it is still committed on the Objectives tab.
  const suggested = await page.getByTestId('confidence-suggested').locator('p').nth(1).textContent();
  if (Number(suggested) > 0) await expect(page.getByTestId('confidence-suggestions')).toContainText('nothing is changed unless you change it');
  await page.screenshot({ path: 'test-results/screenshots/plan-confidence.png', fullPage: true });
  // Its CSVs are named by the increment as the board's are, and hold figures of 4 decimals, not float noise.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Planned items as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pi-26-4-confidence-planned-items.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\n')[0]).toContain('Dependency cost,Dependency cost within noise,Costliest dependency');
  expect(csv).not.toMatch(/\d\.\d{5,}/);

  // The board's lines coloured by the provider's on-time odds, with a legend.
  await page.getByRole('tab', { name: 'Program board' }).click();
  await page.getByText('Colour lines by on-time odds').click();
  await expect(page).toHaveURL(/odds=lines/);
  await expect(page.getByTestId('odds-legend')).toContainText('85 % or more');
  await expect(page.locator('[data-testid="dependency-lines"] g[data-on-time]').first()).toBeAttached({ timeout: 60_000 });
  const odds = await page.locator('[data-testid="dependency-lines"] g[data-on-time]').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-on-time'))));
  for (const p of odds) expect(p >= 0 && p <= 100).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/plan-lines-odds.png' });
});

test('plan confidence in the dark theme at 1280×720', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanConfidence(page, host.url, { dark: true });
  await expect(page.getByTestId('table-objective-odds')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/plan-confidence-dark.png' });
  // Every table fits the page at a projector's width: keys stay whole, dates and text wrap.
  const overflow = await tablesOverflow(page.locator('table'));
  expect(overflow.length).toBeGreaterThan(0);
  expect(overflow.filter((o) => !o.endsWith(': 0')), overflow.join('; ')).toEqual([]);
});

// The room could not follow it: dependencies named by key alone ("Costliest dependency DEP-316",
// "Not simulated: DEP-105 …"), work due before the first simulated day at 0 % with no reason, and
// nothing said of what the simulation assumes.
test('presented at 1280×720 in the dark theme, plan confidence names each dependency by who waits on whom, says why past-due work is 0 %, and states its assumptions', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlanConfidence(page, host.url, { dark: true });
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await expect(page.getByTestId('confidence-assumptions')).toHaveText(
    'Assumed: each item counts as one (its planned size is not used); a team ahead of plan pulls later iterations’ work early.',
  );
  await expect(page.getByTestId('confidence-assumptions')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-assumptions-dark.png' });

  const items = page.getByTestId('table-item-odds');
  const costliest = items.locator('tbody tr td:last-child');
  const named = (await costliest.allTextContents()).filter((t) => t !== '–');
  expect(named.length).toBeGreaterThan(0);
  for (const text of named) expect(text).toMatch(/^\S+: .+ waits on .+ \(in \d+\s%\sof late trials\)$/);
  await expect(page.getByTestId('confidence-ignored')).toContainText(/Not simulated: \S+: .+ waits on .+ \(/);

  // The demo plans PLT-155 and PLT-36 in an iteration that ends the day before the simulation starts.
  const why = items.getByTestId('odds-why');
  await expect(why.first()).toHaveText('due before the simulation starts');
  const zeroRow = items.locator('tbody tr', { has: page.getByTestId('odds-why') });
  await expect(zeroRow.first()).toContainText('0 %');
  await zeroRow.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-items-dark.png' });
  await items.locator('tbody tr', { hasText: 'waits on' }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-costliest-dark.png' });
  await page.getByTestId('confidence-ignored').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-ignored-dark.png' });
});
