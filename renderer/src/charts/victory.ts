import { TextSize, type TextSizeStyleInterface } from 'victory';
import { textWidth } from './measure-text';

// Every chart imports Victory from here (eslint.config.mjs), so that this runs before any chart draws.
//
// Victory sizes each label it draws (axis ticks, line labels, tooltips) by putting the text in a
// hidden SVG element and asking the browser for its box. Each new label thereby forces a style and
// layout pass of the whole page in the middle of React's render: on the Flow page that was ≈ 35 ms
// of drawing the charts, on every scope change. The sizes only place label backgrounds and tooltip
// flyouts, so Interlock measures the width with a canvas (measure-text.ts, no layout) and takes the
// height from Victory's own estimate for the font size. Victory keeps this measurement replaceable
// on purpose (`_approximateTextSizeInternal`, "stubbable implementation").

type LabelStyle = TextSizeStyleInterface | TextSizeStyleInterface[] | undefined;

const victoryEstimate = TextSize._approximateTextSizeInternal.impl;

/** Victory's default label font (victory-core's textsize.js), for a style that names none. */
const DEFAULT_FONT = { fontFamily: "'Gill Sans', 'Gill Sans MT', 'Seravek', 'Trebuchet MS', sans-serif", fontSize: 14 };

function lineStyle(style: LabelStyle, line: number): TextSizeStyleInterface {
  return (Array.isArray(style) ? style[line] : style) ?? {};
}

function pixels(value: number | string | undefined, fallback: number, fontSize = fallback): number {
  if (typeof value === 'number') return value;
  if (value === undefined || value === '') return fallback;
  const n = Number.parseFloat(value);
  if (!Number.isFinite(n)) return fallback;
  return /em$/.test(value) ? n * fontSize : n;
}

/** The width and height a label takes on screen, as Victory's `approximateTextSize` returns them. */
export function labelSize(text: string | string[], style?: LabelStyle): { width: number; height: number } {
  const lines = Array.isArray(text) ? text : String(text).split(/\r\n|\r|\n/g);
  let width = 0;
  lines.forEach((line, i) => {
    const s = lineStyle(style, i);
    const fontSize = pixels(s.fontSize, DEFAULT_FONT.fontSize);
    const spacing = pixels(s.letterSpacing, 0, fontSize);
    const chars = String(line).length;
    const w = chars === 0 ? 0 : textWidth(String(line), fontSize, s.fontFamily ?? DEFAULT_FONT.fontFamily) + spacing * Math.max(chars - 1, 0);
    width = Math.max(width, w);
  });
  // Victory's estimate of the height, unrotated; rotated below with the measured width.
  const unrotated = Array.isArray(style) ? style.map((s) => ({ ...s, angle: undefined })) : style && { ...style, angle: undefined };
  const height = victoryEstimate(text, unrotated as TextSizeStyleInterface, true).height;
  const angle = (Array.isArray(style) ? style[0]?.angle : style?.angle) ?? 0;
  if (!angle) return { width, height };
  const radians = (angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  return { width: cos * width + sin * height, height: sin * width + cos * height };
}

TextSize._approximateTextSizeInternal.impl = (text, style) => labelSize(text, style);

export * from 'victory';
