import { z } from 'zod';
import { ItemType, Key } from '../domain/entities';
import { CalendarDate, UtcTimestamp } from '../domain/date-schemas';
import { DORA_BUCKETS, DORA_REPORTS, EXCLUSION_REASONS, FLOW_ITEM_KINDS, PERCENTILE_METHODS } from './metrics-vocabulary';

// Flow and delivery metrics. Inputs name a scope (teams, value streams, item types) and two date
// windows; outputs are already aggregated for charts (never more than ~2,000 marks each) and every
// figure carries the counts of what it left out and why.

const Count = z.number().int().nonnegative();
const Share = z.number().min(0).max(1);

/** Whole UTC days, both ends included. */
export const DateWindow = z
  .object({ from: CalendarDate, to: CalendarDate })
  .refine((w) => w.from <= w.to, { message: 'the window ends before it starts', path: ['to'] });
export type DateWindow = z.infer<typeof DateWindow>;

export const PercentileMethod = z.enum(PERCENTILE_METHODS);
export const DoraReport = z.enum(DORA_REPORTS);
export const DoraBucket = z.enum(DORA_BUCKETS);
export const ExclusionReason = z.enum(EXCLUSION_REASONS);
export const FlowItemKind = z.enum(FLOW_ITEM_KINDS);

/**
 * Which work to measure. Filters combine with AND; an omitted filter keeps everything, an empty
 * list keeps nothing. `teamKeys` is how any team set is expressed (a team picker, a coordination
 * group's teams). Without `window`, the last weeks up to the data's last day (see settings).
 */
export const MetricsScope = z.object({
  teamKeys: z.array(Key).max(5000).optional(),
  valueStreams: z.array(z.string().trim().min(1).max(500)).max(500).optional(),
  itemTypes: z.array(ItemType).optional(),
  window: DateWindow.optional(),
  /** The second window to compare with: the same length just before, none, or explicit dates. */
  compare: z.union([z.enum(['previous', 'none']), DateWindow]).default('previous'),
  /** Override the workspace setting for this call. */
  percentileMethod: PercentileMethod.optional(),
  doraReport: DoraReport.optional(),
});
export type MetricsScope = z.input<typeof MetricsScope>;

export const Excluded = z.partialRecord(ExclusionReason, Count);

/** p50/p85/p95 (null when n = 0), the sample size, and what was left out. */
export const Distribution = z.object({
  p50: z.number().nullable(),
  p85: z.number().nullable(),
  p95: z.number().nullable(),
  n: Count,
  excluded: Excluded,
});
export type Distribution = z.infer<typeof Distribution>;

const PercentileLines = z.object({ p50: z.number(), p85: z.number(), p95: z.number() });

export const ResolvedWindow = z.object({
  from: UtcTimestamp,
  /** Exclusive. */
  to: UtcTimestamp,
  /** "2026-08-17 – 2026-11-15" (inclusive days). */
  label: z.string(),
  days: z.number(),
});

export const ResolvedScope = z.object({
  /** The teams in scope, in the workspace's order (never sorted by a metric). */
  teams: z.array(z.object({ key: Key, name: z.string(), valueStream: z.string().nullable() })),
  /** True when no team or value-stream filter applied (work without a team counts too). */
  allTeams: z.boolean(),
  itemTypes: z.array(ItemType),
  window: ResolvedWindow,
  compare: ResolvedWindow.nullable(),
  /** The data's last timestamp: every age and "open at" is measured here, not at the wall clock. */
  asOf: UtcTimestamp.nullable(),
  /** The data's first timestamp: a comparison window that ends by then holds no data at all. */
  dataFrom: UtcTimestamp.nullable(),
  percentileMethod: PercentileMethod,
});
export type ResolvedScope = z.infer<typeof ResolvedScope>;

const WindowRole = z.enum(['current', 'previous']).nullable();

/** One ISO week (UTC) of a run chart; `partial` when the week is cut by a window edge or the data's end. */
const WeekPoint = z.object({ weekStart: UtcTimestamp, label: z.string(), window: WindowRole, partial: z.boolean() });

