import type { DeliveryReport, DoraFigures, IncidentAttribution } from './report-schema';
import { MS_PER_DAY } from '../domain/time';
import { attributeIncidents, lowerBound, msToHours, type Attribution } from './dora';
import { changeFailureRateBucket, deploymentFrequencyBucket, describeBuckets, leadTimeBucket, timeToRestoreBucket, type DoraThresholds } from './dora-buckets';
import { ExclusionCounter, mergeExcluded, pickExcluded } from './exclusions';
import { distribution } from './flow-figures';
import { iso, resolvedScope, type MetricsContext } from './metrics-context';
import type { DeploymentRecord } from './metrics-dataset';
import { inWindow, teamInScope, type MsWindow } from './metrics-scope';
import { median } from './percentiles';
import { utcDayStart } from './utc-calendar';
import { fullMonths, fullWeeks, roleOfInstant, weekSlots, withinData } from './week-slots';

const MAX_INCIDENTS_LISTED = 500;
const DAYS_PER_MONTH = 365.25 / 12;

/** One lead-time-for-changes sample, placed at the deployment that shipped the change. */
interface LeadSample {
  readonly deployedAt: number;
  readonly hours: number;
  readonly method: 'commit' | 'item-done';
}

/** What every window's DORA figures are computed from, in scope. */
interface DeliveryInputs {
  readonly deployments: DeploymentRecord[];
  readonly successful: DeploymentRecord[];
  readonly attributions: Attribution[];
  /** Indexes into dataset.incidents of the incidents in scope. */
  readonly incidents: number[];
  readonly failedKeys: Set<string>;
  readonly lead: LeadSample[];
  readonly leadExclusions: { at: number; reason: 'change-after-deployment' | 'not-deployed-yet' | 'no-team' }[];
}

function deliveryInputs(ctx: MetricsContext): DeliveryInputs {
  const { dataset, flow, mask, inScope } = ctx;
  const deployments = dataset.deployments.filter((d) => teamInScope(mask, d.team));
  const successful = deployments.filter((d) => d.succeeded);
  const attributions = attributeIncidents(dataset);
  const incidents = dataset.incidents.flatMap((inc, k) => (teamInScope(mask, inc.team) ? [k] : []));
  // A deployment failed in production when at least one incident, of any team, is attributed to it.
  const failedKeys = new Set(attributions.flatMap((a) => (a.deployment ? [a.deployment.key] : [])));

  const lead: LeadSample[] = [];
  const leadExclusions: DeliveryInputs['leadExclusions'] = [];
  for (const d of successful) {
    if (d.changeAt === null) continue;
    if (d.changeAt > d.at) leadExclusions.push({ at: d.at, reason: 'change-after-deployment' });
    else lead.push({ deployedAt: d.at, hours: msToHours(d.at - d.changeAt), method: 'commit' });
  }
  // Without change times: each item done → the next successful deployment of its team (a proxy),
  // unless that deployment recorded its change time (then its own sample above stands for it).
  const byTeam = new Map<number, DeploymentRecord[]>();
  for (const d of successful) if (d.team >= 0) (byTeam.get(d.team) ?? byTeam.set(d.team, []).get(d.team)!).push(d);
  const timesByTeam = new Map([...byTeam].map(([team, list]) => [team, Float64Array.from(list, (d) => d.at)]));
  // Only a team that records deployments can have work waiting for one: without any (none imported,
  // or none of this team's) lead time for changes does not cover its items, nor lists them excluded.
  const deployingTeams = new Set(dataset.deployments.map((d) => d.team));
  for (let i = 0; i < dataset.items.count && deployingTeams.size > 0; i++) {
    const end = flow.end[i]!;
    if (!inScope[i] || Number.isNaN(end)) continue;
    const team = dataset.items.team[i]!;
    if (team < 0) {
      leadExclusions.push({ at: end, reason: 'no-team' });
      continue;
    }
    if (!deployingTeams.has(team)) continue;
    const times = timesByTeam.get(team);
    const next = times ? lowerBound(times, end) : 0;
    if (!times || next === times.length) {
      leadExclusions.push({ at: end, reason: 'not-deployed-yet' });
      continue;
    }
    const deployment = byTeam.get(team)![next]!;
    if (deployment.changeAt === null) lead.push({ deployedAt: deployment.at, hours: msToHours(deployment.at - end), method: 'item-done' });
  }
  return { deployments, successful, attributions, incidents, failedKeys, lead, leadExclusions };
}

