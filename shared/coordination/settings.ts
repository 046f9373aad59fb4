import { z } from 'zod';

// Every number the advisor decides with is a setting with a default, stored with the workspace
// (settings key `coordination`). docs/COORDINATION.md gives the reasoning behind each default;
// keep the two in step.

const share = z.number().min(0).max(1);
const positive = z.number().positive();

/** How much each coupling component counts in the pair score; rescaled to sum 1 over the components the data has. */
export const CouplingWeights = z
  .object({
    dependencies: share.default(0.3),
    blocked: share.default(0.2),
    undeclared: share.default(0.1),
    objectives: share.default(0.2),
    integration: share.default(0.2),
  })
  .refine((w) => w.dependencies + w.blocked + w.undeclared + w.objectives + w.integration > 0, {
    message: 'at least one coupling weight must be above 0',
  });
export type CouplingWeights = z.infer<typeof CouplingWeights>;
export const COUPLING_COMPONENTS = ['dependencies', 'blocked', 'undeclared', 'objectives', 'integration'] as const;
export type CouplingComponent = (typeof COUPLING_COMPONENTS)[number];

/** Where a rate component reaches 1 (a pair at or beyond it counts as fully coupled on that component). */
export const CouplingSaturation = z.object({
  dependencyShare: positive.max(1).default(0.1),
  blockedDaysPerItem: positive.max(365).default(0.5),
});

/** The selection cues' thresholds. */
export const ModelThresholds = z.object({
  /** Scrum of Scrums from this cross-team dependency share… */
  sosDependencyShare: share.default(0.05),
  /** …or from this many days waited on other members per item completed. */
  sosBlockedDaysPerItem: positive.max(365).default(0.5),
  /** Team-of-Teams needs high interdependence… */
  totDependencyShare: share.default(0.12),
  /** …joint outcomes (mean shared-objective overlap of member pairs)… */
  totSharedObjectives: share.default(0.25),
  /** …and frequent integration (per member that integrates, the share of its integrations that also ship another member's work, averaged)… */
  totJointIntegration: share.default(0.5),
  /** …or complex integration (fewer of its dependencies than this go through declared interfaces). */
  totInterfaceClarityBelow: share.default(0.5),
});
export type ModelThresholds = z.infer<typeof ModelThresholds>;
export const THRESHOLD_KEYS = Object.keys(ModelThresholds.shape) as (keyof ModelThresholds)[];

export const GroupingSettings = z.object({
  /** Pairs coupled less than this do not link teams into a group (noise: one stray dependency). */
  minEdgeCoupling: share.default(0.1),
  /** Louvain resolution: higher gives smaller groups. 0.5 keeps a chain of four teams together but still cuts a weak bridge between two tight groups. */
  resolution: z.number().min(0.05).max(10).default(0.5),
  /** Seed of Louvain's random walk: same data, same seed, same groups. */
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(7),
});

export const BottleneckSettings = z.object({
  /** A team this many other teams wait on is a bottleneck candidate (and, counting only teams coupled to it, a shared-provider candidate). */
  minWaitingTeams: z.number().int().min(2).max(10_000).default(5),
  /** …a bottleneck when their items also waited on it this many days in the window… */
  minBlockedDays: z.number().min(0).max(100_000).default(20),
  /** …and a shared provider (kept out of grouping) when fewer of its dependents than this are coupled to each other. */
  maxDependentCohesion: share.default(0.5),
});

export const BoundarySettings = z.object({
  /** Two teams in different groups coupled at least this much are a boundary-redraw candidate. */
  minCoupling: share.default(0.35),
});

export const TrendSettings = z.object({
  periods: z.number().int().min(2).max(24).default(6),
  periodDays: z.number().int().min(7).max(365).default(30),
  /** Recent half vs earlier half of the periods: a change this large (relative)… */
  minRelativeChange: positive.max(10).default(0.3),
  /** …and at least this large in coupling points is reported… */
  minAbsoluteChange: share.default(0.1),
  /** …when the half where coupling is higher holds at least this many dependencies between members per period… */
  minDependenciesPerPeriod: z.number().int().min(0).max(100_000).default(5),
  /** …and every period at least this many completed items; otherwise the finding says the sample is too small. */
  minItemsPerPeriod: z.number().int().min(0).max(100_000).default(10),
});

export const EvidenceSettings = z.object({
  /** Advice is robust only over at least this many dependencies (between members; for a team on its own, of the whole workspace) in the window. */
  minDependencies: z.number().int().min(0).max(1_000_000).default(20),
});

export const CoordinationSettings = z.object({
  windowDays: z.number().int().min(7).max(3650).default(90),
  weights: CouplingWeights.prefault({}),
  saturation: CouplingSaturation.prefault({}),
  thresholds: ModelThresholds.prefault({}),
  grouping: GroupingSettings.prefault({}),
  bottleneck: BottleneckSettings.prefault({}),
  boundary: BoundarySettings.prefault({}),
  trend: TrendSettings.prefault({}),
  evidence: EvidenceSettings.prefault({}),
});
export type CoordinationSettings = z.infer<typeof CoordinationSettings>;
export type CoordinationSettingsInput = z.input<typeof CoordinationSettings>;

export const DEFAULT_COORDINATION_SETTINGS: CoordinationSettings = CoordinationSettings.parse({});

/** The settings with every model threshold multiplied by `factor` (robustness checks). */
export function scaleThresholds(thresholds: ModelThresholds, factor: number, only?: keyof ModelThresholds): ModelThresholds {
  const scaled = { ...thresholds };
  for (const key of THRESHOLD_KEYS) if (only === undefined || only === key) scaled[key] = Math.min(1, thresholds[key] * factor);
  // Days are not a share: only the share thresholds are capped at 1.
  if (only === undefined || only === 'sosBlockedDaysPerItem') scaled.sosBlockedDaysPerItem = thresholds.sosBlockedDaysPerItem * factor;
  return scaled;
}
