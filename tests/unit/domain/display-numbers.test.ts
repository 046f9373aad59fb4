import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../renderer/src/charts/format-metrics';
import { decimalText, roundForDisplay } from '../../../shared/domain/display-numbers';
import { decimal } from '../../../shared/report/report-format';

// One rounding rule for every figure shown: the number as written, half away from zero.

describe('roundForDisplay', () => {
  it('rounds the number as written, not the double’s binary value: 3.55 → 3.6 (toFixed says 3.5)', () => {
    expect((3.55).toFixed(1)).toBe('3.5');
    expect(roundForDisplay(3.55, 1)).toBe(3.6);
    expect(roundForDisplay(7.65, 1)).toBe(7.7);
    expect(roundForDisplay(8.55, 1)).toBe(8.6);
    expect(roundForDisplay(1.005, 2)).toBe(1.01);
    expect(roundForDisplay(2.675, 2)).toBe(2.68);
  });

  it('half away from zero on both sides, never -0', () => {
    expect(roundForDisplay(-2.25, 1)).toBe(-2.3);
    expect(roundForDisplay(2.5, 0)).toBe(3);
    expect(Object.is(roundForDisplay(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundForDisplay(-0, 1), 0)).toBe(true);
  });

  describe('edge cases', () => {
    it('very small, very large and non-finite values', () => {
      expect(roundForDisplay(1e-7, 1)).toBe(0);
      expect(roundForDisplay(0.000463, 6)).toBe(0.000463);
      expect(roundForDisplay(1234567.85, 1)).toBe(1234567.9);
      expect(roundForDisplay(1e21, 1)).toBe(1e21);
      expect(roundForDisplay(Number.NaN, 1)).toBeNaN();
    });
  });
});

describe('the CLI, the report and the page round a figure the same way', () => {
  it('3.55 reads 3.6 in each (the CLI printed 3.5)', () => {
    expect(decimalText(3.55)).toBe('3.6');
    expect(decimal(3.55)).toBe('3.6');
    expect(formatNumber(3.55)).toBe('3.6');
    expect(decimalText(12)).toBe('12');
    expect(decimalText(null)).toBe('–');
  });

  it('agree on any value under 100, at 0 to 3 decimals', () => {
    fc.assert(
      fc.property(fc.double({ min: -99.99, max: 99.99, noNaN: true }), fc.integer({ min: 0, max: 3 }), (n, digits) => {
        const page = formatNumber(n, digits);
        expect(decimalText(n, digits)).toBe(page);
        expect(decimal(n, digits)).toBe(page);
      }),
    );
  });

  it('agree on values written with one more decimal than shown, halves included', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999, max: 99_999 }), (thousandths) => {
        const n = thousandths / 1000;
        expect(decimalText(n, 2)).toBe(formatNumber(n, 2));
      }),
    );
  });
});