function doraFigures(ctx: MetricsContext, inputs: DeliveryInputs, window: MsWindow, thresholds: DoraThresholds): DoraFigures {
  const { dataset } = ctx;
  const excluded = new ExclusionCounter();

  const shipped = inputs.successful.filter((d) => inWindow(d.at, window));
  const days = new Set(shipped.map((d) => utcDayStart(d.at)));
  const weeks = fullWeeks(window, ctx.dataDays);
  const perWeek = weeks.map((w) => [...days].filter((d) => d >= w && d < w + 7 * MS_PER_DAY).length);
  const months = fullMonths(window, ctx.dataDays);
  const span = withinData(window, ctx.dataDays);
  const windowDays = (span.to - span.from) / MS_PER_DAY;
  const perMonth = months.map((m) => [...days].filter((d) => d >= m.from && d < m.to).length);
  const deployDaysPerWeek = median(perWeek, ctx.method);
  const deployDaysPerMonth = months.length > 0 ? median(perMonth, ctx.method) : windowDays > 0 ? (days.size * DAYS_PER_MONTH) / windowDays : null;

  const lead = inputs.lead.filter((s) => inWindow(s.deployedAt, window));
  for (const e of inputs.leadExclusions) if (inWindow(e.at, window)) excluded.add(e.reason);
  const commitSamples = lead.filter((s) => s.method === 'commit').length;
  const itemDoneSamples = lead.length - commitSamples;
  const leadDistribution = distribution(
    lead.map((s) => s.hours),
    ctx,
    pickExcluded(excluded.toObject(), ['change-after-deployment', 'not-deployed-yet', 'no-team']),
  );

  const restore: number[] = [];
  const recovery: number[] = [];
  const incidentExcluded = new ExclusionCounter();
  for (const k of inputs.incidents) {
    const incident = dataset.incidents[k]!;
    if (!inWindow(incident.openedAt, window)) continue;
    const attribution = inputs.attributions[k]!;
    if (attribution.unknownKey) incidentExcluded.add('incident-unknown-deployment');
    else if (attribution.source === 'none') incidentExcluded.add('incident-no-prior-deployment');
    else if (attribution.deployment && !attribution.deployment.succeeded) incidentExcluded.add('incident-failed-deployment');
    if (incident.resolvedAt === null) {
      incidentExcluded.add('incident-unresolved');
      continue;
    }
    if (incident.resolvedAt < incident.openedAt) {
      incidentExcluded.add('incident-resolved-before-opened');
      continue;
    }
    restore.push(msToHours(incident.resolvedAt - incident.openedAt));
    // Counts from a change failure only: an incident naming a failed deployment is none (the
    // change failure rate leaves it out), so it is left out here too.
    if (attribution.deployment?.succeeded) recovery.push(msToHours(incident.resolvedAt - attribution.deployment.at));
  }
  const incidentReasons = incidentExcluded.toObject();
  const failed = shipped.filter((d) => inputs.failedKeys.has(d.key)).length;
  const rate = shipped.length === 0 ? null : failed / shipped.length;
  const ttr = distribution(restore, ctx, pickExcluded(incidentReasons, ['incident-unresolved', 'incident-resolved-before-opened']));
  const cfrExcluded = pickExcluded(incidentReasons, ['incident-no-prior-deployment', 'incident-unknown-deployment', 'incident-failed-deployment']);

  return {
    deploymentFrequency: {
      deployDaysPerWeek,
      deployDaysPerMonth,
      deployments: shipped.length,
      deployDays: days.size,
      failedDeployments: inputs.deployments.filter((d) => !d.succeeded && inWindow(d.at, window)).length,
      fullWeeks: weeks.length,
      fullMonths: months.length,
      bucket: deploymentFrequencyBucket(thresholds, { deployDaysPerWeek, deployDaysPerMonth, deployDays: days.size, windowDays }),
    },
    leadTimeForChangesHours: {
      ...leadDistribution,
      method: commitSamples > 0 && itemDoneSamples > 0 ? 'mixed' : commitSamples > 0 ? 'commit' : itemDoneSamples > 0 ? 'item-done' : 'none',
      commitSamples,
      itemDoneSamples,
      bucket: leadTimeBucket(thresholds, leadDistribution.p50),
    },
    changeFailureRate: { rate, deploymentsWithIncident: failed, deployments: shipped.length, bucket: changeFailureRateBucket(thresholds, rate), excluded: cfrExcluded },
    timeToRestoreHours: { ...ttr, bucket: timeToRestoreBucket(thresholds, ttr.p50) },
    failedDeploymentRecoveryHours: distribution(
      recovery,
      ctx,
      pickExcluded(incidentReasons, ['incident-unresolved', 'incident-resolved-before-opened', 'incident-no-prior-deployment', 'incident-unknown-deployment', 'incident-failed-deployment']),
    ),
    excluded: mergeExcluded(excluded.toObject(), incidentReasons),
  };
}

