import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import {
  MetricsScope as MetricsScopeSchema,
  MetricsSettings,
  type DeliveryReport,
  type FlowReport,
  type IncidentAttribution,
  type IncidentCause,
  metricsChannels,
  type MetricsSummary,
  type ScopeOptions,
} from '../../../shared/contract/metrics-channels';
import { AppError } from '../../../shared/contract/result';
import { fromEpochMs } from '../../../shared/domain/time';
import { ITEM_TYPES } from '../../../shared/domain/vocabulary';
import { computeDeliveryReport, describeIncident } from '../../../shared/metrics/delivery-report';
import { attributeIncidents } from '../../../shared/metrics/dora';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { metricsContext, type MetricsContext } from '../../../shared/metrics/metrics-context';
import { resolveWindows } from '../../../shared/metrics/metrics-scope';
import { summarizeMetrics } from '../../../shared/metrics/metrics-summary';
import { formatCalendarDate } from '../../../shared/metrics/utc-calendar';
import { getSetting, putSetting } from '../store/queries/settings';
import { loadMetrics } from './metrics-dataset-loader';
import { remember } from '../store/workspace-memory';
import { MS_PER_DAY } from '../../../shared/domain/time';

export type ParsedScope = z.output<(typeof metricsChannels)['metrics.flow']['input']>;

const SETTINGS_KEY = 'metrics';

export function readMetricsSettings(db: Database): MetricsSettings {
  return getSetting(db, SETTINGS_KEY, MetricsSettings, MetricsSettings.parse({}));
}

