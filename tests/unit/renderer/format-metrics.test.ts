import { describe, expect, it } from 'vitest';
import { formatDays, formatHours, formatNumber, formatShare } from '../../../renderer/src/charts/format-metrics';

// The renderer formats in the user's locale; these tests run in Node's default, English, so the
// figures below are English ones (a comma groups thousands, a point marks decimals).

describe('formatNumber', () => {
  it('keeps one decimal under 100 and drops a trailing zero', () => {
    expect(formatNumber(40.33)).toBe('40.3');
    expect(formatNumber(18.0)).toBe('18');
    expect(formatNumber(0.25, 2)).toBe('0.25');
  });

  it('shows whole numbers from 100 up, thousands grouped', () => {
    expect(formatNumber(100.4)).toBe('100');
    expect(formatNumber(7490.2, 0)).toBe('7,490');
    expect(formatNumber(8783)).toBe('8,783');
    expect(formatNumber(1_234_567.8)).toBe('1,234,568');
  });

  it('rounds half away from zero, as a reader does', () => {
    expect(formatNumber(2.25)).toBe('2.3');
    expect(formatNumber(-2.25)).toBe('-2.3');
    expect(formatNumber(1.005, 2)).toBe('1.01');
  });

  describe('edge cases', () => {
    it('says "–" for no value', () => {
      expect(formatNumber(null)).toBe('–');
      expect(formatNumber(undefined)).toBe('–');
      expect(formatNumber(Number.NaN)).toBe('–');
      expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
    });

    it('never shows a negative zero', () => {
      expect(formatNumber(-0)).toBe('0');
      expect(formatNumber(-0.04)).toBe('0');
      expect(formatNumber(-0.4, 0)).toBe('0');
    });

    it('keeps the sign of a negative number', () => {
      expect(formatNumber(-1500)).toBe('-1,500');
      expect(formatNumber(-0.06)).toBe('-0.1');
    });
  });
});

describe('units', () => {
  it('days, hours and shares read with their unit', () => {
    expect(formatDays(1234.5)).toBe('1,235 d');
    expect(formatDays(0.5)).toBe('12 h');
    expect(formatHours(72)).toBe('3 d');
    expect(formatHours(0.5)).toBe('30 min');
    expect(formatShare(0.853)).toBe('85.3 %');
    expect(formatShare(null)).toBe('–');
  });
});
