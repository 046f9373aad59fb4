// Type sizes for a room: read from the back of a room of 80 on a 1280×720 projector, nothing is
// under 20 px, headline figures are at least 48 px and chart labels at least 16 px. A bigger
// screen (1920×1080) scales every size up by the same factor, so the slide looks the same there;
// a smaller window keeps the floors (text then wraps and the page scrolls, it never shrinks).

export interface TypeScale {
  /** Captions, helper text, table cells: the smallest text anywhere. */
  readonly small: number;
  readonly body: number;
  readonly h1: number;
  readonly h2: number;
  readonly h3: number;
  /** Headline figures (a median, a count on a tile). */
  readonly figure: number;
  /** Every label drawn in a chart: ticks, axis titles, level lines, node names. */
  readonly chart: number;
  /** How much larger than at 1280×720. */
  readonly factor: number;
}

/** The sizes at the reference projector, 1280×720. */
export const ROOM_BASE = { small: 20, body: 22, h1: 38, h2: 30, h3: 26, figure: 52, chart: 18 } as const;
export const ROOM_REFERENCE = { width: 1280, height: 720 } as const;
/** Past three times the reference (3840×2160), text stops growing. */
const MAX_FACTOR = 3;

/** The room's type sizes for a viewport in CSS pixels. */
export function roomTypeScale(viewport: { width: number; height: number }): TypeScale {
  const ratio = (value: number, reference: number) => (Number.isFinite(value) && value > 0 ? value / reference : 1);
  const factor = Math.min(MAX_FACTOR, Math.max(1, Math.min(ratio(viewport.width, ROOM_REFERENCE.width), ratio(viewport.height, ROOM_REFERENCE.height))));
  const size = (base: number) => Math.round(base * factor);
  return {
    small: size(ROOM_BASE.small),
    body: size(ROOM_BASE.body),
    h1: size(ROOM_BASE.h1),
    h2: size(ROOM_BASE.h2),
    h3: size(ROOM_BASE.h3),
    figure: size(ROOM_BASE.figure),
    chart: size(ROOM_BASE.chart),
    factor,
  };
}