export const FlowFigures = z.object({
  /** n = full weeks in the window; the total counts partial weeks too. */
  throughputPerWeek: Distribution.extend({ total: Count, mean: z.number().nullable() }),
  leadTimeDays: Distribution,
  cycleTimeDays: Distribution,
  flowEfficiency: z.object({
    /** Σ active ÷ Σ (active + waiting) over the items done in the window. */
    portfolio: Share.nullable(),
    perItem: Distribution,
    activeDays: z.number(),
    waitingDays: z.number(),
    n: Count,
    excluded: Excluded,
  }),
  wip: z.object({
    /** Items active or waiting at `at`. */
    current: Count,
    at: UtcTimestamp.nullable(),
    /** Daily WIP (end of each UTC day) over the window. */
    perDay: Distribution,
    /** Open items older than the window's cycle-time p85. */
    olderThanCycleP85: Count,
  }),
  dependencyAgeing: z.object({
    open: Count,
    /** Open dependencies whose needed-by date has passed. */
    overdue: Count,
    openAgeDays: Distribution,
    resolutionDays: Distribution,
    /** Σ waiting time while a dependency was open ÷ Σ flow time, items done in the window. */
    waitingShare: Share.nullable(),
    waitingDays: z.number(),
    flowDays: z.number(),
    excluded: Excluded,
  }),
  flowDistribution: z.array(z.object({ kind: FlowItemKind, count: Count, share: Share.nullable() })),
  /** Every reason above, each record counted once. */
  excluded: Excluded,
});
export type FlowFigures = z.infer<typeof FlowFigures>;

const HistogramChart = z.object({
  binDays: z.number().positive(),
  bins: z.array(z.object({ from: z.number(), to: z.number().nullable(), current: Count, previous: Count })),
});

const AgeingPoint = z.object({
  key: z.string(),
  title: z.string(),
  status: z.string(),
  ageDays: z.number(),
  type: ItemType,
  team: z.string().nullable(),
});
export type AgeingPoint = z.infer<typeof AgeingPoint>;

const DependencyLane = z.enum(['interface', 'direct']);
const DependencyPoint = z.object({
  key: z.string(),
  fromItem: z.string().nullable(),
  fromTeam: z.string().nullable(),
  toTeam: z.string().nullable(),
  interfaceName: z.string().nullable(),
  ageDays: z.number(),
  overdue: z.boolean(),
  /** Through a declared interface, or direct. */
  lane: DependencyLane,
});
export type DependencyPoint = z.infer<typeof DependencyPoint>;

export const FlowCharts = z.object({
  throughput: z.array(WeekPoint.extend({ count: Count })),
  cycleTimeScatter: z.object({
    total: Count,
    /** True when there were too many items to draw one by one: `bins` holds counts per cell instead of `points`. */
    binned: z.boolean(),
    points: z.array(z.object({ doneAt: UtcTimestamp, days: z.number(), key: z.string(), title: z.string(), type: ItemType, window: WindowRole })),
    bins: z.array(z.object({ doneAt: UtcTimestamp, days: z.number(), count: Count, window: WindowRole })),
    current: PercentileLines.nullable(),
    previous: PercentileLines.nullable(),
  }),
  leadTimeHistogram: HistogramChart,
  cycleTimeHistogram: HistogramChart,
  cumulativeFlow: z.object({
    everyDays: z.number().int().positive(),
    days: z.array(z.object({ day: UtcTimestamp, todo: Count, active: Count, waiting: Count, done: Count })),
  }),
  wip: z.object({
    everyDays: z.number().int().positive(),
    days: z.array(z.object({ day: UtcTimestamp, wip: Count, window: WindowRole })),
  }),
  ageingWip: z.object({
    at: UtcTimestamp.nullable(),
    /** Columns in workflow order (active statuses, then waiting ones). */
    columns: z.array(z.object({ status: z.string(), category: z.enum(['active', 'waiting']), count: Count })),
    binned: z.boolean(),
    /** Every open item, or none when `binned`. */
    points: z.array(AgeingPoint),
    bins: z.array(z.object({ status: z.string(), ageDays: z.number(), count: Count })),
    /** The 50 oldest open items, oldest first (for the table), binned or not. */
    oldest: z.array(AgeingPoint),
    /** Cycle-time percentiles of the window the ages are compared with. */
    cycleTime: PercentileLines.nullable(),
  }),
  flowEfficiency: z.array(WeekPoint.extend({ efficiency: Share.nullable(), items: Count })),
  flowDistribution: z.array(WeekPoint.extend({ counts: z.record(FlowItemKind, Count) })),
  dependencyAgeing: z.object({
    at: UtcTimestamp.nullable(),
    binned: z.boolean(),
    points: z.array(DependencyPoint),
    bins: z.array(z.object({ lane: DependencyLane, ageDays: z.number(), count: Count })),
    /** The 50 oldest open dependencies, oldest first. */
    oldest: z.array(DependencyPoint),
    /** How long resolved dependencies took, current window. */
    resolution: PercentileLines.nullable(),
  }),
  dependencyResolution: HistogramChart,
});
export type FlowCharts = z.infer<typeof FlowCharts>;