/** The whole Delivery page: DORA figures for both windows, their weekly trend, and the incidents with their attribution. */
export function computeDeliveryReport(ctx: MetricsContext, thresholds: DoraThresholds): DeliveryReport {
  const { windows, dataset } = ctx;
  const inputs = deliveryInputs(ctx);
  // Weeks before the data's first day (or after its last) are no samples: not drawn as weeks with nothing shipped.
  const slots = weekSlots(withinData(windows.range, ctx.dataDays), windows);
  const trend = slots.map((slot) => {
    const span = { from: slot.from, to: slot.to };
    const shipped = inputs.successful.filter((d) => inWindow(d.at, span));
    const restore = inputs.incidents
      .map((k) => dataset.incidents[k]!)
      .filter((i) => inWindow(i.openedAt, span) && i.resolvedAt !== null && i.resolvedAt >= i.openedAt)
      .map((i) => msToHours(i.resolvedAt! - i.openedAt));
    return {
      weekStart: iso(slot.weekStart),
      label: slot.label,
      window: slot.window,
      partial: slot.partial,
      deployDays: new Set(shipped.map((d) => utcDayStart(d.at))).size,
      deployments: shipped.length,
      leadTimeHours: median(inputs.lead.filter((s) => inWindow(s.deployedAt, span)).map((s) => s.hours), ctx.method),
      changeFailureRate: shipped.length === 0 ? null : shipped.filter((d) => inputs.failedKeys.has(d.key)).length / shipped.length,
      timeToRestoreHours: median(restore, ctx.method),
    };
  });

  const listed = inputs.incidents
    .filter((k) => inWindow(dataset.incidents[k]!.openedAt, windows.range))
    .sort((a, b) => dataset.incidents[b]!.openedAt - dataset.incidents[a]!.openedAt || dataset.incidents[a]!.key.localeCompare(dataset.incidents[b]!.key));
  return {
    scope: resolvedScope(ctx),
    benchmarks: { report: thresholds.report, rules: describeBuckets(thresholds) },
    current: doraFigures(ctx, inputs, windows.current, thresholds),
    previous: windows.previous ? doraFigures(ctx, inputs, windows.previous, thresholds) : null,
    trend,
    incidents: listed.slice(0, MAX_INCIDENTS_LISTED).map((k) => describeIncident(ctx, k, inputs.attributions[k]!)),
    incidentsTotal: listed.length,
  };
}

export function describeIncident(ctx: Pick<MetricsContext, 'dataset' | 'windows'>, k: number, attribution: Attribution): IncidentAttribution {
  const incident = ctx.dataset.incidents[k]!;
  const team = ctx.dataset.teams[incident.team];
  const resolved = incident.resolvedAt;
  return {
    key: incident.key,
    teamKey: team?.key ?? null,
    teamName: team?.name ?? null,
    service: incident.service,
    openedAt: iso(incident.openedAt),
    resolvedAt: resolved === null ? null : iso(resolved),
    restoreHours: resolved === null || resolved < incident.openedAt ? null : msToHours(resolved - incident.openedAt),
    deploymentKey: attribution.deployment?.key ?? (attribution.unknownKey ? incident.causedBy : null),
    deploymentAt: attribution.deployment ? iso(attribution.deployment.at) : null,
    source: attribution.source,
    window: roleOfInstant(incident.openedAt, ctx.windows),
  };
}
