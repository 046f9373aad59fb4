import { describe, expect, it } from 'vitest';
import { figure, formatMarkdownTable, formatTable, formatValue, median, meets, ratioOf } from '../../../bench/measure';

describe('bench figures', () => {
  it('median is the middle sample, or the mean of the two middle ones, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('ratio is value ÷ baseline', () => {
    expect(ratioOf(690, 345)).toBe(2);
  });

  it('a target is met only when every bound it sets holds: ratio, strict maximum, inclusive maximum', () => {
    const both = { text: '≤ 3× baseline and < 500 ms', maxRatio: 3, maxValue: 500 };
    expect(meets(450, 2.9, both)).toBe(true);
    expect(meets(450, 3.1, both)).toBe(false);
    expect(meets(500, 1, both)).toBe(false);
    expect(meets(2000, null, { text: '≤ ~2,000', maxValueInclusive: 2000 })).toBe(true);
    expect(meets(2001, null, { text: '≤ ~2,000', maxValueInclusive: 2000 })).toBe(false);
  });

  it('a figure carries its ratio and whether it met its target', () => {
    const f = figure({ id: 'x', size: 'M', title: 'X', unit: 'ms', value: 8500, baseline: { what: 'floor', value: 3400 }, target: { text: '≤ 2× baseline', maxRatio: 2 } });
    expect(f.ratio).toBeCloseTo(2.5, 12);
    expect(f.met).toBe(false);
  });

  it('the tables show value, baseline, ratio and a loud NO for a missed target', () => {
    const f = figure({ id: 'x', size: 'M', title: 'Import', unit: 'ms', value: 8500, baseline: { what: 'floor', value: 3400 }, target: { text: '≤ 2× baseline', maxRatio: 2 } });
    const row = formatTable([f]).split('\n')[2]!;
    expect(row).toMatch(/^M\s+Import\s+8\.50 s\s+–\s+3\.40 s\s+2\.50×\s+≤ 2× baseline\s+NO$/);
    expect(formatMarkdownTable([f]).split('\n')[2]).toBe('| M | Import | 8.50 s | – | 3.40 s | 2.50× | ≤ 2× baseline | NO |');
  });

  it('a median of several samples shows their range beside it', () => {
    const f = figure({ id: 'x', size: 'M', title: 'Flow', unit: 'ms', value: 1300, samples: [1410, 1200, 1300], baseline: null, target: { text: '< 1.5 s', maxValue: 1500 } });
    expect([f.min, f.max]).toEqual([1200, 1410]);
    expect(formatMarkdownTable([f]).split('\n')[2]).toBe('| M | Flow | 1.30 s | 1.20 s – 1.41 s | – | – | < 1.5 s | yes |');
  });

  describe('edge cases', () => {
    it('no samples, no baseline, a zero baseline or no target give no number rather than a wrong one', () => {
      expect(median([])).toBeNaN();
      expect(ratioOf(1, 0)).toBeNull();
      expect(ratioOf(1, null)).toBeNull();
      expect(meets(1, 1, null)).toBeNull();
      expect(meets(1, null, { text: '≤ 2×', maxRatio: 2 })).toBeNull();
      expect(meets(Number.NaN, 1, { text: '< 1 s', maxValue: 1000 })).toBe(false);
      expect(formatValue(Number.NaN, 'ms')).toBe('–');
    });

    it('units read as people expect: ms below a second, seconds above, MB and marks as whole numbers', () => {
      expect(formatValue(8.54, 'ms')).toBe('8.5 ms');
      expect(formatValue(941, 'ms')).toBe('941 ms');
      expect(formatValue(1740, 'ms')).toBe('1.74 s');
      expect(formatValue(12_500, 'ms')).toBe('12.5 s');
      expect(formatValue(569.4, 'MB')).toBe('569 MB');
      expect(formatValue(1255, 'marks')).toBe('1,255');
    });

    it('does not reorder the caller’s samples', () => {
      const samples = [3, 1, 2];
      median(samples);
      expect(samples).toEqual([3, 1, 2]);
    });
  });
});
