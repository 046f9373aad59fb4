import { describe, expect, it } from 'vitest';
import { iterationPage, iterationPageLabel, iterationsThatFit, pageShowing, sideOffPage, steppedPage } from '../../../renderer/src/planning/board-pages';

// A presented program board shows as many iterations as fit at the room's floor and pages the rest.

describe('iteration pages of a presented board', () => {
  it('at 1280×720 (a board 1232 px wide, 180 px of team column, 150 px a column) seven iterations fit', () => {
    expect(iterationsThatFit(1232, 180, 150)).toBe(7);
    // 1920×1080: everything half as large again, the same seven.
    expect(iterationsThatFit(1872, 270, 225)).toBe(7);
  });

  it('eight iterations where seven fit: 1–7, then 2–8 (a full screen, not the eighth alone), and back', () => {
    const first = iterationPage(8, 7, 0);
    expect(first).toEqual({ start: 0, end: 7, total: 8 });
    expect(iterationPageLabel(first)).toEqual({ noun: 'Iterations', range: '1–7 of 8' });
    const next = iterationPage(8, 7, steppedPage(first, 1));
    expect(next).toEqual({ start: 1, end: 8, total: 8 });
    expect(iterationPageLabel(next).range).toBe('2–8 of 8');
    expect(steppedPage(next, 1)).toBe(1);
    expect(steppedPage(next, -1)).toBe(0);
  });

  it('pages start every screenful, and back from the last retraces them', () => {
    // 20 iterations, 7 at a time: 1–7, 8–14, 14–20.
    const starts = [0];
    for (let i = 0; i < 3; i++) starts.push(steppedPage(iterationPage(20, 7, starts.at(-1)!), 1));
    expect(starts).toEqual([0, 7, 13, 13]);
    expect(steppedPage(iterationPage(20, 7, 13), -1)).toBe(7);
    expect(steppedPage(iterationPage(20, 7, 7), -1)).toBe(0);
  });

  it('a card carried to an iteration not shown brings the nearest page that holds it', () => {
    const page = iterationPage(13, 7, 6);
    expect(pageShowing(page, 5)).toBe(5);
    expect(pageShowing(page, 9)).toBe(6);
    expect(pageShowing(iterationPage(13, 7, 0), 7)).toBe(1);
  });

  describe('edge cases', () => {
    it('iterations that all fit are one page, whatever the address asks', () => {
      expect(iterationPage(5, 7, 3)).toEqual({ start: 0, end: 5, total: 5 });
      expect(steppedPage(iterationPage(5, 7, 0), 1)).toBe(0);
    });

    it('a start out of range or not a number is brought inside', () => {
      expect(iterationPage(8, 7, 40).start).toBe(1);
      expect(iterationPage(8, 7, -3).start).toBe(0);
      expect(iterationPage(8, 7, Number.NaN).start).toBe(0);
    });

    it('a screen narrower than one column still shows one, named alone', () => {
      expect(iterationsThatFit(200, 180, 150)).toBe(1);
      expect(iterationPageLabel(iterationPage(8, 1, 7))).toEqual({ noun: 'Iteration', range: '8 of 8' });
    });
  });

  it('a line’s end on another page lies left (an earlier page) or right (a later one); shown, off the board or with no pages, nowhere', () => {
    const second = iterationPage(8, 7, 1);
    expect([0, 1, 7].map((column) => sideOffPage(second, column))).toEqual(['left', null, null]);
    const first = iterationPage(8, 7, 0);
    expect([0, 6, 7].map((column) => sideOffPage(first, column))).toEqual([null, null, 'right']);
    expect(sideOffPage(first, -1)).toBeNull();
    expect(sideOffPage(null, 7)).toBeNull();
  });
});
