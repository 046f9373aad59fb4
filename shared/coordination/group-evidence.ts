import { MS_PER_DAY } from '../domain/time';
import { inInterval, integrationSource, type CoordinationData, type CueSource, type Interval } from './coordination-data';
import { objectiveOverlap, outcomeSource, pairKey, type PairMeasurement, type ScoredPairs } from './pair-coupling';
import type { GroupMeasures } from './report-schema';

// What a group of teams shows about itself over one interval: the numbers the selection cues read.

export function sortedSum(values: readonly number[]): number {
  // A typed array sorts numerically without a comparator call per comparison (the order a − b
  // gives; −0 and +0 may swap, which no sum can tell).
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return sum;
}

export interface CueValues {
  /** null when the members completed no item in the window (a share of nothing is not measured). */
  readonly dependencyShare: number | null;
  /** null without status history (time blocked cannot be measured). */
  readonly blockedDaysPerItem: number | null;
  readonly sharedObjectives: number | null;
  readonly jointIntegration: number | null;
  readonly interfaceClarity: number | null;
}

/** Where each cue of a group comes from; null when it is not measured. */
export type CueSources = Record<'dependencyShare' | 'blockedDaysPerItem' | 'sharedObjectives' | 'jointIntegration' | 'interfaceClarity', CueSource | null>;

/** Parents (epics) of a group's members' items: all of them, and those holding two or more members' work. */
export interface GroupParents {
  total: number;
  shared: number;
}

export interface GroupEvidence {
  readonly size: number;
  readonly sources: CueSources;
  readonly parents: GroupParents;
  readonly measures: GroupMeasures;
  readonly cues: CueValues;
  /** Mean coupling over every member pair (pairs with nothing between them count as 0). */
  readonly coupling: number;
  /** Instants of the integrations that held two or more members' work, sorted. */
  readonly jointIntegrationTimes: readonly number[];
}

export interface GroupIntegrations {
  /** Integrations holding any member's work, and those holding two or more members' work. */
  integrations: number;
  joint: number;
  jointTimes: number[];
  /** Per member: its integrations, and those of them that also held another member's work. */
  byMember: Map<string, { all: number; joint: number }>;
}

/** Per group, how many parents its members' items sit under, and how many of those hold two or more members' work. */
export function parentsByGroup(data: CoordinationData, groupOf: ReadonlyMap<string, string>): Map<string, GroupParents> {
  const result = new Map<string, GroupParents>();
  const members = new Map<string, number>();
  for (const parent of data.parents) {
    members.clear();
    for (const team of new Set(parent.teamKeys)) {
      const group = groupOf.get(team);
      if (group !== undefined) members.set(group, (members.get(group) ?? 0) + 1);
    }
    for (const [group, count] of members) {
      let entry = result.get(group);
      if (!entry) result.set(group, (entry = { total: 0, shared: 0 }));
      entry.total++;
      if (count >= 2) entry.shared++;
    }
  }
  return result;
}

/** Per group, how its members integrate: alone or together with other members. */
export function integrationsByGroup(data: CoordinationData, interval: Interval, groupOf: ReadonlyMap<string, string>): Map<string, GroupIntegrations> {
  const result = new Map<string, GroupIntegrations>();
  for (const event of data.integrations) {
    if (!inInterval(event.at, interval)) continue;
    const members = new Map<string, Set<string>>();
    for (const team of event.teamKeys) {
      const group = groupOf.get(team);
      if (group === undefined) continue;
      let set = members.get(group);
      if (!set) members.set(group, (set = new Set()));
      set.add(team);
    }
    for (const [group, set] of members) {
      let entry = result.get(group);
      if (!entry) result.set(group, (entry = { integrations: 0, joint: 0, jointTimes: [], byMember: new Map() }));
      entry.integrations++;
      const joint = set.size >= 2;
      if (joint) {
        entry.joint++;
        entry.jointTimes.push(event.at);
      }
      for (const team of set) {
        let member = entry.byMember.get(team);
        if (!member) entry.byMember.set(team, (member = { all: 0, joint: 0 }));
        member.all++;
        if (joint) member.joint++;
      }
    }
  }
  for (const entry of result.values()) entry.jointTimes.sort((a, b) => a - b);
  return result;
}

// A group's evidence is read for the window and every trend period: its pair keys are made once.
const pairKeysOfMembers = new WeakMap<readonly string[], string[]>();

/** pairKey of every member pair, i < j, in that order. */
function memberPairKeys(teamKeys: readonly string[]): string[] {
  let keys = pairKeysOfMembers.get(teamKeys);
  if (!keys) {
    keys = [];
    for (let i = 0; i < teamKeys.length; i++) for (let j = i + 1; j < teamKeys.length; j++) keys.push(pairKey(teamKeys[i]!, teamKeys[j]!));
    pairKeysOfMembers.set(teamKeys, keys);
  }
  return keys;
}

