import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { expect, test } from './fixtures';
import { horizontalOverflow, tablesOverflow } from './overflow';
import { carryRiskRight } from './roam-keys';
import { expectTextAtLeast, renderedTextSizes, settle, useDarkTheme } from './room';

// Presenting to a room: a deck saved in the workspace, stepped through by keyboard at 1280×720 in
// the dark theme as a projector shows it, every view checked for sideways scrolling, type size and
// accessibility; print; the views' addresses.

async function invoke<T>(request: APIRequestContext, host: { origin: string; token: string }, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/invoke/${channel}`, { data, headers: { 'x-interlock-token': host.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

interface Entry {
  title: string;
  address: string;
  timeboxSeconds: number | null;
}

/** The deck of the proof: every page, the tabs and a scope, one view added through the app's own dialog. */
async function saveDeck(page: Page, host: { url: string; origin: string; token: string }): Promise<{ id: number; entries: Entry[] }> {
  await page.goto(`${host.url}#/coordination?tab=map`);
  await settle(page);
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await expect(dialog.getByLabel('Title of this view')).toHaveValue('Coordination: Coupling map');
  // The demo's own deck is offered first; this view starts another.
  await dialog.getByLabel('Deck', { exact: true }).click();
  await page.getByRole('option', { name: 'A new deck…' }).click();
  await dialog.getByLabel('Name of the new deck').fill('PI 26.4 readout');
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();

  // The demo has a deck of its own: this one is found by its name.
  const added = (await invoke<{ id: number; name: string }[]>(page.request, host, 'deck.list', {})).find((d) => d.name === 'PI 26.4 readout');
  const map = (await invoke<{ entries: Entry[] }>(page.request, host, 'deck.get', { id: added!.id })).entries[0]!;
  expect(map.address).toBe('/coordination?tab=map');
  const { teams } = await invoke<{ teams: { key: string; name: string }[] }>(page.request, host, 'metrics.scopeOptions', {});
  const cloud = teams.find((t) => t.name === 'Cloud Platform')!.key;
  const { groups } = await invoke<{ groups: { id: string; name: string }[] }>(page.request, host, 'coordination.groups', {});
  const checkout = groups.find((g) => g.name === 'Basket, Checkout, Pricing and Promotions')!.id;
  const entries: Entry[] = [
    { title: 'Where we are', address: '/overview', timeboxSeconds: null },
    { title: 'Who waits on Cloud Platform', address: `/teams?team=${encodeURIComponent(cloud)}`, timeboxSeconds: null },
    { title: 'Coordination groups', address: '/coordination', timeboxSeconds: 12 },
    { title: map.title, address: map.address, timeboxSeconds: null },
    { title: 'Flow of the checkout group', address: `/flow?coordinationGroups=${encodeURIComponent(checkout)}`, timeboxSeconds: 300 },
    { title: 'Delivery', address: '/delivery', timeboxSeconds: null },
    { title: 'The program board', address: '/plan', timeboxSeconds: null },
    { title: 'Objectives', address: '/plan?tab=objectives', timeboxSeconds: null },
    { title: 'Forums', address: '/coordination?tab=forums', timeboxSeconds: null },
  ];
  const saved = await invoke<{ id: number; entries: Entry[] }>(page.request, host, 'deck.save', { id: added!.id, name: 'PI 26.4 readout', entries });
  return saved;
}

/** A deck of `entries` saved through the channel, open on the Decks page. */
async function openNewDeck(page: Page, host: { url: string; origin: string; token: string }, name: string, entries: Entry[]): Promise<{ id: number }> {
  await page.goto(host.url);
  const deck = await invoke<{ id: number }>(page.request, host, 'deck.save', { name, entries });
  await page.goto(`${host.url}#/decks?deck=${deck.id}`);
  return deck;
}

const slideLabel = (page: Page) => page.getByTestId('slide-progress');
const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash.slice(1));

/** What every view of the deck must be in the room: no sideways scrolling, no text under 20 px (16 px in charts), headline figures ≥ 48 px. */
async function checkRoomView(page: Page, view: string) {
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, `${view}: the page scrolls sideways (${overflow.past.join('; ')})`).toBeLessThanOrEqual(overflow.clientWidth);
  const sizes = await renderedTextSizes(page);
  expect(sizes.html.length, `${view}: no text found`).toBeGreaterThan(0);
  expectTextAtLeast(sizes.html, 20, view);
  expectTextAtLeast(sizes.svg, 16, `${view} (charts)`);
  const figures = await page.locator('.MuiTypography-figure').evaluateAll((els) => els.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));
  for (const size of figures) expect(size, `${view}: headline figure`).toBeGreaterThanOrEqual(48);
}


test('a saved deck presented at 1280×720 in the dark theme, stepped through by keyboard', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  const deck = await saveDeck(page, host);
  const n = deck.entries.length;

  await page.goto(`${host.url}#/decks?deck=${deck.id}`);
  await expect(page.getByTestId('deck-entry')).toHaveCount(n);
  await expect(page).toHaveTitle('Decks: PI 26.4 readout – Interlock');
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

  const forward = ['ArrowRight', ' ', 'PageDown'];
  for (const [i, entry] of deck.entries.entries()) {
    const view = `${i + 1}. ${entry.title}`;
    await expect(slideLabel(page)).toHaveText(`${i + 1} / ${n}`);
    expect(hashOf(page)).toBe(decodeURIComponent(entry.address));
    await expect(page).toHaveTitle(`${entry.title} – Interlock`);
    await settle(page);
    await checkRoomView(page, view);
    if (entry.address === '/overview') {
      // The counts are the view's headline figures (they were drawn as headings, 30 px).
      const counts = await page.locator('[data-testid^="count-"] .MuiTypography-figure').evaluateAll((els) => els.map((e) => Number.parseFloat(getComputedStyle(e).fontSize)));
      expect(counts.length).toBeGreaterThan(5);
    }
    await page.screenshot({ path: `test-results/screenshots/room-${String(i + 1).padStart(2, '0')}.png` });
    if (entry.timeboxSeconds === 12) {
      // A quiet countdown, red in its last 10 seconds.
      const timebox = page.getByTestId('timebox');
      await expect(timebox).toHaveAttribute('data-tone', 'calm');
      await expect(timebox).toHaveAttribute('data-tone', 'ending', { timeout: 10_000 });
      await page.screenshot({ path: 'test-results/screenshots/room-timebox-ending.png' });
    }
    await expectAccessible(page, `${view}, presented, dark`);
    if (entry.timeboxSeconds === 300) {
      // The room sees the view, not the controls: a few seconds after the last step or pointer move,
      // all but the countdown fade; a pointer brings them back.
      const bar = page.getByTestId('presentation-bar');
      const next = page.getByRole('button', { name: 'Next view' });
      const opacity = (l: Locator) => l.evaluate((e) => Number(getComputedStyle(e).opacity));
      await expect(bar).toHaveAttribute('data-idle', 'true', { timeout: 6_000 });
      expect(await opacity(next)).toBe(0);
      expect(await opacity(slideLabel(page))).toBe(0);
      expect(await opacity(page.getByTestId('timebox'))).toBe(1);
      await page.screenshot({ path: 'test-results/screenshots/room-idle.png' });
      await page.mouse.move(640, 360);
      await expect(bar).toHaveAttribute('data-idle', 'false');
      expect(await opacity(next)).toBe(1);
    }
    await page.keyboard.press(forward[i % forward.length]!);
  }
  // Past the last view it stays there; numbers jump, ← and PageUp go back, Home and End to the ends.
  await expect(slideLabel(page)).toHaveText(`${n} / ${n}`);
  await page.keyboard.press('3');
  await expect(slideLabel(page)).toHaveText(`3 / ${n}`);
  expect(hashOf(page)).toBe(deck.entries[2]!.address);
  await page.keyboard.press('ArrowLeft');
  await expect(slideLabel(page)).toHaveText(`2 / ${n}`);
  await page.keyboard.press('PageUp');
  await expect(slideLabel(page)).toHaveText(`1 / ${n}`);
  await page.keyboard.press('End');
  await expect(slideLabel(page)).toHaveText(`${n} / ${n}`);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation-bar')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  // Leaving keeps the view on screen, with its address.
  expect(hashOf(page)).toBe(deck.entries[n - 1]!.address);
});

test('the demo comes with the final plan review as a deck, listed on Decks and presented from there at 1280×720 dark', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${host.url}#/decks`);
  await useDarkTheme(page, true);
  const decks = page.getByRole('list', { name: 'Decks' });
  await decks.getByRole('button', { name: /PI 26\.4 final plan review/ }).click();
  await expect(decks.getByRole('button', { name: /PI 26\.4 final plan review/ })).toContainText('6 views · 40:00');
  await expect(page.getByTestId('deck-entry')).toHaveCount(6);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  const headings = ['Plan', 'Plan', 'Plan', 'Risks (ROAM)', 'Confidence vote', 'Coordination'];
  for (const [i, heading] of headings.entries()) {
    await expect(slideLabel(page)).toHaveText(`${i + 1} / 6`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await settle(page);
    await checkRoomView(page, `demo deck ${i + 1}`);
    await page.screenshot({ path: `test-results/screenshots/demo-deck-${i + 1}.png` });
    await page.keyboard.press('ArrowRight');
  }
});

