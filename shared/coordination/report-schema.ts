import { z } from 'zod';
import { UtcTimestamp } from '../domain/date-schemas';
import { CoordinationSettings } from './settings';

// The advisor's answer, as zod schemas: the contract validates it at every transport and the core's
// types are inferred from here, so the two cannot drift apart.

export const COORDINATION_MODELS = ['none', 'scrum-of-scrums', 'team-of-teams'] as const;
export const CoordinationModel = z.enum(COORDINATION_MODELS);
export type CoordinationModel = z.infer<typeof CoordinationModel>;

export const MODEL_LABELS: Record<CoordinationModel, string> = {
  none: 'No standing forum',
  'scrum-of-scrums': 'Scrum of Scrums',
  'team-of-teams': 'Team-of-Teams',
};

const Share = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();
const Days = z.number().nonnegative();
const TeamPair = z.tuple([z.string(), z.string()]);

export const CouplingComponents = z.object({
  dependencies: Share.nullable(),
  blocked: Share.nullable(),
  undeclared: Share.nullable(),
  objectives: Share.nullable(),
  integration: Share.nullable(),
});
export type CouplingComponents = z.infer<typeof CouplingComponents>;

/** Coupling of two teams over the window; `teamKeys` is sorted and "a"/"b" refer to its first and second key. */
export const PairCoupling = z.object({
  teamKeys: TeamPair,
  dependencies: z.object({ aWaitsOnB: Count, bWaitsOnA: Count, total: Count, interfaced: Count, open: Count }),
  completedItems: Count,
  /** Dependencies between the two ÷ items the two completed (may exceed 1 when they completed little). */
  dependencyShare: z.number().nonnegative(),
  blockedDays: z.object({ aOnB: Days, bOnA: Days, total: Days }),
  blockedDaysPerItem: Days,
  /** Share of their dependencies that go through a declared interface; null without dependencies or interface data. */
  interfaceClarity: Share.nullable(),
  /** Jaccard overlap of the objectives they contribute to; null without objective data. */
  sharedObjectives: Share.nullable(),
  sharedObjectiveKeys: z.array(z.string()),
  /** Joint integrations ÷ integrations of the one that integrates less often; null without integration data. */
  jointIntegration: Share.nullable(),
  jointIntegrations: Count,
  components: CouplingComponents,
  coupling: Share,
});
export type PairCoupling = z.infer<typeof PairCoupling>;

export const CUE_IDS = ['dependencyShare', 'blockedDaysPerItem', 'sharedObjectives', 'jointIntegration', 'interfaceClarity'] as const;
export const CueId = z.enum(CUE_IDS);
export type CueId = z.infer<typeof CueId>;

export const CueThreshold = z.object({
  model: z.enum(['scrum-of-scrums', 'team-of-teams']),
  setting: z.string(),
  comparison: z.enum(['at-least', 'below']),
  value: z.number(),
  display: z.string(),
  /** null when the cue could not be measured. */
  met: z.boolean().nullable(),
});
export type CueThreshold = z.infer<typeof CueThreshold>;

export const CUE_SOURCES = ['dependencies', 'history', 'objectives', 'parents', 'deployments', 'releases', 'interfaces'] as const;
export const CueSourceSchema = z.enum(CUE_SOURCES);

export const Cue = z.object({
  id: CueId,
  /** Where its numbers come from (objectives or shared parents, deployments or releases…); null when not measured. */
  source: CueSourceSchema.nullable(),
  label: z.string(),
  value: z.number().nullable(),
  display: z.string(),
  /** How it was measured, in the group's own numbers ("70 dependencies ÷ 268 items completed"). */
  detail: z.string(),
  thresholds: z.array(CueThreshold),
});
export type Cue = z.infer<typeof Cue>;

export const CONFIDENCE_LEVELS = ['robust', 'sensitive', 'provisional'] as const;

export const Robustness = z.object({
  /** True when no threshold moved by ±20 %, alone or all together, changes the model. */
  stable: z.boolean(),
  /**
   * robust: stable, enough dependencies, and no unmeasured cue could change the model; provisional:
   * too few dependencies, or an unmeasured cue could change it; sensitive: otherwise not stable.
   */
  level: z.enum(CONFIDENCE_LEVELS),
  summary: z.string(),
  /** The variations that change the model (empty when stable). */
  variations: z.array(z.object({ change: z.string(), model: CoordinationModel })),
});
export type Robustness = z.infer<typeof Robustness>;

export const Practices = z.object({
  summary: z.string(),
  attendees: z.array(z.string()),
  cadence: z.string().nullable(),
  agenda: z.array(z.string()),
  artefacts: z.array(z.string()),
});
export type Practices = z.infer<typeof Practices>;

