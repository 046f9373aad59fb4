import { describe, expect, it } from 'vitest';
import { columnLabels, dateTicks, fitToWidth, spreadLabels, wrapLabel } from '../../../renderer/src/charts/label-layout';

// 7 px a character: roughly the desk's 13 px chart type.
const measure = (s: string) => s.length * 7;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const short = (ms: number) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(ms);

/** The gaps between neighbouring labels centred on `ticks`, px (negative: they overlap). */
function gaps(ticks: number[], from: number, to: number, plotWidth: number): number[] {
  const px = (t: number) => ((t - from) / (to - from)) * plotWidth;
  return ticks.slice(1).map((t, i) => px(t) - px(ticks[i]!) - (measure(short(t)) + measure(short(ticks[i]!))) / 2);
}

describe('spreadLabels', () => {
  it('leaves labels that do not collide where they are wanted', () => {
    expect(spreadLabels([100, 40, 70], 16)).toEqual([100, 40, 70]);
  });

  it('parts two labels that would overlap, evenly about their wishes ("p95 9.8 d" over "p85 9.3 d")', () => {
    const [p95, p85] = spreadLabels([30, 36], 16);
    expect(p85! - p95!).toBe(16);
    expect((p95! + p85!) / 2).toBe(33);
  });

  it('keeps the order of the wishes and a label height between every pair, for a cluster of three', () => {
    const wanted = [50, 48, 52];
    const centres = spreadLabels(wanted, 16);
    expect(centres).toEqual([50, 34, 66]);
  });

  it('parts equal wishes in their given order', () => {
    expect(spreadLabels([20, 20], 10)).toEqual([15, 25]);
  });

  it('a block pushed into a neighbour joins it, and the whole lot stays apart', () => {
    const wanted = [10, 22, 30, 60, 61];
    const centres = spreadLabels(wanted, 14);
    const sorted = [...centres].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(14 - 1e-9);
    // Still in the order wished.
    expect(centres).toEqual([...centres].sort((a, b) => a - b));
  });

  it('keeps labels inside the bounds: a label at the very top moves down, not off the chart', () => {
    expect(spreadLabels([2, 5], 16, [0, 300])).toEqual([8, 24]);
    expect(spreadLabels([299], 16, [0, 300])).toEqual([292]);
  });

  it('no labels, no centres', () => {
    expect(spreadLabels([], 16)).toEqual([]);
  });
});

describe('dateTicks', () => {
  it('eight weekly labels in 308 px would run together ("Feb 3Feb 10"): every other week instead', () => {
    const from = day('2025-02-03');
    const to = day('2025-03-31');
    const ticks = dateTicks(from, to, { plotWidth: 308, format: short, measure, gap: 8 });
    expect(ticks.map(iso)).toEqual(['2025-02-03', '2025-02-17', '2025-03-03', '2025-03-17', '2025-03-31']);
    expect(Math.min(...gaps(ticks, from, to, 308))).toBeGreaterThanOrEqual(8);
  });

  it('the same weeks on a wide plot get a label each', () => {
    const from = day('2025-02-03');
    const to = day('2025-03-31');
    expect(dateTicks(from, to, { plotWidth: 900, format: short, measure, gap: 8 })).toHaveLength(9);
  });

  it('ten days get a label every day or few, never a lone week’s tick (the forecast’s "Nov 30")', () => {
    const from = day('2026-11-23');
    const to = day('2026-12-03');
    const wide = dateTicks(from, to, { plotWidth: 520, format: short, measure, gap: 13 });
    // 52 px a day for labels of 42 px and 13 px between them: every other day.
    expect(wide.map(iso)).toEqual(['2026-11-23', '2026-11-25', '2026-11-27', '2026-11-29', '2026-12-01', '2026-12-03']);
    expect(dateTicks(from, to, { plotWidth: 600, format: short, measure, gap: 13 })).toHaveLength(11);
    const narrow = dateTicks(from, to, { plotWidth: 260, format: short, measure, gap: 13 });
    expect(narrow.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps(narrow, from, to, 260))).toBeGreaterThanOrEqual(13);
  });

  it('weeks tick on Mondays', () => {
    const ticks = dateTicks(Date.UTC(2026, 7, 17), Date.UTC(2026, 8, 30), { plotWidth: 400, format: short, measure, gap: 8 });
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.every((t) => new Date(t).getUTCDay() === 1)).toBe(true);
  });

  it('months fall on the 1st, quarters on January, April, July and October', () => {
    const from = day('2024-11-15');
    const to = day('2026-02-10');
    const monthly = dateTicks(from, to, { plotWidth: 900, format: short, measure, gap: 8 });
    expect(monthly.map(iso).slice(0, 3)).toEqual(['2024-12-01', '2025-01-01', '2025-02-01']);
    const quarterly = dateTicks(from, to, { plotWidth: 300, format: short, measure, gap: 8 });
    expect(quarterly.map(iso)).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
  });

  it('decades at a few pixels thin out until they fit', () => {
    const from = day('1900-01-01');
    const to = day('2100-01-01');
    const ticks = dateTicks(from, to, { plotWidth: 120, format: short, measure, gap: 8 });
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(Infinity, ...gaps(ticks, from, to, 120))).toBeGreaterThanOrEqual(8);
  });

  it('a label that would reach past the chart’s edge is left out ("Nov 16" cut at a tile’s right)', () => {
    const from = day('2026-09-21');
    const to = day('2026-11-16');
    const all = dateTicks(from, to, { plotWidth: 450, format: short, measure, gap: 8 });
    expect(all.map(iso).at(-1)).toBe('2026-11-16');
    const kept = dateTicks(from, to, { plotWidth: 450, format: short, measure, gap: 8, margins: [48, 18] });
    expect(kept.map(iso).at(-1)).not.toBe('2026-11-16');
    for (const t of kept) {
      const px = ((t - from) / (to - from)) * 450;
      expect(px + measure(short(t)) / 2).toBeLessThanOrEqual(450 + 18);
    }
  });

  it('no span or no width: no ticks', () => {
    expect(dateTicks(5, 5, { plotWidth: 300, format: short, measure, gap: 8 })).toEqual([]);
    expect(dateTicks(0, 86_400_000 * 9, { plotWidth: 0, format: short, measure, gap: 8 })).toEqual([]);
  });
});

