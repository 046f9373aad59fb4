import type {
  CompletionCount,
  CoordinationData,
  CoordinationTeam,
  DeclaredForum,
  DependencyFact,
  IntegrationEvent,
  Interval,
  ObjectiveFact,
  ParentFact,
  RecordedEvidence,
} from '../../../shared/coordination/coordination-data';
import { DEFAULT_COORDINATION_SETTINGS, type CoordinationSettings } from '../../../shared/coordination/settings';

// Hand-built portfolios for the advisor's known-answer tests: every number is placed by hand, so
// the expected coupling can be computed on paper.

export const DAY = 86_400_000;
export const END = Date.UTC(2026, 5, 30);
export const WINDOW: Interval = { from: END - 90 * DAY, to: END };

export interface DependencyOptions {
  count?: number;
  interfaced?: boolean;
  /** Days the waiting item sat blocked on each dependency (inside the window). */
  blockedDays?: number;
  open?: boolean;
  /** Days before the window's end the dependency was created. */
  createdDaysAgo?: number;
}

export class PortfolioBuilder {
  readonly teams: CoordinationTeam[] = [];
  readonly dependencies: DependencyFact[] = [];
  readonly completions: CompletionCount[] = [];
  readonly integrations: IntegrationEvent[] = [];
  readonly objectives: ObjectiveFact[] = [];
  readonly forums: DeclaredForum[] = [];
  readonly parents: ParentFact[] = [];
  recorded: RecordedEvidence = { statusHistory: true, interfaces: true, integration: true, objectives: true, parents: false, releases: false };

  team(key: string, options: { name?: string; valueStream?: string | null; completed?: number } = {}): this {
    this.teams.push({ key, name: options.name ?? key.charAt(0).toUpperCase() + key.slice(1), valueStream: options.valueStream ?? null });
    if (options.completed) this.completions.push({ teamKey: key, at: END - 10 * DAY, count: options.completed });
    return this;
  }

  /** `perMonth` items completed in each 30-day period of the last 180 days (what trends need). */
  steadyCompletions(key: string, perMonth: number): this {
    for (let period = 0; period < 6; period++) this.completions.push({ teamKey: key, at: END - (period * 30 + 15) * DAY, count: perMonth });
    return this;
  }

  /** `from` waits on `to`, `count` times. */
  depends(from: string, to: string, options: DependencyOptions = {}): this {
    const count = options.count ?? 1;
    for (let i = 0; i < count; i++) {
      const createdAt = END - (options.createdDaysAgo ?? 40) * DAY;
      const blocked = options.blockedDays ?? 0;
      this.dependencies.push({
        key: `${from}>${to}#${this.dependencies.length + 1}`,
        fromTeamKey: from,
        toTeamKey: to,
        createdAt,
        resolvedAt: options.open ? null : createdAt + Math.max(blocked, 20) * DAY,
        interfaced: options.interfaced ?? false,
        waits: blocked > 0 ? [[createdAt, createdAt + blocked * DAY]] : [],
      });
    }
    return this;
  }

  /** An integration (release) holding the work of `teams`, `daysAgo` before the end. */
  release(teams: readonly string[], daysAgo: number, key = `release-${this.integrations.length + 1}`): this {
    this.integrations.push({ key, at: END - daysAgo * DAY, teamKeys: [...teams] });
    return this;
  }

  /** `count` weekly releases of `teams` together, starting `firstDaysAgo` before the end. */
  weeklyReleases(teams: readonly string[], count: number, firstDaysAgo = 85): this {
    for (let i = 0; i < count; i++) this.release(teams, firstDaysAgo - 7 * i);
    return this;
  }

  objective(key: string, teams: readonly string[], level: ObjectiveFact['level'] = 'program', title = `Objective ${key}`): this {
    this.objectives.push({ key, title, level, teamKeys: [...teams] });
    return this;
  }

  /** A parent (epic) with children of `teams` alive in the window. */
  parent(key: string, teams: readonly string[]): this {
    this.parents.push({ key, teamKeys: [...teams] });
    return this;
  }

  forum(id: number, name: string, teams: readonly string[], cadence: string | null = 'weekly'): this {
    this.forums.push({ id, name, cadence, teamKeys: [...teams] });
    return this;
  }

  build(): CoordinationData {
    return {
      teams: [...this.teams],
      dependencies: [...this.dependencies],
      completions: [...this.completions],
      integrations: [...this.integrations],
      objectives: [...this.objectives],
      parents: [...this.parents],
      forums: [...this.forums],
      recorded: { ...this.recorded },
    };
  }
}

export function settingsWith(patch: (s: CoordinationSettings) => void): CoordinationSettings {
  const copy = structuredClone(DEFAULT_COORDINATION_SETTINGS);
  patch(copy);
  return copy;
}