export const TrendPoint = z.object({
  from: UtcTimestamp,
  to: UtcTimestamp,
  coupling: Share,
  /** null when the members completed nothing in the period. */
  dependencyShare: z.number().nonnegative().nullable(),
  dependencies: Count,
  completedItems: Count,
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const GroupRole = z.enum(['group', 'single', 'provider']);
export type GroupRole = z.infer<typeof GroupRole>;

export const GroupMeasures = z.object({
  dependencies: Count,
  interfaced: Count,
  completedItems: Count,
  blockedDays: Days,
  integrations: Count,
  jointIntegrations: Count,
});
export type GroupMeasures = z.infer<typeof GroupMeasures>;

/** What a group's advice stands on. */
export const GroupEvidenceSummary = z.object({
  measuredCues: Count,
  cues: Count,
  /** Dependencies between members in the window (for a team on its own or a shared provider: the whole workspace's). */
  dependencies: Count,
  items: Count,
  days: z.number().int().positive(),
  minimumDependencies: Count,
  /** Cues not measured that, measured, could change the model. */
  unmeasuredThatMatter: z.array(CueId),
  /** What to import to firm the advice up (empty when robust). */
  toFirmUp: z.array(z.string()),
  summary: z.string(),
});
export type GroupEvidenceSummary = z.infer<typeof GroupEvidenceSummary>;

export const GroupRecommendation = z.object({
  id: z.string(),
  name: z.string(),
  teamKeys: z.array(z.string()),
  valueStreams: z.array(z.string()),
  /** group: two or more coupled teams; single: a team coupled to no one enough; provider: a shared provider kept out of grouping. */
  role: GroupRole,
  /** Mean coupling of its member pairs (0 for a single team). */
  coupling: Share,
  measures: GroupMeasures,
  model: CoordinationModel,
  cues: z.array(Cue),
  reasons: z.array(z.string()),
  whatWouldChange: z.array(z.string()),
  robustness: Robustness,
  evidence: GroupEvidenceSummary,
  practices: Practices,
  trend: z.array(TrendPoint),
});
export type GroupRecommendation = z.infer<typeof GroupRecommendation>;

export const FINDING_KINDS = ['bottleneck', 'boundary', 'trend', 'value-stream'] as const;
export const Finding = z.object({
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  title: z.string(),
  detail: z.string(),
  suggestion: z.string(),
  teamKeys: z.array(z.string()),
  groupIds: z.array(z.string()),
  measures: z.array(z.object({ label: z.string(), display: z.string() })),
});
export type Finding = z.infer<typeof Finding>;

export const Congruence = z.object({
  forums: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      cadence: z.string().nullable(),
      teamKeys: z.array(z.string()),
      /** Member pairs with dependencies between them: the coordination this forum carries. */
      requiredPairs: Count,
      /** Members with no dependency on or from anyone else in the forum. */
      taxTeamKeys: z.array(z.string()),
    }),
  ),
  requiredPairs: Count,
  coveredPairs: Count,
  /** Covered ÷ required team pairs (Cataldo & Herbsleb at team level); null when no pair needs coordination. */
  congruence: Share.nullable(),
  /** The same, each pair weighted by its number of dependencies. */
  weightedCongruence: Share.nullable(),
  uncoveredPairs: z.array(
    z.object({
      teamKeys: TeamPair,
      dependencies: Count,
      sameGroup: z.boolean(),
      /** One side is a shared provider: self-service fits better than a forum seat. */
      withProvider: z.boolean(),
    }),
  ),
  coordinationTax: z.array(z.object({ forumId: z.number().int(), forumName: z.string(), teamKey: z.string() })),
  summary: z.string(),
});
export type Congruence = z.infer<typeof Congruence>;

export const TeamPlacement = z.object({
  key: z.string(),
  name: z.string(),
  valueStream: z.string().nullable(),
  groupId: z.string(),
  provider: z.boolean(),
  completedItems: Count,
  /** Distinct teams this team waited on in the window, and teams that waited on it. */
  waitsOnTeams: Count,
  waitedOnByTeams: Count,
});
export type TeamPlacement = z.infer<typeof TeamPlacement>;

export const GroupLink = z.object({
  groupIds: z.tuple([z.string(), z.string()]),
  /** Mean coupling over every cross pair of the two groups. */
  coupling: Share,
  dependencies: Count,
});
export type GroupLink = z.infer<typeof GroupLink>;

export const ValueStreamComparison = z.object({
  name: z.string(),
  teamKeys: z.array(z.string()),
  groupIds: z.array(z.string()),
  agrees: z.boolean(),
});

export const RecordedEvidenceSchema = z.object({
  statusHistory: z.boolean(),
  interfaces: z.boolean(),
  integration: z.boolean(),
  objectives: z.boolean(),
  parents: z.boolean(),
  releases: z.boolean(),
});

export const CoordinationReport = z.object({
  window: z.object({ from: UtcTimestamp, to: UtcTimestamp, days: z.number().int().positive() }),
  recorded: RecordedEvidenceSchema,
  settings: CoordinationSettings,
  teams: z.array(TeamPlacement),
  groups: z.array(GroupRecommendation),
  /** The strongest pairs first, at most PAIR_LIMIT of them; `pairCount` says how many pairs are coupled at all. */
  pairs: z.array(PairCoupling),
  pairCount: Count,
  groupLinks: z.array(GroupLink),
  findings: z.array(Finding),
  congruence: Congruence,
  valueStreams: z.array(ValueStreamComparison),
});
export type CoordinationReport = z.infer<typeof CoordinationReport>;

/** Enough pairs for a 44 × 44 matrix; larger portfolios are drawn group by group. */
export const PAIR_LIMIT = 2000;
