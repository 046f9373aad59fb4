import { describe, expect, it } from 'vitest';
import { parseViewParams, withViewParams } from '../../../renderer/src/layout/view-params';
import { bandWithin, CARD_GUTTER, lineCrossesBand, linePath, stubOffset, stubPath, stubSpread } from '../../../renderer/src/planning/board-geometry';
import { boardCsvRows } from '../../../renderer/src/planning/board-export';
import { visibleDependencies } from '../../../renderer/src/planning/DependencyLines';
import { applyMove } from '../../../renderer/src/planning/optimistic-move';
import { targetIteration } from '../../../renderer/src/planning/ProgramBoard';
import { buildBoard } from '../../../shared/planning/board';
import type { PlanData } from '../../../shared/planning/plan-data';
import { planData } from '../planning/plan-data-fixture';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const work = (itemKey: string, teamKey: string, iterationId: number, rank: number, size: number | null = null) => ({ itemKey, title: itemKey, type: 'feature', teamKey, iterationId, rank, size, doneAt: null });

function board(overrides: Partial<PlanData> = {}) {
  const plan = planData({
    increment: { id: 1, name: 'PI', start: d('2026-01-05'), end: d('2026-02-02'), capacityUnit: 'items' },
    iterations: [
      { id: 1, name: 'I1', start: d('2026-01-05'), end: d('2026-01-19'), teamKey: null },
      { id: 2, name: 'I2', start: d('2026-01-19'), end: d('2026-02-02'), teamKey: null },
      { id: 7, name: 'B week 3', start: d('2026-01-19'), end: d('2026-01-26'), teamKey: 'b' },
    ],
    teams: [
      { key: 'a', name: 'Alpha', valueStream: null, group: 'G' },
      { key: 'b', name: 'Bravo', valueStream: null, group: 'G' },
    ],
    planned: [work('A-1', 'a', 1, 1), work('A-2', 'a', 1, 2), work('B-1', 'b', 2, 1)],
    dependencies: [{ key: 'D', consumerKey: 'A-1', providerKey: 'B-1', consumerTeamKey: 'a', providerTeamKey: 'b', createdAt: 0, neededBy: null, resolvedAt: null }],
    capacity: [{ teamKey: 'a', iterationId: 2, amount: 1 }],
    ...overrides,
  });
  return buildBoard(plan);
}

