// Where a chart's labels go so that no two of them overlap: pure geometry, the text's width given
// by the caller (measure-text.ts in the app, a fixed width per character in tests).

/** The width of a label in px. */
export type Measure = (text: string) => number;

/**
 * Centres for labels of one `height` wanted at `wanted` (px, any order), at least `height` apart
 * and each as near its wish as that allows: labels that would collide are set as one block
 * centred on their wishes, kept within `bounds` when it can hold them. Same order as `wanted`.
 */
export function spreadLabels(wanted: readonly number[], height: number, bounds: readonly [number, number] = [-Infinity, Infinity]): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  // Blocks of labels stacked edge to edge; `sum` adds each member's wished top less its place in the block.
  const blocks: { members: number[]; sum: number; top: number }[] = [];
  const place = (block: { members: number[]; sum: number; top: number }) => {
    const span = block.members.length * height;
    const top = block.sum / block.members.length;
    block.top = Math.max(bounds[0], Math.min(top, bounds[1] - span));
  };
  for (const i of order) {
    const block = { members: [i], sum: wanted[i]! - height / 2, top: 0 };
    place(block);
    blocks.push(block);
    for (;;) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2];
      if (!before || before.top + before.members.length * height <= last.top + 1e-9) break;
      const offset = before.members.length * height;
      before.sum += last.sum - last.members.length * offset;
      before.members.push(...last.members);
      blocks.pop();
      place(before);
    }
  }
  const centres = new Array<number>(wanted.length);
  for (const block of blocks) block.members.forEach((i, k) => (centres[i] = block.top + k * height + height / 2));
  return centres;
}

const DAY = 86_400_000;

/** Tick steps of a date axis, finest first: days, weeks (on Mondays), then months and years (on the 1st). */
const DAY_STEPS = [1, 2, 3, 7, 14] as const;
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;

/**
 * Ticks for a UTC date axis `plotWidth` px wide from `from` to `to` (ms): the finest of whole days,
 * weeks (Mondays), months or years whose labels, `format`ted and `measure`d, keep at least `gap` px
 * between neighbours, and none reaching past the chart's `margins` (px left and right of the plot).
 * So a short window at a narrow width gets fewer labels, not labels run
 * together ("Feb 3Feb 10"), and a few days get one each, not a lone week's.
 */
export function dateTicks(from: number, to: number, o: { plotWidth: number; format: (ms: number) => string; measure: Measure; gap: number; margins?: readonly [number, number] }): number[] {
  if (!(to > from) || !(o.plotWidth > 0)) return [];
  const px = (ms: number) => ((ms - from) / (to - from)) * o.plotWidth;
  // A label centred on a tick near an end reaches past the plot: not past the chart's margin there.
  const [left, right] = o.margins ?? [Infinity, Infinity];
  const inside = (t: number) => px(t) - o.measure(o.format(t)) / 2 >= -left && px(t) + o.measure(o.format(t)) / 2 <= o.plotWidth + right;
  const fits = (ticks: readonly number[]) => {
    const widths = ticks.map((t) => o.measure(o.format(t)));
    for (let i = 1; i < ticks.length; i++) if (px(ticks[i]!) - px(ticks[i - 1]!) < (widths[i - 1]! + widths[i]!) / 2 + o.gap) return false;
    return true;
  };
  // Steps far too fine for any label are not even listed (a century in days would be 36,500).
  const tooFine = (stepMs: number) => px(from + stepMs) < o.gap + o.measure(o.format(from)) / 2;
  let ticks: number[] = [];
  for (const step of DAY_STEPS) {
    if (tooFine(step * DAY)) continue;
    ticks = dayTicks(from, to, step).filter(inside);
    if (fits(ticks)) return ticks;
  }
  for (const step of MONTH_STEPS) {
    if (tooFine(step * 28 * DAY) && step !== MONTH_STEPS[MONTH_STEPS.length - 1]) continue;
    ticks = monthTicks(from, to, step).filter(inside);
    if (fits(ticks)) return ticks;
  }
  // Centuries at a few px: every other one until they fit.
  while (ticks.length > 1 && !fits(ticks)) ticks = ticks.filter((_, i) => i % 2 === 0);
  return ticks;
}

function dayTicks(from: number, to: number, step: number): number[] {
  const first = step >= 7 ? mondayOnOrAfter(from) : Math.ceil(from / DAY) * DAY;
  const ticks: number[] = [];
  for (let t = first; t <= to; t += step * DAY) ticks.push(t);
  return ticks;
}

/** The 1st of every month on or after `from` whose count from year 0 is a multiple of `step` (quarters start in January, 5-year steps on years ending in 0 or 5). */
function monthTicks(from: number, to: number, step: number): number[] {
  const start = new Date(from);
  let index = start.getUTCFullYear() * 12 + start.getUTCMonth();
  if (Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1) < from) index += 1;
  index = Math.ceil(index / step) * step;
  const ticks: number[] = [];
  for (let m = index; ; m += step) {
    const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
    if (t > to) break;
    ticks.push(t);
  }
  return ticks;
}

function mondayOnOrAfter(ms: number): number {
  const day = Math.ceil(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return weekday === 0 ? day : day + (7 - weekday) * DAY;
}

/**
 * A category's name in at most `maxLines` lines of at most `maxWidth` px, broken between words; a
 * word or last line that still does not fit is cut with "…" (`shortened` then says the name is
 * not whole, for the caller to give the full name elsewhere).
 */
export function wrapLabel(text: string, maxWidth: number, measure: Measure, maxLines = 2): { lines: string[]; shortened: boolean } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let shortened = false;
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    let line = words[i]!;
    i += 1;
    while (i < words.length && measure(`${line} ${words[i]}`) <= maxWidth) line = `${line} ${words[i++]}`;
    if (lines.length === maxLines - 1 && i < words.length) {
      line = `${line} ${words.slice(i).join(' ')}`;
      i = words.length;
    }
    if (measure(line) > maxWidth) {
      line = fitToWidth(line, maxWidth, measure);
      shortened = true;
    }
    lines.push(line);
  }
  return { lines, shortened };
}

/** `text` whole when it fits `maxWidth`, else cut with "…" (at least one character and the ellipsis). */
export function fitToWidth(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid).trimEnd()}…`) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

/**
 * The names under evenly spaced columns `slot` px apart, each wrapped to its column. When a name
 * would have to be cut even so, every other column's name goes one row lower (`staggered`): then a
 * name has two columns' room, as its neighbours stand in the other row.
 */
export function columnLabels(names: readonly string[], slot: number, measure: Measure, gap: number, maxLines = 2): { lines: string[][]; staggered: boolean } {
  const wrapAll = (width: number) => names.map((n) => wrapLabel(n, width, measure, maxLines));
  const plain = wrapAll(slot - gap);
  if (names.length < 2 || plain.every((l) => !l.shortened)) return { lines: plain.map((l) => l.lines), staggered: false };
  return { lines: wrapAll(2 * slot - gap).map((l) => l.lines), staggered: true };
}
