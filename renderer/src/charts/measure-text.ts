// The width text will take on screen, so a chart can leave room for its longest label instead of
// cutting it off ("Merchant Onboarding" at the edge of the coupling graph).

let context: CanvasRenderingContext2D | null | undefined;

/** Width in px of `text` in this font; an estimate (0.6 em a character) where there is no canvas. */
export function textWidth(text: string, fontSize: number, fontFamily: string, fontWeight: number | string = 400): number {
  try {
    if (context === undefined) context = document.createElement('canvas').getContext('2d');
    if (context) {
      context.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
      const width = context.measureText(text).width;
      if (width > 0) return Math.ceil(width);
    }
  } catch {
    context = null;
  }
  return Math.ceil(text.length * fontSize * 0.6);
}

/** The widest of several labels. */
export function widestText(texts: Iterable<string>, fontSize: number, fontFamily: string, fontWeight: number | string = 400): number {
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, textWidth(t, fontSize, fontFamily, fontWeight));
  return widest;
}

/** `text` shortened with "…" to fit `maxWidth` (whole when it fits; at least one character and the ellipsis). */
export function fitText(text: string, maxWidth: number, fontSize: number, fontFamily: string, fontWeight: number | string = 400): string {
  if (textWidth(text, fontSize, fontFamily, fontWeight) <= maxWidth) return text;
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${text.slice(0, mid).trimEnd()}…`, fontSize, fontFamily, fontWeight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