/** The few numbers a trend point reads, as groupEvidence gives them, from a period's facts and its couplings (measuredCouplings). */
export interface GroupTrendNumbers {
  readonly coupling: number;
  /** null when the members completed nothing in the period, as the group's cue. */
  readonly dependencyShare: number | null;
  readonly dependencies: number;
  readonly completedItems: number;
}

export function groupTrendNumbers(teamKeys: readonly string[], measurement: PairMeasurement, couplings: ReadonlyMap<string, number>): GroupTrendNumbers {
  let dependencies = 0;
  const found: number[] = [];
  const completed = teamKeys.reduce((sum, k) => sum + (measurement.teams.get(k)?.completed ?? 0), 0);
  const keys = memberPairKeys(teamKeys);
  for (let k = 0; k < keys.length; k++) {
    const facts = measurement.pairs.get(keys[k]!);
    if (facts) dependencies += facts.aWaitsOnB + facts.bWaitsOnA;
    const coupling = couplings.get(keys[k]!);
    if (coupling !== undefined) found.push(coupling);
  }
  const pairCount = (teamKeys.length * (teamKeys.length - 1)) / 2;
  return {
    coupling: pairCount > 0 ? Math.min(1, sortedSum(found) / pairCount) : 0,
    dependencyShare: completed > 0 ? dependencies / completed : null,
    dependencies,
    completedItems: completed,
  };
}

export function groupEvidence(
  teamKeys: readonly string[],
  scored: ScoredPairs,
  integrations: GroupIntegrations | undefined,
  data: CoordinationData,
  parents: GroupParents = { total: 0, shared: 0 },
): GroupEvidence {
  const { recorded } = data;
  const outcomes = outcomeSource(teamKeys, scored.measurement.teams, recorded);
  const { measurement, scores } = scored;
  let dependencies = 0;
  let interfaced = 0;
  let blockedMs = 0;
  // Summed in sorted order so that the same numbers give the same mean whatever the teams are called.
  const couplings: number[] = [];
  const overlaps: number[] = [];
  const completed = teamKeys.reduce((sum, k) => sum + (measurement.teams.get(k)?.completed ?? 0), 0);
  const keys = memberPairKeys(teamKeys);
  for (let i = 0, k = 0; i < teamKeys.length; i++) {
    for (let j = i + 1; j < teamKeys.length; j++, k++) {
      const key = keys[k]!;
      const facts = measurement.pairs.get(key);
      if (facts) {
        dependencies += facts.aWaitsOnB + facts.bWaitsOnA;
        interfaced += facts.interfaced;
        blockedMs += facts.blockedMsAOnB + facts.blockedMsBOnA;
        // From the facts, not the scores: a pair scored out by the coupling weights still shares its objectives.
        if (outcomes !== null) overlaps.push(objectiveOverlap(facts, measurement.teams, outcomes));
      }
      const score = scores.get(key);
      if (score) couplings.push(score.coupling);
    }
  }
  const pairCount = (teamKeys.length * (teamKeys.length - 1)) / 2;
  const blockedDays = blockedMs / MS_PER_DAY;
  const integrationCount = integrations?.integrations ?? 0;
  const joint = integrations?.joint ?? 0;
  // Joint integration as each member lives it (share of its integrations that also held another
  // member's work), averaged over members that integrate: independent of how many members there are.
  const memberShares = [...(integrations?.byMember.values() ?? [])].filter((m) => m.all > 0).map((m) => m.joint / m.all);
  // No member integrates at all (0 of 0): not measured for this group, not a measured 0 % —
  // joint integration alone can make a group a Team-of-Teams, so the advice says it is provisional.
  const jointShare = memberShares.length > 0 ? sortedSum(memberShares) / memberShares.length : null;
  const integrationFrom = integrationSource(recorded);
  const cues: CueValues = {
    dependencyShare: completed > 0 ? dependencies / completed : null,
    blockedDaysPerItem: recorded.statusHistory && completed > 0 ? blockedDays / completed : null,
    sharedObjectives: outcomes !== null && pairCount > 0 ? sortedSum(overlaps) / pairCount : null,
    jointIntegration: integrationFrom !== null && teamKeys.length > 1 ? jointShare : null,
    interfaceClarity: recorded.interfaces && dependencies > 0 ? interfaced / dependencies : null,
  };
  return {
    size: teamKeys.length,
    sources: {
      dependencyShare: cues.dependencyShare === null ? null : 'dependencies',
      blockedDaysPerItem: cues.blockedDaysPerItem === null ? null : 'history',
      sharedObjectives: cues.sharedObjectives === null ? null : outcomes,
      jointIntegration: cues.jointIntegration === null ? null : integrationFrom,
      interfaceClarity: cues.interfaceClarity === null ? null : 'interfaces',
    },
    parents,
    measures: { dependencies, interfaced, completedItems: completed, blockedDays, integrations: integrationCount, jointIntegrations: joint },
    cues,
    coupling: pairCount > 0 ? Math.min(1, sortedSum(couplings) / pairCount) : 0,
    jointIntegrationTimes: integrations?.jointTimes ?? [],
  };
}