/** Opens the presenter view with V or the bar's button: the new window, at a laptop's size. */
async function openPresenterView(page: Page, how: 'key' | 'button'): Promise<Page> {
  const opening = page.context().waitForEvent('page');
  if (how === 'key') await page.keyboard.press('v');
  else await page.getByRole('button', { name: 'Presenter view (V)' }).click();
  const presenter = await opening;
  await presenter.setViewportSize({ width: 1440, height: 900 });
  return presenter;
}

/** The session's time the presenter view shows, in seconds ("Session 1:05 of 40:00 planned" → 65). */
async function sessionSeconds(presenter: Page): Promise<number> {
  const text = (await presenter.getByTestId('presenter-elapsed').textContent()) ?? '';
  const [, m, s] = /Session (\d+):(\d\d)/.exec(text) ?? [];
  return Number(m) * 60 + Number(s);
}

const presenterPosition = (presenter: Page) => presenter.getByTestId('presenter-position');

test('the presenter view: V opens it while the demo deck is presented; it steps the room’s window and follows it, and holds the countdown the room then no longer sees', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${host.url}#/decks`);
  await useDarkTheme(page, true);
  await page.getByRole('list', { name: 'Decks' }).getByRole('button', { name: /PI 26\.4 final plan review/ }).click();
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 6');
  // Without a presenter view the room's window is as it was: the countdown and the progress line.
  const timebox = page.getByTestId('timebox');
  const progress = page.getByRole('progressbar', { name: /^View \d \/ 6$/ });
  await expect(timebox).toBeVisible();
  await expect(progress).toBeVisible();

  const presenter = await openPresenterView(page, 'key');
  await expect(presenter).toHaveURL(/#\/presenter\?session=[0-9a-f-]+$/);
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText('The program board');
  await expect(presenterPosition(presenter)).toHaveText('View 1 / 6');
  const countdown = presenter.getByTestId('presenter-countdown');
  await expect(countdown).toHaveText(/^(10:00|9:[45]\d)$/);
  await expect(countdown).toHaveAttribute('data-tone', 'calm');
  await expect(presenter.getByTestId('presenter-next')).toContainText('How likely the plan holds · 5:00');
  await expect(presenter.getByTestId('presenter-elapsed')).toContainText('of 40:00 planned');
  const agenda = presenter.getByRole('list', { name: 'Agenda' });
  await expect(agenda.getByTestId('agenda-row')).toHaveCount(6);
  await expect(agenda.locator('[aria-current="step"]')).toContainText('The program board10:00');
  await expect(presenter).toHaveTitle('Presenter view: The program board – Interlock');

  // The countdown is the facilitator's alone now: the room's window shows neither it nor the progress.
  await expect(timebox).toHaveCount(0);
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'true');
  // The room's window is still presenting, full screen.
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);

  // Stepped from the presenter view, by its button and by a remote's key there: the room's window moves.
  await presenter.getByRole('button', { name: 'Next view' }).click();
  await expect(slideLabel(page)).toHaveText('2 / 6');
  expect(hashOf(page)).toBe('/plan?increment=PI+26.4&tab=confidence');
  await expect(presenterPosition(presenter)).toHaveText('View 2 / 6');
  await presenter.keyboard.press('PageDown');
  await expect(slideLabel(page)).toHaveText('3 / 6');
  await expect(presenterPosition(presenter)).toHaveText('View 3 / 6');
  // Stepped from the room's window: the presenter view follows.
  await page.keyboard.press('ArrowLeft');
  await expect(presenterPosition(presenter)).toHaveText('View 2 / 6');
  await expect(presenter.getByRole('heading', { level: 1 })).toHaveText('How likely the plan holds');
  await expect(agenda.locator('[aria-current="step"]')).toContainText('How likely the plan holds');
  // A view of the agenda, chosen there.
  await agenda.getByRole('button', { name: /Risks, ROAMed/ }).click();
  await expect(slideLabel(page)).toHaveText('4 / 6');
  await expect(page.getByRole('heading', { level: 1, name: 'Risks (ROAM)' })).toBeVisible();
  await expect(presenter.getByTestId('presenter-next')).toContainText('Confidence vote · 5:00');
  await settle(page);
  await checkRoomView(page, 'Risks, presented with a presenter view open');
  await page.screenshot({ path: 'test-results/screenshots/presenter-audience.png' });
  await presenter.screenshot({ path: 'test-results/screenshots/presenter-view.png' });
  await expectAccessible(presenter, 'presenter view, dark');

  // Reloaded, the presenter view picks up where the presentation is, its session's time going on.
  const before = await sessionSeconds(presenter);
  await presenter.reload();
  await expect(presenterPosition(presenter)).toHaveText('View 4 / 6');
  expect(await sessionSeconds(presenter)).toBeGreaterThanOrEqual(before);
  await expect(countdown).toHaveText(/^(10:00|9:\d\d)$/);
  await expect(timebox).toHaveCount(0);

  // Closed, it leaves the presentation as it was, and the room's window its countdown and progress.
  await presenter.close();
  await expect(timebox).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'View 4 / 6' })).toBeVisible();
  await expect(slideLabel(page)).toHaveText('4 / 6');
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(slideLabel(page)).toHaveText('5 / 6');
});

test('the presenter view from the bar’s button: its countdown turns red as the bar’s does; full screen dropped as it opens keeps the presentation; ended, it waits and follows the next one from that window', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  await openNewDeck(page, host, 'Stand-up of stand-ups', [
    { title: 'Where we are', address: '/overview', timeboxSeconds: 12 },
    { title: 'Risks', address: '/risks', timeboxSeconds: 120 },
  ]);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 2');
  const presenter = await openPresenterView(page, 'button');
  const countdown = presenter.getByTestId('presenter-countdown');
  await expect(countdown).toHaveAttribute('data-tone', 'calm');
  await expect(countdown).toHaveAttribute('data-tone', 'ending', { timeout: 10_000 });
  expect(await countdown.evaluate((e) => getComputedStyle(e).color)).toBe('rgb(255, 121, 97)');
  await presenter.screenshot({ path: 'test-results/screenshots/presenter-view-ending.png' });
  await expect(page.getByTestId('timebox')).toHaveCount(0);

  // Chromium leaves full screen as a page opens a window (headless does not: done here as it does).
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  await expect(slideLabel(page)).toHaveText('1 / 2');
  await page.getByRole('button', { name: 'Full screen' }).click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect(page.getByRole('button', { name: 'Full screen' })).toHaveCount(0);

  // Esc ends the presentation: the presenter view says so and waits.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presentation-bar')).toHaveCount(0);
  await expect(presenter.getByRole('heading', { level: 1, name: 'Not presenting' })).toBeVisible();
  // Presented again from that window, even reloaded meanwhile, the presenter view left open follows
  // it, and keeps the countdown.
  await page.reload();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Decks' }).click();
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(presenterPosition(presenter)).toHaveText('View 1 / 2');
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('timebox')).toHaveCount(0);
  await presenter.getByRole('button', { name: 'Next view' }).click();
  await expect(slideLabel(page)).toHaveText('2 / 2');
  await expect(presenter.getByRole('button', { name: 'Next view' })).toBeDisabled();
  await expect(presenter.getByTestId('presenter-next')).toContainText('The end of the deck');
});

