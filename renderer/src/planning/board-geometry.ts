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

function r(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A horizontal strip of the board, in the same coordinates as the cards' boxes. */
export interface Band {
  top: number;
  bottom: number;
}

/**
 * Whether a line between two cards (or the stub at a consumer whose provider is not on the board)
 * passes through a band: the curve never leaves the heights its two cards span.
 */
export function lineCrossesBand(provider: Box | undefined, consumer: Box, band: Band): boolean {
  const top = Math.min(consumer.top, provider?.top ?? consumer.top);
  const bottom = Math.max(consumer.top + consumer.height, provider ? provider.top + provider.height : 0);
  return bottom >= band.top && top <= band.bottom;
}

/** Whether `inner` lies wholly inside `outer`. */
export function bandWithin(inner: Band, outer: Band): boolean {
  return inner.top >= outer.top && inner.bottom <= outer.bottom;
}