describe('the plan page’s helpers', () => {
  it('a move shows at once: the card leaves its cell, lands before the one asked, and loads are recounted', () => {
    const before = board();
    const moved = applyMove(before, { itemKey: 'A-2', teamKey: 'a', iterationId: 2, beforeItemKey: null });
    const cell = (team: string, column: number) => moved.cells.find((c) => c.teamKey === team && c.columnId === column)!;
    expect(cell('a', 1).cards.map((c) => c.key)).toEqual(['A-1']);
    expect(cell('a', 2)).toMatchObject({ load: 1, over: false });
    const again = applyMove(moved, { itemKey: 'A-1', teamKey: 'a', iterationId: 2, beforeItemKey: 'A-2' });
    expect(again.cells.find((c) => c.teamKey === 'a' && c.columnId === 2)).toMatchObject({ load: 2, over: true });
    expect(again.cells.find((c) => c.teamKey === 'a' && c.columnId === 2)!.cards.map((c) => c.key)).toEqual(['A-1', 'A-2']);
    // The input board is not changed.
    expect(before.cells.find((c) => c.teamKey === 'a' && c.columnId === 1)!.cards).toHaveLength(2);
  });

  it('a card dropped into a cell goes into the team’s own sprint there, else the shared iteration', () => {
    const b = board();
    expect(targetIteration(b, 'b', 2, null)).toBe(7);
    expect(targetIteration(b, 'a', 2, null)).toBe(2);
    expect(targetIteration(b, 'a', 1, b.cells[0]!.cards[0]!)).toBe(1);
  });

  it('which lines are drawn: the card or team in focus, else the ones not in order, all on request', () => {
    const b = board();
    expect(b.dependencies[0]!.state).toBe('conflict');
    expect(visibleDependencies(b.dependencies, { card: null, team: null }, false)).toHaveLength(1);
    expect(visibleDependencies(b.dependencies, { card: 'A-2', team: null }, true)).toHaveLength(0);
    expect(visibleDependencies(b.dependencies, { card: null, team: 'b' }, false)).toHaveLength(1);
  });

  it('lines run edge to edge: right edge to left edge forward, left to right backward', () => {
    const left = { left: 0, top: 0, width: 100, height: 40 };
    const right = { left: 200, top: 100, width: 100, height: 40 };
    expect(linePath(left, right).d.startsWith('M 100 20')).toBe(true);
    expect(linePath(left, right).d.endsWith('200 120')).toBe(true);
    expect(linePath(right, left).d.startsWith('M 200 120')).toBe(true);
    expect(linePath(right, left).d.endsWith('100 20')).toBe(true);
    expect(linePath(left, right).mid).toEqual({ x: 150, y: 70 });
  });

  it('a stub leaves the card on the side its other end lies; one to another page has an arrowhead in the cell’s padding', () => {
    const card = { left: 200, top: 100, width: 100, height: 40 };
    expect(stubPath(card, 'left')).toEqual({ d: 'M 200 120 h -22', mid: { x: 170, y: 120 } });
    const right = stubPath(card, 'right', true);
    expect(right).toMatchObject({ d: 'M 300 120 h 22', mid: { x: 330, y: 120 } });
    expect(right.arrow).toBe(`M 300 ${120 - CARD_GUTTER} L ${300 + CARD_GUTTER} 120 L 300 ${120 + CARD_GUTTER} Z`);
    expect(stubPath(card, 'left', true).arrow).toBe(`M 200 ${120 - CARD_GUTTER} L ${200 - CARD_GUTTER} 120 L 200 ${120 + CARD_GUTTER} Z`);
  });

  it('stubs leaving one side of a card are spread over its height a symbol apart, about its middle', () => {
    expect(stubSpread(0, 1, 40, 16)).toBe(0);
    expect([0, 1].map((i) => stubSpread(i, 2, 40, 16))).toEqual([-9, 9]);
    expect([0, 1, 2].map((i) => stubSpread(i, 3, 60, 16))).toEqual([-18, 0, 18]);
    // A card too short for three symbols a symbol apart: they share its height (less 2 px at each edge).
    expect([0, 1, 2].map((i) => stubSpread(i, 3, 24, 16))).toEqual([-10, 0, 10]);
    const card = { left: 200, top: 100, width: 100, height: 40 };
    expect(stubPath(card, 'left', false, stubOffset({ index: 1, count: 2 }, card, 12))).toEqual({ d: 'M 200 129 h -22', mid: { x: 170, y: 129 } });
  });

  it('near the screen: a line is drawn when the heights its two cards span meet the band', () => {
    const card = (top: number) => ({ left: 0, top, width: 100, height: 40 });
    const band = { top: 1000, bottom: 1600 };
    expect(lineCrossesBand(card(100), card(2000), band)).toBe(true); // passes through it
    expect(lineCrossesBand(card(1200), card(5000), band)).toBe(true); // one end in it
    expect(lineCrossesBand(card(100), card(500), band)).toBe(false); // above it
    expect(lineCrossesBand(card(1700), card(3000), band)).toBe(false); // below it
    expect(lineCrossesBand(undefined, card(1500), band)).toBe(true); // a stub at a consumer in it
    expect(lineCrossesBand(undefined, card(2000), band)).toBe(false);
    expect(bandWithin({ top: 1100, bottom: 1500 }, band)).toBe(true);
    expect(bandWithin({ top: 900, bottom: 1500 }, band)).toBe(false);
  });

  it('the board as CSV: one row per card, with what it waits on and the state', () => {
    const rows = boardCsvRows(board(), (k) => k.toUpperCase());
    expect(rows[0]).toContain('Waits on');
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[9], r[10]])).toEqual([
      ['A', 'I1', '', 'A-1', 'B-1', 'conflict'],
      ['A', 'I1', '', 'A-2', '', ''],
      ['B', 'I2', '', 'B-1', '', ''],
    ]);
  });

  it('the board as CSV: a dependency on a cancelled provider says so', () => {
    const dependencies = [{ key: 'D', consumerKey: 'A-2', providerKey: 'X-1', consumerTeamKey: 'a', providerTeamKey: 'b', createdAt: 0, neededBy: null, resolvedAt: null }];
    const rows = boardCsvRows(board({ dependencies, cancelledProviders: ['X-1'] }), (k) => k);
    expect(rows.find((r) => r[4] === 'A-2')!.slice(9)).toEqual(['X-1', 'provider cancelled', '']);
  });

  it('view parameters round-trip through the address, sorted, empty ones dropped', () => {
    expect(parseViewParams('#/plan?increment=PI%2026.4&tab=board')).toEqual({ increment: 'PI 26.4', tab: 'board' });
    expect(withViewParams('#/plan?tab=board', { increment: 'PI 26.4', tab: null })).toBe('#/plan?increment=PI+26.4');
    expect(withViewParams('#/plan', {})).toBe('#/plan');
  });

  describe('edge cases', () => {
    it('a move to an unknown iteration or of an unknown card changes nothing', () => {
      const b = board();
      expect(applyMove(b, { itemKey: 'A-1', teamKey: 'a', iterationId: 99, beforeItemKey: null })).toBe(b);
      expect(applyMove(b, { itemKey: 'Z-9', teamKey: 'a', iterationId: 1, beforeItemKey: null })).toBe(b);
    });

    it('a card touching the band by its edge only counts as in it', () => {
      const band = { top: 1000, bottom: 1600 };
      expect(lineCrossesBand(undefined, { left: 0, top: 960, width: 100, height: 40 }, band)).toBe(true);
      expect(lineCrossesBand({ left: 0, top: 1600, width: 100, height: 40 }, { left: 0, top: 3000, width: 100, height: 40 }, band)).toBe(true);
      expect(bandWithin(band, band)).toBe(true);
    });

    it('an address without a page or parameters', () => {
      expect(parseViewParams('')).toEqual({});
      expect(withViewParams('', { tab: 'x' })).toBe('#/?tab=x');
    });
  });
});