// A presenter view that crashed says no bye: the room's window lets it go after 75 s of silence
// (presenter-link.ts), and not sooner, since a browser wakes a hidden window's timers once a minute.
// Playwright's clock is the context's, so it runs both windows' timers and performance.now(); the
// BroadcastChannel's messages are not timers and arrive as they are sent.
test('a presenter view that crashed, saying no bye, is let go after 75 s without word: the room’s window shows its countdown again, not at 60 s', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  await openNewDeck(page, host, 'Risk review', [
    { title: 'Risks', address: '/risks', timeboxSeconds: 600 },
    { title: 'Votes', address: '/confidence', timeboxSeconds: 300 },
  ]);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 2');
  const timebox = page.getByTestId('timebox');
  await expect(timebox).toBeVisible();

  const presenter = await openPresenterView(page, 'key');
  await expect(presenterPosition(presenter)).toHaveText('View 1 / 2');
  await expect(timebox).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'true');

  // As a crashed one, it falls silent without a bye. Not by crashing its renderer (CDP's Page.crash):
  // a popup shares its opener's renderer process, so that crashes the room's window too. Its
  // channel is struck dumb instead, then it is closed: the bye its pagehide sends goes nowhere.
  await presenter.evaluate(() => {
    BroadcastChannel.prototype.postMessage = () => {};
  });
  await presenter.close();
  await expect(slideLabel(page)).toHaveText('1 / 2');

  // A minute of silence (the room window's check runs every 2 s): it is still taken for open.
  await page.clock.fastForward('01:00');
  await page.clock.runFor(2_000);
  // Time for the room's window to draw what its check found (React draws after the timer, not in it).
  await page.waitForTimeout(500);
  await expect(slideLabel(page)).toHaveText('1 / 2');
  await expect(timebox).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'true');
  // Past 75 s: let go, and the room's bar has its countdown and the progress line back.
  await page.clock.fastForward('00:20');
  await page.clock.runFor(2_000);
  await expect(timebox).toBeVisible();
  // 10:00 less the 82 s and more that the clock went on: its countdown counted on meanwhile.
  await expect(timebox).toHaveText(/^8:[34]\d$/);
  await expect(page.getByRole('progressbar', { name: 'View 1 / 2' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Presenter view (V)' })).toHaveAttribute('aria-pressed', 'false');
  await expect(slideLabel(page)).toHaveText('1 / 2');
  await page.screenshot({ path: 'test-results/screenshots/presenter-crashed-countdown-back.png' });
});

test('presenting, Enter and Space act on the focused button or card, a lifted risk keeps the arrows, the remote still steps', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openNewDeck(page, host, 'ROAM in the room', [
    { title: 'Risks', address: '/risks', timeboxSeconds: null },
    { title: 'Votes', address: '/confidence', timeboxSeconds: null },
  ]);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 2');
  // The desk's tools are not shown to the room: exports, the template, who changes are recorded as.
  // Asked once the page has drawn its toolbar (before, a count of 0 proves nothing), and asked of
  // what is visible: getByLabel also finds a field its room style hides.
  await expect(page.getByRole('button', { name: 'New risk' })).toBeVisible();
  const deskTools = [page.getByRole('button', { name: 'Export CSV' }), page.getByRole('button', { name: 'Download the CSV template' }), page.getByLabel('Changes recorded as')];
  for (const tool of deskTools) await expect(tool.filter({ visible: true })).toHaveCount(0);

  // Every risk's title is whole on the projector (clamped to three lines, the room read
  // "Load-test environment shared by fou…" of the risk it was ROAMing).
  const titles = page.getByTestId('risk-title');
  expect(await titles.count()).toBeGreaterThan(5);
  const clipped = await titles.evaluateAll((nodes) => nodes.filter((n) => n.scrollHeight > n.clientHeight + 1).map((n) => n.textContent));
  expect(clipped).toEqual([]);

  // Enter on "New risk" opens its dialog; Escape closes the dialog, not the presentation.
  await page.getByRole('button', { name: 'New risk' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(slideLabel(page)).toHaveText('1 / 2');

  // A risk ROAMed by keyboard in the room: Space lifts it, → carries it, Space drops it.
  await carryRiskRight(page, 'RISK-5', 'Not yet ROAMed', 'Resolved');
  await expect(page.locator('[data-column="resolved"] [data-risk="RISK-5"]')).toBeVisible();
  await expect(slideLabel(page)).toHaveText('1 / 2');

  // A scope picked from a dropdown leaves the focus on the closed dropdown: the remote's PageDown
  // still steps the deck (it stayed put until the facilitator clicked elsewhere).
  await page.getByRole('combobox', { name: 'Scope' }).click();
  await page.getByRole('option', { name: /^Whole increment: PI 26.4/ }).click();
  await expect(page.getByRole('combobox', { name: /Scope/ })).toBeFocused();
  await expect(slideLabel(page)).toHaveText('1 / 2');

  // A remote's PageDown steps the deck wherever the focus is.
  await page.keyboard.press('PageDown');
  await expect(slideLabel(page)).toHaveText('2 / 2');
  await expect(page.getByRole('heading', { name: /Whole increment|PI 26/ }).first()).toBeVisible();
  const deleteRound = page.getByRole('button', { name: /^Delete this round/ });
  await expect(deleteRound).toHaveCount(0);
  // At the desk they are all there.
  await page.keyboard.press('Escape');
  await expect(slideLabel(page)).toHaveCount(0);
  expect(await deleteRound.count()).toBeGreaterThan(0);
  await page.goto(`${host.url}#/risks`);
  for (const tool of deskTools) await expect(tool.filter({ visible: true })).toHaveCount(1);
});

test('a deck edited, rehearsed and left unsaved keeps its edits on coming back; saved, it says so no more', async ({ page, host }) => {
  const deck = await openNewDeck(page, host, 'Rehearsal', [
    { title: 'Where we are', address: '/overview', timeboxSeconds: null },
    { title: 'Risks', address: '/risks', timeboxSeconds: null },
  ]);
  await expect(page.getByTestId('deck-unsaved')).toHaveCount(0);
  await page.getByLabel('Title of view 1').fill('Where we stand');
  await page.getByRole('button', { name: 'Move view 1 down' }).click();
  await expect(page.getByTestId('deck-unsaved')).toHaveText('Unsaved changes');

  // Rehearsed as edited, then back to the Decks page: the edits are there.
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 2');
  expect(hashOf(page)).toBe('/risks');
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Decks' }).click();
  await expect(page.getByLabel('Title of view 2')).toHaveValue('Where we stand');
  await expect(page.getByTestId('deck-unsaved')).toHaveText('Unsaved changes');

  await page.getByRole('button', { name: 'Save deck' }).click();
  await expect(page.getByTestId('deck-unsaved')).toHaveCount(0);
  const saved = await invoke<{ entries: Entry[] }>(page.request, host, 'deck.get', { id: deck.id });
  expect(saved.entries.map((e) => e.title)).toEqual(['Risks', 'Where we stand']);
  // Discarding goes back to the deck as saved.
  await page.getByLabel('Deck name').fill('Rehearsal, renamed');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByLabel('Deck name')).toHaveValue('Rehearsal');
  await expect(page.getByTestId('deck-unsaved')).toHaveCount(0);
});

test('a view added with “Add to deck” on another page joins the unsaved edits of that deck instead of replacing them', async ({ page, host }) => {
  await openNewDeck(page, host, 'Readout', [
    { title: 'Where we are', address: '/overview', timeboxSeconds: null },
    { title: 'Risks', address: '/risks', timeboxSeconds: null },
  ]);
  await page.getByLabel('Title of view 1').fill('Where we stand');
  await expect(page.getByTestId('deck-unsaved')).toHaveText('Unsaved changes');
  // In the same window (a reload would end every unsaved draft, as it ends the window's state).
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Delivery' }).click();
  await settle(page);
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await dialog.getByLabel('Deck', { exact: true }).click();
  await page.getByRole('option', { name: 'Readout' }).click();
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Decks' }).click();
  await expect(page.getByLabel('Title of view 1')).toHaveValue('Where we stand');
  await expect(page.getByLabel('Address of view 3')).toHaveValue('/delivery');
  await expect(page.getByTestId('deck-unsaved')).toHaveText('Unsaved changes');
});

test('the same deck presented in the light theme passes axe on every view', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, false);
  const deck = await saveDeck(page, host);
  await page.goto(`${host.url}#/decks?deck=${deck.id}`);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  for (const [i, entry] of deck.entries.entries()) {
    await expect(slideLabel(page)).toHaveText(`${i + 1} / ${deck.entries.length}`);
    await settle(page);
    await expectAccessible(page, `${i + 1}. ${entry.title}, presented, light`);
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
});

test('F5 and P present the page on screen without a deck; Esc leaves', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${host.url}#/flow`);
  await settle(page);
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toContainText('Esc leaves');
  await expect(page.getByRole('banner')).toHaveCount(0);
  // Not a reload: the page and its state are still there.
  await expect(page.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
  await settle(page);
  await checkRoomView(page, 'Flow, presented without a deck');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('banner')).toBeVisible();
  // P inside a text field is a letter, not a command.
  await page.goto(`${host.url}#/decks?deck=new`);
  await page.getByLabel('Deck name').fill('Plan review');
  await expect(page.getByLabel('Deck name')).toHaveValue('Plan review');
  await expect(page.getByTestId('presentation-bar')).toHaveCount(0);
  await page.locator('main h1').click();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Leave presentation mode (Esc)' })).toBeVisible();
  await page.getByRole('button', { name: 'Leave presentation mode (Esc)' }).click();
  await expect(page.getByTestId('presentation-bar')).toHaveCount(0);
});

// Their headings were sized in rem, which the room's type scale does not reach: 18.4 px at 1280×720
// and the same at 1920×1080, where everything else is half as large again.
test('presented, the Risks and Confidence pages follow the room’s type at 1280×720 and 1920×1080', async ({ page, host }) => {
  test.setTimeout(120_000);
  for (const { width, height, floor } of [
    { width: 1280, height: 720, floor: 20 },
    { width: 1920, height: 1080, floor: 30 },
  ]) {
    await page.setViewportSize({ width, height });
    for (const route of ['/risks', '/confidence']) {
      const view = `${route} at ${width}×${height}`;
      await page.goto(`${host.url}#${route}`);
      await settle(page);
      await page.locator('main h1').first().click();
      await page.keyboard.press('F5');
      await expect(page.getByTestId('presentation-bar')).toBeAttached();
      await settle(page);
      // Presented, the vote's entry form opens on demand: measured open, every field's label with it.
      if (route === '/confidence') await page.getByRole('button', { name: 'Enter a round' }).click();
      const sizes = await renderedTextSizes(page);
      expect(sizes.html.length, `${view}: no text found`).toBeGreaterThan(0);
      expectTextAtLeast(sizes.html, floor, view);
      if (route === '/confidence') {
        // Every count's label whole at the room's type ("Votes of 1", not "Votes o…").
        const labels = page.locator('label', { hasText: /^Votes of \d$/ });
        await expect(labels).toHaveCount(5);
        for (const label of await labels.all()) expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth), `${view}: ${await label.textContent()}`).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('presentation-bar')).toHaveCount(0);
    }
  }
});

