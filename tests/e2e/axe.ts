import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { expect } from './fixtures';

/** The impacts that fail a page: axe's "serious" and "critical" (WCAG 2.2 A and AA rules and best practices). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** One line per failing node: rule, impact, what axe says and where, so a failure reads without a report. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.failureSummary?.split('\n').slice(1).join(' ').trim() || v.help} — ${n.target.join(' ')}`))
    .join('\n');
}

/** The serious and critical violations axe finds on what the page shows now. */
export async function seriousViolations(page: Page, options: { exclude?: string[] } = {}): Promise<Result[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
}

/**
 * Fails the test when axe finds a serious or critical violation on the page as it is now, naming
 * each rule, node and fix. Call it after the view has drawn (charts included), in each theme:
 *
 *   await expectAccessible(page, 'Plan board, dark');
 *
 * `exclude` takes CSS selectors axe should skip (only for third-party markup you cannot change).
 */
export async function expectAccessible(page: Page, view: string, options: { exclude?: string[] } = {}): Promise<void> {
  const violations = await seriousViolations(page, options);
  expect(violations, `${view}: serious or critical accessibility violations\n${describeViolations(violations)}`).toEqual([]);
}
