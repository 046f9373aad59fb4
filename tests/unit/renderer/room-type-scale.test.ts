import { describe, expect, it } from 'vitest';
import { ROOM_BASE, roomTypeScale } from '../../../renderer/src/room/type-scale';

describe('the room’s type scale', () => {
  it('at 1280×720: nothing under 20 px, headline figures at least 48 px, chart labels at least 16 px', () => {
    const s = roomTypeScale({ width: 1280, height: 720 });
    expect(Math.min(s.small, s.body, s.h1, s.h2, s.h3, s.figure)).toBeGreaterThanOrEqual(20);
    expect(s.figure).toBeGreaterThanOrEqual(48);
    expect(s.chart).toBeGreaterThanOrEqual(16);
    expect(s).toEqual({ ...ROOM_BASE, factor: 1 });
  });

  it('a larger screen scales every size by the same factor, so a slide looks the same there', () => {
    const s = roomTypeScale({ width: 1920, height: 1080 });
    expect(s.factor).toBe(1.5);
    expect([s.small, s.body, s.figure, s.chart]).toEqual([30, 33, 78, 27]);
  });

  it('the tighter of width and height decides: a tall portrait or a wide strip does not blow text up', () => {
    expect(roomTypeScale({ width: 2560, height: 720 }).factor).toBe(1);
    expect(roomTypeScale({ width: 1280, height: 1440 }).factor).toBe(1);
    expect(roomTypeScale({ width: 2560, height: 1080 }).factor).toBe(1.5);
  });

  describe('edge cases', () => {
    it('a window smaller than the projector keeps the floors (text wraps and scrolls, never shrinks)', () => {
      expect(roomTypeScale({ width: 800, height: 600 })).toEqual({ ...ROOM_BASE, factor: 1 });
    });

    it('stops growing at three times the reference', () => {
      expect(roomTypeScale({ width: 7680, height: 4320 }).factor).toBe(3);
      expect(roomTypeScale({ width: 7680, height: 4320 }).small).toBe(60);
    });

    it('a viewport not measured yet (0, negative, NaN, Infinity) gets the reference sizes', () => {
      for (const v of [{ width: 0, height: 0 }, { width: -5, height: 720 }, { width: Number.NaN, height: Number.NaN }, { width: Number.POSITIVE_INFINITY, height: 720 }]) {
        expect(roomTypeScale(v), JSON.stringify(v)).toEqual({ ...ROOM_BASE, factor: 1 });
      }
    });
  });
});