export const FlowReport = z.object({
  scope: ResolvedScope,
  current: FlowFigures,
  previous: FlowFigures.nullable(),
  charts: FlowCharts,
});
export type FlowReport = z.infer<typeof FlowReport>;

export const DoraFigures = z.object({
  deploymentFrequency: z.object({
    /** Median over the window's full ISO weeks of the days with ≥ 1 successful deployment. */
    deployDaysPerWeek: z.number().nullable(),
    /** Median over full calendar months, or the window's rate when it holds no full month. */
    deployDaysPerMonth: z.number().nullable(),
    deployments: Count,
    deployDays: Count,
    failedDeployments: Count,
    fullWeeks: Count,
    /** Full calendar months in the window: with none, `deployDaysPerMonth` is the window's rate. */
    fullMonths: Count,
    bucket: DoraBucket.nullable(),
  }),
  leadTimeForChangesHours: Distribution.extend({
    /** commit: change → deployment; item-done: item done → the team's next deployment (a proxy); mixed: both. */
    method: z.enum(['commit', 'item-done', 'mixed', 'none']),
    commitSamples: Count,
    itemDoneSamples: Count,
    bucket: DoraBucket.nullable(),
  }),
  changeFailureRate: z.object({
    rate: Share.nullable(),
    deploymentsWithIncident: Count,
    deployments: Count,
    bucket: DoraBucket.nullable(),
    excluded: Excluded,
  }),
  timeToRestoreHours: Distribution.extend({ bucket: DoraBucket.nullable() }),
  /** DORA 2023's variant: incident resolved − causing deployment, attributed incidents only. */
  failedDeploymentRecoveryHours: Distribution,
  excluded: Excluded,
});
export type DoraFigures = z.infer<typeof DoraFigures>;

export const IncidentAttribution = z.object({
  key: z.string(),
  teamKey: z.string().nullable(),
  teamName: z.string().nullable(),
  service: z.string().nullable(),
  openedAt: UtcTimestamp,
  resolvedAt: UtcTimestamp.nullable(),
  restoreHours: z.number().nullable(),
  deploymentKey: z.string().nullable(),
  deploymentAt: UtcTimestamp.nullable(),
  /** data: the import named it; user: a person set it; rule: the team's last successful deployment before it opened; none: no deployment. */
  source: z.enum(['data', 'user', 'rule', 'none']),
  window: WindowRole,
});
export type IncidentAttribution = z.infer<typeof IncidentAttribution>;

export const DoraBenchmarks = z.object({
  report: DoraReport,
  /** One readable rule per bucket and metric, e.g. "≥ 5 deployment days a week". */
  rules: z.object({
    deploymentFrequency: z.record(DoraBucket, z.string()),
    leadTimeForChanges: z.record(DoraBucket, z.string()),
    changeFailureRate: z.record(DoraBucket, z.string()),
    timeToRestore: z.record(DoraBucket, z.string()),
  }),
});

export const DeliveryReport = z.object({
  scope: ResolvedScope,
  benchmarks: DoraBenchmarks,
  current: DoraFigures,
  previous: DoraFigures.nullable(),
  trend: z.array(
    WeekPoint.extend({
      deployDays: Count,
      deployments: Count,
      leadTimeHours: z.number().nullable(),
      changeFailureRate: Share.nullable(),
      timeToRestoreHours: z.number().nullable(),
    }),
  ),
  /** Incidents opened in either window, newest first (at most 500). */
  incidents: z.array(IncidentAttribution),
  incidentsTotal: Count,
});
export type DeliveryReport = z.infer<typeof DeliveryReport>;

