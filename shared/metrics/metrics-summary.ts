import type { DeliveryReport, Distribution, FlowReport, MetricsSummary } from './report-schema';
import { mergeExcluded } from './exclusions';

const three = (d: Distribution) => ({ p50: d.p50, p85: d.p85, p95: d.p95, n: d.n });

/** The CLI's headline figures: the current window of a flow and a delivery report. */
export function summarizeMetrics(flow: FlowReport, delivery: DeliveryReport): MetricsSummary {
  const f = flow.current;
  const d = delivery.current;
  return {
    scope: flow.scope,
    throughputPerWeek: { ...three(f.throughputPerWeek), total: f.throughputPerWeek.total, mean: f.throughputPerWeek.mean },
    leadTimeDays: three(f.leadTimeDays),
    cycleTimeDays: three(f.cycleTimeDays),
    flowEfficiency: { portfolio: f.flowEfficiency.portfolio, perItem: three(f.flowEfficiency.perItem) },
    wip: { current: f.wip.current, at: f.wip.at, perDay: three(f.wip.perDay), olderThanCycleP85: f.wip.olderThanCycleP85 },
    dependencyAgeing: {
      open: f.dependencyAgeing.open,
      overdue: f.dependencyAgeing.overdue,
      openAgeDays: three(f.dependencyAgeing.openAgeDays),
      resolutionDays: three(f.dependencyAgeing.resolutionDays),
      waitingShare: f.dependencyAgeing.waitingShare,
    },
    dora: {
      deploymentFrequency: {
        deployDaysPerWeek: d.deploymentFrequency.deployDaysPerWeek,
        deployDaysPerMonth: d.deploymentFrequency.deployDaysPerMonth,
        deployments: d.deploymentFrequency.deployments,
      },
      leadTimeForChangesHours: { ...three(d.leadTimeForChangesHours), method: d.leadTimeForChangesHours.method },
      changeFailureRate: { rate: d.changeFailureRate.rate, deploymentsWithIncident: d.changeFailureRate.deploymentsWithIncident, deployments: d.changeFailureRate.deployments },
      timeToRestoreHours: three(d.timeToRestoreHours),
      bucket: {
        report: delivery.benchmarks.report,
        deploymentFrequency: d.deploymentFrequency.bucket,
        leadTimeForChanges: d.leadTimeForChangesHours.bucket,
        changeFailureRate: d.changeFailureRate.bucket,
        timeToRestore: d.timeToRestoreHours.bucket,
      },
    },
    excluded: mergeExcluded(f.excluded, d.excluded),
  };
}
