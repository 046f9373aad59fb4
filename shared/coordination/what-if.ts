import { z } from 'zod';
import { Key } from '../domain/entities';
import { adviseCoordination, type AdviseOptions, type TeamMove } from './advise';
import type { CoordinationData } from './coordination-data';
import { CoordinationModel, type CoordinationReport } from './report-schema';

// What-if: change the organisation on paper and see the advice change. Merges and resolved
// dependencies change the data the advisor reads; moves change the grouping it found. Nothing is
// stored: a scenario is only saved when the user asks (table scenarios).

export const ScenarioChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), teamKey: Key, toTeamKey: Key.nullable() }),
  z.object({ kind: z.literal('merge'), teamKeys: z.tuple([Key, Key]), name: z.string().trim().min(1).max(200).optional() }),
  z.object({ kind: z.literal('resolve'), dependencyKeys: z.array(Key).min(1, 'choose at least one dependency').max(50_000) }),
]);
export type ScenarioChange = z.infer<typeof ScenarioChange>;

export const ScenarioChanges = z.array(ScenarioChange).max(200, 'at most 200 changes in one scenario');

const ScenarioGroup = z.object({
  id: z.string(),
  name: z.string(),
  teamKeys: z.array(z.string()),
  model: CoordinationModel,
  coupling: z.number(),
  reasons: z.array(z.string()),
});

