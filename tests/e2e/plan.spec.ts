import type { APIRequestContext, Page } from '@playwright/test';
import { apiTimings } from './api-timings';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';

const cell = (page: Page, team: string, iteration: number) => page.locator(`[data-testid^="cell:${team}:"]`).nth(iteration);

async function openPlan(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByTestId('program-board').getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
}

async function invoke<T>(request: APIRequestContext, host: { origin: string; token: string }, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/invoke/${channel}`, { data, headers: { 'x-interlock-token': host.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

/** Once a dialog has faded in: a screenshot taken during the fade shows it half drawn over the page. */
async function settled(page: Page) {
  await page.waitForFunction(() => document.getAnimations().length === 0);
}

/** A mouse drag with the browser's own drag and drop, dropped low in the target (after its cards). */
async function drag(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  // From the board's left edge, so that no card hides under the sticky team column.
  await page.getByTestId('program-board').evaluate((board) => (board.scrollLeft = 0));
  await to.scrollIntoViewIfNeeded();
  const box = (await to.boundingBox())!;
  await from.dragTo(to, { targetPosition: { x: box.width / 2, y: box.height - 6 } });
}

test('the Plan page shows the demo increment: board, milestones, capacity, conflicts and lint', async ({ page, host }) => {
  await openPlan(page, host.url);
  const board = page.getByTestId('program-board');
  await expect(board.getByTestId('milestone').first()).toContainText('Peak-season code freeze');
  // Empty choices read as what they mean, not as blank fields.
  await expect(page.getByRole('combobox', { name: 'Compare with' })).toHaveText('no baseline');
  await page.getByRole('tab', { name: 'Backlog' }).click();
  await expect(page.getByRole('combobox', { name: 'Team', exact: true })).toHaveText('All teams');
  await page.getByRole('tab', { name: /^Conflicts/ }).click();
  // Two conflicts and two providers not planned, one of them cancelled (DEP-105: IDN-29, Won't Do).
  await expect(page.getByTestId('conflicts-list').getByRole('button')).toHaveCount(4);
  await expect(page.getByTestId('dependency-lines')).toHaveAttribute('data-lines', '5');
  await expect(page.locator('[data-testid="dependency-lines"] g[data-state="conflict"]')).toHaveCount(2);
  await expect(cell(page, 'checkout', 1)).toHaveAttribute('aria-label', /over capacity/);
  await page.getByRole('tab', { name: /^Lint/ }).click();
  await expect(page.getByTestId('lint-list')).toContainText('has no planned work');
  await page.screenshot({ path: 'test-results/screenshots/plan-board.png', fullPage: true });

  // Capacity from the cell's load button; the answer patches Checkout's row, and so does its undo.
  const boardFetches: string[] = [];
  page.on('request', (request) => request.url().includes('/api/invoke/plan.board') && boardFetches.push(request.url()));
  await cell(page, 'checkout', 1).locator('.ilk-load').click();
  await page.getByLabel(/^Capacity/).fill('99');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(cell(page, 'checkout', 1)).toHaveAttribute('aria-label', /of 99$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, 'checkout', 1)).toHaveAttribute('aria-label', /over capacity/);
  expect(boardFetches).toEqual([]);
});

test('plan by drag and by keyboard, raise a conflict and see it listed, undo it, and find the plan kept after a reload', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openPlan(page, host.url);

  // Drag: Search's first card from Iteration 1 to Iteration 2.
  const searchCard = cell(page, 'search', 0).locator('[data-card]').first();
  const searchKey = (await searchCard.getAttribute('data-card'))!;
  await drag(page, searchCard, cell(page, 'search', 1));
  await expect(cell(page, 'search', 1).locator(`[data-card="${searchKey}"]`)).toBeVisible();

  // Drag from the backlog onto the board.
  await page.getByRole('tab', { name: 'Backlog' }).click();
  const backlogItem = page.getByTestId('backlog').locator('[data-backlog]').first();
  const backlogKey = (await backlogItem.getAttribute('data-backlog'))!;
  await cell(page, 'reporting', 2).scrollIntoViewIfNeeded();
  await drag(page, backlogItem, cell(page, 'reporting', 1));
  await expect(cell(page, 'reporting', 1).locator(`[data-card="${backlogKey}"]`)).toBeVisible();

  // Keyboard: Alt+→ carries the focused card one iteration on; the focus goes with it.
  const notifCard = cell(page, 'notifications', 0).locator('[data-card]').first();
  const notifKey = (await notifCard.getAttribute('data-card'))!;
  await notifCard.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${notifKey}"]`)).toBeFocused();
  await expect(page.getByTestId('plan-announcement')).toHaveText(`Moved ${notifKey} to Notifications, Iteration 2.`);

  // Ctrl+Z takes the move back, Ctrl+Shift+Z does it again: each answer carries the two rows it
  // changed, patched into the board shown, which is not fetched again (counted up to the end of the
  // dependency edits below, which answer the same way).
  const boardFetches: string[] = [];
  const countBoardFetch = (request: { url(): string }) => request.url().includes('/api/invoke/plan.board') && boardFetches.push(request.url());
  page.on('request', countBoardFetch);
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'notifications', 0).locator(`[data-card="${notifKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${notifKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();

  // The keyboard's menu: Enter on a card, then "Add a dependency": Search's moved card now waits on
  // a card planned later, so a conflict appears in the list.
  const conflicts = page.getByTestId('conflicts-list').getByRole('button');
  await page.getByRole('tab', { name: /^Conflicts/ }).click();
  await expect(conflicts).toHaveCount(4);
  const early = cell(page, 'identity', 0).locator('[data-card]').first();
  const earlyKey = (await early.getAttribute('data-card'))!;
  await early.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /Add a dependency/ }).click();
  await page.getByLabel('The item it waits on (key or title)').fill(searchKey);
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await expect(conflicts).toHaveCount(5);
  await expect(page.getByTestId('conflicts-list')).toContainText(`${earlyKey} (Iteration 1) waits on ${searchKey} (Iteration 2)`);
  await page.screenshot({ path: 'test-results/screenshots/plan-conflict-added.png' });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(conflicts).toHaveCount(4);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(conflicts).toHaveCount(5);
  // Removed through the card's dependencies, as a planner would.
  await early.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Its dependencies…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('dialog')).toContainText('neither waits on nor is waited on');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(conflicts).toHaveCount(4);
  // Every edit above answered with what it changed on the board: not one fetched it again.
  page.off('request', countBoardFetch);
  expect(boardFetches).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('program-board').getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
  await expect(cell(page, 'search', 1).locator(`[data-card="${searchKey}"]`)).toBeVisible();
  await expect(cell(page, 'reporting', 1).locator(`[data-card="${backlogKey}"]`)).toBeVisible();
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${notifKey}"]`)).toBeVisible();
  await expect(conflicts).toHaveCount(4);
});