describe('wrapLabel', () => {
  it('a name that fits stays on one line', () => {
    expect(wrapLabel('Blocked', 70, measure)).toEqual({ lines: ['Blocked'], shortened: false });
  });

  it('breaks between words ("In Progress" beside "In Review" in a narrow column)', () => {
    expect(wrapLabel('In Progress', 60, measure)).toEqual({ lines: ['In', 'Progress'], shortened: false });
    expect(wrapLabel('Ready for Test', 70, measure)).toEqual({ lines: ['Ready for', 'Test'], shortened: false });
  });

  it('cuts a word longer than the column with "…" and says so', () => {
    const { lines, shortened } = wrapLabel('Acceptance', 50, measure);
    expect(shortened).toBe(true);
    expect(lines).toEqual(['Accept…']);
    expect(measure(lines[0]!)).toBeLessThanOrEqual(50);
  });

  it('puts what is left after the last line into it, cut', () => {
    const { lines, shortened } = wrapLabel('Waiting for the customer to answer', 70, measure);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Waiting');
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(shortened).toBe(true);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(70);
  });
});

describe('columnLabels', () => {
  const statuses = ['In Progress', 'In Review', 'Testing', 'Blocked', 'Ready for Test'];

  it('wide columns: every name whole on its own row', () => {
    expect(columnLabels(statuses, 120, measure, 8)).toEqual({ lines: [['In Progress'], ['In Review'], ['Testing'], ['Blocked'], ['Ready for Test']], staggered: false });
  });

  it('narrower: names wrap between words in their column', () => {
    expect(columnLabels(statuses, 72, measure, 8)).toEqual({ lines: [['In', 'Progress'], ['In Review'], ['Testing'], ['Blocked'], ['Ready for', 'Test']], staggered: false });
  });

  it('too narrow for a word ("Progress" in 58 px): every other name a row lower, with two columns of room, none cut', () => {
    const { lines, staggered } = columnLabels(statuses, 58, measure, 10);
    expect(staggered).toBe(true);
    expect(lines.flat().some((l) => l.endsWith('…'))).toBe(false);
    for (const name of lines) for (const line of name) expect(measure(line)).toBeLessThanOrEqual(2 * 58 - 10);
  });

  it('one column is never staggered', () => {
    expect(columnLabels(['Acceptance testing'], 40, measure, 8).staggered).toBe(false);
  });
});

describe('fitToWidth', () => {
  it('keeps text that fits whole and cuts the rest with an ellipsis', () => {
    expect(fitToWidth('Checkout', 100, measure)).toBe('Checkout');
    expect(fitToWidth('Merchant Onboarding', 70, measure)).toBe('Merchant…');
  });
});
