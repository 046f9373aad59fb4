import { MS_PER_DAY } from '../domain/time';
import { inInterval, integrationSource, isActiveIn, overlapMs, type CoordinationData, type Interval, type RecordedEvidence } from './coordination-data';

import type { CouplingComponents, PairCoupling } from './report-schema';
import type { CoordinationSettings } from './settings';

// Coupling per team pair: every fact is gathered in one pass over dependencies, integrations and
// objectives, so the cost grows with the pairs that have something between them, never with teams².

/** The raw facts of one pair over one interval; `a` sorts before `b`. */
export interface PairFacts {
  readonly a: string;
  readonly b: string;
  aWaitsOnB: number;
  bWaitsOnA: number;
  interfaced: number;
  open: number;
  blockedMsAOnB: number;
  blockedMsBOnA: number;
  jointIntegrations: number;
  sharedObjectiveKeys: string[];
  /** Parents (epics) both teams have children under. */
  sharedParentKeys: string[];
}

export interface TeamFacts {
  completed: number;
  integrations: number;
  objectives: number;
  /** Parents its items alive in the window sit under. */
  parents: number;
  waitsOn: Set<string>;
  waitedOnBy: Set<string>;
  /** Dependencies other teams had on this team, and how many of them were still open at the end. */
  incoming: number;
  incomingOpen: number;
  /** Days other teams' items waited on this team's open dependencies. */
  blockedDaysCaused: number;
}

export interface PairMeasurement {
  readonly pairs: Map<string, PairFacts>;
  readonly teams: Map<string, TeamFacts>;
}