test('Ctrl+Z pressed while a move is still being stored takes that move back once it is; after a move refused, it takes back nothing', async ({ page, host }) => {
  await openPlan(page, host.url);
  // Each move stored half a second late, as on a slow machine with a big workspace.
  let refuse = false;
  await page.route('**/api/invoke/plan.item.place', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (refuse) await route.fulfill({ json: { ok: false, error: { code: 'conflict', message: 'The board changed meanwhile.' } } });
    else await route.continue();
  });
  const first = cell(page, 'notifications', 0).locator('[data-card]').first();
  const firstKey = (await first.getAttribute('data-card'))!;
  await first.focus();
  await page.keyboard.press('Alt+ArrowRight');
  // Moved on the page at once; no edit to undo yet when the key is pressed: the move is on its way.
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${firstKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'notifications', 0).locator(`[data-card="${firstKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  // Moved again and stored; then a move refused, with Ctrl+Z pressed while it was on its way.
  await page.keyboard.press('Control+Shift+z');
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${firstKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  refuse = true;
  const second = cell(page, 'search', 0).locator('[data-card]').first();
  const secondKey = (await second.getAttribute('data-card'))!;
  await second.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(cell(page, 'search', 1).locator(`[data-card="${secondKey}"]`)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByText('The board changed meanwhile.')).toBeVisible();
  await expect(cell(page, 'search', 0).locator(`[data-card="${secondKey}"]`)).toBeVisible();
  // The edit before it stands.
  await page.waitForTimeout(300);
  await expect(cell(page, 'notifications', 1).locator(`[data-card="${firstKey}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
});

test('a committed plan is a baseline to compare with, chosen again from "Compare with" after leaving it', async ({ page, host }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await openPlan(page, host.url);
  const compareWith = page.getByRole('combobox', { name: 'Compare with' });
  await page.getByRole('button', { name: 'Commit the plan' }).click();
  await expect(page).toHaveURL(/baseline=\d+/);
  await expect(compareWith).toHaveText(/as committed/);
  const committed = (await compareWith.textContent())!;
  await compareWith.click();
  await page.getByRole('option', { name: 'no baseline' }).click();
  await expect(page).not.toHaveURL(/baseline=/);
  await compareWith.click();
  await page.getByRole('option', { name: committed }).click();
  await expect(page).toHaveURL(/baseline=\d+/);
  await expect(compareWith).toHaveText(committed);
  await expect(page.getByRole('tab', { name: /^Changes/ })).toHaveAttribute('aria-selected', 'true');
  expect(errors).toEqual([]);

  // Four tabs beside the board, at a projector's 1280×720 and presented: each whole, none cut.
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const presenting of [false, true]) {
    if (presenting) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('p');
      await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
    }
    const tabs = page.getByRole('tablist', { name: 'Beside the board' }).getByRole('tab');
    await expect(tabs).toHaveCount(4);
    const list = (await page.getByRole('tablist', { name: 'Beside the board' }).boundingBox())!;
    for (const tab of await tabs.all()) {
      const box = (await tab.boundingBox())!;
      const name = await tab.textContent();
      expect(box.x, `${name}, presenting ${presenting}`).toBeGreaterThanOrEqual(list.x - 0.5);
      expect(box.x + box.width, `${name}, presenting ${presenting}`).toBeLessThanOrEqual(list.x + list.width + 0.5);
      expect(await tab.evaluate((el) => el.scrollWidth <= el.clientWidth), `${name}, presenting ${presenting}`).toBe(true);
    }
  }
  await page.screenshot({ path: 'test-results/screenshots/plan-side-tabs-presented.png' });
});

