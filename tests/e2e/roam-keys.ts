import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Moves a risk card one column to the right by keyboard, as a person does: Space lifts it, → carries
 * it, Space drops it, each key checked against what the screen reader hears. No wait is needed
 * between the keys (the board counts each key as it comes: see the typing-speed test in risks.spec.ts).
 */
export async function carryRiskRight(page: Page, key: string, from: string, to: string): Promise<void> {
  await page.locator(`[data-risk="${key}"]`).focus();
  const heard = page.getByTestId('roam-heard');
  await page.keyboard.press('Space');
  await expect(heard).toContainText(`Picked up ${key} in ${from}`);
  await page.keyboard.press('ArrowRight');
  await expect(heard).toContainText(`${key} is over ${to}`);
  await page.keyboard.press('Space');
}
