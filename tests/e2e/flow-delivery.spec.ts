import type { Page } from '@playwright/test';
import { DELIVERY_CHARTS, FLOW_CHARTS } from '../../renderer/src/charts/chart-names';
import { apiTimings } from './api-timings';
import { expect, test } from './fixtures';
import { markFirstIncidentNoChangeFailure } from './incidents';
import { tablesOverflow } from './overflow';


/** Data marks Victory drew in a chart: bars, areas, lines and dots are all <path> elements. */
async function marksIn(page: Page, chart: string): Promise<number> {
  return page.locator(`[data-chart="${chart}"] svg path`).count();
}

async function open(page: Page, url: string, nav: string, dark = false) {
  await page.goto(url);
  if (dark) {
    await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
  }
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: nav }).click();
}

async function markSet(page: Page, name: string) {
  await expect.poll(() => page.evaluate((n) => performance.getEntriesByName(n).length, name), { timeout: 30_000 }).toBeGreaterThan(0);
}

test('the Flow page draws every chart from the demo workspace', async ({ page, host }) => {
  await open(page, host.url, 'Flow');
  await expect(page.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
  await markSet(page, 'interlock:flow-charts-drawn');
  for (const chart of FLOW_CHARTS) expect(await marksIn(page, chart), chart).toBeGreaterThan(0);
  await expect(page.getByTestId('figure-throughput')).toContainText('items');
  // Thousands are grouped as in the user's locale (the demo's active days run into thousands).
  await expect(page.getByTestId('figure-flow-efficiency')).toContainText(/active \d{1,3}(,\d{3})+\u00a0d of \d{1,3}(,\d{3})+\u00a0d/);
  await expect(page.getByTestId('table-oldest-wip').getByRole('row')).not.toHaveCount(0);
  // At a desktop's width too, neither long table scrolls sideways (side by side they did: 111 px).
  const overflow = await tablesOverflow(page.locator('[data-testid^="table-oldest"] table'));
  expect(overflow.length).toBe(2);
  expect(overflow.filter((o) => !o.endsWith(': 0')), overflow.join('; ')).toEqual([]);
  // The demo has a few items that took over 100 days: the scatter's axis stops short of them and says so.
  await expect(page.getByText(/28 items took longer than 60 d \(the longest 209 d\): drawn as triangles on the top edge/)).toBeVisible();
  // The dots are drawn as a few paths, not one element each; the tooltip still names the dot under the pointer.
  const scatter = page.locator('[data-chart="cycle-time-scatter"]');
  await scatter.scrollIntoViewIfNeeded();
  const box = (await scatter.boundingBox())!;
  await expect
    .poll(async () => {
      for (let i = 0; i < 10; i++) await page.mouse.move(box.x + box.width * (0.35 + i * 0.03), box.y + box.height * 0.55);
      return scatter.locator('svg text').filter({ hasText: /^[A-Z0-9]+-\d+ · / }).count();
    })
    .toBe(1);
  // The numbers behind a chart, reached by keyboard (its tooltips answer only a mouse).
  await page.getByRole('button', { name: 'Show Throughput data as a table' }).focus();
  await page.keyboard.press('Enter');
  const data = page.getByRole('table', { name: 'Throughput: data' });
  await expect(data.getByRole('columnheader').first()).toBeVisible();
  expect(await data.getByRole('row').count()).toBeGreaterThan(10);
  await page.screenshot({ path: 'test-results/screenshots/flow.png', fullPage: true });
});

test('"Compare with → Other dates…" starts from the period before, and a figure compared with chosen dates names them', async ({ page, host }) => {
  await open(page, host.url, 'Flow');
  const throughput = page.getByTestId('figure-throughput');
  await expect(throughput).toContainText('Period before:');
  const from = await page.getByLabel('From', { exact: true }).inputValue();
  const to = await page.getByLabel('To', { exact: true }).inputValue();
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.getByRole('option', { name: 'Other dates…' }).click();
  const day = 86_400_000;
  const days = (Date.parse(to) - Date.parse(from)) / day + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  await expect(page.getByLabel('Compare from')).toHaveValue(iso(Date.parse(from) - days * day));
  await expect(page.getByLabel('Compare to')).toHaveValue(iso(Date.parse(from) - day));
  // The same window as "the period before", so still called that.
  await expect(throughput).toContainText('Period before:');
  const earlier = iso(Date.parse(from) - (days + 14) * day);
  await page.getByLabel('Compare from').fill(earlier);
  await expect(throughput).toContainText(`${earlier} – ${iso(Date.parse(from) - day)}:`);
  await expect(throughput).not.toContainText('Period before');
});

test('the Flow page in the dark theme, narrowed to one team', async ({ page, host }) => {
  await open(page, host.url, 'Flow', true);
  await markSet(page, 'interlock:flow-charts-drawn');
  // The long tables with every team's items, as a projector shows them: ages right-aligned, rows ruled.
  await page.setViewportSize({ width: 1280, height: 720 });
  const table = page.getByTestId('table-oldest-wip');
  const age = table.locator('tbody tr').first().locator('td').last();
  expect(await age.evaluate((td) => getComputedStyle(td).textAlign)).toBe('right');
  expect(await age.evaluate((td) => getComputedStyle(td).borderBottomStyle)).toBe('solid');
  // Item keys stay whole: one line each, not "PLT-" above "177".
  const keys = table.locator('tbody tr td:first-child');
  expect(await keys.count()).toBeGreaterThan(0);
  const lines = await keys.evaluateAll((cells) =>
    cells.map((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return range.getClientRects().length;
    }),
  );
  expect(lines.every((n) => n === 1), `lines per key: ${lines.join(', ')}`).toBe(true);
  // At this width the two tables stand one above the other, each as wide as the page: no sideways scroll.
  const overflow = await tablesOverflow(page.locator('[data-testid^="table-oldest"] table'));
  expect(overflow.length).toBe(2);
  expect(overflow.filter((o) => !o.endsWith(': 0')), overflow.join('; ')).toEqual([]);
  await table.screenshot({ path: 'test-results/screenshots/flow-table-dark-1280.png' });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('picker-teams').click();
  await page.getByRole('option', { name: 'Cloud Platform' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/^Cloud Platform · all item types/)).toBeVisible();
  await expect(page.getByText(/^1 item took longer than 40 d \(the longest 209 d\)/)).toBeVisible();
  for (const chart of ['throughput', 'cycle-time-scatter', 'ageing-wip']) expect(await marksIn(page, chart), chart).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/flow-dark.png', fullPage: true });
});

test('the Flow page narrowed to a coordination group from the advisor', async ({ page, host }) => {
  await open(page, host.url, 'Flow');
  await markSet(page, 'interlock:flow-charts-drawn');
  await page.getByTestId('picker-coordinationGroups').click();
  await page.getByRole('option', { name: 'Basket, Checkout, Pricing and Promotions' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText(/^Checkout, Basket, Pricing, Promotions · all item types/)).toBeVisible();
  for (const chart of ['throughput', 'cycle-time-scatter']) expect(await marksIn(page, chart), chart).toBeGreaterThan(0);
  // The groups are only asked for when wanted; a reload that keeps the selection must wait for them
  // rather than draw the flow of no team at all.
  await page.reload();
  await expect(page.getByText(/^Checkout, Basket, Pricing, Promotions · all item types/)).toBeVisible();
  await expect(page.getByText(/^No teams/)).toHaveCount(0);
});

test('while the report is computed the Flow page draws its frames, and the charts come into those same frames', async ({ page, host }) => {
  // The report is held back until the frames have been checked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke/metrics.flow', async (route) => {
    await held;
    await route.continue();
  });
  await open(page, host.url, 'Flow');
  const throughput = page.getByRole('figure', { name: 'Throughput' });
  await expect(throughput).toHaveAttribute('aria-busy', 'true');
  await expect(throughput.getByText('Computing…')).toBeVisible();
  await expect(throughput.getByRole('button', { name: 'Export Throughput as PNG' })).toBeDisabled();
  await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(FLOW_CHARTS.length);
  await expect(page.getByTestId('figure-throughput')).toContainText('…');
  // Nothing is drawn yet, so the page has not said it has.
  expect(await page.evaluate(() => performance.getEntriesByName('interlock:flow-charts-drawn').length)).toBe(0);
  await page.screenshot({ path: 'test-results/screenshots/flow-computing.png' });
  // The same element gets the chart: the frame is kept (and its measured width), not drawn again.
  await throughput.evaluate((figure) => ((window as unknown as { heldFrame: Element }).heldFrame = figure));
  release();
  await markSet(page, 'interlock:flow-charts-drawn');
  await expect(page.locator('figure[aria-busy="true"]')).toHaveCount(0);
  expect(await throughput.evaluate((figure) => figure === (window as unknown as { heldFrame: Element }).heldFrame)).toBe(true);
  expect(await marksIn(page, 'throughput')).toBeGreaterThan(0);
  await expect(throughput.getByRole('button', { name: 'Export Throughput as PNG' })).toBeEnabled();
  await expect(page.getByTestId('figure-throughput')).toContainText('items');
  await expect(page.getByTestId('table-oldest-wip').getByRole('row')).not.toHaveCount(0);
});