test('the board exports as a PNG and a CSV', async ({ page, host }) => {
  await openPlan(page, host.url);
  // The risks come after the board: both exports carry the markers once the board shows them.
  await expect(page.locator('[data-card="RPT-134"] .ilk-risk')).toHaveText('⚠1');
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('pi-26-4-board.png');
  const bytes = await (await import('node:fs')).promises.readFile((await png.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  // For the eye: RPT-134, ONB-131, PRC-219 and PRM-168 carry ⚠1, and the subtitle counts 2 open risks.
  await png.saveAs('test-results/screenshots/plan-board-export.png');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).first().click()]);
  const text = await (await import('node:fs')).promises.readFile((await csv.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toContain('Team,Group,Iteration,Sprint,Key,Title');
  expect(text).toContain('PRC-219');
  expect(text.split('\r\n').find((row) => row.includes(',RPT-134,'))).toMatch(/,RISK-8 not yet ROAMed$/);
});

test('objectives with business value and predictability as a distribution, the previous increment from the address', async ({ page, host }) => {
  await page.goto(`${host.url}#/plan?increment=PI%2026.3&tab=objectives`);
  await expect(page.getByTestId('predictability-increment')).toContainText('%');
  await expect(page.getByRole('definition').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Objectives of Checkout' })).toContainText('committed');
  await page.screenshot({ path: 'test-results/screenshots/plan-objectives.png', fullPage: true });
});

test('opened directly on a Plan address, the app asks for that board once, as it starts', async ({ page, host }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/invoke/plan.board')) asked.push(r.postData() ?? '');
  });
  await page.goto(`${host.url}#/plan?increment=PI%2026.3&group=value-stream`);
  await expect(page.getByTestId('program-board').getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
  await expect(page.getByText(/^PI 26\.3: /)).toBeVisible();
  const calls = await apiTimings(page);
  // The start's call and the page's are one: the same input, the same query.
  expect(asked.map((body) => JSON.parse(body)), JSON.stringify(calls)).toEqual([{ increment: 'PI 26.3', grouping: 'value-stream' }]);
  // Asked as the app started, before the page's own code was even requested: the page alone
  // would ask only once that code had arrived and drawn.
  expect(calls['plan.board']!.startTime, JSON.stringify(calls)).toBeLessThanOrEqual(calls['chunk:PlanPage']!.startTime);
});

test('the board at 1280×720 in the dark theme, as a projector shows it', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  await page.getByTestId('conflicts-list').getByRole('button').nth(1).click();
  await expect(page).toHaveURL(/focus=PRC-219/);
  // The focused board may still redraw its cards as it settles: scrolled again until the card stays.
  await expect(async () => page.locator('[data-card="PRC-219"]').scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await expect(page.locator('[data-testid="dependency-lines"] g[data-state="conflict"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/screenshots/plan-board-dark-1280.png' });

  // A team's name stands at the top of its row, however tall the row.
  const teamName = page.getByRole('button', { name: /^Checkout/ }).first();
  const nameTop = (await teamName.locator('p').first().boundingBox())!.y;
  expect(nameTop - (await teamName.boundingBox())!.y).toBeLessThan(16);

  // Presented, the board may fill the screen once the page is scrolled to it (the desk's box left
  // the room two rows of cards under the header rows).
  const board = page.getByTestId('program-board');
  const deskHeight = (await board.boundingBox())!.height;
  await page.keyboard.press('p');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  await board.evaluate((b) => b.scrollIntoView({ block: 'start' }));
  const presented = (await board.boundingBox())!;
  expect(presented.height).toBeGreaterThan(deskHeight + 150);
  expect(presented.height).toBeGreaterThanOrEqual(720 - 48 - 1);
  await page.screenshot({ path: 'test-results/screenshots/plan-board-presented-dark-1280.png' });
});

test('a dependency on a team alone, no item named, is in the conflicts list naming the team, on its card and in the legend (1280×720, dark)', async ({ page, host, request }) => {
  // BSK-81 (Basket, Iteration 3) needs something from Pricing, which has no item for it yet: as a tracker's import brings it.
  const { writeFileSync } = await import('node:fs');
  const csv = host.workspace.replace(/demo\.interlock$/, 'interlock-dependencies.csv');
  writeFileSync(csv, 'key,from_item,from_team,to_item,to_team,kind,interface,created_at,needed_by,resolved_at\nDEP-T1,BSK-81,basket,,pricing,blocks,Price quote API,2026-11-02T00:00:00Z,2026-11-30T00:00:00Z,\n');
  const { jobId } = await invoke<{ jobId: string }>(request, host, 'import.start', { files: [{ source: { kind: 'path', path: csv } }], mode: 'import' });
  await expect.poll(async () => (await invoke<{ state: string }>(request, host, 'import.progress', { jobId })).state).toBe('done');

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  // The demo's four, and this one.
  await expect(page.getByTestId('conflicts-list').getByRole('button')).toHaveCount(5);
  const row = page.getByTestId('conflicts-list').getByRole('button', { name: /waits on Pricing/ });
  await expect(row).toHaveText('? Basket ↔ PricingBSK-81 (Iteration 3) waits on Pricing — no item named · provider not planned · needed 2026-11-30');
  await expect(page.getByTestId('dependency-legend')).toContainText('2 provider not planned');
  // BSK-81 already waited on IDN-29 (cancelled): its badge counts both, each by its kind.
  await expect(page.locator('[data-card="BSK-81"] .ilk-state')).toHaveAttribute('title', '1 provider not planned, 1 provider cancelled');
  await expect(page.locator('[data-card="BSK-81"] .ilk-state')).toHaveText('?2');
  // Focused from the list, the card's two lines are stubs: neither provider is on the board.
  await row.click();
  await expect(page).toHaveURL(/focus=BSK-81/);
  await expect(page.locator('[data-testid="dependency-lines"] g[data-stub="left"]')).toHaveCount(2);
  await expect(page.locator('[data-testid="dependency-lines"] g[data-dependency="DEP-T1"]')).toHaveAttribute('data-state', 'unplanned');
  // Side by side on the card's left, one above the other, each symbol whole: not one stub drawn over the other.
  const symbols = await page.locator('[data-testid="dependency-lines"] g[data-stub="left"] circle').evaluateAll((cs) => cs.map((c) => ({ y: Number(c.getAttribute('cy')), r: Number(c.getAttribute('r')) })));
  expect(Math.abs(symbols[0]!.y - symbols[1]!.y)).toBeGreaterThanOrEqual(2 * symbols[0]!.r);
  await expect(async () => page.locator('[data-card="BSK-81"]').scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await page.screenshot({ path: 'test-results/screenshots/plan-team-dependency-dark-1280.png' });
});

test('a need date typed outside the increment is in the lint, naming the dependency, its date and the increment’s days, and leads to the waiting card', async ({ page, host }) => {
  await openPlan(page, host.url);
  await page.getByRole('tab', { name: /^Lint/ }).click();
  // The demo's own four: an objective without work and three cells over capacity, no need date outside PI 26.4.
  await expect(page.getByRole('tab', { name: 'Lint (4)' })).toBeVisible();
  await expect(page.getByTestId('lint-list')).not.toContainText('need date outside increment');

  // A year typed wrong, as it happens: 2026-09-02 for a day of PI 26.4 (2026-11-09 – 2027-01-17).
  const waiting = cell(page, 'identity', 0).locator('[data-card]').first();
  const waitingKey = (await waiting.getAttribute('data-card'))!;
  const providerKey = (await cell(page, 'search', 0).locator('[data-card]').first().getAttribute('data-card'))!;
  await waiting.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: /Add a dependency/ }).click();
  await page.getByLabel('The item it waits on (key or title)').fill(providerKey);
  await page.getByLabel('Needed by (optional)').fill('2026-09-02');
  await page.getByRole('button', { name: 'Add dependency' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await expect(page.getByRole('tab', { name: 'Lint (5)' })).toBeVisible();
  const finding = page.getByTestId('lint-list').getByRole('button', { name: /need date outside increment/ });
  await expect(finding).toHaveText(
    `${waitingKey} (Iteration 1) waits on ${providerKey} (Iteration 1), needed 2026-09-02: before the increment, 2026-11-09 – 2027-01-17. Change its need date in the card’s dependencies (its menu: Its dependencies…).need date outside increment`,
  );
  await page.screenshot({ path: 'test-results/screenshots/plan-lint-need-date.png', fullPage: true });
  await finding.click();
  await expect(page).toHaveURL(new RegExp(`focus=${waitingKey}`));
});

test('a need date outside the increment is changed in the card’s dependencies, by keyboard, and the lint finding goes at once; undo brings it back (1280×720, dark)', async ({ page, host }) => {
  type Board = { increment: { id: number }; columns: { id: number }[]; cells: { teamKey: string; columnId: number; cards: { key: string }[] }[] };
  const board = await invoke<Board>(page.request, host, 'plan.board', {});
  const first = (team: string) => board.cells.find((c) => c.teamKey === team && c.columnId === board.columns[0]!.id)!.cards[0]!.key;
  const [waitingKey, providerKey] = [first('identity'), first('search')];
  // Made in Interlock with a year typed wrong, as the lint's own test makes it.
  await invoke(page.request, host, 'plan.dependency.add', { consumerKey: waitingKey, providerKey, neededBy: '2026-09-02' });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  await page.getByRole('tab', { name: /^Lint/ }).click();
  await expect(page.getByRole('tab', { name: 'Lint (5)' })).toBeVisible();
  const boardFetches: string[] = [];
  page.on('request', (request) => request.url().includes('/api/invoke/plan.board') && boardFetches.push(request.url()));

  // From the finding to the card, its menu and its dependencies, all by keyboard.
  await page.getByTestId('lint-list').getByRole('button', { name: /need date outside increment/ }).click();
  await page.locator(`[data-card="${waitingKey}"]`).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Its dependencies…' }).click();
  const dependency = page.getByRole('dialog').getByRole('group', { name: new RegExp(`Waits on ${providerKey}`) });
  const date = dependency.getByLabel('Needed by');
  await expect(date).toHaveValue('2026-09-02');
  await expectAccessible(page, 'a card’s dependencies with a need date to change, dark');
  await date.focus();
  await page.keyboard.type('11202026');
  await expect(date).toHaveValue('2026-11-20');
  await page.screenshot({ path: 'test-results/screenshots/plan-need-date-dialog-dark-1280.png' });
  await page.keyboard.press('Enter');

  // Stored: the date the dialog shows is the one the board holds, and is no change any more.
  await expect(dependency.getByRole('button', { name: 'Change date' })).toBeDisabled();
  await expect(date).toHaveValue('2026-11-20');
  await expect(date).toBeFocused();
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText(`Changed: ${waitingKey} waits on ${providerKey}, needed by 2026-11-20.`);
  await expect(page.getByTestId('lint-list')).not.toContainText('need date outside increment');
  await page.screenshot({ path: 'test-results/screenshots/plan-need-date-changed-dark-1280.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Lint (4)' })).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('tab', { name: 'Lint (5)' })).toBeVisible();
  // Answered with what changed on the board, as a move is: the board was not fetched again.
  expect(boardFetches).toEqual([]);
});

