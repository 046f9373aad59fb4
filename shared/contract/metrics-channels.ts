import { z } from 'zod';
import { channel } from './channel';
import { Key } from '../domain/entities';
import { DeliveryReport, DeploymentCandidate, FlowReport, IncidentAttribution, IncidentCause, MetricsScope, MetricsSettings, MetricsSettingsPatch, MetricsSummary, ScopeOptions } from '../metrics/report-schema';

// The metrics' reports are domain schemas (shared/metrics/report-schema.ts); re-exported for callers
// of the contract.
export * from '../metrics/report-schema';
export { CalendarDate } from '../domain/date-schemas';

export const metricsChannels = {
  'metrics.scopeOptions': channel(z.object({}), ScopeOptions, 'Teams, value streams, item types and the default window to pick a metrics scope from.'),
  'metrics.flow': channel(MetricsScope, FlowReport, 'Flow metrics for a scope and window (and a comparison window): figures and chart data.'),
  'metrics.delivery': channel(MetricsScope, DeliveryReport, "DORA's four keys for a scope and window, their weekly trend and each incident's attribution."),
  'metrics.summary': channel(MetricsScope, MetricsSummary, 'The headline flow and delivery figures of one window (the CLI `metrics` command).'),
  'metrics.settings': channel(z.object({}), MetricsSettings, 'Percentile method, DORA report year and thresholds stored in the workspace.'),
  'metrics.saveSettings': channel(MetricsSettingsPatch, MetricsSettings, 'Change the metrics settings stored in the workspace.', { mutates: ['metrics.'] }),
  'metrics.incidentCandidates': channel(
    z.object({ incidentKey: Key }),
    z.object({ incident: IncidentAttribution, candidates: z.array(DeploymentCandidate) }),
    "An incident's current attribution and the deployments it could be attributed to (the latest before it opened).",
  ),
  'metrics.attributeIncident': channel(
    z.object({ incidentKey: Key, cause: IncidentCause }),
    IncidentAttribution,
    'Correct which deployment caused an incident; kept across re-imports.', { mutates: ['metrics.'] },
  ),
};