test('presented at 1280×720 in the dark theme, the program board shows every iteration and the window scrolls every row into view', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  await page.goto(`${host.url}#/plan`);
  const board = page.getByTestId('program-board');
  await expect(board.getByRole('columnheader').nth(1)).toBeVisible({ timeout: 30_000 });
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await settle(page);
  // Iteration 5 was hidden and Iteration 4 cut beside the side panel, and ← → step the deck.
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-top.png' });
  const shownRight = await board.evaluate((e) => Math.min(e.getBoundingClientRect().right, window.innerWidth));
  const headers = await board.getByRole('columnheader').evaluateAll((els) => els.map((e) => ({ text: e.textContent, right: e.getBoundingClientRect().right })));
  expect(headers.length).toBeGreaterThan(5);
  expect(headers.filter((h) => h.right > shownRight + 0.5)).toEqual([]);
  // The board scrolls nothing of its own (it showed one team of twelve): the window's ↓ reaches its last row.
  const inner = await board.evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight, width: e.scrollWidth - e.clientWidth }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client + 1);
  expect(inner.width).toBeLessThanOrEqual(1);
  const lastCell = board.locator('[data-testid^="cell:"]').last();
  for (let i = 0; i < 200 && !(await lastCell.evaluate((e) => e.getBoundingClientRect().top < window.innerHeight)); i++) await page.keyboard.press('ArrowDown');
  expect(await lastCell.evaluate((e) => e.getBoundingClientRect().top < window.innerHeight)).toBe(true);
  // The iterations' names stay at the window's top while the rows scroll under them.
  const header = await board.getByRole('columnheader').nth(1).boundingBox();
  expect(header!.y).toBeGreaterThanOrEqual(-1);
  expect(header!.y).toBeLessThan(10);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board.png' });
});

interface PlanBoard {
  increment: { id: number; name: string; start: string; capacityUnit: string; iterations: { id: number; name: string; start: string; end: string; teamKey: string | null }[] };
  teams: { key: string; name: string }[];
  cells: { teamKey: string; columnId: number; cards: { key: string }[] }[];
}

/** PI 26.4 made an increment of 8 iterations: its IP iteration renamed Iteration 5, then 6, 7 and a new IP iteration, with one card of the first team in it. */
async function planEightIterations(page: Page, host: { origin: string; token: string }): Promise<{ names: string[]; team: string; lastCard: string }> {
  const board = await invoke<PlanBoard>(page.request, host, 'plan.board', {});
  const { increment } = board;
  await invoke(page.request, host, 'plan.increment.save', { id: increment.id, name: increment.name, start: increment.start, end: '2027-02-28', capacityUnit: increment.capacityUnit });
  const ip = increment.iterations.find((i) => i.name === 'IP iteration' && i.teamKey === null)!;
  await invoke(page.request, host, 'plan.iteration.save', { incrementId: increment.id, id: ip.id, name: 'Iteration 5', start: ip.start, end: ip.end, teamKey: null });
  let view = increment;
  for (const [name, start, end] of [
    ['Iteration 6', '2027-01-18', '2027-01-31'],
    ['Iteration 7', '2027-02-01', '2027-02-14'],
    ['IP iteration', '2027-02-15', '2027-02-28'],
  ] as const) {
    view = await invoke<PlanBoard['increment']>(page.request, host, 'plan.iteration.save', { incrementId: increment.id, name, start, end, teamKey: null });
  }
  const names = view.iterations.filter((i) => i.teamKey === null).map((i) => i.name);
  expect(names).toEqual(['Iteration 1', 'Iteration 2', 'Iteration 3', 'Iteration 4', 'Iteration 5', 'Iteration 6', 'Iteration 7', 'IP iteration']);
  const team = board.teams[0]!.key;
  const lastCard = board.cells.find((c) => c.teamKey === team && c.cards.length > 0)!.cards[0]!.key;
  const last = view.iterations.find((i) => i.name === 'IP iteration' && i.teamKey === null)!;
  await invoke(page.request, host, 'plan.item.place', { incrementId: increment.id, itemKey: lastCard, teamKey: team, iterationId: last.id });
  return { names, team, lastCard };
}

