// Presented, the program board shows as many iterations as the room can read beside the team
// column, and pages through the rest (see ProgramBoard and docs/ROOM.md): which iterations a page
// holds, and where a step of the pager leads. Positions are 0-based column indexes.

/** How many iterations fit beside the team column, each at least `floor` px wide (at least one). */
export function iterationsThatFit(boardWidth: number, teamColumn: number, floor: number): number {
  return Math.max(1, Math.floor((boardWidth - teamColumn) / floor));
}

export interface IterationPage {
  /** The first iteration shown and the one after the last. */
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

const clamp = (n: number, low: number, high: number) => Math.min(Math.max(n, low), high);

/**
 * The iterations shown when asked to start at `from`: every one when they fit; else `fit` of them
 * from there, the last page ending at the last iteration (a full screen, not one column alone).
 */
export function iterationPage(total: number, fit: number, from: number): IterationPage {
  if (total <= fit) return { start: 0, end: total, total };
  const start = clamp(Number.isFinite(from) ? Math.trunc(from) : 0, 0, total - fit);
  return { start, end: start + fit, total };
}

/**
 * Where the pager's next (1) or previous (-1) page starts: pages start every `fit` iterations
 * (1–7, then 8 on: with 8 iterations the last page is 2–8), and back from the last one returns to
 * where the page before it started, so forward and back retrace the same pages.
 */
export function steppedPage(page: IterationPage, direction: 1 | -1): number {
  const fit = page.end - page.start;
  if (fit <= 0 || fit >= page.total) return 0;
  const start = direction === 1 ? (Math.floor(page.start / fit) + 1) * fit : (Math.ceil(page.start / fit) - 1) * fit;
  return clamp(start, 0, page.total - fit);
}

/** Where a page must start to show the iteration at `column` (a card moved there by keyboard): the nearest one that holds it. */
export function pageShowing(page: IterationPage, column: number): number {
  const fit = page.end - page.start;
  if (column < page.start) return column;
  if (column >= page.end) return column - fit + 1;
  return page.start;
}

/** What the board says of its page, "Iterations" and "3–8 of 8" (the range is kept on one line). */
export function iterationPageLabel(page: IterationPage): { noun: string; range: string } {
  const first = page.start + 1;
  return page.end - page.start === 1 ? { noun: 'Iteration', range: `${first} of ${page.total}` } : { noun: 'Iterations', range: `${first}–${page.end} of ${page.total}` };
}

/**
 * Which way an iteration not on the page lies (column: its 0-based index): 'left' before the page's
 * first, 'right' after its last; null when it is shown, when every iteration is (no page), or for
 * no column (-1: the card is not on the board). A dependency line with one end there is drawn as a
 * stub from the other end, pointing that way.
 */
export function sideOffPage(page: Pick<IterationPage, 'start' | 'end'> | null, column: number): 'left' | 'right' | null {
  if (!page || column < 0) return null;
  if (column < page.start) return 'left';
  if (column >= page.end) return 'right';
  return null;
}