test('a team on its own cadence sets its capacity per sprint, and the cell shows their sum', async ({ page, host }) => {
  type Board = { increment: { id: number; iterations: { id: number; name: string; start: string; end: string; teamKey: string | null }[] } };
  const board = await invoke<Board>(page.request, host, 'plan.board', {});
  const second = board.increment.iterations.filter((i) => i.teamKey === null)[1]!;
  const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
  for (const [name, start, end] of [
    ['Sprint A', second.start, day(second.start, 6)],
    ['Sprint B', day(second.start, 7), second.end],
  ]) {
    await invoke(page.request, host, 'plan.iteration.save', { incrementId: board.increment.id, name, start, end, teamKey: 'identity' });
  }
  await openPlan(page, host.url);
  await cell(page, 'identity', 1).locator('.ilk-load').click();
  await page.getByLabel(/^Sprint A/).fill('3');
  await page.getByLabel(/^Sprint B/).fill('4');
  await page.screenshot({ path: 'test-results/screenshots/plan-capacity-per-sprint.png' });
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(cell(page, 'identity', 1)).toHaveAttribute('aria-label', /of 7$/);
  // Set again, one sprint changed: the sum follows, nothing is added twice.
  await cell(page, 'identity', 1).locator('.ilk-load').click();
  await expect(page.getByLabel(/^Sprint A/)).toHaveValue('3');
  await page.getByLabel(/^Sprint B/).fill('2');
  await page.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(cell(page, 'identity', 1)).toHaveAttribute('aria-label', /of 5$/);
});