// Six iterations fitted a 1280 px projector beside the team column; the seventh and eighth were cut
// off at the screen's edge, and ← → step the deck, so the room never saw them.
test('presented at 1280×720 in the dark theme, a plan of 8 iterations shows every one, as many as the room can read at once, the others a key or a click away, and says which', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  const { names, team, lastCard } = await planEightIterations(page, host);
  await openNewDeck(page, host, 'Eight iterations', [
    { title: 'Where we are', address: '/overview', timeboxSeconds: null },
    { title: 'The program board', address: '/plan', timeboxSeconds: null },
    { title: 'The board’s last iterations', address: '/plan?iteration=8', timeboxSeconds: null },
  ]);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  await expect(slideLabel(page)).toHaveText('1 / 3');
  await page.keyboard.press('ArrowRight');
  await expect(slideLabel(page)).toHaveText('2 / 3');
  const board = page.getByTestId('program-board');
  await expect(board.getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible({ timeout: 30_000 });
  await settle(page);

  /** The iterations on screen, after checking that none is cut off, nothing scrolls sideways and the text keeps the room's floor. */
  const shownIterations = async (view: string): Promise<string[]> => {
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${view}: the page scrolls sideways (${overflow.past.join('; ')})`).toBeLessThanOrEqual(overflow.clientWidth);
    const inner = await board.evaluate((e) => ({ right: Math.min(e.getBoundingClientRect().right, window.innerWidth), wider: e.scrollWidth - e.clientWidth }));
    expect(inner.wider, `${view}: the board is wider than its box`).toBeLessThanOrEqual(1);
    // Every header drawn, and every card, lies whole inside the board and its text inside its box.
    const headers = await board.getByRole('columnheader').evaluateAll((els) => els.slice(1).map((e) => ({ name: e.firstElementChild?.textContent ?? '', right: e.getBoundingClientRect().right, spills: e.scrollWidth > e.clientWidth })));
    expect(headers.filter((h) => h.right > inner.right + 0.5 || h.spills), `${view}: iterations cut off`).toEqual([]);
    const cards = await board.locator('[data-card]').evaluateAll((els, right) => els.filter((e) => e.getBoundingClientRect().right > right + 0.5 || e.scrollWidth > e.clientWidth + 1).map((e) => e.getAttribute('data-card')), inner.right);
    expect(cards, `${view}: cards cut off`).toEqual([]);
    const titles = await board.locator('.ilk-title').evaluateAll((els) => els.filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(titles, `${view}: card titles cut`).toEqual([]);
    const sizes = await renderedTextSizes(page);
    expectTextAtLeast(sizes.html, 20, view);
    return headers.map((h) => h.name);
  };

  const seen = new Set(await shownIterations('the board presented'));
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-8-first.png' });
  await expectAccessible(page, 'the board of 8 iterations, presented, dark');
  // Not all of them fit: the board says which it shows, and the next ones are a key away, not ← →.
  expect(seen.size).toBeLessThan(names.length);
  expect(seen.size).toBeGreaterThanOrEqual(6);
  const pager = page.getByTestId('iteration-pager');
  await expect(pager).toBeVisible();
  await expect(pager).toContainText(`Iterations 1–${seen.size} of ${names.length}`);
  await expect(board.locator(`[data-card="${lastCard}"]`)).toHaveCount(0);
  for (let i = 0; i < names.length && seen.size < names.length; i++) {
    await page.keyboard.press('>');
    await expect(slideLabel(page)).toHaveText('2 / 3');
    for (const name of await shownIterations(`the board after > ${i + 1}`)) seen.add(name);
  }
  expect([...seen].sort()).toEqual([...names].sort());
  await expect(pager).toContainText(new RegExp(`–${names.length} of ${names.length}`));
  await expect(board.getByRole('columnheader', { name: /IP iteration/ })).toBeVisible();
  await expect(board.locator(`[data-testid^="cell:${team}:"] [data-card="${lastCard}"]`)).toBeVisible();
  // What the board shows stays said, in the header row, while ↓ scrolls the rows to the last.
  const lastCell = board.locator('[data-testid^="cell:"]').last();
  for (let i = 0; i < 200 && !(await lastCell.evaluate((e) => e.getBoundingClientRect().bottom <= window.innerHeight)); i++) await page.keyboard.press('ArrowDown');
  expect((await pager.boundingBox())!.y).toBeGreaterThanOrEqual(0);
  expect((await pager.boundingBox())!.y).toBeLessThan(20);
  // The picture once the window has stopped scrolling: taken mid-scroll, it showed the header row a band below the top.
  await page.evaluate(() => new Promise<void>((resolve) => {
    let last = -1;
    const settle = () => (window.scrollY === last ? resolve() : ((last = window.scrollY), requestAnimationFrame(() => requestAnimationFrame(settle))));
    settle();
  }));
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-8-last.png' });

  // A card carried by keyboard (Alt + an arrow) onto an iteration not shown brings its page, and keeps the focus.
  await page.keyboard.press('Home');
  await expect(slideLabel(page)).toHaveText('1 / 3');
  await page.keyboard.press('ArrowRight');
  await expect(pager).toContainText(/Iterations 1–\d of 8/);
  await page.keyboard.press('>');
  await expect(pager).toContainText(/Iterations [2-8]–8 of 8/);
  const firstShown = board.locator(`[data-testid^="cell:${team}:"]`).first().locator('[data-card]').first();
  const moved = (await firstShown.getAttribute('data-card'))!;
  await firstShown.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(pager).toContainText(/Iterations 1–\d of 8/);
  await expect(board.locator(`[data-card="${moved}"]`)).toBeFocused();
  await expect(slideLabel(page)).toHaveText('2 / 3');

  // The same by the visible control.
  await page.getByRole('button', { name: 'Later iterations' }).click();
  await expect(board.getByRole('columnheader', { name: /IP iteration/ })).toBeVisible();
  await page.getByRole('button', { name: 'Earlier iterations' }).click();
  await expect(pager).toContainText(/Iterations 1–\d of 8/);
  await expect(board.getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
  await expect(board.getByRole('columnheader', { name: /IP iteration/ })).toHaveCount(0);
  // The remote's keys still step the deck, the focus on the pager's button or not: the deck's next
  // view is the board from its 8th iteration (the page that holds it); back on the board's first
  // view, it starts at its first iterations.
  await page.getByRole('button', { name: 'Later iterations' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(slideLabel(page)).toHaveText('3 / 3');
  await expect(pager).toContainText(/Iterations [2-8]–8 of 8/);
  await expect(board.getByRole('columnheader', { name: /IP iteration/ })).toBeVisible();
  await page.keyboard.press('PageUp');
  await expect(slideLabel(page)).toHaveText('2 / 3');
  await expect(board.getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible();
  await expect(pager).toContainText(/Iterations 1–\d of 8/);

  // At the desk the board is as it was: every iteration, scrolled sideways inside its own box.
  await page.keyboard.press('Escape');
  await expect(slideLabel(page)).toHaveCount(0);
  await expect(pager).toHaveCount(0);
  await expect(board.getByRole('columnheader')).toHaveCount(names.length + 1);
  expect(await board.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
});

// Paging to the last page disabled the button in use, and the browser dropped the focus to the
// page's body: a facilitator paging by keyboard or a clicker's Enter lost the pager.
test('presented, the pager button that pages to the end hands the focus to the other one, by key, Enter or click', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  await planEightIterations(page, host);
  await page.goto(`${host.url}#/plan`);
  const board = page.getByTestId('program-board');
  await expect(board.getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible({ timeout: 30_000 });
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  const pager = page.getByTestId('iteration-pager');
  const earlier = page.getByRole('button', { name: 'Earlier iterations' });
  const later = page.getByRole('button', { name: 'Later iterations' });
  await expect(pager).toContainText('Iterations 1–7 of 8');

  await later.focus();
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Iterations 2–8 of 8');
  await expect(later).toBeDisabled();
  await expect(earlier).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-8-pager-focus.png' });
  await page.keyboard.press('Enter');
  await expect(pager).toContainText('Iterations 1–7 of 8');
  await expect(later).toBeFocused();
  // The board's own key, pressed on the button.
  await page.keyboard.press('>');
  await expect(pager).toContainText('Iterations 2–8 of 8');
  await expect(earlier).toBeFocused();
  // A click focuses the button too.
  await earlier.click();
  await expect(pager).toContainText('Iterations 1–7 of 8');
  await expect(later).toBeFocused();
});

// Across pages of iterations, a line to a provider on a later page was a stub pointing left (as to
// a provider not on the board, or on an earlier page), and a line whose consumer was on another page
// was not drawn at all: the room saw nothing of what the card on screen is waited on for.
test('presented a page of iterations at a time, a line with an end on another page is a stub pointing to that page, from either end', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  const { lastCard } = await planEightIterations(page, host);
  const placed = await invoke<PlanBoard>(page.request, host, 'plan.board', {});
  const columns = placed.increment.iterations.filter((i) => i.teamKey === null);
  const [first, last] = [columns[0]!.id, columns.at(-1)!.id];
  const inFirst = placed.cells.filter((c) => c.columnId === first).flatMap((c) => c.cards.map((k) => k.key)).filter((k) => k !== lastCard);
  const [consumerFirst, providerFirst, moved] = inFirst;
  // A card of Iteration 1 waits on one of the IP iteration (the 8th); one of the IP iteration on one of Iteration 1.
  const movedTeam = placed.cells.find((c) => c.cards.some((k) => k.key === moved))!.teamKey;
  await invoke(page.request, host, 'plan.item.place', { incrementId: placed.increment.id, itemKey: moved, teamKey: movedTeam, iterationId: last });
  const later = (await invoke<{ key: string }>(page.request, host, 'plan.dependency.add', { consumerKey: consumerFirst, providerKey: lastCard })).key;
  const earlier = (await invoke<{ key: string }>(page.request, host, 'plan.dependency.add', { consumerKey: moved, providerKey: providerFirst })).key;

  await page.goto(`${host.url}#/plan?lines=all`);
  const board = page.getByTestId('program-board');
  await expect(board.getByRole('columnheader', { name: /Iteration 1/ })).toBeVisible({ timeout: 30_000 });
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  const pager = page.getByTestId('iteration-pager');
  await expect(pager).toContainText('Iterations 1–7 of 8');
  await settle(page);

  /** The window scrolled to a card, and still (a picture taken mid-scroll shows the header row a band below the top). */
  const scrolledTo = async (card: string) => {
    await board.locator(`[data-card="${card}"]`).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise<void>((resolve) => {
      let last = -1;
      const still = () => (window.scrollY === last ? resolve() : ((last = window.scrollY), requestAnimationFrame(() => requestAnimationFrame(still))));
      still();
    }));
  };
  /** Where the line's symbol lies from the card it is drawn at: its stub's side, and the symbol left or right of the card. */
  const stubAt = async (dependency: string, card: string) => {
    const line = page.locator(`[data-testid="dependency-lines"] g[data-dependency="${dependency}"]`);
    await expect(line, `${dependency} drawn`).toHaveCount(1);
    const [symbol, box] = [(await line.locator('circle').boundingBox())!, (await board.locator(`[data-card="${card}"]`).boundingBox())!];
    const centre = symbol.x + symbol.width / 2;
    // The arrowhead at the card's edge, in the cell's padding: the symbol may lie under the next column's cards.
    const arrow = await line.locator('[data-arrow]').boundingBox();
    const beside = arrow !== null && (arrow.x >= box.x + box.width - 1 || arrow.x + arrow.width <= box.x + 1);
    return { stub: await line.getAttribute('data-stub'), symbol: centre > box.x + box.width ? 'right' : centre < box.x ? 'left' : 'on', beside };
  };
  // Iterations 1–7: the provider of Iteration 1's card is on the next page, to the right; the
  // consumer of Iteration 1's provider too.
  await expect(board.locator(`[data-card="${lastCard}"]`)).toHaveCount(0);
  expect(await stubAt(later, consumerFirst)).toEqual({ stub: 'right', symbol: 'right', beside: true });
  expect(await stubAt(earlier, providerFirst)).toEqual({ stub: 'right', symbol: 'right', beside: true });
  await scrolledTo(consumerFirst);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-8-stubs-first.png' });

  // Iterations 2–8: both ends in Iteration 1 are on the page before, to the left.
  await page.keyboard.press('>');
  await expect(pager).toContainText('Iterations 2–8 of 8');
  await expect(board.locator(`[data-card="${consumerFirst}"]`)).toHaveCount(0);
  // At once: the cards of the page are measured as it is drawn, not when something else resizes the board.
  expect(await stubAt(later, lastCard)).toEqual({ stub: 'left', symbol: 'left', beside: true });
  expect(await stubAt(earlier, moved)).toEqual({ stub: 'left', symbol: 'left', beside: true });
  await scrolledTo(lastCard);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-8-stubs-last.png' });
});

