import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** One piece of text as rendered: its size in screen pixels, what it says and where it is. */
export interface RenderedText {
  readonly size: number;
  readonly text: string;
  readonly where: string;
}

/**
 * Every visible text node on the page, HTML and SVG, with the size it is drawn at: the computed
 * font size times whatever scales it on the way to the screen (a CSS transform, an SVG viewBox),
 * smallest first. Hidden text (display, visibility, opacity, a 1 px clip) does not count.
 */
export async function renderedTextSizes(page: Page): Promise<{ html: RenderedText[]; svg: RenderedText[] }> {
  return page.evaluate(() => {
    const SKIP = new Set(['TITLE', 'DESC', 'STYLE', 'SCRIPT', 'NOSCRIPT', 'title', 'desc', 'style']);
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.getAttribute('data-testid') ?? e.getAttribute('data-chart') ?? e.getAttribute('aria-label');
        parts.unshift(`${e.tagName.toLowerCase()}${id ? `[${id}]` : ''}`);
      }
      return parts.join(' > ');
    };
    const html: { size: number; text: string; where: string }[] = [];
    const svg: { size: number; text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || SKIP.has(el.tagName)) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (!Array.from(range.getClientRects()).some((r) => r.width > 1 && r.height > 1)) continue;
      const fontSize = Number.parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        const m = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
        svg.push({ size: fontSize * (m ? Math.hypot(m.a, m.b) : 1), text, where: describe(el) });
      } else {
        // A transform (a field label shrunk onto its border) scales what the layout box holds:
        // the product of every transform on the way up (layout sizes are rounded, so not a ratio of boxes).
        let scale = 1;
        for (let e: Element | null = el; e; e = e.parentElement) {
          const transform = getComputedStyle(e).transform;
          if (transform && transform !== 'none') {
            const m = new DOMMatrixReadOnly(transform);
            scale *= Math.hypot(m.a, m.b);
          }
        }
        html.push({ size: fontSize * scale, text, where: describe(el) });
      }
    }
    const bySize = (a: { size: number }, b: { size: number }) => a.size - b.size;
    return { html: html.sort(bySize), svg: svg.sort(bySize) };
  });
}

/** Fails with the smallest offenders when any text is drawn under `min` px. */
export function expectTextAtLeast(texts: readonly RenderedText[], min: number, view: string): void {
  const small = texts.filter((t) => t.size < min - 0.05);
  expect(small.slice(0, 8).map((t) => `${t.size.toFixed(1)} px “${t.text.slice(0, 40)}” in ${t.where}`), `${view}: text under ${min} px`).toEqual([]);
}

/** Waits until the view has its data and has drawn: a heading, nothing loading, a frame for the charts to measure. */
export async function settle(page: Page): Promise<void> {
  await expect(page.locator('main h1').first()).toBeVisible();
  await expect(page.locator('.MuiLinearProgress-indeterminate')).toHaveCount(0, { timeout: 30_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(300);
}

/**
 * Switches the theme with the app bar's button (not available while presenting). Clicked again
 * while the theme has not changed: a click right after a page load, under load, can land before the
 * app bar's handler is attached, and one click then waited 15 s for nothing.
 */
export async function useDarkTheme(page: Page, dark: boolean): Promise<void> {
  const isDark = async () => (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)) === 'rgb(15, 20, 26)';
  await expect(async () => {
    if ((await isDark()) !== dark) await page.getByRole('button', { name: 'Toggle light and dark theme' }).click();
    await expect.poll(isDark, { timeout: 2_000 }).toBe(dark);
  }).toPass({ timeout: 20_000 });
}
