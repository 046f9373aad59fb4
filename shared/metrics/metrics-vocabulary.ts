// The fixed vocabularies of the metrics: kept as `as const` tuples so that zod enums, the CLI, the
// pages and docs/METRICS.md all read the same list. Nothing here imports the contract, so the
// contract can import these without a cycle.

import { plural } from '../domain/display-numbers';

/** Status categories as small integers, for the typed arrays the metrics run on. Order = STATUS_CATEGORIES. */
export const CATEGORY = { todo: 0, active: 1, waiting: 2, done: 3, cancelled: 4 } as const;
export type CategoryCode = (typeof CATEGORY)[keyof typeof CATEGORY];

export const PERCENTILE_METHODS = ['linear', 'nearest-rank'] as const;
export type PercentileMethod = (typeof PERCENTILE_METHODS)[number];

export const DORA_REPORTS = ['2021', '2023'] as const;
export type DoraReport = (typeof DORA_REPORTS)[number];

export const DORA_BUCKETS = ['elite', 'high', 'medium', 'low'] as const;
export type DoraBucket = (typeof DORA_BUCKETS)[number];

/** Flow Framework's four flow item kinds, plus "other" for tasks, which the framework does not name. */
export const FLOW_ITEM_KINDS = ['feature', 'defect', 'risk', 'debt', 'other'] as const;
export type FlowItemKind = (typeof FLOW_ITEM_KINDS)[number];

/**
 * Why a record was left out of a figure, or (history-out-of-order) kept but adjusted. Every figure
 * carries the counts of the reasons that apply to it, so nothing is ever dropped or bent silently.
 */
export const EXCLUSION_REASONS = [
  'done-before-created',
  'no-active-date',
  'started-after-done',
  'no-done-date',
  'no-status-history',
  'zero-flow-time',
  'history-out-of-order',
  'dependency-resolved-before-created',
  'change-after-deployment',
  'not-deployed-yet',
  'no-team',
  'incident-no-prior-deployment',
  'incident-unknown-deployment',
  'incident-failed-deployment',
  'incident-unresolved',
  'incident-resolved-before-opened',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** How each reason reads beside a figure ("3 done before created"). */
export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  'done-before-created': 'done before they were created',
  'no-active-date': 'with no active date',
  'started-after-done': 'started after they were done',
  'no-done-date': 'done with no done date',
  'no-status-history': 'with no status history',
  'zero-flow-time': 'with no flow time (started and done at the same instant)',
  'history-out-of-order': 'with status times out of order (kept in recorded order)',
  'dependency-resolved-before-created': 'dependencies resolved before they were raised',
  'change-after-deployment': 'deployments whose change time is after the deployment',
  'not-deployed-yet': 'items done but not deployed yet',
  'no-team': 'items with no team (so no team deployment)',
  'incident-no-prior-deployment': 'incidents with no earlier deployment to attribute them to',
  'incident-unknown-deployment': 'incidents naming a deployment that is not in the data',
  'incident-failed-deployment': 'incidents naming a deployment that did not succeed (the rate counts successful deployments only)',
  'incident-unresolved': 'incidents not resolved yet',
  'incident-resolved-before-opened': 'incidents resolved before they opened',
};

// The labels above read after a count above 1; these after exactly 1 ("1 item done but not deployed yet").
const EXCLUSION_LABEL_ONE: Partial<Record<ExclusionReason, string>> = {
  'done-before-created': 'done before it was created',
  'started-after-done': 'started after it was done',
  'dependency-resolved-before-created': 'dependency resolved before it was raised',
  'change-after-deployment': 'deployment whose change time is after the deployment',
  'not-deployed-yet': 'item done but not deployed yet',
  'no-team': 'item with no team (so no team deployment)',
  'incident-no-prior-deployment': 'incident with no earlier deployment to attribute it to',
  'incident-unknown-deployment': 'incident naming a deployment that is not in the data',
  'incident-failed-deployment': 'incident naming a deployment that did not succeed (the rate counts successful deployments only)',
  'incident-unresolved': 'incident not resolved yet',
  'incident-resolved-before-opened': 'incident resolved before it opened',
};

/** "1 incident not resolved yet", "3 incidents not resolved yet": a reason with its count. */
export function exclusionText(reason: ExclusionReason, n: number): string {
  return plural(n, EXCLUSION_LABEL_ONE[reason] ?? EXCLUSION_LABELS[reason], EXCLUSION_LABELS[reason]);
}

/** No chart draws more marks than this; the backend bins or samples above it. */
export const MAX_CHART_MARKS = 2000;