/** The day `days` after an ISO day. */
const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// A milestone on a day no iteration holds (the weekend between two) was drawn in no column of the
// board: neither the desk nor the room saw it.
test('a milestone between two iterations is drawn at their boundary, saying so, at a desk and presented at 1280×720 in the dark theme', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(host.url);
  await useDarkTheme(page, true);
  const { increment } = await invoke<PlanBoard>(page.request, host, 'plan.board', {});
  const [, second, third] = increment.iterations.filter((i) => i.teamKey === null);
  expect([second!.name, third!.name]).toEqual(['Iteration 2', 'Iteration 3']);
  // Iteration 2 ends on the Friday: its weekend before Iteration 3 is a gap. Saturday is nearer
  // Iteration 2, Sunday Iteration 3.
  const friday = dayAfter(third!.start, -3);
  await invoke(page.request, host, 'plan.iteration.save', { incrementId: increment.id, id: second!.id, name: second!.name, start: second!.start, end: friday, teamKey: null });
  await invoke(page.request, host, 'plan.milestone.save', { incrementId: increment.id, name: 'Vendor sign-off', date: dayAfter(friday, 1) });
  await invoke(page.request, host, 'plan.milestone.save', { incrementId: increment.id, name: 'Release train sync', date: dayAfter(friday, 2) });
  await page.goto(`${host.url}#/plan`);
  const board = page.getByTestId('program-board');
  await expect(board.getByRole('columnheader').nth(1)).toBeVisible({ timeout: 30_000 });

  /** Each milestone of the gap: in its iteration's lane, against the edge facing its day, whole inside it. */
  const checkLane = async (view: string) => {
    const signOff = board.locator(`[data-milestones="${second!.id}"] [data-testid="milestone"]`, { hasText: 'Vendor sign-off' });
    const sync = board.locator(`[data-milestones="${third!.id}"] [data-testid="milestone"]`, { hasText: 'Release train sync' });
    await expect(signOff, view).toContainText('between Iteration 2 and Iteration 3');
    await expect(sync, view).toContainText('between Iteration 2 and Iteration 3');
    await expect(signOff).toHaveAttribute('data-outside', 'after');
    await expect(sync).toHaveAttribute('data-outside', 'before');
    const near = async (milestone: Locator, lane: string) => {
      const [m, l] = [(await milestone.boundingBox())!, (await board.locator(`[data-milestones="${lane}"]`).boundingBox())!];
      expect(m.x, `${view}: inside its lane`).toBeGreaterThanOrEqual(l.x - 0.5);
      expect(m.x + m.width, `${view}: inside its lane`).toBeLessThanOrEqual(l.x + l.width + 0.5);
      return { left: m.x - l.x, right: l.x + l.width - (m.x + m.width) };
    };
    expect((await near(signOff, String(second!.id))).right, `${view}: against Iteration 2's end`).toBeLessThan(12);
    expect((await near(sync, String(third!.id))).left, `${view}: against Iteration 3's start`).toBeLessThan(12);
  };
  await checkLane('at a desk');
  await board.evaluate((b) => b.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screenshots/plan-board-milestone-gap.png' });

  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await settle(page);
  await checkLane('presented');
  expectTextAtLeast((await renderedTextSizes(page)).html, 20, 'the board presented');
  await board.evaluate((b) => b.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => new Promise<void>((resolve) => {
    let last = -1;
    const still = () => (window.scrollY === last ? resolve() : ((last = window.scrollY), requestAnimationFrame(() => requestAnimationFrame(still))));
    still();
  }));
  await page.screenshot({ path: 'test-results/screenshots/room-plan-board-milestone-gap.png' });
});

test('presented at 1280×720, the plan’s confidence tables fit the screen’s width and run their full height; a date, and a number with its unit, stay on one line', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${host.url}#/plan?tab=confidence`);
  const objectives = page.getByRole('table', { name: 'Objectives' });
  await expect(objectives).toBeVisible({ timeout: 30_000 });
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await settle(page);
  const tables = page.getByRole('table');
  expect((await tablesOverflow(tables)).filter((t) => !t.endsWith(': 0'))).toEqual([]);
  // A box sized for the desk showed three rows; then one of the screen's height, six of 24: now no
  // box, the table as tall as its rows (the window scrolls them, see the test below).
  await objectives.evaluate((t) => t.parentElement!.scrollIntoView({ block: 'start' }));
  expect((await objectives.locator('xpath=..').boundingBox())!.height).toBeGreaterThan(480);
  const box = await objectives.evaluate((t) => ({ scroll: t.parentElement!.scrollHeight, client: t.parentElement!.clientHeight, table: t.getBoundingClientRect().height }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  expect(box.client).toBeGreaterThanOrEqual(Math.floor(box.table));
  // "All planned work done by 2027-01-17": the date whole on its line, not "2027-01-" above "17".
  const date = page.getByTestId('confidence-all-planned').locator('span', { hasText: /^\d{4}-\d\d-\d\d$/ });
  expect((await date.evaluate((el) => el.getClientRects().length))).toBe(1);
  // A number stays with its unit: "71 %", not "71" above "%".
  const linesPerNumber = await objectives.locator('td.numeric').evaluateAll((cells) =>
    cells.map((td) => {
      // The lines its text lies on (a cell's coloured dot is not text).
      const tops = new Set<number>();
      const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
      }
      return tops.size;
    }),
  );
  expect(linesPerNumber.length).toBeGreaterThan(0);
  expect(linesPerNumber.filter((lines) => lines > 1)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-table.png' });
});

/** Boxes inside `area` that scroll their own content: what they hide, a remote cannot reach. */
async function innerScrollBoxes(area: Locator): Promise<string[]> {
  return area.evaluate((root) =>
    [root, ...Array.from(root.querySelectorAll('*'))]
      .filter((e) => {
        const style = getComputedStyle(e);
        return /auto|scroll/.test(`${style.overflowX} ${style.overflowY}`) && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
      })
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.getAttribute('class') ?? '').split(' ')[0]} ${e.clientHeight} of ${e.scrollHeight} px`),
  );
}

/** Presses ↓ as a remote does, until `target`'s bottom is above the window's bottom edge (or the window can go no further). */
async function scrollWindowDownTo(page: Page, target: Locator): Promise<void> {
  const below = () => target.evaluate((e) => e.getBoundingClientRect().bottom > window.innerHeight + 0.5 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1);
  for (let i = 0; i < 400 && (await below()); i++) await page.keyboard.press('ArrowDown');
}

/**
 * Scrolls the window (↓, as a remote) to the last row of each table named, in page order, and
 * checks it lies whole on screen, below its table's header row, which sticks to the window's top
 * once the table's top has scrolled past it.
 */
async function expectLastRowsReached(page: Page, names: string[]) {
  for (const name of names) {
    const table = page.getByRole('table', { name, exact: true });
    const last = table.locator('tbody tr').last();
    await scrollWindowDownTo(page, last);
    const at = await last.evaluate((row) => {
      const r = row.getBoundingClientRect();
      const table = row.closest('table')!;
      // Its header cells stick (MUI's sticky header), not the row's group.
      const head = table.querySelector('thead th')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight, headBottom: head.bottom, headTop: head.top, tableTop: table.getBoundingClientRect().top };
    });
    expect(at.bottom, `${name}: its last row is below the screen`).toBeLessThanOrEqual(at.height + 0.5);
    expect(at.top, `${name}: its last row is under its header row`).toBeGreaterThanOrEqual(at.headBottom - 0.5);
    // Scrolled past the table's top, the header row stays at the window's top.
    if (at.tableTop < -1) expect(at.headTop, `${name}: its header row scrolled away`).toBeGreaterThanOrEqual(-1);
    if (at.tableTop < -1) expect(at.headTop, `${name}: its header row scrolled away`).toBeLessThan(2);
  }
  await expectClearOfTheBarAtTheBottom(page, page.getByRole('table', { name: names.at(-1)!, exact: true }).locator('tbody tr').last());
}

/** With the window scrolled to its bottom (↓ as far as it goes), `last` lies whole on screen, above the presentation bar in the corner. */
async function expectClearOfTheBarAtTheBottom(page: Page, last: Locator) {
  const atBottom = () => page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
  for (let i = 0; i < 400 && !(await atBottom()); i++) await page.keyboard.press('ArrowDown');
  expect(await atBottom()).toBe(true);
  const row = (await last.boundingBox())!;
  const bar = (await page.getByTestId('presentation-bar').locator('> div').last().boundingBox())!;
  expect(row.y).toBeGreaterThanOrEqual(0);
  expect(row.y + row.height, 'the last row is under the presentation bar').toBeLessThanOrEqual(bar.y + 0.5);
}

/** Opens `address` at 1280×720 in the dark theme, at a desk, and waits for `ready`. */
async function openDarkAt1280(page: Page, url: string, address: string, ready: Locator) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(url);
  await useDarkTheme(page, true);
  await page.goto(`${url}#${address}`);
  await expect(ready).toBeVisible({ timeout: 30_000 });
}

/** Presents the page on screen (F5, no deck), with the focus on the page, as a remote leaves it. */
async function presentThisPage(page: Page) {
  await page.locator('main h1').first().click();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presentation-bar')).toBeAttached();
  await settle(page);
}

