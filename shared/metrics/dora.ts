import { MS_PER_HOUR } from '../domain/time';
import type { DeploymentRecord, IncidentRecord, MetricsDataset } from './metrics-dataset';

export type AttributionSource = 'data' | 'user' | 'rule' | 'none';

export interface Attribution {
  readonly deployment: DeploymentRecord | null;
  readonly source: AttributionSource;
  /** The data or the user named a deployment that the workspace does not hold. */
  readonly unknownKey: boolean;
}

/**
 * Which deployment caused each incident (same order as dataset.incidents):
 * 1. a person's choice (attribution 'user'; no deployment means "none caused it", and stays 'user');
 * 2. the deployment the imported data names;
 * 3. otherwise the rule: the last successful deployment of the incident's team (or, for an incident
 *    without a team, of its service) that happened strictly before the incident opened.
 * An incident before any such deployment is attributed to none.
 */
export function attributeIncidents(dataset: Pick<MetricsDataset, 'deployments' | 'incidents'>): Attribution[] {
  const byKey = new Map(dataset.deployments.map((d) => [d.key, d]));
  const successfulByTeam = groupSuccessful(dataset.deployments, (d) => (d.team >= 0 ? `t${d.team}` : null));
  const successfulByService = groupSuccessful(dataset.deployments, (d) => (d.service !== null ? `s${d.service}` : null));
  return dataset.incidents.map((incident) => {
    if (incident.causedBy !== null || incident.attribution === 'user') {
      // A person's "no deployment caused it" is kept as theirs: source 'user' with no deployment.
      if (incident.causedBy === null) return { deployment: null, source: 'user', unknownKey: false };
      const deployment = byKey.get(incident.causedBy) ?? null;
      return { deployment, source: incident.attribution, unknownKey: deployment === null };
    }
    const deployment = lastBefore(ruleCandidates(incident, successfulByTeam, successfulByService), incident.openedAt);
    return deployment ? { deployment, source: 'rule', unknownKey: false } : { deployment: null, source: 'none', unknownKey: false };
  });
}

function ruleCandidates(incident: IncidentRecord, byTeam: Map<string, DeploymentRecord[]>, byService: Map<string, DeploymentRecord[]>): DeploymentRecord[] {
  if (incident.team >= 0) return byTeam.get(`t${incident.team}`) ?? [];
  if (incident.service !== null) return byService.get(`s${incident.service}`) ?? [];
  return [];
}

function groupSuccessful(deployments: readonly DeploymentRecord[], keyOf: (d: DeploymentRecord) => string | null): Map<string, DeploymentRecord[]> {
  const groups = new Map<string, DeploymentRecord[]>();
  for (const d of deployments) {
    const key = keyOf(d);
    if (!d.succeeded || key === null) continue;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(d);
  }
  for (const list of groups.values()) list.sort((a, b) => a.at - b.at);
  return groups;
}

/** The last deployment strictly before `t` in a list sorted by time. */
export function lastBefore(sorted: readonly DeploymentRecord[], t: number): DeploymentRecord | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1]! : null;
}

/** Index of the first value ≥ t in an ascending list (its length when there is none). */
export function lowerBound(sorted: Float64Array | readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const msToHours = (ms: number) => ms / MS_PER_HOUR;
