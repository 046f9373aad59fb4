// What the advisor reads, already narrowed by the store to the analysis range: plain facts with
// epoch-millisecond instants. Hand-built portfolios in tests and the SQL loader produce the same shape.

export interface CoordinationTeam {
  readonly key: string;
  readonly name: string;
  readonly valueStream: string | null;
}

/** A cross-team dependency: `fromTeamKey` waits on `toTeamKey`. */
export interface DependencyFact {
  readonly key: string;
  readonly fromTeamKey: string;
  readonly toTeamKey: string;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
  /** It goes through a declared interface or contract. */
  readonly interfaced: boolean;
  /**
   * Spans [start, end) during which the waiting item sat in a waiting status while this dependency
   * was open. Non-overlapping; the store clips them to the dependency's open span.
   */
  readonly waits: readonly (readonly [number, number])[];
}

/** Items of a team completed (done, not cancelled) at `at`; the store sends daily counts. */
export interface CompletionCount {
  readonly teamKey: string;
  readonly at: number;
  readonly count: number;
}

/** One integration: a release (all its deployments) or a deployment without a release, with every team whose work it held. */
export interface IntegrationEvent {
  readonly key: string;
  readonly at: number;
  readonly teamKeys: readonly string[];
}

export interface ObjectiveFact {
  readonly key: string;
  readonly title: string;
  /** Portfolio-level objectives are everyone's and say nothing about a pair: they are left out of the overlap. */
  readonly level: 'portfolio' | 'program' | 'team' | null;
  readonly teamKeys: readonly string[];
}

/**
 * A parent (Jira Parent / Epic Link / Parent Link, Azure DevOps Parent) with the teams owning its
 * children alive in the window: held by two or more teams, it is an outcome they share.
 */
export interface ParentFact {
  readonly key: string;
  readonly teamKeys: readonly string[];
}

export interface DeclaredForum {
  readonly id: number;
  readonly name: string;
  readonly cadence: string | null;
  readonly teamKeys: readonly string[];
}

/** Which optional kinds of evidence the workspace holds; a component without evidence is left out, not scored 0. */
export interface RecordedEvidence {
  readonly statusHistory: boolean;
  readonly interfaces: boolean;
  /** Deployments that say what they shipped: a release name, or their items. */
  readonly integration: boolean;
  readonly objectives: boolean;
  /** Items with a parent (epics and the like). */
  readonly parents: boolean;
  /** Items linked to releases (Fix Version/s). */
  readonly releases: boolean;
}

/** Where a cue's numbers come from; named in the report, the CLI's JSON and the page. */
export type CueSource = 'dependencies' | 'history' | 'objectives' | 'parents' | 'deployments' | 'releases' | 'interfaces';

/**
 * Integrations come from deployments when they say what they shipped, otherwise from the tracker's
 * releases (never both: one release train seen twice would count twice).
 */
export function integrationSource(recorded: RecordedEvidence): 'deployments' | 'releases' | null {
  return recorded.integration ? 'deployments' : recorded.releases ? 'releases' : null;
}

export interface CoordinationData {
  readonly teams: readonly CoordinationTeam[];
  readonly dependencies: readonly DependencyFact[];
  readonly completions: readonly CompletionCount[];
  readonly integrations: readonly IntegrationEvent[];
  readonly objectives: readonly ObjectiveFact[];
  readonly parents: readonly ParentFact[];
  readonly forums: readonly DeclaredForum[];
  readonly recorded: RecordedEvidence;
  /**
   * The earliest instant of any record (item dates, status changes, deployments, incidents), as the
   * metrics' `firstAt`: trend periods that begin before its day are no samples. Absent or null: unknown.
   */
  readonly dataFrom?: number | null;
}

/** A half-open span of time (from, to] in epoch ms. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** A dependency counts in an interval when it was open at some point inside it. */
export function isActiveIn(dependency: Pick<DependencyFact, 'createdAt' | 'resolvedAt'>, interval: Interval): boolean {
  return dependency.createdAt < interval.to && (dependency.resolvedAt === null || dependency.resolvedAt > interval.from);
}

/** Milliseconds of `spans` that fall inside the interval. */
export function overlapMs(spans: readonly (readonly [number, number])[], interval: Interval): number {
  let total = 0;
  for (const [start, end] of spans) {
    const overlap = Math.min(end, interval.to) - Math.max(start, interval.from);
    if (overlap > 0) total += overlap;
  }
  return total;
}

export function inInterval(at: number, interval: Interval): boolean {
  return at > interval.from && at <= interval.to;
}