const Summary3 = z.object({ p50: z.number().nullable(), p85: z.number().nullable(), p95: z.number().nullable(), n: Count });

/** The CLI's `metrics --json`: one window, the headline figures. */
export const MetricsSummary = z.object({
  scope: ResolvedScope,
  throughputPerWeek: Summary3.extend({ total: Count, mean: z.number().nullable() }),
  leadTimeDays: Summary3,
  cycleTimeDays: Summary3,
  flowEfficiency: z.object({ portfolio: Share.nullable(), perItem: Summary3 }),
  wip: z.object({ current: Count, at: UtcTimestamp.nullable(), perDay: Summary3, olderThanCycleP85: Count }),
  dependencyAgeing: z.object({
    open: Count,
    overdue: Count,
    openAgeDays: Summary3,
    resolutionDays: Summary3,
    waitingShare: Share.nullable(),
  }),
  dora: z.object({
    deploymentFrequency: z.object({ deployDaysPerWeek: z.number().nullable(), deployDaysPerMonth: z.number().nullable(), deployments: Count }),
    leadTimeForChangesHours: Summary3.extend({ method: z.enum(['commit', 'item-done', 'mixed', 'none']) }),
    changeFailureRate: z.object({ rate: Share.nullable(), deploymentsWithIncident: Count, deployments: Count }),
    timeToRestoreHours: Summary3,
    bucket: z.object({
      report: DoraReport,
      deploymentFrequency: DoraBucket.nullable(),
      leadTimeForChanges: DoraBucket.nullable(),
      changeFailureRate: DoraBucket.nullable(),
      timeToRestore: DoraBucket.nullable(),
    }),
  }),
  excluded: Excluded,
});
export type MetricsSummary = z.infer<typeof MetricsSummary>;

const EliteDeployDaysPerWeek = z.number().int().min(1, 'at least 1 day a week').max(7, 'at most 7 days a week');
const DefaultWindowWeeks = z.number().int().min(1, 'at least 1 week').max(104, 'at most 104 weeks');

export const MetricsSettings = z.object({
  percentileMethod: PercentileMethod.default('linear'),
  doraReport: DoraReport.default('2023'),
  /** DORA's "elite" deployment frequency threshold; it has been 3, 5 and 7 days a week in different years. */
  eliteDeployDaysPerWeek: EliteDeployDaysPerWeek.default(5),
  /** Length of the default window. */
  defaultWindowWeeks: DefaultWindowWeeks.default(13),
});
export type MetricsSettings = z.infer<typeof MetricsSettings>;

/** A change to some settings; what it leaves out stays as it was. */
export const MetricsSettingsPatch = z.object({
  percentileMethod: PercentileMethod.optional(),
  doraReport: DoraReport.optional(),
  eliteDeployDaysPerWeek: EliteDeployDaysPerWeek.optional(),
  defaultWindowWeeks: DefaultWindowWeeks.optional(),
});

export const ScopeOptions = z.object({
  teams: z.array(z.object({ key: Key, name: z.string(), valueStream: z.string().nullable() })),
  valueStreams: z.array(z.string()),
  /** Item types present in the workspace. */
  itemTypes: z.array(ItemType),
  asOf: UtcTimestamp.nullable(),
  dataFrom: UtcTimestamp.nullable(),
  /** The window used when none is given, as dates for the pickers. */
  defaultWindow: DateWindow,
  settings: MetricsSettings,
});
export type ScopeOptions = z.infer<typeof ScopeOptions>;

export const IncidentCause = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deployment'), deploymentKey: Key }),
  /** A person says no deployment caused it (it will not count in the change failure rate). */
  z.object({ kind: z.literal('none') }),
  /** Back to the import's value, or the rule when the import named none. */
  z.object({ kind: z.literal('automatic') }),
]);
export type IncidentCause = z.infer<typeof IncidentCause>;

export const DeploymentCandidate = z.object({
  key: z.string(),
  teamKey: z.string().nullable(),
  service: z.string().nullable(),
  at: UtcTimestamp,
  succeeded: z.boolean(),
  release: z.string().nullable(),
});

