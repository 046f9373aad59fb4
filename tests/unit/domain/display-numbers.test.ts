import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../renderer/src/charts/format-metrics';
import { decimalText, plural, roundForDisplay } from '../../../shared/domain/display-numbers';
import { humanSummary } from '../../../electron/cli/commands/metrics-command';
import { computeDeliveryReport } from '../../../shared/metrics/delivery-report';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { summarizeMetrics } from '../../../shared/metrics/metrics-summary';
import { EXCLUSION_REASONS, exclusionText } from '../../../shared/metrics/metrics-vocabulary';
import { auditPortfolio } from '../../support/audit-portfolio';
import { contextOf } from '../metrics/metrics-fixtures';
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

describe('plural: one helper for every count and its noun', () => {
  it('is singular exactly when the count reads "1"', () => {
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(0, 'item')).toBe('0 items');
    expect(plural(1, 'dependency', 'dependencies')).toBe('1 dependency');
    expect(plural(1200, 'team')).toBe('1,200 teams');
    // A figure rounded for display reads as shown: 1.04 shown "1" is one item, 1.5 is not.
    expect(plural(decimalText(1.04), 'item')).toBe('1 item');
    expect(plural(decimalText(1.5), 'item/week', 'items/week')).toBe('1.5 items/week');
  });

  it('the reasons a figure left records out read singular for one ("1 item done but not deployed yet", "1 incident …")', () => {
    expect(exclusionText('not-deployed-yet', 1)).toBe('1 item done but not deployed yet');
    expect(exclusionText('not-deployed-yet', 2)).toBe('2 items done but not deployed yet');
    expect(exclusionText('incident-unresolved', 1)).toBe('1 incident not resolved yet');
    expect(exclusionText('dependency-resolved-before-created', 1)).toBe('1 dependency resolved before it was raised');
    for (const reason of EXCLUSION_REASONS) expect(exclusionText(reason, 1)).not.toMatch(/^1 (items|incidents|dependencies|deployments)\b|\bthey\b/);
  });

  it('the CLI says "1 item/week" for Alpha’s median week, and "1 incident …"', () => {
    const flow = computeFlowReport(contextOf(auditPortfolio, { window: { from: '2025-03-03', to: '2025-03-30' }, teamKeys: ['alpha'] }));
    const dora = computeDeliveryReport(contextOf(auditPortfolio, { window: { from: '2025-03-03', to: '2025-03-30' }, teamKeys: ['alpha'] }), { report: '2023', eliteDeployDaysPerWeek: 5 });
    const text = humanSummary(summarizeMetrics(flow, dora)).join('\n');
    expect(text).toContain('Throughput   1 item/week median (p85 2, 4 full weeks); 4 done');
    expect(text).toContain('Excluded     1 incident naming a deployment that did not succeed');
  });
});
