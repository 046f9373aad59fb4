// The program board is drawn in passes: first the rows that fill the screen, then the rest a few
// teams at a time while the page stays usable. Two thousand cards drawn at once took a second
// before anything showed; the first screen holds a tenth of them.

export interface RowSize {
  /** Cards in the row (what drawing it costs). */
  cards: number;
  /** Cards in its fullest cell (how tall it is). */
  tallest: number;
}

export const PASS_SIZES = {
  /** A card's height with its gap, and a row's own (cell head, padding), in px: an estimate, for the first pass and the space kept below. */
  cardHeight: 52,
  rowChrome: 40,
  /** A board of at most this many cards is drawn at once. */
  smallBoard: 400,
  /** Cards each later pass adds (a pass should take well under 100 ms). */
  perPass: 240,
} as const;

/** The estimated height of rows in px. */
export function rowsHeight(rows: readonly RowSize[], sizes = PASS_SIZES): number {
  return rows.reduce((sum, r) => sum + sizes.rowChrome + r.tallest * sizes.cardHeight, 0);
}

/**
 * How many rows (in board order) are drawn after each pass: the first covers `screen` px, each
 * later one adds `perPass` cards' worth of rows (at least one row); the last is every row. A
 * small board is one pass.
 */
export function rowPasses(rows: readonly RowSize[], screen: number, sizes = PASS_SIZES): number[] {
  const total = rows.reduce((sum, r) => sum + r.cards, 0);
  if (total <= sizes.smallBoard || rows.length === 0) return [rows.length];
  const passes: number[] = [];
  let drawn = 0;
  let height = 0;
  while (drawn < rows.length && (drawn === 0 || height < screen)) {
    height += rowsHeight([rows[drawn]!], sizes);
    drawn++;
  }
  passes.push(drawn);
  while (drawn < rows.length) {
    let cards = 0;
    do cards += rows[drawn++]!.cards;
    while (drawn < rows.length && cards + rows[drawn]!.cards <= sizes.perPass);
    passes.push(drawn);
  }
  return passes;
}