// Presented, each table was a 600 px box with a scroll bar of its own (Objectives 600 of 2,166 px,
// Planned items 600 of 12,585): the room saw 6 of 24 objectives, and a remote's ↓ moves the window.
test('presented at 1280×720 in the dark theme, the plan’s confidence tables run their full height, the window’s ↓ reaches each one’s last row under its header row', async ({ page, host }) => {
  test.setTimeout(120_000);
  const objectives = page.getByRole('table', { name: 'Objectives' });
  await openDarkAt1280(page, host.url, '/plan?tab=confidence', objectives);
  const atDesk = { objectives: await objectives.locator('tbody tr').count(), items: await page.getByRole('table', { name: 'Planned items' }).locator('tbody tr').count() };
  await presentThisPage(page);
  const panel = page.getByTestId('plan-confidence');
  expect(await innerScrollBoxes(panel)).toEqual([]);
  // Every objective; the features and planned items, hundreds of them, by their lowest odds, and a word of the others.
  expect(await objectives.locator('tbody tr').count()).toBe(atDesk.objectives);
  expect(atDesk.items).toBeGreaterThan(12);
  await expect(page.getByRole('table', { name: 'Planned items' }).locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('table-item-odds-rest')).toHaveText(new RegExp(`^The first 12 of ${atDesk.items}\\. The other ${atDesk.items - 12} planned items, none with odds below \\d+\\u00a0%, are at the desk and in the CSV\\.$`));
  await expectLastRowsReached(page, ['Objectives', 'Features', 'Planned items', 'Teams']);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-end.png' });
  await page.getByTestId('table-item-odds-rest').evaluate((note) => note.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-items.png' });
  // Halfway down the objectives, their header row is at the window's top.
  await objectives.locator('tbody tr').nth(12).evaluate((row) => row.scrollIntoView({ block: 'center' }));
  const head = await objectives.locator('thead th').first().boundingBox();
  expect(head!.y).toBeGreaterThanOrEqual(-1);
  expect(head!.y).toBeLessThan(2);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-confidence-sticky.png' });
});

test('presented at 1280×720 in the dark theme, the Forecast page’s backtest runs run their full height, the window’s ↓ reaches the last', async ({ page, host }) => {
  const runs = page.getByRole('table', { name: 'Backtest runs' });
  await openDarkAt1280(page, host.url, '/forecast', runs);
  const atDesk = await runs.locator('tbody tr').count();
  await presentThisPage(page);
  expect(await innerScrollBoxes(page.getByTestId('table-backtest-runs'))).toEqual([]);
  expect(await runs.locator('tbody tr').count()).toBe(atDesk);
  await expectLastRowsReached(page, ['Backtest runs']);
  await page.screenshot({ path: 'test-results/screenshots/room-forecast-backtest-end.png' });
});

// Presented, the conflicts were a 340 px column beside an empty screen, in a 620 px box holding
// 900 px: the fourth conflict cut mid-heading, out of a remote's reach.
test('presented at 1280×720 in the dark theme, the board’s conflicts take the screen’s width and the window’s ↓ reaches the last one', async ({ page, host }) => {
  const list = page.getByTestId('conflicts-list');
  await openDarkAt1280(page, host.url, '/plan', list.getByRole('button').first());
  await presentThisPage(page);
  const aside = page.getByRole('complementary', { name: 'Conflicts, lint and backlog' });
  expect(await innerScrollBoxes(aside)).toEqual([]);
  expect((await aside.boundingBox())!.width).toBeGreaterThan(1100);
  const conflicts = list.getByRole('button');
  expect(await conflicts.count()).toBeGreaterThanOrEqual(4);
  // Side by side, in the list's order.
  const boxes = await conflicts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width })));
  expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width - 1);
  expect(Math.abs(boxes[1]!.y - boxes[0]!.y)).toBeLessThan(1);
  const last = conflicts.last();
  await scrollWindowDownTo(page, last);
  const at = (await last.boundingBox())!;
  expect(at.y).toBeGreaterThanOrEqual(0);
  expect(at.y + at.height).toBeLessThanOrEqual(720.5);
  await expectClearOfTheBarAtTheBottom(page, last);
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, overflow.past.join('; ')).toBeLessThanOrEqual(overflow.clientWidth);
  await page.screenshot({ path: 'test-results/screenshots/room-plan-conflicts.png' });
});

test('zoomed in (a 960×600 window, as 150 % of 1440×900) the coupling graph and matrix redraw with the same type, every name whole', async ({ page, host }) => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 960, height: 600 },
  ]) {
    await page.setViewportSize(size);
    await page.goto(`${host.url}#/coordination?tab=map`);
    await settle(page);
    const graph = page.getByTestId('coupling-graph');
    const labelFits = await graph.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return Array.from(svg.querySelectorAll('text')).map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 };
      });
    });
    expect(labelFits.filter((l) => !l.inside).map((l) => l.text), `labels cut off at ${size.width}×${size.height}`).toEqual([]);
    expect(labelFits.map((l) => l.text)).toContain('Merchant Onboarding');
    const sizes = await renderedTextSizes(page);
    expectTextAtLeast(sizes.svg.filter((t) => t.where.includes('coupling-graph')), 16, 'coupling graph');
    expectTextAtLeast(sizes.svg.filter((t) => t.where.includes('coupling-matrix')), 14, 'coupling matrix');
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
    await page.screenshot({ path: `test-results/screenshots/coordination-map-${size.width}.png`, fullPage: true });
  }
});

/** Every page and tab at a desk, as the menu and tabs reach them (the deck covers the presented views). */
const DESK_VIEWS = [
  '/overview',
  '/teams',
  '/coordination',
  '/coordination?tab=map',
  '/coordination?tab=forums',
  '/coordination?tab=what-if',
  '/plan',
  '/plan?tab=objectives',
  '/plan?tab=setup',
  '/risks',
  '/confidence',
  '/flow',
  '/delivery',
  '/forecast',
  '/plan?tab=confidence',
  '/decks',
  '/decks?deck=new',
  '/import',
];

for (const dark of [false, true]) {
  test(`every page and tab at a desk passes axe in the ${dark ? 'dark' : 'light'} theme, with a title of its own`, async ({ page, host }) => {
    test.setTimeout(240_000);
    await page.goto(host.url);
    await useDarkTheme(page, dark);
    const titles = new Set<string>();
    for (const address of DESK_VIEWS) {
      await page.goto(`${host.url}#${address}`);
      await settle(page);
      await expectAccessible(page, `${address}, ${dark ? 'dark' : 'light'}`);
      titles.add(await page.title());
    }
    // Pages differ by title, and tabs by their detail ("Coordination: Coupling map – Interlock").
    expect(titles.size).toBeGreaterThanOrEqual(DESK_VIEWS.length - 2);
    // The skip link is the first stop of the keyboard and lands on the page's content.
    await page.goto(`${host.url}#/flow`);
    await settle(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the page’s content' });
    await expect(skip).toBeFocused();
    // A focus ring a projector shows: a solid outline at least 2 px wide.
    const outline = await skip.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: Number.parseFloat(getComputedStyle(el).outlineWidth) }));
    expect(outline.style).toBe('solid');
    expect(outline.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await expect(page.locator('#main-content')).toBeFocused();
    if (dark) await page.screenshot({ path: 'test-results/screenshots/room-desk-flow-dark-1280.png' });
  });
}

test('a reload returns to the same view: page, tab, scope and selection from the address', async ({ page, host }) => {
  await page.goto(`${host.url}#/coordination`);
  await settle(page);
  await page.getByRole('tab', { name: 'Coupling map' }).click();
  await expect(page.getByRole('tab', { name: 'Coupling map' })).toHaveAttribute('aria-selected', 'true');
  expect(hashOf(page)).toBe('/coordination?tab=map');
  await expect(page).toHaveTitle('Coordination: Coupling map – Interlock');
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Coupling map' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('coupling-graph')).toBeVisible();

  // A team chosen on the Teams page stays chosen.
  await page.goto(`${host.url}#/teams`);
  await settle(page);
  await page.getByTestId('team-row').first().getByRole('button').click();
  await expect.poll(() => hashOf(page)).toMatch(/^\/teams\?.*team=/);
  const chosen = hashOf(page);
  await page.reload();
  await settle(page);
  expect(hashOf(page)).toBe(chosen);
  await expect(page.getByTestId('team-row').first().getByRole('button')).toHaveAttribute('aria-pressed', 'true');

  // The Plan page's tab, and the Back button between pages.
  await page.goto(`${host.url}#/plan?tab=objectives`);
  await settle(page);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Objectives & predictability' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect.poll(() => hashOf(page)).toBe(chosen);
});

test('printed, a page has no menu, no buttons, every tab in its own section, on white', async ({ page, host }) => {
  await page.goto(host.url);
  await useDarkTheme(page, true);
  await page.goto(`${host.url}#/coordination?tab=map`);
  await settle(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  // Every tab's content, each under its printed title.
  for (const title of ['Groups', 'Coupling map', 'Forums & congruence', 'What-if']) {
    await expect(page.locator('[data-print-section] > h2', { hasText: title })).toBeVisible();
  }
  expect(await page.locator('[data-print-section]').count()).toBe(4);
  const visibleButtons = await page.locator('main button, main [role="button"]').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length);
  expect(visibleButtons).toBe(0);
  const colours = await page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
  expect(colours).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' });
  await page.screenshot({ path: 'test-results/screenshots/room-print-coordination.png', fullPage: true });
  // The Plan page prints its three tabs.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${host.url}#/plan`);
  await settle(page);
  await page.emulateMedia({ media: 'print' });
  for (const title of ['Program board', 'Objectives & predictability', 'Iterations & milestones']) {
    await expect(page.locator('[data-print-section] > h2', { hasText: title })).toBeVisible();
  }
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Pages' })).toBeVisible();
});