export function saveMetricsSettings(db: Database, patch: Partial<MetricsSettings>): MetricsSettings {
  const next = { ...readMetricsSettings(db), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  return putSetting(db, SETTINGS_KEY, MetricsSettings, next);
}

/** The scope resolved against the workspace; unknown team keys or value streams are an error that names them. */
export function contextFor(db: Database, scope: ParsedScope, overrides: { compare?: 'none' } = {}): { ctx: MetricsContext; settings: MetricsSettings } {
  const settings = readMetricsSettings(db);
  const { dataset, flow } = loadMetrics(db);
  const ctx = metricsContext(
    dataset,
    {
      teamKeys: scope.teamKeys,
      valueStreams: scope.valueStreams,
      itemTypes: scope.itemTypes,
      window: scope.window,
      compare: overrides.compare ?? scope.compare,
      percentileMethod: scope.percentileMethod ?? settings.percentileMethod,
      defaultWindowWeeks: settings.defaultWindowWeeks,
      fallbackNow: Date.now(),
    },
    flow,
  );
  const { unknownTeamKeys, unknownValueStreams } = ctx.mask;
  if (unknownTeamKeys.length > 0 || unknownValueStreams.length > 0) {
    const known = dataset.teams.map((t) => t.key).join(', ') || 'none';
    const parts = [
      ...unknownTeamKeys.map((k) => `no team with key "${k}" (teams: ${known})`),
      ...unknownValueStreams.map((v) => `no value stream named "${v}"`),
    ];
    throw new AppError('invalid-input', `This workspace has ${parts.join('; ')}.`);
  }
  return { ctx, settings };
}

function thresholds(scope: ParsedScope, settings: MetricsSettings) {
  return { report: scope.doraReport ?? settings.doraReport, eliteDeployDaysPerWeek: settings.eliteDeployDaysPerWeek };
}

/**
 * Flow reports already computed on the loaded data, by scope and settings, so that a page revisited
 * or a filter set back answers at once. In the workspace memory, so any write (a settings change
 * included) drops them with the data they came from.
 */
const REMEMBERED_REPORTS = 8;

function rememberedReports(db: Database, scope: ParsedScope): { reports: Map<string, FlowReport>; key: string } {
  return { reports: remember(db, 'metrics:flow-reports', () => new Map<string, FlowReport>()), key: JSON.stringify([scope, readMetricsSettings(db)]) };
}

function rememberedFlowReport(db: Database, scope: ParsedScope): FlowReport {
  const loaded = loadMetrics(db);
  // Without any dated row the window ends at the wall clock, which moves: nothing to remember.
  if (loaded.dataset.asOf === null) return computeFlowReport(contextFor(db, scope).ctx);
  const { reports, key } = rememberedReports(db, scope);
  const known = reports.get(key);
  if (known) return known;
  const report = computeFlowReport(contextFor(db, scope).ctx);
  reports.set(key, report);
  if (reports.size > REMEMBERED_REPORTS) reports.delete(reports.keys().next().value!);
  return report;
}

/** The remembered reports a call has been given: the backend checked each against the contract then. */
function answeredReports(db: Database): WeakSet<FlowReport> {
  return remember(db, 'metrics:flow-reports-answered', () => new WeakSet<FlowReport>());
}

/** The Flow report of `scope`, for a call (metrics.flow). */
export function flowReport(db: Database, scope: ParsedScope): FlowReport {
  const report = rememberedFlowReport(db, scope);
  answeredReports(db).add(report);
  return report;
}

/**
 * What the backend does in idle time right after a workspace opens or an import commits, after
 * loading the columns, in two steps (backend.ts runs one per turn of the event loop): compute the
 * Flow page's default report, the first thing a person usually opens; then check it, and the scope
 * options the page asks for beside it, against the contract as a call's answer would be: zod
 * compiles a schema on its first use (~0.05–0.1 s for the report's at M), which the page's first
 * call would otherwise pay.
 */
export function prefetchFlowReport(db: Database): void {
  // Without any dated row the report is not remembered: the page's call computes its own.
  if (loadMetrics(db).dataset.asOf === null) return;
  // Found when the page asked first (the app asks as it starts, while the columns load).
  rememberedFlowReport(db, DEFAULT_SCOPE);
}

export function prefetchMetricsCheck(db: Database): void {
  // A call has been given the report (the page's request came while it was computed, and was
  // answered between the two steps): it checked the report and warmed the schemas. Checking it
  // again would only take the CPU the page needs to draw it.
  const { reports, key } = rememberedReports(db, DEFAULT_SCOPE);
  const report = reports.get(key);
  if (!report || answeredReports(db).has(report)) return;
  metricsChannels['metrics.flow'].output.parse(report);
  metricsChannels['metrics.scopeOptions'].output.parse(scopeOptions(db));
}

/** The deployments and incidents, which a dataset reads when first asked (after the Flow report): for the Delivery page. */
export function prefetchDeliveryRecords(db: Database): void {
  const { dataset } = loadMetrics(db);
  void dataset.deployments;
  void dataset.incidents;
}

const DEFAULT_SCOPE: ParsedScope = MetricsScopeSchema.parse({});

export function deliveryReport(db: Database, scope: ParsedScope): DeliveryReport {
  const { ctx, settings } = contextFor(db, scope);
  return computeDeliveryReport(ctx, thresholds(scope, settings));
}

export function metricsSummary(db: Database, scope: ParsedScope): MetricsSummary {
  const { ctx, settings } = contextFor(db, scope, { compare: 'none' });
  return summarizeMetrics(computeFlowReport(ctx), computeDeliveryReport(ctx, thresholds(scope, settings)));
}

export function scopeOptions(db: Database): ScopeOptions {
  const settings = readMetricsSettings(db);
  const { dataset } = loadMetrics(db);
  const present = new Set<number>();
  let first = Number.POSITIVE_INFINITY;
  for (let i = 0; i < dataset.items.count; i++) {
    present.add(dataset.items.type[i]!);
    first = Math.min(first, dataset.items.createdAt[i]!);
  }
  const windows = resolveWindows({ compare: 'none' }, dataset.asOf, Date.now(), settings.defaultWindowWeeks);
  return {
    teams: dataset.teams.map((t) => ({ key: t.key, name: t.name, valueStream: t.valueStream })),
    valueStreams: [...new Set(dataset.teams.flatMap((t) => (t.valueStream === null ? [] : [t.valueStream])))].sort((a, b) => a.localeCompare(b)),
    itemTypes: ITEM_TYPES.filter((_, i) => present.has(i)),
    asOf: dataset.asOf === null ? null : fromEpochMs(dataset.asOf),
    dataFrom: Number.isFinite(first) ? fromEpochMs(first) : null,
    defaultWindow: { from: formatCalendarDate(windows.current.from), to: formatCalendarDate(windows.current.to - MS_PER_DAY) },
    settings,
  };
}

function findIncident(db: Database, incidentKey: string) {
  const { dataset } = loadMetrics(db);
  const index = dataset.incidents.findIndex((i) => i.key === incidentKey);
  if (index < 0) throw new AppError('not-found', `There is no incident "${incidentKey}" in this workspace.`);
  return { dataset, index };
}

function describeOne(db: Database, incidentKey: string): IncidentAttribution {
  const { dataset, index } = findIncident(db, incidentKey);
  const windows = resolveWindows({ compare: 'previous' }, dataset.asOf, Date.now(), readMetricsSettings(db).defaultWindowWeeks);
  return describeIncident({ dataset, windows }, index, attributeIncidents(dataset)[index]!);
}

const MAX_CANDIDATES = 20;

/** The deployments an incident could be attributed to: the latest before it opened, its team's first, then any team's. */
export function incidentCandidates(db: Database, incidentKey: string) {
  const { dataset, index } = findIncident(db, incidentKey);
  const incident = dataset.incidents[index]!;
  const before = dataset.deployments.filter((d) => d.at <= incident.openedAt).reverse();
  const own = before.filter((d) => (incident.team >= 0 ? d.team === incident.team : d.service !== null && d.service === incident.service));
  const mine = new Set(own);
  const others = before.filter((d) => !mine.has(d));
  const chosen = [...own.slice(0, MAX_CANDIDATES), ...others.slice(0, Math.max(5, MAX_CANDIDATES - own.length))];
  return {
    incident: describeOne(db, incidentKey),
    candidates: chosen.map((d) => ({
      key: d.key,
      teamKey: dataset.teams[d.team]?.key ?? null,
      service: d.service,
      at: fromEpochMs(d.at),
      succeeded: d.succeeded,
      release: d.release,
    })),
  };
}

/**
 * Records a person's correction. 'automatic' hands the incident back to the data (its named
 * deployment is not known any more, so the rule applies until the next import restores it).
 */
export function attributeIncident(db: Database, incidentKey: string, cause: IncidentCause): IncidentAttribution {
  const row = db.prepare('SELECT opened_at FROM incidents WHERE key = ?').get(incidentKey) as { opened_at: number } | undefined;
  if (!row) throw new AppError('not-found', `There is no incident "${incidentKey}" in this workspace.`);
  if (cause.kind === 'deployment') {
    const deployment = db.prepare('SELECT at FROM deployments WHERE key = ?').get(cause.deploymentKey) as { at: number } | undefined;
    if (!deployment) throw new AppError('not-found', `There is no deployment "${cause.deploymentKey}" in this workspace.`);
    if (deployment.at > row.opened_at) {
      throw new AppError(
        'invalid-input',
        `Deployment "${cause.deploymentKey}" happened at ${fromEpochMs(deployment.at)}, after incident "${incidentKey}" opened (${fromEpochMs(row.opened_at)}): it cannot have caused it.`,
      );
    }
    db.prepare(`UPDATE incidents SET caused_by_deployment_key = ?, attribution = 'user' WHERE key = ?`).run(cause.deploymentKey, incidentKey);
  } else if (cause.kind === 'none') {
    db.prepare(`UPDATE incidents SET caused_by_deployment_key = NULL, attribution = 'user' WHERE key = ?`).run(incidentKey);
  } else {
    db.prepare(`UPDATE incidents SET caused_by_deployment_key = NULL, attribution = 'data' WHERE key = ?`).run(incidentKey);
  }
  return describeOne(db, incidentKey);
}
