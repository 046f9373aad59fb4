import type { Locator, Page } from '@playwright/test';

// What scrolls sideways at a given window width: the page itself never should; a wide table or
// board scrolls inside its own box, and tables meant to fit must not.

/** What scrolls sideways: the page itself must not (a wide matrix scrolls inside its own panel). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; past: string[] }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    // When it does, the innermost elements reaching past the right edge say why.
    const past: string[] = [];
    if (scrollWidth > clientWidth) {
      const beyond = (el: Element) => el.getBoundingClientRect().right > clientWidth + 0.5;
      const clipped = (el: Element) => {
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) if (getComputedStyle(e).overflowX !== 'visible') return true;
        return false;
      };
      const describe = (el: Element) =>
        `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ').slice(0, 2).join('.')}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} right ${Math.round(el.getBoundingClientRect().right)}`;
      const innermost = Array.from(document.body.querySelectorAll('*')).filter((el) => beyond(el) && !Array.from(el.children).some(beyond));
      for (const el of innermost) if (past.length < 6 && !clipped(el)) past.push(describe(el));
      // An absolutely placed element inside a box that scrolls, but placed by an ancestor outside
      // it, is not clipped by that box: named when nothing else is.
      if (past.length === 0) for (const el of innermost) if (past.length < 6 && getComputedStyle(el).position === 'absolute') past.push(`absolute ${describe(el)}`);
    }
    return { scrollWidth, clientWidth, past };
  });
}

/** How far each table of `tables` scrolls sideways inside its box, px, by its name ("Name: 0" when it fits). */
export async function tablesOverflow(tables: Locator): Promise<string[]> {
  return tables.evaluateAll((all) => all.map((t) => `${t.getAttribute('aria-label')}: ${t.parentElement!.scrollWidth - t.parentElement!.clientWidth}`));
}
