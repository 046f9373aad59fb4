import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { markFirstIncidentNoChangeFailure } from './incidents';
import { horizontalOverflow } from './overflow';

const PAGES = [
  { nav: 'Overview', heading: 'Interlock demo' },
  { nav: 'Teams & dependencies', heading: 'Teams & dependencies' },
  { nav: 'Coordination', heading: 'Coordination' },
  { nav: 'Flow', heading: 'Flow' },
  { nav: 'Delivery', heading: 'Delivery' },
  { nav: 'Import', heading: 'Import' },
];

test('the host opens the demo workspace and shows its real counts on the Overview', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Interlock demo' })).toBeVisible();
  await expect(page.getByTestId('count-teams')).toContainText('12');
  await expect(page.getByTestId('count-items')).toContainText('2,500');
  await expect(page.getByText(/Data from Feb \d+, 2026 to Nov \d+, 2026/)).toBeVisible();
  // The token leaves the address bar once the app has it.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'test-results/screenshots/overview.png', fullPage: true });
});

test('every page can be visited from the navigation', async ({ page, host }) => {
  await page.goto(host.url);
  for (const p of PAGES) {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: p.nav }).click();
    await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
  }
});

/** Visits every page from the navigation at one window size and fails on the first wider than the window. */
async function everyPageFits(page: Page, url: string, size: { width: number; height: number }, dark: boolean) {
  await page.setViewportSize(size);
  await page.goto(url);
  if (dark) await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  const nav = page.getByRole('navigation', { name: 'Pages' });
  await expect(nav.getByRole('link').first()).toBeVisible();
  const links = await nav.getByRole('link').evaluateAll((as) => as.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? ''] as const));
  expect(links.length).toBeGreaterThan(8);
  for (const [name, href] of links) {
    await nav.getByRole('link', { name, exact: true }).click();
    await page.waitForURL((u) => u.hash.startsWith(new URL(href, u).hash));
    // Once the page's code and answers are in (the previous page stays until then), and what draws
    // after a second answer: wide content (the board, the dependency list) scrolls inside its own
    // box, never the window.
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(1500);
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${name}: ${overflow.scrollWidth} px wide in a ${overflow.clientWidth} px window (${overflow.past.join('; ')})`).toBeLessThanOrEqual(overflow.clientWidth);
  }
}

test('at a projector’s 1280×720 in the dark theme, no page is wider than the window', async ({ page, host }) => {
  test.setTimeout(120_000);
  await everyPageFits(page, host.url, { width: 1280, height: 720 }, true);
});

// The ROAM board's five columns scroll inside their box there; a card's hidden column name,
// placed outside it, made the page 69 px wider than the window.
test('in a small laptop’s 1024×768 window, no page is wider than the window', async ({ page, host }) => {
  test.setTimeout(120_000);
  await everyPageFits(page, host.url, { width: 1024, height: 768 }, false);
});

test('the dark theme can be switched on and survives a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect.poll(background).toBe('rgb(15, 20, 26)');
  await page.reload();
  await expect.poll(background).toBe('rgb(15, 20, 26)');
  await page.screenshot({ path: 'test-results/screenshots/overview-dark.png' });
});

test('API calls without the token are refused', async ({ request, host }) => {
  const response = await request.post(`${host.origin}/api/invoke/workspace.overview`, { data: {} });
  expect(response.status()).toBe(401);
  const body = await response.json();
  expect(body).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
});

test('a machine that loses its network still shows every page: the backend is on this machine', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Interlock demo' })).toBeVisible();
  // What the browser (and Electron's window) tells a page when Wi-Fi drops or a cable is pulled.
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Teams & dependencies' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teams & dependencies' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Checkout/ }).first()).toBeVisible();
  // And a change is saved, not held until the network returns.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Delivery' }).click();
  await markFirstIncidentNoChangeFailure(page);
});

test('opened on a page’s address, the page draws while the backend is still saying which workspace is open', async ({ page, host }) => {
  // The backend's answer held back, as it is while its first computation after opening runs.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke/workspace.current', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${host.url}#/flow?type=story`);
  await expect(page.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
  await expect(page.getByText(/^All teams · story · /)).toBeVisible();
  await page.getByRole('heading', { level: 1, name: 'Flow' }).evaluate((h) => (h.dataset.drawnBefore = 'yes'));
  release();
  await expect(page.getByTestId('workspace-name')).toHaveText('Interlock demo');
  // The same page stays, not drawn afresh once the workspace is known: its heading is the same element.
  await expect(page.getByRole('heading', { level: 1, name: 'Flow' })).toHaveAttribute('data-drawn-before', 'yes');
});

test('opened on a page’s address with no workspace open, the welcome page shows and no error', async ({ page, host }) => {
  await page.request.post(`${host.origin}/api/invoke/workspace.close`, { headers: { 'x-interlock-token': host.token }, data: {} });
  await page.goto(`${host.url}#/flow`);
  await expect(page.getByRole('heading', { level: 1, name: 'No workspace is open' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a first visit loads no schemas; a person’s first key press loads the contract, before any write', async ({ page, host }) => {
  const scripts = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')));
  // zod's own code, whatever the chunk holding it is called.
  const withZod = async () => {
    const found: string[] = [];
    for (const url of await scripts()) if ((await (await page.request.get(url)).text()).includes('$ZodType')) found.push(url);
    return found;
  };
  const contractLoaded = async () => (await scripts()).some((u) => /\/contract-[^/]*\.js$/.test(u));
  await page.goto(`${host.url}#/flow`);
  await page.waitForFunction(() => performance.getEntriesByName('interlock:flow-charts-drawn').length > 0);
  expect(await withZod()).toEqual([]);
  expect(await contractLoaded()).toBe(false);

  await page.keyboard.press('Shift');
  await expect.poll(contractLoaded).toBe(true);
  expect((await withZod()).length).toBeGreaterThan(0);
});
