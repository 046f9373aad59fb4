import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tablesOverflow } from './overflow';

// The Coordination and Teams pages on the demo workspace, in a real browser against the real host.

test.describe.configure({ mode: 'serial' });

async function openCoordination(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Coordination' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coordination' })).toBeVisible();
}

test('each group is a card with its model, cues and reasons', async ({ page, host }) => {
  await openCoordination(page, host.url);
  const cards = page.getByTestId('group-card');
  await expect(cards).toHaveCount(3);
  await expect(page.locator('[data-testid="group-card"][data-model="team-of-teams"]')).toContainText('Basket, Checkout, Pricing and Promotions');
  await expect(page.locator('[data-testid="group-card"][data-model="scrum-of-scrums"]')).toContainText('Merchant Onboarding, Merchant Portal, Reporting and Settlements');
  const none = page.locator('[data-testid="group-card"][data-model="none"]');
  await expect(none).toContainText('Cloud Platform');
  await expect(none).toContainText('shared provider');
  const tot = page.locator('[data-testid="group-card"][data-model="team-of-teams"]');
  await expect(tot.getByText('High interdependence: cross-team dependency share 26.1 % ≥ 12 %.')).toBeVisible();
  await expect(tot.getByRole('table', { name: /Cues of/ })).toContainText('26.1 %');
  await expect(page.getByTestId('finding-bottleneck')).toContainText('11 teams wait on Cloud Platform');
  await page.screenshot({ path: 'test-results/screenshots/coordination-groups.png', fullPage: true });
});

test('the coupling map shows the graph, the matrix ordered by group and the trend', async ({ page, host }) => {
  await openCoordination(page, host.url);
  await page.getByRole('tab', { name: 'Coupling map' }).click();
  await expect(page.getByTestId('coupling-graph')).toBeVisible();
  await expect(page.getByTestId('graph-node')).toHaveCount(12);
  await expect(page.getByTestId('coupling-matrix')).toBeVisible();
  // 12 diagonal cells plus one cell per direction of every coupled pair.
  expect(await page.getByTestId('matrix-cell').count()).toBeGreaterThan(12 + 2 * 20);
  await expect(page.getByTestId('coupling-trend').locator('svg').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/coordination-map.png', fullPage: true });

  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 26)');
  await page.screenshot({ path: 'test-results/screenshots/coordination-map-dark.png', fullPage: true });
  await page.getByRole('tab', { name: 'Groups' }).click();
  // The tab's indicator slides for 300 ms: the picture is of where it comes to rest.
  await page.screenshot({ path: 'test-results/screenshots/coordination-groups-dark.png', fullPage: true, animations: 'disabled' });
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
});

test('declaring a forum changes congruence', async ({ page, host }) => {
  await openCoordination(page, host.url);
  await page.getByRole('tab', { name: 'Forums & congruence' }).click();
  await expect(page.getByTestId('congruence')).toContainText('No forums declared yet');
  await page.getByRole('button', { name: 'Declare it' }).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('forum-row')).toHaveCount(1);
  await expect(page.getByTestId('congruence')).toContainText('Your forums bring together 6 of the');
  await page.screenshot({ path: 'test-results/screenshots/coordination-forums.png', fullPage: true });
  // At a projector's width the pairs no forum covers sit in a narrow side column: whole, not clipped by their card.
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await tablesOverflow(page.getByRole('table', { name: 'Uncovered pairs' }))).toEqual(['Uncovered pairs: 0']);
  await page.getByRole('button', { name: /^Delete / }).click();
  await expect(page.getByTestId('forum-row')).toHaveCount(0);
});

test('what-if shows the effect of merging two teams without storing anything', async ({ page, host }) => {
  await openCoordination(page, host.url);
  await page.getByRole('tab', { name: 'What-if' }).click();
  // The tab is in the address: the router draws it after the click, not within it.
  await expect(page.getByRole('tab', { name: 'What-if' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Change', { exact: true }).click();
  await page.getByRole('option', { name: 'Merge two teams' }).click();
  await page.getByLabel('First team').click();
  await page.getByRole('option', { name: 'Checkout' }).click();
  await page.getByLabel('Second team').click();
  await page.getByRole('option', { name: 'Basket' }).click();
  await page.getByRole('button', { name: 'Add change' }).click();
  await expect(page.getByTestId('scenario-changes')).toContainText('Merge Checkout and Basket');
  await page.getByRole('button', { name: 'See the effect' }).click();
  await expect(page.getByTestId('what-if-result')).toContainText('merged into Checkout');
  await page.screenshot({ path: 'test-results/screenshots/coordination-what-if.png', fullPage: true });
  const scenarios = await page.request.post(`${host.origin}/api/invoke/coordination.scenarios.list`, { data: {}, headers: { 'x-interlock-token': host.token } });
  expect(await scenarios.json()).toEqual({ ok: true, value: [] });
});

test('settings change the advice and can be restored', async ({ page, host }) => {
  await openCoordination(page, host.url);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Coordination settings' });
  await dialog.getByLabel('Team-of-Teams from dependency share').fill('30');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[data-testid="group-card"][data-model="team-of-teams"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="group-card"][data-model="scrum-of-scrums"]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog', { name: 'Coordination settings' }).getByRole('button', { name: 'Restore defaults' }).click();
  await expect(page.locator('[data-testid="group-card"][data-model="team-of-teams"]')).toHaveCount(1);
});

test('the Teams page lists dependencies oldest first with who waits on whom', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Teams & dependencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teams & dependencies' })).toBeVisible();
  const rows = page.getByTestId('dependency-row');
  await expect(rows.first()).toBeVisible();
  const ages = await page.getByTestId('dependency-age').allInnerTexts();
  const days = ages.map((a) => Number.parseFloat(a));
  expect(days).toEqual([...days].sort((x, y) => y - x));
  // The empty choice is a choice: the field says "All teams", its label above it, not a blank box.
  await expect(page.getByRole('combobox', { name: 'Team' })).toHaveText('All teams');
  await expect(page.locator('[data-shrink]', { hasText: /^Team$/ })).toHaveAttribute('data-shrink', 'true');
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'Cloud Platform' }).click();
  await expect(rows.first()).toContainText('Cloud Platform');
  await page.screenshot({ path: 'test-results/screenshots/teams.png', fullPage: true });
  // Every column in view, at a desktop's width and at a projector's in the dark theme: the
  // dependency list is the page, and its last column says when each was needed.
  const table = page.getByRole('table', { name: 'Dependencies', exact: true });
  expect(await tablesOverflow(table)).toEqual(['Dependencies: 0']);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByRole('combobox', { name: 'Team' }).click();
  await page.getByRole('option', { name: 'All teams' }).click();
  await expect(page.locator('.MuiMenu-root')).toHaveCount(0); // closed and faded out, for the screenshot
  await expect(rows.nth(5)).toBeVisible();
  expect(await tablesOverflow(table)).toEqual(['Dependencies: 0']);
  await page.screenshot({ path: 'test-results/screenshots/teams-dark-1280.png' });
});

test.describe('edge cases', () => {
  test('a window too short for the advice is refused with a clear message', async ({ request, host }) => {
    const response = await request.post(`${host.origin}/api/invoke/coordination.recommend`, {
      data: { window: { days: 3 } },
      headers: { 'x-interlock-token': host.token },
    });
    const body = await response.json();
    expect(body).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'Invalid input for coordination.recommend: window.days: a window of at least 7 days' } });
  });
});
