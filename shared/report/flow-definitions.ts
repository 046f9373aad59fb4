import type { PercentileMethod } from '../metrics/metrics-vocabulary';

// The definitions the report prints beside each flow figure, in docs/METRICS.md's words (a unit
// test checks that each one is found there, so the two cannot drift apart).

export const FLOW_DEFINITIONS = {
  throughput: 'Items whose final done falls in the window, per ISO week.',
  leadTime: 'final done − created, days.',
  cycleTime: 'final done − first entry into an active status, days.',
  flowEfficiency: 'Σ active ÷ Σ (active + waiting) over the items done in the window.',
  wip: "Items in an active or waiting status at the end of each UTC day (the state after the day's last change).",
  openDependencies: "at the window's instant, raised by then and not yet resolved: instant − raised, days; overdue when its needed-by date has passed.",
  waitingShare:
    "over the items done in the window that have a history, Σ (waiting time, as in flow efficiency, during which at least one of the item's dependencies was open) ÷ Σ (active + waiting). Overlapping dependencies count once.",
} as const;

export const PERCENTILE_DEFINITIONS: Record<PercentileMethod, string> = {
  linear: "p50, p85 and p95 use linear interpolation between order statistics — R type 7, numpy's default",
  'nearest-rank': 'Nearest rank (ActionableAgile) is a workspace setting: the value at rank ⌈p·n⌉',
};

/** docs/PLANNING.md's words. */
export const PREDICTABILITY_DEFINITION = 'predictability = Σ actual business value (all its objectives) ÷ Σ planned business value (its committed objectives)';