test('risks on the board: a conflict raised as a risk marks its cards and says so in the conflicts list, at the desk and presented (1280×720, dark); the marker leads to the risk, and ROAMing or raising one shows on the board', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  // The demo raised its two conflicts as RISK-8 and RISK-9, not yet ROAMed, each linking the dependency and both its items.
  const rows = page.getByTestId('conflicts-list').getByRole('button');
  await expect(rows.nth(0)).toContainText(/^✕ Reporting ↔ Merchant OnboardingRPT-134 \(Iteration 2\) waits on ONB-131 \(Iteration 3\) · conflict · needed 2026-11-20 · risk RISK-8 not yet ROAMed$/);
  await expect(rows.nth(1)).toContainText(/PRC-219 .* · risk RISK-9 not yet ROAMed$/);
  await expect(rows.nth(2)).not.toContainText('risk');
  await expect(page.getByTestId('risk-legend')).toHaveText('⚠2 open risks on planned cards');
  const marker = page.locator('[data-card="RPT-134"] .ilk-risk');
  await expect(marker).toHaveText('⚠1');
  await expect(marker).toHaveAttribute('title', /^1 open risk:\nRISK-8 \(Not yet ROAMed\): Reporting waits on Merchant Onboarding: .* — linked to this item and its dependency on ONB-131\n/);
  await expect(page.locator('[data-card="ONB-131"] .ilk-risk')).toHaveAttribute('title', /RISK-8 \(Not yet ROAMed\).* — linked to this item and RPT-134’s dependency on it\n/);
  await expect(page.locator('[data-card="PRC-219"] .ilk-risk')).toHaveText('⚠1');
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-legend-dark-1280.png' });

  /** The marker sits on its card's first line, whole, at `floor` px or more. */
  const markerFits = async (floor: number) => {
    const card = (await page.locator('[data-card="RPT-134"]').boundingBox())!;
    const box = (await marker.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(card.x);
    expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width);
    expect(box.y + box.height).toBeLessThanOrEqual(card.y + card.height);
    expect(await marker.evaluate((m) => Number.parseFloat(getComputedStyle(m).fontSize))).toBeGreaterThanOrEqual(floor);
  };
  await rows.nth(0).click();
  await expect(page).toHaveURL(/focus=RPT-134/);
  await expect(async () => page.locator('[data-card="RPT-134"]').scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await markerFits(12);
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-dark-1280.png' });
  await expectAccessible(page, 'a card with a risk marker, dark');

  // A keyboard move carries the marker with the card; undone, it is back.
  await page.locator('[data-card="RPT-134"]').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('[data-testid^="cell:reporting:"]').nth(2).locator('[data-card="RPT-134"] .ilk-risk')).toHaveText('⚠1');
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid^="cell:reporting:"]').nth(1).locator('[data-card="RPT-134"] .ilk-risk')).toHaveText('⚠1');

  // Presented: the marker at the room's type, whole on its card.
  await page.keyboard.press('p');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  await expect(async () => page.locator('[data-card="RPT-134"]').scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await markerFits(20);
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-presented-dark-1280.png' });

  // The marker lists the card's risks; each leads to the Risks page, opened on it.
  await marker.click();
  const dialog = page.getByRole('dialog', { name: /^Open risks on RPT-134/ });
  await expect(dialog.getByTestId('card-risks')).toContainText('RISK-8 Reporting waits on Merchant Onboarding');
  await expect(dialog.getByTestId('card-risks')).toContainText('Not yet ROAMed · owner Merchant Onboarding · linked to this item and its dependency on ONB-131');
  await settled(page);
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-dialog-presented-dark-1280.png' });
  await expectAccessible(page, 'a card’s risks, presented, dark');
  await dialog.getByRole('link', { name: 'Open RISK-8' }).click();
  await expect(page).toHaveURL(/#\/risks\?risk=RISK-8$/);
  const risk = page.getByRole('dialog', { name: /^RISK-8: Reporting waits on Merchant Onboarding/ });
  await expect(risk).toBeVisible();
  await settled(page);
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-followed-presented-dark-1280.png' });

  // ROAMed there: back on the board, the conflict and the card say it is owned.
  await risk.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Owned' }).click();
  await risk.getByRole('button', { name: 'Save' }).click();
  await expect(risk).toBeHidden();
  // Raised there: the provider not planned (MPT-242 waits on RPT-179) becomes RISK-10.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  await page.getByRole('button', { name: 'Raise dependency conflicts…' }).click();
  await page.getByTestId('raise-conflicts').locator('li', { hasText: 'MPT-242' }).getByRole('button', { name: /^Raise DEP-\d+ as a risk$/ }).click();
  await expect(page.getByTestId('raise-conflicts').getByRole('link', { name: /is raised as RISK-10/ })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Plan' }).click();
  await expect(rows.nth(0)).toContainText(/ · risk RISK-8 owned$/);
  await expect(page.locator('[data-card="RPT-134"] .ilk-risk')).toHaveAttribute('title', /RISK-8 \(Owned\)/);
  await expect(page.getByTestId('conflicts-list').getByRole('button', { name: /MPT-242/ })).toContainText(/ · risk RISK-10 not yet ROAMed$/);
  await expect(page.locator('[data-card="MPT-242"] .ilk-risk')).toHaveText('⚠1');
  await expect(page.getByTestId('risk-legend')).toHaveText('⚠3 open risks on planned cards');
  await page.getByTestId('conflicts-list').getByRole('button', { name: /MPT-242/ }).click();
  await expect(async () => page.locator('[data-card="MPT-242"]').scrollIntoViewIfNeeded({ timeout: 1000 })).toPass();
  await page.screenshot({ path: 'test-results/screenshots/plan-risks-raised-dark-1280.png' });
});

test('the next PI’s confidence is simulated from its first day, not from the day after the data, and says so (1280×720, dark)', async ({ page, host, request }) => {
  test.setTimeout(120_000);
  // The demo's data ends 2026-11-15; PI 27.1 starts nine weeks later, and a card is planned in its Iteration 1.
  const pi = await invoke<{ id: number }>(request, host, 'plan.increment.save', { name: 'PI 27.1', start: '2027-01-18', end: '2027-03-28' });
  const it = await invoke<{ iterations: { id: number }[] }>(request, host, 'plan.iteration.save', { incrementId: pi.id, name: 'Iteration 1', start: '2027-01-18', end: '2027-01-31' });
  await invoke(request, host, 'plan.item.create', { incrementId: pi.id, teamKey: 'checkout', iterationId: it.iterations[0]!.id, title: 'Gift cards at checkout', type: 'feature' });

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  await page.evaluate(() => (location.hash = '#/plan?increment=PI+27.1&tab=confidence'));
  const provenance = page.getByTestId('confidence-provenance');
  await expect(provenance).toContainText('simulated from 2027-01-18, the increment’s first day', { timeout: 60_000 });
  // Its 85 % date falls inside the increment, never before it starts (it read 2026-11-2x).
  const row = page.getByTestId('table-item-odds').getByRole('row', { name: /Gift cards at checkout/ });
  await expect(row).toContainText(/2027-01-\d\d/);
  await expect(row).not.toContainText('2026-');
  await page.screenshot({ path: 'test-results/screenshots/plan-confidence-next-pi-dark.png' });
});