export function pairKey(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

function emptyTeam(): TeamFacts {
  return { completed: 0, integrations: 0, objectives: 0, parents: 0, waitsOn: new Set(), waitedOnBy: new Set(), incoming: 0, incomingOpen: 0, blockedDaysCaused: 0 };
}

/** Gathers the facts of every pair that has a dependency, a shared objective or a joint integration in `interval`. */
export function measurePairs(data: CoordinationData, interval: Interval): PairMeasurement {
  return measureIntervals(data, [interval])[0]!;
}

/**
 * The same for several intervals in one pass over the data (the window and its trend periods):
 * each dependency and integration is keyed once, then counted in every interval it touches.
 */
export interface MeasureOptions {
  /**
   * Keep only pairs whose two teams map to the same group here (trend periods need the pairs inside
   * groups only); teams missing from it count as one group.
   */
  readonly sameGroupIn?: ReadonlyMap<string, string>;
  /** Skip who-waits-on-whom per team (only the window's findings read it). */
  readonly skipWaiting?: boolean;
}

export function measureIntervals(data: CoordinationData, intervals: readonly Interval[], options: MeasureOptions = {}): PairMeasurement[] {
  const waiting = !options.skipWaiting;
  const teams = TeamIndexes.of(data);
  // Groups as numbers per team index, so that a pair is accepted or not without a string lookup.
  const groupOf = options.sameGroupIn;
  const groupNumbers = new Map<string | undefined, number>();
  const groupIndex =
    groupOf &&
    Int32Array.from(teams.keys, (k) => {
      const group = groupOf.get(k);
      let n = groupNumbers.get(group);
      if (n === undefined) groupNumbers.set(group, (n = groupNumbers.size));
      return n;
    });
  const accept = (x: string, y: string) => !groupIndex || groupIndex[teams.index(x)] === groupIndex[teams.index(y)];
  // Outcomes (objectives, shared parents) are not tied to an interval: the same overlap counts in each.
  // Their pairs get their slots before the per-interval columns are sized.
  const objectives = data.objectives.filter((o) => o.level !== 'portfolio');
  const sharedObjectives = [...sharedOutcomes(objectives, accept).values()].map((e) => ({ slot: teams.slot(teams.index(e.x), teams.index(e.y)), keys: e.keys }));
  const sharedParents = [...sharedOutcomes(data.parents, accept).values()].map((e) => ({ slot: teams.slot(teams.index(e.x), teams.index(e.y)), keys: e.keys }));
  const objectiveCounts = outcomesByTeam(objectives);
  const parentCounts = outcomesByTeam(data.parents);

  // Per interval: team facts by team index, and pair facts in columns by the pair's slot (no object,
  // string or map lookup per dependency); objects are made once per pair at the end, in the order
  // the pairs were first met (as a Map filled on the way would hold them).
  const slots = teams.slotCount;
  const results = intervals.map(() => ({
    teams: teams.keys.map((_, i) => (i < teams.workspaceTeams ? emptyTeam() : null)) as (TeamFacts | null)[],
    // Keys that are not teams of the workspace get their facts in the order they are first met, as a Map would.
    others: [] as number[],
    pairs: new PairColumns(slots),
  }));
  const team = (i: number, index: number): TeamFacts => {
    const result = results[i]!;
    let facts = result.teams[index];
    if (!facts) {
      result.teams[index] = facts = emptyTeam();
      result.others.push(index);
    }
    return facts;
  };

  for (const c of data.completions) {
    for (let i = 0; i < intervals.length; i++) if (inInterval(c.at, intervals[i]!)) team(i, teams.index(c.teamKey)).completed += c.count;
  }

  const count = intervals.length;
  for (let k = 0; k < data.dependencies.length; k++) {
    const from = teams.dependencyFrom[k]!;
    const to = teams.dependencyTo[k]!;
    if (from === to || (groupIndex && groupIndex[from] !== groupIndex[to])) continue;
    const d = data.dependencies[k]!;
    const slot = teams.dependencySlot[k]!;
    const fromIsA = teams.pairA[slot] === from;
    for (let i = 0; i < count; i++) {
      const interval = intervals[i]!;
      if (!isActiveIn(d, interval)) continue;
      const p = results[i]!.pairs;
      p.touch(slot);
      const blockedMs = d.waits.length === 0 ? 0 : overlapMs(d.waits, interval);
      if (fromIsA) {
        p.aWaitsOnB[slot]++;
        p.blockedMsAOnB[slot] += blockedMs;
      } else {
        p.bWaitsOnA[slot]++;
        p.blockedMsBOnA[slot] += blockedMs;
      }
      const open = d.resolvedAt === null || d.resolvedAt > interval.to;
      if (d.interfaced) p.interfaced[slot]++;
      if (open) p.open[slot]++;
      if (!waiting) continue;
      const waiter = team(i, from);
      const provider = team(i, to);
      // Who waits on whom: added once per direction of a pair (a set keeps its first insertion anyway).
      if (p.firstWait(slot, fromIsA)) {
        waiter.waitsOn.add(d.toTeamKey);
        provider.waitedOnBy.add(d.fromTeamKey);
      }
      provider.incoming++;
      if (open) provider.incomingOpen++;
      provider.blockedDaysCaused += blockedMs / MS_PER_DAY;
    }
  }

  for (let e = 0; e < data.integrations.length; e++) {
    const event = data.integrations[e]!;
    const members = teams.integrationMembers[e]!;
    const memberSlots = teams.integrationSlots[e]!;
    for (let i = 0; i < count; i++) {
      if (!inInterval(event.at, intervals[i]!)) continue;
      for (const m of members) team(i, m).integrations++;
      const p = results[i]!.pairs;
      for (let x = 0, s = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++, s++) {
          if (groupIndex && groupIndex[members[x]!] !== groupIndex[members[y]!]) continue;
          p.touch(memberSlots[s]!);
          p.jointIntegrations[memberSlots[s]!]++;
        }
      }
    }
  }

  for (let i = 0; i < count; i++) {
    for (const [key, count] of objectiveCounts) team(i, teams.index(key)).objectives = count;
    for (const [key, count] of parentCounts) team(i, teams.index(key)).parents = count;
    const p = results[i]!.pairs;
    for (const { slot, keys } of sharedObjectives) {
      p.touch(slot);
      p.objectiveKeys[slot] = keys;
    }
    for (const { slot, keys } of sharedParents) {
      p.touch(slot);
      p.parentKeys[slot] = keys;
    }
  }

  return results.map((result) => {
    const teamFacts = new Map<string, TeamFacts>();
    for (let t = 0; t < teams.workspaceTeams; t++) teamFacts.set(teams.keys[t]!, result.teams[t]!);
    for (const t of result.others) teamFacts.set(teams.keys[t]!, result.teams[t]!);
    const p = result.pairs;
    const pairs = new Map<string, PairFacts>();
    for (let n = 0; n < p.touchedCount; n++) {
      const slot = p.touched[n]!;
      pairs.set(teams.pairKeyOf(slot), {
        a: teams.keys[teams.pairA[slot]!]!,
        b: teams.keys[teams.pairB[slot]!]!,
        aWaitsOnB: p.aWaitsOnB[slot]!,
        bWaitsOnA: p.bWaitsOnA[slot]!,
        interfaced: p.interfaced[slot]!,
        open: p.open[slot]!,
        blockedMsAOnB: p.blockedMsAOnB[slot]!,
        blockedMsBOnA: p.blockedMsBOnA[slot]!,
        jointIntegrations: p.jointIntegrations[slot]!,
        sharedObjectiveKeys: p.objectiveKeys[slot] ?? [],
        sharedParentKeys: p.parentKeys[slot] ?? [],
      });
    }
    return { pairs, teams: teamFacts };
  });
}

