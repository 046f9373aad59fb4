import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Moves a risk card one column to the right by keyboard, as a person does: Space lifts it, → carries
 * it, Space drops it. Each key waits for what the screen reader hears, as a person waits to hear it:
 * on a busy machine a key pressed before the lift is active would be lost.
 */
export async function carryRiskRight(page: Page, key: string, from: string, to: string): Promise<void> {
  await page.locator(`[data-risk="${key}"]`).focus();
  const heard = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press('Space');
  await expect(heard).toContainText(new RegExp(`Picked up ${key}|${key} is over ${from}`));
  // dnd-kit's keyboard sensor starts listening for arrows in a zero-delay timer queued at the lift,
  // and the lift can be heard before that timer has run: a timer queued now runs after it.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowRight');
  await expect(heard).toContainText(`${key} is over ${to}`);
  await page.keyboard.press('Space');
}