test('opened directly on a Flow address, the app asks for the report once, as it starts, in the address’s scope', async ({ page, host }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/invoke/metrics.flow')) asked.push(r.postData() ?? '');
  });
  await page.goto(`${host.url}#/flow?compare=none&type=story`);
  await markSet(page, 'interlock:flow-charts-drawn');
  const subtitle = page.getByText(/^All teams · story · /);
  await expect(subtitle).toBeVisible();
  await expect(subtitle).not.toContainText('compared with');
  const calls = await apiTimings(page);
  // The start's call and the page's are one: the same input, the same query.
  expect(asked.map((body) => JSON.parse(body)), JSON.stringify(calls)).toEqual([{ itemTypes: ['story'], compare: 'none' }]);
  // Asked as the app started, before the page's own code was even requested: the page alone
  // would ask only once that code had arrived and drawn.
  expect(calls['metrics.flow']!.startTime, JSON.stringify(calls)).toBeLessThanOrEqual(calls['chunk:FlowPage']!.startTime);
  // A team chosen in the address: its teams are known only with the picker's options, so the page asks itself.
  asked.length = 0;
  await page.goto(`${host.url}#/flow?teams=checkout`);
  await markSet(page, 'interlock:flow-charts-drawn');
  await expect(page.getByText(/^Checkout · all item types/)).toBeVisible();
  expect(asked.map((body) => JSON.parse(body))).toEqual([{ teamKeys: ['checkout'], compare: 'previous' }]);
});

