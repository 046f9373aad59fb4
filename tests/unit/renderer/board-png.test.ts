import { describe, expect, it } from 'vitest';
import { boardSvg } from '../../../renderer/src/planning/board-export';
import type { Board } from '../../../shared/planning/board-schema';
import { checkoutBoard, teamName } from './checkout-board';

// The board's PNG as the Plan page lays the board out: the milestones lane under the iterations,
// each group's heading over its teams, in the app's type (an SVG drawn into an image otherwise
// falls back to a serif face).

const COLORS = { color: '#000', muted: '#666', line: '#ccc', card: '#fff' };

/** The texts of the SVG with their vertical positions, in drawing order. */
function texts(source: string): { text: string; y: number; italic: boolean }[] {
  const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
  return [...doc.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', y: Number(t.getAttribute('y')), italic: t.getAttribute('font-style') === 'italic' }));
}

/** Checkout in "Customer journeys", Payments in "Commercial" (Pricing plans nothing: no row); a milestone in Iteration 2 and one on a day after the last iteration. */
function grouped(): Board {
  const b = checkoutBoard();
  const groups: Record<string, string> = { checkout: 'Customer journeys', pay: 'Commercial', pricing: 'Commercial' };
  return {
    ...b,
    teams: b.teams.map((t) => ({ ...t, group: groups[t.key]! })),
    milestones: [
      { id: 1, name: 'Go-live', date: '2026-01-26', teamKey: 'checkout', columnId: 2, outside: null },
      { id: 2, name: 'Board review', date: '2026-02-10', teamKey: null, columnId: 2, outside: 'after' },
    ],
  };
}

describe('the board’s PNG', () => {
  it('is drawn in the app’s type', () => {
    const { source } = boardSvg(grouped(), { ...COLORS, teamName, fontFamily: '"Inter", "Helvetica Neue", sans-serif' });
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    expect(svg.getAttribute('font-family')).toBe('"Inter", "Helvetica Neue", sans-serif');
  });

  it('has the milestones lane under the iterations, each milestone in its column, a day outside the iterations said', () => {
    const drawn = texts(boardSvg(grouped(), { ...COLORS, teamName }).source);
    const at = (text: string) => drawn.findIndex((t) => t.text === text);
    expect(at('Milestones')).toBeGreaterThan(at('Iteration 2'));
    expect(drawn.filter((t) => t.text.startsWith('⚑')).map((t) => t.text)).toEqual(['⚑ Go-live · 01-26 · Checkout', '⚑ Board review · 02-10']);
    expect(drawn.find((t) => t.text === 'after Iteration 2')).toMatchObject({ italic: true });
    // Under the column headings, above the first group's heading and its teams.
    const lane = drawn[at('Milestones')]!.y;
    expect(lane).toBeGreaterThan(drawn[at('Iteration 1')]!.y);
    expect(drawn[at('after Iteration 2')]!.y).toBeLessThan(drawn[at('Customer journeys')]!.y);
  });

  it('heads each group’s teams with its name, in the board’s order, once per group', () => {
    const drawn = texts(boardSvg(grouped(), { ...COLORS, teamName }).source);
    const order = drawn.filter((t) => ['Customer journeys', 'Commercial', 'Checkout', 'Payments'].includes(t.text)).map((t) => t.text);
    expect(order).toEqual(['Customer journeys', 'Checkout', 'Commercial', 'Payments']);
    const ys = drawn.filter((t) => order.includes(t.text)).map((t) => t.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
  });

  describe('edge cases', () => {
    it('no milestones: the lane is there, one line high, as on the page', () => {
      const b = { ...grouped(), milestones: [] };
      const drawn = texts(boardSvg(b, { ...COLORS, teamName }).source);
      expect(drawn.some((t) => t.text === 'Milestones')).toBe(true);
      expect(boardSvg(b, { ...COLORS, teamName }).height).toBeLessThan(boardSvg(grouped(), { ...COLORS, teamName }).height);
    });

    it('every card stays inside the image with the lane and the group headings added', () => {
      const { source, height } = boardSvg(grouped(), { ...COLORS, teamName });
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      for (const rect of doc.querySelectorAll('rect')) expect(Number(rect.getAttribute('y')) + Number(rect.getAttribute('height'))).toBeLessThanOrEqual(height);
    });
  });
});
