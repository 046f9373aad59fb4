// The colour of a probability wherever plan confidence is drawn (lines on the board, table cells):
// three bands of the Okabe–Ito palette, colour-blind safe, and always with the number beside it.

export const ODDS_BANDS = [
  { from: 0.85, color: '#009E73', label: '85 % or more' },
  { from: 0.5, color: '#E69F00', label: '50 – 85 %' },
  { from: 0, color: '#D55E00', label: 'below 50 %' },
] as const;

/** The band of the figure shown beside it: 0.849 reads "85 %" and is green, not orange. */
export function oddsColor(probability: number): string {
  const shown = Math.round(probability * 100);
  return ODDS_BANDS.find((b) => shown >= Math.round(b.from * 100))!.color;
}

/** "72 %"; "–" when there is nothing to give odds for. */
export function percentText(probability: number | null): string {
  // A no-break space: squeezed, a column put "71" above "%".
  return probability === null ? '–' : `${Math.round(probability * 100)}\u00a0%`;
}
