import { describe, expect, it } from 'vitest';
import { DeliveryReport } from '../../../shared/contract/metrics-channels';
import { computeDeliveryReport } from '../../../shared/metrics/delivery-report';
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
