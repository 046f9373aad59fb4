import { fitToWidth } from './label-layout';

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
  return fitToWidth(text, maxWidth, (s) => textWidth(s, fontSize, fontFamily, fontWeight));
}
