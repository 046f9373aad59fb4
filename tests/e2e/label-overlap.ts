import type { Page } from '@playwright/test';

// Labels drawn over each other in a chart ("p95 9.8 d" over "p85 9.3 d", "Feb 3Feb 10"): the
// boxes the browser gives every SVG text of a chart, compared pair by pair.

/** Pairs of texts in chart `name` whose boxes overlap by more than half a pixel both ways, as "“a” × “b”". */
export async function overlappingLabels(page: Page, name: string): Promise<string[]> {
  // A chart with nothing to draw says so in a sentence, and has no labels.
  if ((await page.locator(`[data-chart="${name}"] svg`).count()) === 0) return [];
  return page.locator(`[data-chart="${name}"] svg`).first().evaluate((svg) => {
    const boxes = Array.from(svg.querySelectorAll('text'))
      .map((el) => ({ text: el.textContent?.trim() ?? '', box: el.getBoundingClientRect() }))
      .filter((l) => l.text && l.box.width > 0 && l.box.height > 0);
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.box;
        const b = boxes[j]!.box;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) found.push(`“${boxes[i]!.text}” × “${boxes[j]!.text}”`);
      }
    }
    return found;
  });
}

/** The x-axis tick labels of chart `name`, left to right (the texts under the plot). */
export async function xTickLabels(page: Page, name: string): Promise<string[]> {
  return page.locator(`[data-chart="${name}"] svg`).first().evaluate((svg) => {
    const plot = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text'))
      .map((el) => ({ text: el.textContent?.trim() ?? '', box: el.getBoundingClientRect() }))
      .filter((l) => l.text && l.box.top > plot.top + plot.height * 0.75 && l.box.width < plot.width / 2)
      .sort((a, b) => a.box.left - b.box.left)
      .map((l) => l.text);
  });
}