/** One interval's pair facts as columns indexed by pair slot, and the slots in the order first touched. */
class PairColumns {
  readonly aWaitsOnB: Int32Array;
  readonly bWaitsOnA: Int32Array;
  readonly interfaced: Int32Array;
  readonly open: Int32Array;
  readonly jointIntegrations: Int32Array;
  readonly blockedMsAOnB: Float64Array;
  readonly blockedMsBOnA: Float64Array;
  readonly objectiveKeys: (string[] | undefined)[];
  readonly parentKeys: (string[] | undefined)[];
  readonly touched: Int32Array;
  touchedCount = 0;
  readonly #seen: Uint8Array;

  constructor(slots: number) {
    this.aWaitsOnB = new Int32Array(slots);
    this.bWaitsOnA = new Int32Array(slots);
    this.interfaced = new Int32Array(slots);
    this.open = new Int32Array(slots);
    this.jointIntegrations = new Int32Array(slots);
    this.blockedMsAOnB = new Float64Array(slots);
    this.blockedMsBOnA = new Float64Array(slots);
    this.objectiveKeys = new Array<string[] | undefined>(slots);
    this.parentKeys = new Array<string[] | undefined>(slots);
    this.touched = new Int32Array(slots);
    this.#seen = new Uint8Array(slots);
  }

