// Where dependency lines run on the board: from the edge of the provider's card facing the
// consumer to the consumer's facing edge, as a gentle S-curve.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface LinePath {
  d: string;
  /** Where the state's symbol sits: the curve's middle. */
  mid: { x: number; y: number };
}

export function linePath(provider: Box, consumer: Box): LinePath {
  const providerRight = provider.left + provider.width;
  const consumerRight = consumer.left + consumer.width;
  // Left to right when the provider lies left of the consumer (the usual, in-order case), else back.
  const forward = providerRight <= consumer.left + 1;
  const backward = consumerRight <= provider.left + 1;
  let x1: number;
  let x2: number;
  if (forward) [x1, x2] = [providerRight, consumer.left];
  else if (backward) [x1, x2] = [provider.left, consumerRight];
  else [x1, x2] = [providerRight, consumerRight]; // same column: leave and come back on the right
  const y1 = provider.top + provider.height / 2;
  const y2 = consumer.top + consumer.height / 2;
  const bend = forward || backward ? Math.max(24, Math.abs(x2 - x1) / 2) : 36;
  const c1 = forward ? x1 + bend : x1 + (backward ? -bend : bend);
  const c2 = forward ? x2 - bend : x2 + (backward ? bend : bend);
  const d = `M ${r(x1)} ${r(y1)} C ${r(c1)} ${r(y1)}, ${r(c2)} ${r(y2)}, ${r(x2)} ${r(y2)}`;
  // The point at t = 0.5 of the cubic Bézier.
  const mid = { x: r((x1 + 3 * c1 + 3 * c2 + x2) / 8), y: r((y1 + y2) / 2) };
  return { d, mid };
}

/** The room a cell leaves beside its cards (its padding): what an arrowhead at a card's edge may take without going under a card or past the board's edge. */
export const CARD_GUTTER = 6;

/**
 * The short stub of a line whose other end is not shown, from the card's edge on `side`: to the
 * left for a provider not on the board or on an earlier page, to the right for an end on a later
 * page. The state's symbol sits at its end. An end on another page (`toPage`) gets an arrowhead at
 * the card's edge as well: the symbol 30 px out often lies under the next column's cards (they
 * are drawn above the lines), and at the page's edge under the team column or past the board,
 * while the cell's padding beside the card is always clear.
 */
export function stubPath(card: Box, side: 'left' | 'right', toPage = false, offset = 0): LinePath & { arrow?: string } {
  const y = r(card.top + card.height / 2 + offset);
  const sign = side === 'left' ? -1 : 1;
  const edge = r(side === 'left' ? card.left : card.left + card.width);
  const line = { d: `M ${edge} ${y} h ${sign * 22}`, mid: { x: r(edge + sign * 30), y } };
  if (!toPage) return line;
  const half = CARD_GUTTER;
  return { ...line, arrow: `M ${edge} ${r(y - half)} L ${r(edge + sign * CARD_GUTTER)} ${y} L ${edge} ${r(y + half)} Z` };
}

/**
 * How far from the card's middle the `index`-th of `count` stubs leaving one side of a card is
 * drawn: spread over the card's height a symbol apart (a symbol is `symbol` across), closer when
 * the card is too short for that, so that each stub and its symbol can be seen and counted.
 */
export function stubSpread(index: number, count: number, cardHeight: number, symbol: number): number {
  if (count <= 1) return 0;
  const step = Math.min(symbol + 2, Math.max(0, cardHeight - 4) / (count - 1));
  return r((index - (count - 1) / 2) * step);
}

/** `stubSpread` for a stub drawn with symbols of the board's type size (a circle of 0.7 × the font size across each way). */
export function stubOffset(spread: { index: number; count: number }, card: Box, fontSize: number): number {
  return stubSpread(spread.index, spread.count, card.height, 2 * Math.round(fontSize * 0.7));
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A horizontal strip of the board, in the same coordinates as the cards' boxes. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Whether a line between two cards (or the stub at one card whose other end is not shown) passes
 * through a band: the curve never leaves the heights its two cards span.
 */
export function lineCrossesBand(one: Box | undefined, other: Box, band: Band): boolean {
  const top = Math.min(other.top, one?.top ?? other.top);
  const bottom = Math.max(other.top + other.height, one ? one.top + one.height : 0);
  return bottom >= band.top && top <= band.bottom;
}

/** Whether `inner` lies wholly inside `outer`. */
export function bandWithin(inner: Band, outer: Band): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom;
}
