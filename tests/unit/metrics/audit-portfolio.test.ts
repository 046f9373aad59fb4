import { describe, expect, it } from 'vitest';
import { DeliveryReport } from '../../../shared/contract/metrics-channels';
import { computeDeliveryReport } from '../../../shared/metrics/delivery-report';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { auditPortfolio } from '../../support/audit-portfolio';
import { contextOf } from './metrics-fixtures';

// The audit portfolio's figures against the auditor's hand computations (tests/support/audit-portfolio.ts).

const W = { from: '2025-03-03', to: '2025-03-30' };

function delivery(window = W) {
  return DeliveryReport.parse(computeDeliveryReport(contextOf(auditPortfolio, { window }), { report: '2023', eliteDeployDaysPerWeek: 5 }));
}

describe('delivery on the audit portfolio, 2025-03-03 … 03-30', () => {
  const c = delivery().current;

  it('change failure rate 2 of 7; INC-4, naming the failed DA3, is beside it, not a change failure', () => {
    expect(c.changeFailureRate).toMatchObject({ deploymentsWithIncident: 2, deployments: 7 });
    expect(c.changeFailureRate.excluded).toMatchObject({ 'incident-failed-deployment': 1 });
  });

  it('failed deployment recovery counts the change failures only: INC-1 − DA2 18 h, INC-2 − DB2 36 h → 27 h (INC-4 via the failed DA3 left out)', () => {
    expect(c.failedDeploymentRecoveryHours).toMatchObject({ n: 2, p50: 27 });
    expect(c.failedDeploymentRecoveryHours.excluded).toMatchObject({ 'incident-failed-deployment': 1 });
    // Time to restore is the incidents' own: 6, 24, 2 and 12 h → 9 h, INC-4 included.
    expect(c.timeToRestoreHours).toMatchObject({ n: 4, p50: 9 });
  });
});

// The default window: the 13 weeks 2024-12-30 … 2025-03-30, against 2024-09-30 … 12-29. The data
// begins on Saturday 2025-02-01 (A0 created): weeks, months and days before it are no samples.
describe('the audit portfolio’s default window, which reaches back before the data', () => {
  const ctx = contextOf(auditPortfolio, { compare: 'previous' });
  const flow = computeFlowReport(ctx);
  const dora = computeDeliveryReport(ctx, { report: '2023', eliteDeployDaysPerWeek: 5 });

  it('throughput counts the 8 whole weeks from Feb 3: 0, 1, 0, 0, 2, 4, 1, 3 → p50 1, p85 2.95, p95 3.65, mean 1.375', () => {
    expect(flow.current.throughputPerWeek).toMatchObject({ n: 8, p50: 1, p85: 2.95, p95: 3.65, mean: 1.375, total: 11 });
  });

  it('the period before, with no data at all, has no samples (shown "–"), not a median of 0', () => {
    expect(flow.previous!.throughputPerWeek).toMatchObject({ n: 0, p50: null, mean: null, total: 0 });
    expect(flow.previous!.wip.perDay).toMatchObject({ n: 0, p50: null });
    expect(dora.previous!.deploymentFrequency).toMatchObject({ deployDaysPerWeek: null, deployDaysPerMonth: null, fullWeeks: 0, fullMonths: 0, bucket: null });
  });

  it('WIP counts the 58 days from Feb 1 to Mar 30; deployment days the same 8 weeks (0, 0, 0, 0, 1, 1, 2, 2 → 0.5) and February, the one whole month of data', () => {
    expect(flow.current.wip.perDay.n).toBe(58);
    expect(dora.current.deploymentFrequency).toMatchObject({ deployDaysPerWeek: 0.5, fullWeeks: 8, fullMonths: 1, deployDaysPerMonth: 0 });
  });

  it('the weekly trends (Delivery’s, Flow’s throughput, efficiency and distribution) start with the week the data begins: no week before it drawn as one with nothing done or shipped', () => {
    const firstWeek = '2025-01-27';
    expect(dora.trend[0]!.weekStart.slice(0, 10)).toBe(firstWeek);
    expect(dora.trend[0]!.partial).toBe(true);
    expect(dora.trend.map((w) => w.weekStart.slice(0, 10)).filter((w) => w < firstWeek)).toEqual([]);
    for (const chart of [flow.charts.throughput, flow.charts.flowEfficiency, flow.charts.flowDistribution]) {
      expect(chart.map((w) => w.weekStart.slice(0, 10)).filter((w) => w < firstWeek)).toEqual([]);
      expect(chart[0]!.weekStart.slice(0, 10)).toBe(firstWeek);
    }
    // The weeks drawn are those of the data: Jan 27 (from Feb 1) through the last, Mar 24.
    expect(dora.trend).toHaveLength(9);
  });
});
