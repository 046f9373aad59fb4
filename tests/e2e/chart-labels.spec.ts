import type { Page } from '@playwright/test';
import { DELIVERY_CHARTS, FLOW_CHARTS } from '../../renderer/src/charts/chart-names';
import { expect, test } from './fixtures';
import { overlappingLabels, xTickLabels } from './label-overlap';
import { settle, useDarkTheme } from './room';

// No chart label is drawn over another: percentile lines with close values, status columns with
// long names, date axes of a short window, the forecast's histogram; at a desk (1440×900, light),
// on a projector (1280×720, dark) and presented (the room's larger type).

const TIME_CHARTS = ['throughput', 'cycle-time-scatter', 'cumulative-flow', 'wip', 'flow-distribution'];

async function drawn(page: Page, mark: string) {
  await expect.poll(() => page.evaluate((n) => performance.getEntriesByName(n).length, mark), { timeout: 30_000 }).toBeGreaterThan(0);
  await settle(page);
}

interface View {
  name: string;
  width: number;
  height: number;
  dark: boolean;
  present: boolean;
}

/** Opens `route` as `view` shows it, waits for `ready`, and presents it (F5) when the view is presented. */
async function openAs(page: Page, url: string, view: View, route: string, ready: () => Promise<void>) {
  await page.setViewportSize({ width: view.width, height: view.height });
  await page.goto(url);
  await useDarkTheme(page, view.dark);
  await page.evaluate(() => performance.clearMarks());
  await page.goto(`${url}#${route}`);
  await ready();
  if (!view.present) return;
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await settle(page);
}

const slug = (view: View) => view.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

async function expectNoOverlap(page: Page, charts: readonly string[], view: string) {
  for (const chart of charts) expect(await overlappingLabels(page, chart), `${view}: ${chart}`).toEqual([]);
}

for (const view of [
  { name: 'desk, light, 1440×900', width: 1440, height: 900, dark: false, present: false },
  { name: 'projector, dark, 1280×720', width: 1280, height: 720, dark: true, present: false },
  { name: 'presented, dark, 1280×720', width: 1280, height: 720, dark: true, present: true },
]) {
  test(`Flow, four weeks of one team (p85 18.9 d, p95 20.8 d): no label over another, ${view.name}`, async ({ page, host }) => {
    // Four weeks and the four before: eight weekly ticks on the time axes.
    await openAs(page, host.url, view, '/flow?teams=basket&from=2026-10-19&to=2026-11-15', async () => {
      await drawn(page, 'interlock:flow-charts-drawn');
      await expect(page.getByText(/^Basket · all item types/)).toBeVisible();
    });
    // Both percentile labels are there, each whole and apart.
    const scatter = page.locator('[data-chart="cycle-time-scatter"] svg');
    await expect(scatter.locator('text', { hasText: /^p95 / })).toHaveCount(1);
    await expect(scatter.locator('text', { hasText: /^p85 / })).toHaveCount(1);
    await expectNoOverlap(page, [...TIME_CHARTS, 'ageing-wip'], view.name);
    // Still more than a lone date under each time axis.
    for (const chart of TIME_CHARTS) expect((await xTickLabels(page, chart)).length, `${view.name}: ${chart} ticks`).toBeGreaterThanOrEqual(3);
    await page.locator('[data-chart="cycle-time-scatter"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/chart-labels-flow-${slug(view)}.png` });
    await page.locator('[data-chart="ageing-wip"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/chart-labels-ageing-${slug(view)}.png` });
    // The Delivery page's tiles, same scope: their date axes too.
    if (view.present) await page.keyboard.press('Escape');
    await openAs(page, host.url, view, '/delivery?teams=basket&from=2026-10-19&to=2026-11-15', () => drawn(page, 'interlock:delivery-charts-drawn'));
    await expectNoOverlap(page, DELIVERY_CHARTS, `${view.name}, Delivery`);
    const ticks = await xTickLabels(page, 'dora-deployment-frequency');
    expect(ticks.length, `${view.name}: deployment frequency ticks`).toBeGreaterThanOrEqual(3);
    // The last date whole inside its tile, not cut at the edge.
    const tile = page.locator('[data-chart="dora-deployment-frequency"] svg').first();
    const edge = await tile.evaluate((svg) => ({ right: svg.getBoundingClientRect().right, labels: Math.max(...Array.from(svg.querySelectorAll('text')).map((t) => t.getBoundingClientRect().right)) }));
    expect(edge.labels, view.name).toBeLessThanOrEqual(edge.right + 0.5);
    await page.screenshot({ path: `test-results/screenshots/chart-labels-delivery-${slug(view)}.png`, fullPage: true });
  });

  test(`Ageing WIP of the whole demo: status columns ("In Progress", "Ready for Test") apart, ${view.name}`, async ({ page, host }) => {
    await openAs(page, host.url, view, '/flow', () => drawn(page, 'interlock:flow-charts-drawn'));
    const ageing = page.locator('[data-chart="ageing-wip"]');
    await ageing.scrollIntoViewIfNeeded();
    await expectNoOverlap(page, FLOW_CHARTS, view.name);
    // A name wrapped or cut keeps its full name as the label's tooltip.
    await expect(ageing.locator('svg text title', { hasText: 'Ready for Test' })).toHaveCount(1);
    await expect(ageing.locator('svg text title', { hasText: 'In Progress' })).toHaveCount(1);
    await page.screenshot({ path: `test-results/screenshots/chart-labels-demo-ageing-${slug(view)}.png` });
  });

  test(`Forecast, when will 100 items be done: a date under several bars, bars side by side, ${view.name}`, async ({ page, host }) => {
    await openAs(page, host.url, view, '/forecast?n=100&q=when', async () => {
      await expect(page.getByTestId('forecast-p85')).toContainText(/or sooner/);
      await settle(page);
    });
    const chart = page.locator('[data-chart="forecast-histogram"]');
    await chart.scrollIntoViewIfNeeded();
    expect((await xTickLabels(page, 'forecast-histogram')).length, view.name).toBeGreaterThanOrEqual(3);
    await expectNoOverlap(page, ['forecast-histogram'], view.name);
    // Each bar ends where the next begins, or before.
    const bars = await chart.locator('svg path').evaluateAll((paths) =>
      paths
        .filter((p) => (p.getAttribute('style') ?? '').includes('fill') && !(p.getAttribute('style') ?? '').includes('fill: none'))
        .map((p) => p.getBoundingClientRect())
        .filter((r) => r.width > 0 && r.height > 0)
        .map((r) => ({ left: r.left, right: r.right }))
        .sort((a, b) => a.left - b.left),
    );
    expect(bars.length, view.name).toBeGreaterThan(4);
    const overlaps = bars.slice(1).map((b, i) => bars[i]!.right - b.left).filter((o) => o > 0.5);
    expect(overlaps, `${view.name}: bars overlapping their neighbours by px`).toEqual([]);
    await chart.screenshot({ path: `test-results/screenshots/chart-labels-forecast-${slug(view)}.png` });
  });
}