export const ScenarioSummary = z.object({
  groups: z.array(ScenarioGroup),
  congruence: z.object({
    congruence: z.number().nullable(),
    weightedCongruence: z.number().nullable(),
    requiredPairs: z.number().int(),
    coveredPairs: z.number().int(),
    summary: z.string(),
  }),
  findings: z.array(z.object({ kind: z.string(), title: z.string() })),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

const Placement = z.object({ groupName: z.string(), model: CoordinationModel, teamKeys: z.array(z.string()) });

export const WhatIfResult = z.object({
  baseline: ScenarioSummary,
  scenario: ScenarioSummary,
  /** Teams whose group or model changes; `after` is null for a team merged into another. */
  teamChanges: z.array(z.object({ teamKey: z.string(), teamName: z.string(), before: Placement, after: Placement.nullable(), mergedInto: z.string().nullable() })),
  /** Changes that could not be applied (a team or dependency no longer in the workspace), said plainly. */
  notes: z.array(z.string()),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;

export interface AppliedScenario {
  readonly data: CoordinationData;
  readonly moves: TeamMove[];
  /** Merged-away team → the team it now belongs to. */
  readonly mergedInto: Map<string, string>;
  readonly notes: string[];
}

function dedupe(keys: readonly string[]): string[] {
  return [...new Set(keys)].sort();
}

export function applyScenario(data: CoordinationData, changes: readonly ScenarioChange[]): AppliedScenario {
  let current = data;
  const mergedInto = new Map<string, string>();
  const survivor = (key: string): string => {
    let k = key;
    while (mergedInto.has(k)) k = mergedInto.get(k)!;
    return k;
  };
  const moves: TeamMove[] = [];
  const notes: string[] = [];
  const teamName = (key: string) => data.teams.find((t) => t.key === key)?.name ?? key;

  for (const change of changes) {
    if (change.kind === 'resolve') {
      const chosen = new Set(change.dependencyKeys);
      const before = current.dependencies.length;
      current = { ...current, dependencies: current.dependencies.filter((d) => !chosen.has(d.key)) };
      const removed = before - current.dependencies.length;
      if (removed < chosen.size) notes.push(`${chosen.size - removed} of the ${chosen.size} dependencies to resolve are not cross-team dependencies of this window; they were left out.`);
      continue;
    }
    if (change.kind === 'move') {
      const team = survivor(change.teamKey);
      const target = change.toTeamKey === null ? null : survivor(change.toTeamKey);
      const missing = [team, target].find((k) => k !== null && !current.teams.some((t) => t.key === k));
      if (missing !== undefined) {
        const named = missing === team ? change.teamKey : change.toTeamKey!;
        notes.push(`Team “${named}” is not in the workspace: the move of “${change.teamKey}” was skipped.`);
        continue;
      }
      moves.push({ teamKey: team, toTeamKey: target });
      continue;
    }
    const [a, b] = change.teamKeys.map(survivor) as [string, string];
    const teamA = current.teams.find((t) => t.key === a);
    const teamB = current.teams.find((t) => t.key === b);
    if (!teamA || !teamB || a === b) {
      notes.push(
        a === b && teamA
          ? `${teamName(change.teamKeys[0])} and ${teamName(change.teamKeys[1])} are already one team: the merge was skipped.`
          : `The merge of “${change.teamKeys[0]}” and “${change.teamKeys[1]}” names a team that is not in the workspace: it was skipped.`,
      );
      continue;
    }
    mergedInto.set(b, a);
    const r = (k: string) => (k === b ? a : k);
    current = {
      ...current,
      teams: current.teams
        .filter((t) => t.key !== b)
        .map((t) => (t.key === a ? { ...t, name: change.name ?? `${teamA.name} + ${teamB.name}`, valueStream: teamA.valueStream ?? teamB.valueStream } : t)),
      // Dependencies between the two become work inside one team: no longer coordination.
      dependencies: current.dependencies
        .map((d) => ({ ...d, fromTeamKey: r(d.fromTeamKey), toTeamKey: r(d.toTeamKey) }))
        .filter((d) => d.fromTeamKey !== d.toTeamKey),
      completions: current.completions.map((c) => ({ ...c, teamKey: r(c.teamKey) })),
      integrations: current.integrations.map((e) => ({ ...e, teamKeys: dedupe(e.teamKeys.map(r)) })),
      objectives: current.objectives.map((o) => ({ ...o, teamKeys: dedupe(o.teamKeys.map(r)) })),
      // The epics the absorbed team's items sit under are the merged team's (shared outcomes from parents).
      parents: current.parents.map((p) => ({ ...p, teamKeys: dedupe(p.teamKeys.map(r)) })),
      forums: current.forums.map((f) => ({ ...f, teamKeys: dedupe(f.teamKeys.map(r)) })),
    };
  }
  const resolved = new Map<string, string>();
  for (const key of mergedInto.keys()) resolved.set(key, survivor(key));
  // A later merge may have absorbed either end of an earlier move.
  const finalMoves = moves.map((m) => ({ teamKey: survivor(m.teamKey), toTeamKey: m.toTeamKey === null ? null : survivor(m.toTeamKey) }));
  return { data: current, moves: finalMoves, mergedInto: resolved, notes };
}

function summarise(report: CoordinationReport): ScenarioSummary {
  return {
    groups: report.groups.map((g) => ({ id: g.id, name: g.name, teamKeys: g.teamKeys, model: g.model, coupling: g.coupling, reasons: g.reasons })),
    congruence: {
      congruence: report.congruence.congruence,
      weightedCongruence: report.congruence.weightedCongruence,
      requiredPairs: report.congruence.requiredPairs,
      coveredPairs: report.congruence.coveredPairs,
      summary: report.congruence.summary,
    },
    findings: report.findings.map((f) => ({ kind: f.kind, title: f.title })),
  };
}

export function evaluateScenario(data: CoordinationData, changes: readonly ScenarioChange[], options: AdviseOptions): WhatIfResult {
  const baseline = adviseCoordination(data, options).report;
  const applied = applyScenario(data, changes);
  const scenario = adviseCoordination(applied.data, { ...options, moves: applied.moves }).report;
  const before = new Map(baseline.groups.flatMap((g) => g.teamKeys.map((k) => [k, g] as const)));
  const after = new Map(scenario.groups.flatMap((g) => g.teamKeys.map((k) => [k, g] as const)));
  const mapKey = (k: string) => applied.mergedInto.get(k) ?? k;
  const teamChanges: WhatIfResult['teamChanges'] = [];
  for (const team of baseline.teams) {
    const was = before.get(team.key)!;
    const now = after.get(mapKey(team.key)) ?? null;
    const mergedInto = applied.mergedInto.get(team.key) ?? null;
    const sameMembers = now !== null && dedupe(was.teamKeys.map(mapKey)).join('\u0000') === dedupe(now.teamKeys).join('\u0000');
    if (mergedInto === null && now !== null && sameMembers && now.model === was.model) continue;
    teamChanges.push({
      teamKey: team.key,
      teamName: team.name,
      before: { groupName: was.name, model: was.model, teamKeys: was.teamKeys },
      after: mergedInto !== null || now === null ? null : { groupName: now.name, model: now.model, teamKeys: now.teamKeys },
      mergedInto,
    });
  }
  return { baseline: summarise(baseline), scenario: summarise(scenario), teamChanges, notes: applied.notes };
}
