import { describe, expect, it } from 'vitest';
import { rowPasses, rowsHeight, type RowSize } from '../../../renderer/src/planning/board-passes';

// Hand-computed with the default sizes: a row is 40 px plus 52 px per card in its fullest cell.

const row = (cards: number, tallest: number): RowSize => ({ cards, tallest });

describe('board passes', () => {
  it('the first pass fills the screen, each later one adds about 240 cards, the last draws every row', () => {
    // 50 teams of 40 cards, 7 in the fullest cell: 40 + 7 × 52 = 404 px a row.
    const rows = Array.from({ length: 50 }, () => row(40, 7));
    expect(rowsHeight(rows.slice(0, 2))).toBe(808);
    // 900 px of screen: 3 rows (808 px is not enough yet), then 6 rows (240 cards) a pass.
    const passes = rowPasses(rows, 900);
    expect(passes.slice(0, 4)).toEqual([3, 9, 15, 21]);
    expect(passes.at(-1)).toBe(50);
    expect(passes).toEqual([3, 9, 15, 21, 27, 33, 39, 45, 50]);
  });

  describe('edge cases', () => {
    it('a small board (400 cards or fewer) is one pass, and so is an empty one', () => {
      expect(rowPasses(Array.from({ length: 10 }, () => row(40, 10)), 100)).toEqual([10]);
      expect(rowPasses([], 900)).toEqual([0]);
    });

    it('a row bigger than a pass still makes progress, one row at a time', () => {
      expect(rowPasses([row(300, 50), row(300, 50), row(300, 50)], 100)).toEqual([1, 2, 3]);
    });
  });
});