test('the Delivery page draws the four keys and lists incidents with their attribution', async ({ page, host }) => {
  await open(page, host.url, 'Delivery');
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery' })).toBeVisible();
  await markSet(page, 'interlock:delivery-charts-drawn');
  for (const chart of DELIVERY_CHARTS) expect(await marksIn(page, chart), chart).toBeGreaterThan(0);
  await expect(page.getByTestId('dora-bucket-deploymentFrequency')).toBeVisible();
  await expect(page.getByTestId('table-incidents').getByRole('row')).not.toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/delivery.png', fullPage: true });
});

test('the Delivery page in the dark theme with the 2021 benchmarks', async ({ page, host }) => {
  await open(page, host.url, 'Delivery', true);
  await markSet(page, 'interlock:delivery-charts-drawn');
  await page.getByRole('button', { name: 'DORA 2021' }).click();
  await expect(page.getByTestId('dora-rules-changeFailureRate')).toContainText('≤ 15 %');
  for (const chart of DELIVERY_CHARTS) expect(await marksIn(page, chart), chart).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screenshots/delivery-dark.png', fullPage: true });
  await page.getByRole('button', { name: 'DORA 2023' }).click();
});

test('a person corrects which deployment caused an incident, and can hand it back', async ({ page, host }) => {
  await open(page, host.url, 'Delivery');
  await markSet(page, 'interlock:delivery-charts-drawn');
  const table = page.getByTestId('table-incidents');
  const key = await markFirstIncidentNoChangeFailure(page);
  await page.screenshot({ path: 'test-results/screenshots/delivery-corrected.png' });

  await table.getByRole('button', { name: `Change what caused ${key}` }).click();
  await page.getByRole('dialog').getByLabel(/^Automatic/).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(table.getByRole('row', { name: new RegExp(`^${key} `) })).not.toContainText('set by a person');
});