// Cards that are buttons (to drag, to open a menu) and a team's name that chooses the team are
// content too: the print rule that leaves controls off paper had left the ROAM board's columns, the
// program board's cells (its rows shifted a column left, their team names gone) and the Teams
// table's names empty.
test('printed, boards and lists keep their content and fit the paper', async ({ page, host }) => {
  test.setTimeout(120_000);
  const printAt = async (address: string) => {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${host.url}#${address}`);
    await settle(page);
    await page.emulateMedia({ media: 'print' });
    // An A4 page's width between its margins, in CSS px.
    await page.setViewportSize({ width: 718, height: 1000 });
  };
  const visible = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().width > 0).length);
  const fitsThePaper = async (view: string) => {
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${view}: ${overflow.scrollWidth} px wide on a ${overflow.clientWidth} px page (${overflow.past.join('; ')})`).toBeLessThanOrEqual(overflow.clientWidth);
  };

  await printAt('/risks');
  expect(await page.locator('[data-risk]').count()).toBe(9);
  expect(await visible('[data-risk]')).toBe(9);
  await fitsThePaper('Risks');
  await page.screenshot({ path: 'test-results/screenshots/print-risks.png', fullPage: true });

  await printAt('/teams');
  await expect(page.getByTestId('team-row').first()).toContainText('Basket');
  expect(await visible('[data-testid="team-row"] button')).toBe(12);
  await fitsThePaper('Teams');
  expect(await tablesOverflow(page.getByRole('table', { name: 'Dependencies', exact: true }))).toEqual(['Dependencies: 0']);

  await printAt('/plan');
  const board = page.getByTestId('program-board');
  const cards = await page.locator('.ilk-card').count();
  expect(cards).toBeGreaterThan(20);
  expect(await visible('.ilk-card')).toBe(cards);
  // Each row still starts with its team's name: a hidden name shifted every cell one column left.
  const names = page.getByTestId('program-board').locator('button[title^="Show only"]');
  expect(await names.count()).toBeGreaterThan(5);
  expect(await visible('[data-testid="program-board"] button[title^="Show only"]')).toBe(await names.count());
  // Its dependency lines still run from card to card once the board is scaled to the page.
  await page.setViewportSize({ width: 1031, height: 1000 });
  await expect.poll(() => board.evaluate((e) => getComputedStyle(e).zoom)).not.toBe('1');
  await page.waitForTimeout(500);
  const ends = await board.evaluate((root) => {
    const cards = Array.from(root.querySelectorAll('[data-card]')).map((c) => c.getBoundingClientRect());
    const off: number[] = [];
    for (const path of Array.from(root.querySelectorAll<SVGPathElement>('g[data-dependency] path'))) {
      const m = path.getScreenCTM();
      if (!m) continue;
      // A provider not on the board gets a short stub off its consumer: only that end is on a card.
      const stub = / h -/.test(path.getAttribute('d') ?? '');
      for (const at of stub ? [0] : [0, path.getTotalLength()]) {
        const p = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(m);
        off.push(Math.min(...cards.map((r) => Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom)))));
      }
    }
    return off;
  });
  expect(ends.length).toBeGreaterThan(0);
  expect(ends.filter((d) => d > 4), `line ends away from every card (px): ${ends.map((d) => d.toFixed(0)).join(' ')}`).toEqual([]);
  // The board prints on pages turned sideways, scaled to their width.
  expect(await board.evaluate((e) => getComputedStyle(e).getPropertyValue('page'))).toBe('wide');
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => Number(m[1]) > Number(m[2]));
  expect(boxes.filter((landscape) => landscape).length, 'pages turned sideways').toBeGreaterThan(0);
  expect(boxes.filter((landscape) => !landscape).length, 'pages kept upright').toBeGreaterThan(0);
  await page.emulateMedia({ media: 'screen' });
});

test.describe('edge cases', () => {
  test('the presenter view of a page presented without a deck says it follows a deck and keeps the session’s time; opened alone, or for a window presenting nothing, it says so', async ({ page, host }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${host.url}#/flow`);
    await settle(page);
    await page.keyboard.press('F5');
    await expect(page.getByTestId('presentation-bar')).toContainText('Esc leaves');
    const presenter = await openPresenterView(page, 'key');
    await expect(presenter.getByRole('heading', { level: 1, name: 'Presenting a page without a deck' })).toBeVisible();
    await expect(presenter.getByTestId('presenter-elapsed')).toHaveText(/^Session 0:\d\d$/);
    await presenter.screenshot({ path: 'test-results/screenshots/presenter-view-no-deck.png' });
    // The page on screen is still the page it was, presented.
    await expect(page.getByRole('heading', { level: 1, name: 'Flow' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(presenter.getByRole('heading', { level: 1, name: 'Not presenting' })).toBeVisible();
    await expectAccessible(presenter, 'presenter view, not presenting');
    await presenter.close();

    const alone = await page.context().newPage();
    await alone.goto(`${host.origin}/#/presenter`);
    await expect(alone.getByRole('heading', { level: 1, name: 'Presenter view' })).toBeVisible();
    await alone.goto(`${host.origin}/#/presenter?session=nobody-presents-this`);
    await expect(alone.getByRole('heading', { level: 1, name: 'Not presenting' })).toBeVisible();
  });

  test('two windows of the app, each presenting: a presenter view steps and follows its own window only', async ({ page, host }) => {
    await openNewDeck(page, host, 'Ours', [
      { title: 'Where we are', address: '/overview', timeboxSeconds: null },
      { title: 'Risks', address: '/risks', timeboxSeconds: null },
      { title: 'Votes', address: '/confidence', timeboxSeconds: null },
    ]);
    await page.getByRole('button', { name: 'Present this deck' }).click();
    const presenter = await openPresenterView(page, 'key');
    await expect(presenterPosition(presenter)).toHaveText('View 1 / 3');

    // Another tab of the app (its own session) presents the demo's deck.
    const other = await page.context().newPage();
    await other.goto(`${host.url}#/decks`);
    await other.getByRole('list', { name: 'Decks' }).getByRole('button', { name: /PI 26\.4 final plan review/ }).click();
    await other.getByRole('button', { name: 'Present this deck' }).click();
    await expect(slideLabel(other)).toHaveText('1 / 6');
    await other.keyboard.press('ArrowRight');
    await expect(slideLabel(other)).toHaveText('2 / 6');
    // Its countdown is its own: no presenter view of its is open.
    await expect(other.getByTestId('timebox')).toBeVisible();
    await presenter.getByRole('button', { name: 'Next view' }).click();
    await expect(slideLabel(page)).toHaveText('2 / 3');
    await expect(presenterPosition(presenter)).toHaveText('View 2 / 3');
    await expect(presenter.getByRole('heading', { level: 1 })).toHaveText('Risks');
    expect(await slideLabel(other).textContent()).toBe('2 / 6');
  });

  test('an address whose page is unknown says so (the root alone opens the Overview); stepping an empty deck is not offered', async ({ page, host }) => {
    await page.goto(`${host.url}#/leaderboard?x=1`);
    await expect(page.getByRole('heading', { level: 1, name: 'No such page' })).toBeVisible();
    await expect(page.getByTestId('stale-view')).toContainText('There is no page “leaderboard” in Interlock');
    await page.goto(`${host.url}#/`);
    await expect(page.getByRole('heading', { level: 1, name: 'Interlock demo' })).toBeVisible();
    expect(hashOf(page)).toBe('/overview');
    await page.goto(`${host.url}#/decks?deck=new`);
    await expect(page.getByRole('button', { name: 'Present this deck' })).toBeDisabled();
  });

  test('an address typed with a backslash (a browser reads "/\\x" as another site) cannot be opened or saved, and the page stays', async ({ page, host }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${host.url}#/decks?deck=new`);
    await page.getByLabel('Deck name').fill('Typed');
    await page.getByRole('button', { name: 'Add an address…' }).click();
    await page.getByLabel('Address of view 1').fill('/\\evil.com');
    await page.getByLabel('Title of view 1').fill('Away');
    await expect(page.getByRole('button', { name: 'Open view 1' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Save deck' })).toBeDisabled();
    // Under the field as typed, and beside Save.
    await expect(page.getByTestId('deck-entry').getByText(/holds no spaces, “#” or “\\”/)).toBeVisible();
    await expect(page.getByText(/^View 1 \(Away\): the address starts with/)).toBeVisible();
    // The page is still there, and the view can be mended.
    await page.getByLabel('Address of view 1').fill('/risks');
    await expect(page.getByRole('link', { name: 'Open view 1' })).toHaveAttribute('href', '#/risks');
    expect(errors).toEqual([]);
  });
});

test('deleting a deck asks first; kept, it stays, deleted, it is gone', async ({ page, host }) => {
  const deck = await openNewDeck(page, host, 'Inspect and adapt', [{ title: 'Where we are', address: '/overview', timeboxSeconds: null }]);
  const saved = async () => (await invoke<{ id: number }[]>(page.request, host, 'deck.list', {})).some((d) => d.id === deck.id);
  await page.getByRole('button', { name: 'Delete deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the deck “Inspect and adapt”?' });
  await expect(dialog).toBeVisible();
  // One click next to "Discard changes" deleted the deck at once.
  expect(await saved()).toBe(true);
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  expect(await saved()).toBe(true);
  await page.getByRole('button', { name: 'Delete deck' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(saved).toBe(false);
});

// Presented, the objectives opened on an empty predictability distribution (no team is scored during
// the increment), with "Add an objective" at the fold under the countdown.
test('presented at 1280×720 in the dark theme, the objectives come first; predictability with no team scored is its one line', async ({ page, host }) => {
  const objectives = page.getByRole('region', { name: 'PI objectives' });
  await openDarkAt1280(page, host.url, '/plan?tab=objectives', objectives);
  await presentThisPage(page);
  const predictability = page.getByRole('region', { name: 'Predictability' });
  expect((await objectives.boundingBox())!.y).toBeLessThan((await predictability.boundingBox())!.y);
  await expect(objectives.getByRole('heading', { name: 'PI objectives' })).toBeInViewport();
  await expect(objectives.getByRole('table').first()).toBeInViewport();
  await expect(page.getByTestId('predictability-increment')).toContainText('12 of 12 teams not scored yet');
  await expect(predictability.getByText('below 50 %')).toBeHidden();
  await page.screenshot({ path: 'test-results/screenshots/room-plan-objectives-dark.png' });
});
