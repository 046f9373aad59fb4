import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { settle, useDarkTheme } from './room';

// A deck made for one increment and one scope keeps showing them: "Add to deck" saves the
// increment the view shows, and a view whose team, scope, card or page the workspace no longer
// holds says so on screen instead of showing other figures under its old title.

async function invoke<T>(request: APIRequestContext, host: { origin: string; token: string }, channel: string, data: unknown): Promise<T> {
  const response = await request.post(`${host.origin}/api/invoke/${channel}`, { data, headers: { 'x-interlock-token': host.token } });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

async function addToNewDeck(page: Page, deckName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await dialog.getByLabel('Deck', { exact: true }).click();
  await page.getByRole('option', { name: 'A new deck…' }).click();
  await dialog.getByLabel('Name of the new deck').fill(deckName);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();
}

test('“Add to deck” saves the increment the Plan and Confidence vote pages show, though their address names none', async ({ page, host }) => {
  await page.goto(`${host.url}#/plan?tab=objectives`);
  await settle(page);
  await expect(page.getByRole('button', { name: 'Add to deck' })).toBeEnabled();
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await expect(dialog.getByLabel('Title of this view')).toHaveValue('Plan: PI 26.4 · Objectives & predictability');
  await expect(dialog).toContainText('Address: /plan?increment=PI+26.4&tab=objectives');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await addToNewDeck(page, 'PI 26.4 pinned');

  await page.goto(`${host.url}#/confidence`);
  await settle(page);
  await page.getByRole('button', { name: 'Add to deck' }).click();
  await expect(dialog.getByLabel('Title of this view')).toHaveValue('Confidence vote: PI 26.4');
  await dialog.getByLabel('Deck', { exact: true }).click();
  await page.getByRole('option', { name: /^PI 26\.4 pinned/ }).click();
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog).toBeHidden();

  const deck = (await invoke<{ id: number; name: string }[]>(page.request, host, 'deck.list', {})).find((d) => d.name === 'PI 26.4 pinned')!;
  const { entries } = await invoke<{ entries: { address: string }[] }>(page.request, host, 'deck.get', { id: deck.id });
  expect(entries.map((e) => e.address)).toEqual(['/plan?increment=PI+26.4&tab=objectives', '/confidence?increment=PI+26.4']);
});

test('the Decks page refuses an address that opens no page, and says which views follow the current increment', async ({ page, host }) => {
  const deck = await invoke<{ id: number }>(page.request, host, 'deck.save', { name: 'Old deck', entries: [{ title: 'Board', address: '/plan' }] });
  await page.goto(`${host.url}#/decks?deck=${deck.id}`);
  const address = page.getByLabel('Address of view 1');
  await expect(address).toHaveValue('/plan');
  await expect(page.getByTestId('deck-entry').first()).toContainText('Shows the current increment, whichever it is when presented');
  await address.fill('/roadmap');
  await expect(page.getByTestId('deck-entry').first()).toContainText('The address opens no page: “roadmap” is none of overview');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/View 1 \(Board\): the address opens no page/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save deck' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Present this deck' })).toBeDisabled();
  const saved = await invoke<{ entries: { address: string }[] }>(page.request, host, 'deck.get', { id: deck.id });
  expect(saved.entries.map((e) => e.address)).toEqual(['/plan']);
  await page.screenshot({ path: 'test-results/screenshots/deck-editor-no-such-page.png' });
});

test('presented at 1280×720 dark, a deck’s stale views say what they cannot show: a team, a risk scope, a card, a page the workspace no longer holds', async ({ page, host }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  // Saved before the team, the card and the scope went away.
  const entries = [
    { title: 'Checkout flow', address: '/flow?teams=ghost' },
    { title: 'Checkout forecast', address: '/forecast?teams=ghost' },
    { title: 'Ghost team risks', address: '/risks?scope=team:ghost' },
    { title: 'Where BSK-999 waits', address: '/plan?focus=BSK-999&increment=PI+26.4' },
  ];
  const deck = await invoke<{ id: number }>(page.request, host, 'deck.save', { name: 'Stale views', entries });
  await page.goto(`${host.url}#/decks?deck=${deck.id}`);
  await useDarkTheme(page, true);
  await page.getByRole('button', { name: 'Present this deck' }).click();
  const expected = [
    'There is no team “ghost” in this workspace: it was renamed or removed since this address was made. Shown instead: all teams.',
    'There is no team “ghost” in this workspace: it was renamed or removed since this address was made. Shown instead: all teams.',
    'There is no team “ghost” in this workspace: it was renamed or removed since this address was made. Shown instead: an empty board; pick a scope below.',
    'There is no card “BSK-999” on this board: it was renamed or removed since this address was made. Shown instead: the board’s lines as without a focus.',
  ];
  for (const [i, text] of expected.entries()) {
    await expect(page.getByTestId('slide-progress')).toHaveText(`${i + 1} / ${expected.length}`);
    await settle(page);
    const notice = page.getByTestId('stale-view');
    await expect(notice).toHaveText(text);
    await expect(notice).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/stale-view-${i + 1}.png` });
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Escape');
  // A link, or a deck saved before the Decks page checked its pages (which it no longer presents until mended).
  await page.goto(`${host.url}#/roadmap`);
  await expect(page.getByRole('heading', { level: 1, name: 'No such page' })).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.getByTestId('stale-view')).toHaveText('There is no page “roadmap” in Interlock: it was renamed or removed since this address was made.');
  await page.screenshot({ path: 'test-results/screenshots/stale-view-no-such-page.png' });
});

test('a view whose team is still there says nothing of stale choices', async ({ page, host }) => {
  const { teams } = await invoke<{ teams: { key: string }[] }>(page.request, host, 'metrics.scopeOptions', {});
  await page.goto(`${host.url}#/flow?teams=${encodeURIComponent(teams[0]!.key)}`);
  await settle(page);
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByTestId('stale-view')).toHaveCount(0);
});
