import type { metricsChannels } from '../../../shared/contract/metrics-channels';
import { attributeIncident, deliveryReport, flowReport, incidentCandidates, metricsSummary, readMetricsSettings, saveMetricsSettings, scopeOptions } from '../metrics/metrics-service';
import type { HandlerMap } from './handler-types';

export const metricsHandlers: HandlerMap<typeof metricsChannels> = {
  'metrics.scopeOptions': (_input, { session }) => scopeOptions(session.require().db),
  'metrics.flow': (scope, { session }) => flowReport(session.require().db, scope),
  'metrics.delivery': (scope, { session }) => deliveryReport(session.require().db, scope),
  'metrics.summary': (scope, { session }) => metricsSummary(session.require().db, scope),
  'metrics.settings': (_input, { session }) => readMetricsSettings(session.require().db),
  'metrics.saveSettings': (patch, { session }) => saveMetricsSettings(session.require().db, patch),
  'metrics.incidentCandidates': ({ incidentKey }, { session }) => incidentCandidates(session.require().db, incidentKey),
  'metrics.attributeIncident': ({ incidentKey, cause }, { session }) => attributeIncident(session.require().db, incidentKey, cause),
};
