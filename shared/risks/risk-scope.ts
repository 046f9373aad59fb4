import type { Risk, RiskScope, RiskScopeKind } from './risk-schema';
import { RISK_SCOPE_KINDS } from './risk-vocabulary';

// Scopes as people read them and as the address keeps them ("group:g-checkout").

/** What the names of teams and groups are now (the advisor's groups may change as the data does). */
export interface ScopeNames {
  teams: ReadonlyMap<string, string>;
  /** Coordination groups by the advisor's key, with their member teams. */
  groups: ReadonlyMap<string, { name: string; teamKeys: readonly string[] }>;
}

export const SCOPE_KIND_LABELS: Record<RiskScopeKind, string> = { team: 'Team', group: 'Coordination group', increment: 'Whole increment' };

export function scopeId(scope: RiskScope): string {
  return `${scope.kind}:${scope.key}`;
}

export function parseScopeId(id: string | null | undefined): RiskScope | null {
  if (!id) return null;
  const at = id.indexOf(':');
  const kind = id.slice(0, at) as RiskScopeKind;
  const key = id.slice(at + 1).trim();
  return at > 0 && RISK_SCOPE_KINDS.includes(kind) && key !== '' ? { kind, key } : null;
}

/** "Team: Checkout", "Coordination group: Basket, Checkout and Pricing", "Whole increment: PI 26.4". */
export function scopeLabel(scope: RiskScope, names: ScopeNames): string {
  switch (scope.kind) {
    case 'team':
      return `Team: ${names.teams.get(scope.key) ?? scope.key}`;
    case 'group': {
      const group = names.groups.get(scope.key);
      return group ? `Coordination group: ${group.name}` : `Coordination group ${scope.key} (not formed now)`;
    }
    case 'increment':
      return `Whole increment: ${scope.key}`;
  }
}

/** Who owns a risk, in words; null when nobody does yet. */
export function ownerLabel(risk: Pick<Risk, 'ownerTeamKey' | 'ownerPerson'>, teams: ReadonlyMap<string, string>): string | null {
  const team = risk.ownerTeamKey === null ? null : (teams.get(risk.ownerTeamKey) ?? risk.ownerTeamKey);
  if (team && risk.ownerPerson) return `${risk.ownerPerson} (${team})`;
  return risk.ownerPerson ?? team;
}

export interface RiskFilter {
  /** null: every risk. */
  scope: RiskScope | null;
  /** With a group: also its member teams' own risks (the mission-level board with what its teams hold). */
  withTeams: boolean;
}

/** The risks a filter keeps, in the order given. */
export function filterRisks<R extends Pick<Risk, 'scope'>>(risks: readonly R[], filter: RiskFilter, names: ScopeNames): R[] {
  const scope = filter.scope;
  if (scope === null) return [...risks];
  const members = scope.kind === 'group' && filter.withTeams ? new Set(names.groups.get(scope.key)?.teamKeys ?? []) : new Set<string>();
  return risks.filter((r) => (r.scope.kind === scope.kind && r.scope.key === scope.key) || (r.scope.kind === 'team' && members.has(r.scope.key)));
}

/**
 * The risks a report about one increment lists: those filed under that increment, and every team's
 * and coordination group's (a team or a group is not tied to an increment, so its risks stand in
 * every increment's report); those filed under another increment are left out, and counted so the
 * report can say so.
 */
export function risksOfIncrement<R extends Pick<Risk, 'scope'>>(risks: readonly R[], increment: string): { kept: R[]; otherIncrements: number } {
  const kept = risks.filter((r) => r.scope.kind !== 'increment' || r.scope.key === increment);
  return { kept, otherIncrements: risks.length - kept.length };
}

export interface ScopeOption {
  id: string;
  scope: RiskScope;
  label: string;
  /** How many risks have exactly this scope. */
  risks: number;
}

/**
 * Every scope a risk can be filed under or filtered by: the increments, the groups the advisor
 * forms and the teams, plus any scope a risk still names that no longer exists (so no risk hides).
 * Increments first (as given, latest first), then groups and teams by name.
 */
export function scopeOptions(risks: readonly Pick<Risk, 'scope'>[], names: ScopeNames, increments: readonly string[]): ScopeOption[] {
  const counts = new Map<string, number>();
  for (const r of risks) counts.set(scopeId(r.scope), (counts.get(scopeId(r.scope)) ?? 0) + 1);
  const option = (scope: RiskScope): ScopeOption => ({ id: scopeId(scope), scope, label: scopeLabel(scope, names), risks: counts.get(scopeId(scope)) ?? 0 });
  const byLabel = (a: ScopeOption, b: ScopeOption) => a.label.localeCompare(b.label);
  const known = [
    ...increments.map((key) => option({ kind: 'increment', key })),
    ...[...names.groups.keys()].map((key) => option({ kind: 'group', key })).sort(byLabel),
    ...[...names.teams.keys()].map((key) => option({ kind: 'team', key })).sort(byLabel),
  ];
  const seen = new Set(known.map((o) => o.id));
  const orphans = [...counts.keys()].filter((id) => !seen.has(id)).map((id) => option(parseScopeId(id)!)).sort(byLabel);
  return [...known, ...orphans];
}

/** A scope's kind as a sentence names it ("There is no team “ghost”…"). */
export const SCOPE_KIND_NAMES: Readonly<Record<RiskScopeKind, string>> = { team: 'team', group: 'coordination group', increment: 'increment' };

const SCOPE_WORDS: Record<string, RiskScopeKind> = {
  team: 'team',
  group: 'group',
  'coordination group': 'group',
  'team of teams': 'group',
  mission: 'group',
  increment: 'increment',
  'whole increment': 'increment',
  pi: 'increment',
  program: 'increment',
};

/** A scope kind as people write it ("Team", "coordination group", "whole increment", "PI"); null when it is none. */
export function readScopeKind(text: string | null): RiskScopeKind | null {
  return SCOPE_WORDS[(text ?? '').trim().toLowerCase().replace(/[\s_-]+/g, ' ')] ?? null;
}