  /** True the first time it is asked for this slot and direction. */
  firstWait(slot: number, aWaitsOnB: boolean): boolean {
    const bit = aWaitsOnB ? 2 : 4;
    if ((this.#seen[slot]! & bit) !== 0) return false;
    this.#seen[slot]! |= bit;
    return true;
  }

  touch(slot: number): void {
    if ((this.#seen[slot]! & 1) === 0) {
      this.#seen[slot]! |= 1;
      this.touched[this.touchedCount++] = slot;
    }
  }
}

/** Whether every team key the facts name is one of the workspace's teams (`data.teams`). */
export function namesOnlyWorkspaceTeams(data: CoordinationData): boolean {
  const teams = TeamIndexes.of(data);
  return teams.keys.length === teams.workspaceTeams;
}

/** Up to this many team keys, pair slots are found in a table of keys² entries (4 MB at most) rather than a map. */
const DENSE_TEAMS = 1024;

/**
 * Every team key the data names, as a small integer: the workspace's teams first (in their order),
 * then any other key facts name. `rank` orders them as their keys sort, which decides a pair's `a`.
 * Each pair of teams the facts link gets a slot, its two teams (`pairA` sorting first) and its
 * pairKey made once. Made once per data: the window and its trend periods are measured on the same data.
 */
class TeamIndexes {
  static #made = new WeakMap<CoordinationData, TeamIndexes>();

  static of(data: CoordinationData): TeamIndexes {
    let indexes = TeamIndexes.#made.get(data);
    if (!indexes) TeamIndexes.#made.set(data, (indexes = new TeamIndexes(data)));
    return indexes;
  }

  readonly keys: string[] = [];
  readonly workspaceTeams: number;
  readonly rank: Int32Array;
  /** The teams of data.dependencies[k], and their pair's slot (−1 when both are the same team). */
  readonly dependencyFrom: Int32Array;
  readonly dependencyTo: Int32Array;
  readonly dependencySlot: Int32Array;
  /** The distinct teams of data.integrations[e], in key order, and the slots of their pairs (x < y, in that order). */
  readonly integrationMembers: readonly number[][];
  readonly integrationSlots: readonly Int32Array[];
  /** Per slot: its teams, pairA's key sorting first. */
  readonly pairA: number[] = [];
  readonly pairB: number[] = [];
  readonly #pairKeys: (string | undefined)[] = [];
  readonly #index = new Map<string, number>();
  /** Slot + 1 per pair id (0: none yet) while teams are few enough for a dense table, else a map. */
  #dense: Int32Array | null = null;
  readonly #slots = new Map<number, number>();

  private constructor(data: CoordinationData) {
    for (const t of data.teams) this.#add(t.key);
    this.workspaceTeams = this.keys.length;
    this.dependencyFrom = new Int32Array(data.dependencies.length);
    this.dependencyTo = new Int32Array(data.dependencies.length);
    data.dependencies.forEach((d, k) => {
      this.dependencyFrom[k] = this.#add(d.fromTeamKey);
      this.dependencyTo[k] = this.#add(d.toTeamKey);
    });
    for (const c of data.completions) this.#add(c.teamKey);
    const integrationMembers = data.integrations.map((event) => {
      const members: number[] = [];
      for (const key of event.teamKeys) {
        const index = this.#add(key);
        if (!members.includes(index)) members.push(index);
      }
      return members;
    });
    for (const facts of [data.objectives, data.parents]) for (const f of facts) for (const k of f.teamKeys) this.#add(k);
    const order = this.keys.map((_, i) => i).sort((x, y) => (this.keys[x]! < this.keys[y]! ? -1 : this.keys[x]! > this.keys[y]! ? 1 : 0));
    this.rank = new Int32Array(this.keys.length);
    order.forEach((index, position) => (this.rank[index] = position));
    for (const members of integrationMembers) members.sort((x, y) => this.rank[x]! - this.rank[y]!);
    this.integrationMembers = integrationMembers;
    // Slots only once every key has its index (the pair id multiplies by their number).
    if (this.keys.length <= DENSE_TEAMS) this.#dense = new Int32Array(this.keys.length * this.keys.length);
    this.dependencySlot = new Int32Array(data.dependencies.length);
    for (let k = 0; k < data.dependencies.length; k++) {
      const from = this.dependencyFrom[k]!;
      const to = this.dependencyTo[k]!;
      this.dependencySlot[k] = from === to ? -1 : this.slot(from, to);
    }
    this.integrationSlots = integrationMembers.map((members) => {
      const slots = new Int32Array((members.length * (members.length - 1)) / 2);
      for (let x = 0, s = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++, s++) slots[s] = this.slot(members[x]!, members[y]!);
      return slots;
    });
  }

  #add(key: string): number {
    let index = this.#index.get(key);
    if (index === undefined) {
      this.#index.set(key, (index = this.keys.length));
      this.keys.push(key);
    }
    return index;
  }

  index(key: string): number {
    return this.#index.get(key)!;
  }

  get slotCount(): number {
    return this.pairA.length;
  }

  /** The slot of the pair of two different teams, given one when it has none yet. */
  slot(x: number, y: number): number {
    const id = x < y ? x * this.keys.length + y : y * this.keys.length + x;
    const dense = this.#dense;
    let slot = dense ? dense[id]! - 1 : (this.#slots.get(id) ?? -1);
    if (slot < 0) {
      slot = this.pairA.length;
      if (dense) dense[id] = slot + 1;
      else this.#slots.set(id, slot);
      const xFirst = this.rank[x]! < this.rank[y]!;
      this.pairA.push(xFirst ? x : y);
      this.pairB.push(xFirst ? y : x);
    }
    return slot;
  }

  pairKeyOf(slot: number): string {
    return (this.#pairKeys[slot] ??= pairKey(this.keys[this.pairA[slot]!]!, this.keys[this.pairB[slot]!]!));
  }
}

interface Outcome {
  readonly key: string;
  readonly teamKeys: readonly string[];
}

/** How many outcomes each team has. */
function outcomesByTeam(outcomes: readonly Outcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of outcomes) for (const team of new Set(o.teamKeys)) counts.set(team, (counts.get(team) ?? 0) + 1);
  return counts;
}

/** Per pair of teams, the outcomes they share (sorted keys). */
function sharedOutcomes(outcomes: readonly Outcome[], accept: (x: string, y: string) => boolean): Map<string, { x: string; y: string; keys: string[] }> {
  const shared = new Map<string, { x: string; y: string; keys: string[] }>();
  for (const outcome of outcomes) {
    if (outcome.teamKeys.length < 2) continue;
    const members = [...new Set(outcome.teamKeys)].sort();
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        if (!accept(members[x]!, members[y]!)) continue;
        const key = pairKey(members[x]!, members[y]!);
        let entry = shared.get(key);
        if (!entry) shared.set(key, (entry = { x: members[x]!, y: members[y]!, keys: [] }));
        entry.keys.push(outcome.key);
      }
    }
  }
  for (const entry of shared.values()) entry.keys.sort();
  return shared;
}

/**
 * Where the shared-outcome cue of some teams comes from: their objectives when any of them has one;
 * otherwise the parents (epics) their items sit under, when the workspace records parents; otherwise
 * objectives if the workspace has any (these teams then share none); null without either.
 */
export function outcomeSource(teamKeys: readonly string[], teams: ReadonlyMap<string, TeamFacts>, recorded: RecordedEvidence): 'objectives' | 'parents' | null {
  if (recorded.objectives && teamKeys.some((k) => (teams.get(k)?.objectives ?? 0) > 0)) return 'objectives';
  if (recorded.parents && teamKeys.some((k) => (teams.get(k)?.parents ?? 0) > 0)) return 'parents';
  if (recorded.objectives) return 'objectives';
  return recorded.parents ? 'parents' : null;
}

function saturate(value: number, saturation: number): number {
  return Math.min(1, value / saturation);
}

/** Weighted mean of the components the data has; the weights are rescaled over those. */
export function weightedCoupling(components: CouplingComponents, weights: CoordinationSettings['weights']): number {
  let sum = 0;
  let weight = 0;
  for (const key of Object.keys(components) as (keyof CouplingComponents)[]) {
    const value = components[key];
    if (value === null) continue;
    sum += weights[key] * value;
    weight += weights[key];
  }
  return weight === 0 ? 0 : Math.min(1, Math.max(0, sum / weight));
}

/** Shared outcomes of a pair over the outcomes either team has (Jaccard), from objectives or parents; 0 when neither has any. */
export function objectiveOverlap(facts: PairFacts, teams: ReadonlyMap<string, TeamFacts>, source: 'objectives' | 'parents' = 'objectives'): number {
  const shared = (source === 'objectives' ? facts.sharedObjectiveKeys : facts.sharedParentKeys).length;
  const count = (k: string) => teams.get(k)?.[source] ?? 0;
  const union = count(facts.a) + count(facts.b) - shared;
  return union > 0 ? shared / union : 0;
}

/** The numbers a pair's score is made of, with its two teams' facts looked up once. */
function pairNumbers(facts: PairFacts, teams: ReadonlyMap<string, TeamFacts>, recorded: RecordedEvidence, settings: CoordinationSettings) {
  const a = teams.get(facts.a);
  const b = teams.get(facts.b);
  const completed = (a?.completed ?? 0) + (b?.completed ?? 0);
  const total = facts.aWaitsOnB + facts.bWaitsOnA;
  const per = Math.max(1, completed);
  const dependencyShare = total / per;
  const blockedAOnB = facts.blockedMsAOnB / MS_PER_DAY;
  const blockedBOnA = facts.blockedMsBOnA / MS_PER_DAY;
  const blockedDaysPerItem = (blockedAOnB + blockedBOnA) / per;
  const outcomes = outcomeSource([facts.a, facts.b], teams, recorded);
  const sharedObjectives = outcomes === null ? null : objectiveOverlap(facts, teams, outcomes);
  const fewerIntegrations = Math.min(a?.integrations ?? 0, b?.integrations ?? 0);
  // A team with no integration of its own cannot share one: 0 of 0 is not measured, not 0 (the group rule).
  const jointIntegration = integrationSource(recorded) !== null && fewerIntegrations > 0 ? Math.min(1, facts.jointIntegrations / fewerIntegrations) : null;
  const { saturation } = settings;
  const components: CouplingComponents = {
    dependencies: saturate(dependencyShare, saturation.dependencyShare),
    blocked: recorded.statusHistory ? saturate(blockedDaysPerItem, saturation.blockedDaysPerItem) : null,
    undeclared: recorded.interfaces ? saturate((total - facts.interfaced) / per, saturation.dependencyShare) : null,
    objectives: sharedObjectives,
    integration: jointIntegration,
  };
  return { completed, total, dependencyShare, blockedAOnB, blockedBOnA, blockedDaysPerItem, sharedObjectives, jointIntegration, components };
}

/** Scores one pair from its facts. */
export function scorePair(facts: PairFacts, teams: Map<string, TeamFacts>, recorded: RecordedEvidence, settings: CoordinationSettings): PairCoupling {
  const { completed, total, dependencyShare, blockedAOnB, blockedBOnA, blockedDaysPerItem, sharedObjectives, jointIntegration, components } = pairNumbers(facts, teams, recorded, settings);
  return {
    teamKeys: [facts.a, facts.b],
    dependencies: { aWaitsOnB: facts.aWaitsOnB, bWaitsOnA: facts.bWaitsOnA, total, interfaced: facts.interfaced, open: facts.open },
    completedItems: completed,
    dependencyShare,
    blockedDays: { aOnB: blockedAOnB, bOnA: blockedBOnA, total: blockedAOnB + blockedBOnA },
    blockedDaysPerItem,
    interfaceClarity: recorded.interfaces && total > 0 ? facts.interfaced / total : null,
    sharedObjectives,
    sharedObjectiveKeys: facts.sharedObjectiveKeys,
    jointIntegration,
    jointIntegrations: facts.jointIntegrations,
    components,
    coupling: weightedCoupling(components, settings.weights),
  };
}

/**
 * A pair's coupling alone, for readers that need no more (the trend periods: every pair inside a
 * group, in every period). The same arithmetic as `scorePair(…).coupling` — pairNumbers' components
 * summed in their order, as weightedCoupling sums them — without the objects made per pair there:
 * at 500 teams they were a fifth of what a first advice allocated, and so of its garbage collection.
 */
export function pairCoupling(facts: PairFacts, teams: ReadonlyMap<string, TeamFacts>, recorded: RecordedEvidence, settings: CoordinationSettings): number {
  const a = teams.get(facts.a);
  const b = teams.get(facts.b);
  const total = facts.aWaitsOnB + facts.bWaitsOnA;
  const per = Math.max(1, (a?.completed ?? 0) + (b?.completed ?? 0));
  const { saturation, weights } = settings;
  let sum = weights.dependencies * saturate(total / per, saturation.dependencyShare);
  let weight = weights.dependencies;
  if (recorded.statusHistory) {
    sum += weights.blocked * saturate((facts.blockedMsAOnB / MS_PER_DAY + facts.blockedMsBOnA / MS_PER_DAY) / per, saturation.blockedDaysPerItem);
    weight += weights.blocked;
  }
  if (recorded.interfaces) {
    sum += weights.undeclared * saturate((total - facts.interfaced) / per, saturation.dependencyShare);
    weight += weights.undeclared;
  }
  // outcomeSource and objectiveOverlap for two teams.
  const outcomes =
    recorded.objectives && ((a?.objectives ?? 0) > 0 || (b?.objectives ?? 0) > 0)
      ? 'objectives'
      : recorded.parents && ((a?.parents ?? 0) > 0 || (b?.parents ?? 0) > 0)
        ? 'parents'
        : recorded.objectives
          ? 'objectives'
          : recorded.parents
            ? 'parents'
            : null;
  if (outcomes !== null) {
    const shared = (outcomes === 'objectives' ? facts.sharedObjectiveKeys : facts.sharedParentKeys).length;
    const union = (a?.[outcomes] ?? 0) + (b?.[outcomes] ?? 0) - shared;
    sum += weights.objectives * (union > 0 ? shared / union : 0);
    weight += weights.objectives;
  }
  const fewerIntegrations = Math.min(a?.integrations ?? 0, b?.integrations ?? 0);
  if (integrationSource(recorded) !== null && fewerIntegrations > 0) {
    sum += weights.integration * Math.min(1, facts.jointIntegrations / fewerIntegrations);
    weight += weights.integration;
  }
  return weight === 0 ? 0 : Math.min(1, Math.max(0, sum / weight));
}

export interface ScoredPairs {
  readonly measurement: PairMeasurement;
  /** Every pair with a coupling above 0, keyed by pairKey. */
  readonly scores: Map<string, PairCoupling>;
}

/** Per pairKey, the coupling of every pair above 0 (the `scores` of scoreMeasurement, coupling alone). */
export function measuredCouplings(measurement: PairMeasurement, recorded: RecordedEvidence, settings: CoordinationSettings): Map<string, number> {
  const couplings = new Map<string, number>();
  for (const [key, facts] of measurement.pairs) {
    const coupling = pairCoupling(facts, measurement.teams, recorded, settings);
    if (coupling > 0) couplings.set(key, coupling);
  }
  return couplings;
}

export function scorePairs(data: CoordinationData, interval: Interval, settings: CoordinationSettings): ScoredPairs {
  return scoreMeasurement(measurePairs(data, interval), data.recorded, settings);
}

/** Scores the pairs of a measurement; `only` keeps the work to the pairs a caller will read (trends: pairs inside groups). */
export function scoreMeasurement(
  measurement: PairMeasurement,
  recorded: RecordedEvidence,
  settings: CoordinationSettings,
  only?: (facts: PairFacts) => boolean,
): ScoredPairs {
  const scores = new Map<string, PairCoupling>();
  for (const [key, facts] of measurement.pairs) {
    if (only && !only(facts)) continue;
    const scored = scorePair(facts, measurement.teams, recorded, settings);
    if (scored.coupling > 0) scores.set(key, scored);
  }
  return { measurement, scores };
}
