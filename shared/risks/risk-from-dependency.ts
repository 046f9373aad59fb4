import type { RiskLinks, RiskScope } from './risk-schema';

// "Raise as a risk" on an open dependency: one action fills the title, the owner and the links from
// the dependency, and files the risk where it belongs (docs/RISKS.md):
// - both teams in one coordination group: that group's (mission-level) board;
// - otherwise, with an increment: the whole increment's board (it crosses groups);
// - otherwise: the waiting team's own board.

export interface DependencyEnd {
  teamKey: string | null;
  teamName: string | null;
  itemKey: string | null;
  itemTitle: string | null;
}

export interface DependencyFacts {
  key: string;
  kind: string;
  interfaceName: string | null;
  /** "2026-11-20" or null. */
  neededBy: string | null;
  waiting: DependencyEnd;
  providing: DependencyEnd;
}

export interface RaiseContext {
  /** The coordination group a team is in now (the advisor's key), or null. */
  groupOf(teamKey: string): string | null;
  /** The increment to file cross-group risks under, or null when there is none. */
  increment: string | null;
  /**
   * How a key reads in the title and description (a card made in Interlock "New-3", never its
   * stored key): the planning domain's, which this one may not import. The links keep the keys.
   */
  keyText?(key: string): string;
}

export interface RaisedRisk {
  title: string;
  description: string;
  ownerTeamKey: string | null;
  scope: RiskScope;
  links: RiskLinks;
}

const MAX_TITLE = 300;

function side(end: DependencyEnd, keyText: (key: string) => string): string {
  return end.teamName ?? end.teamKey ?? (end.itemKey ? `the team of ${keyText(end.itemKey)}` : 'an unknown team');
}

function item(end: DependencyEnd, keyText: (key: string) => string): string | null {
  if (!end.itemKey) return null;
  return end.itemTitle ? `${keyText(end.itemKey)} ${end.itemTitle}` : keyText(end.itemKey);
}

/** The scope a dependency's risk is filed under; null when it names no team and there is no increment. */
export function scopeForDependency(dep: DependencyFacts, context: RaiseContext): RiskScope | null {
  const a = dep.waiting.teamKey;
  const b = dep.providing.teamKey;
  const groupA = a === null ? null : context.groupOf(a);
  if (a !== null && b !== null && groupA !== null && groupA === context.groupOf(b)) return { kind: 'group', key: groupA };
  if (context.increment !== null) return { kind: 'increment', key: context.increment };
  const team = a ?? b;
  return team === null ? null : { kind: 'team', key: team };
}

/** The risk one action raises from a dependency; null when there is nowhere to file it. */
export function riskFromDependency(dep: DependencyFacts, context: RaiseContext): RaisedRisk | null {
  const scope = scopeForDependency(dep, context);
  if (scope === null) return null;
  const keyText = context.keyText ?? ((key: string) => key);
  const what = dep.interfaceName ?? dep.providing.itemTitle ?? keyText(dep.providing.itemKey ?? dep.key);
  const title = `${side(dep.waiting, keyText)} waits on ${side(dep.providing, keyText)}: ${what}`;
  const waitingItem = item(dep.waiting, keyText);
  const providingItem = item(dep.providing, keyText);
  const sentences = [
    `Raised from dependency ${keyText(dep.key)} (${dep.kind}).`,
    waitingItem && providingItem ? `${waitingItem} (${side(dep.waiting, keyText)}) waits on ${providingItem} (${side(dep.providing, keyText)}).` : null,
    dep.neededBy ? `Needed by ${dep.neededBy}.` : null,
  ];
  return {
    title: title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title,
    description: sentences.filter(Boolean).join(' '),
    // The providing team holds what the other waits on: it is the one who can act.
    ownerTeamKey: dep.providing.teamKey,
    scope,
    links: {
      items: [dep.waiting.itemKey, dep.providing.itemKey].filter((k): k is string => k !== null),
      dependencies: [dep.key],
      objectives: [],
    },
  };
}

/**
 * The open risk each dependency was raised as (dependency key → risk key): as the backend's
 * openRiskFromDependency, a risk raised from it and not resolved; the first such by the list's
 * order. A risk that only links a dependency was not raised from it.
 */
export function openRisksRaisedFrom(risks: readonly { readonly key: string; readonly raisedFromDependency: string | null; readonly status: string }[]): Map<string, string> {
  const raised = new Map<string, string>();
  for (const r of risks) if (r.raisedFromDependency !== null && r.status !== 'resolved' && !raised.has(r.raisedFromDependency)) raised.set(r.raisedFromDependency, r.key);
  return raised;
}
