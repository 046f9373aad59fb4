import { describe, expect, it } from 'vitest';
import { formatTimebox, parseTimebox } from '../../../renderer/src/room/timebox-text';

describe('timeboxes as people type them', () => {
  it('reads minutes, decimal minutes and minutes:seconds; writes them back the same way', () => {
    expect(parseTimebox('5')).toBe(300);
    expect(parseTimebox('2.5')).toBe(150);
    expect(parseTimebox('2,5')).toBe(150);
    expect(parseTimebox('4:30')).toBe(270);
    expect(parseTimebox(' 0:45 ')).toBe(45);
    expect(formatTimebox(300)).toBe('5');
    expect(formatTimebox(270)).toBe('4:30');
    expect(formatTimebox(45)).toBe('0:45');
    for (const s of [1, 59, 60, 61, 3599, 86_400]) expect(parseTimebox(formatTimebox(s)), String(s)).toBe(s);
  });

  describe('edge cases', () => {
    it('empty is no timebox; zero, negative, over a day, seconds past 59 and words are not timeboxes', () => {
      expect(parseTimebox('')).toBeNull();
      expect(parseTimebox('   ')).toBeNull();
      expect(formatTimebox(null)).toBe('');
      for (const bad of ['0', '0:00', '-5', '1441', '4:60', '4:5', 'five', '5 min', '1:2:3', 'Infinity', 'NaN']) {
        expect(parseTimebox(bad), bad).toBeUndefined();
      }
      expect(parseTimebox('1440')).toBe(86_400);
    });
  });
});
