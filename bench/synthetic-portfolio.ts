import { SeededRandom } from '../electron/backend/demo/seeded-random';

// The benchmark's synthetic portfolios: deterministic (same size and seed, same bytes), held in
// typed arrays so that the largest size (3,000,000 status changes) costs tens of megabytes, and
// written out by bench/portfolio-files.ts as Interlock CSV templates and Jira REST JSON.
//
// Shape: one team per 200 items in clusters of 8 teams, every 100th team a platform team many wait
// on; every item has exactly TRANSITIONS_PER_ITEM status changes (its creation into To Do, then a
// walk through a workflow with review, test and blocked loops, ending in Done or Won't Do when the
// work finished before the data ends); one cross-team dependency per two items, item to item; 60
// deployments per team, weekly release trains in a third of the clusters; one objective per cluster.

export const SIZES = {
  S: { items: 10_000 },
  M: { items: 100_000 },
  L: { items: 300_000 },
} as const;
export type SizeName = keyof typeof SIZES;

export const TRANSITIONS_PER_ITEM = 10;
export const ITEMS_PER_TEAM = 200;
export const TEAMS_PER_CLUSTER = 8;
export const DEPLOYMENTS_PER_TEAM = 60;
export const DAY_MS = 86_400_000;
/** The data end (exclusive): the demo's, so dates read alike. */
export const END_MS = Date.UTC(2026, 10, 16);
export const SPAN_DAYS = 365;

/** The workflow, with the category each status has in Jira (its status category) and in Interlock. */
export const STATUSES = [
  { name: 'To Do', jira: 'To Do', category: 'todo' },
  { name: 'In Progress', jira: 'In Progress', category: 'active' },
  { name: 'In Review', jira: 'In Progress', category: 'active' },
  { name: 'Blocked', jira: 'In Progress', category: 'waiting' },
  { name: 'Ready for Test', jira: 'In Progress', category: 'waiting' },
  { name: 'Testing', jira: 'In Progress', category: 'active' },
  { name: 'Done', jira: 'Done', category: 'done' },
  { name: "Won't Do", jira: 'Done', category: 'cancelled' },
] as const;
const TODO = 0;
const IN_PROGRESS = 1;
const DONE = 6;
const WONT_DO = 7;

/** Where a status may go next in the middle of a walk (never to itself, never to Done). */
const NEXT: readonly (readonly [number, number][])[] = [
  /* To Do */ [[IN_PROGRESS, 1]],
  /* In Progress */ [[2, 0.5], [3, 0.2], [4, 0.3]],
  /* In Review */ [[1, 0.4], [4, 0.6]],
  /* Blocked */ [[1, 0.7], [2, 0.3]],
  /* Ready for Test */ [[5, 0.85], [3, 0.15]],
  /* Testing */ [[1, 0.45], [3, 0.2], [2, 0.35]],
];
/** Mean days spent in each status before the next change. */
const MEAN_DAYS = [6, 1.6, 0.7, 1.8, 1.2, 0.9];

/** Jira issue type names, with their weights. */
export const ITEM_TYPE_WEIGHTS = { Story: 70, Bug: 15, Task: 8, 'Technical Debt': 4, Risk: 2, Epic: 1 } as const;
export type JiraTypeName = keyof typeof ITEM_TYPE_WEIGHTS;
export const JIRA_TYPES = Object.keys(ITEM_TYPE_WEIGHTS) as JiraTypeName[];
/** The Interlock template's type for each Jira type name (as the Jira importer maps them). */
export const INTERLOCK_TYPE: Record<JiraTypeName, string> = { Story: 'story', Bug: 'defect', Task: 'task', 'Technical Debt': 'debt', Risk: 'risk', Epic: 'epic' };

export interface SyntheticPortfolio {
  readonly size: SizeName | 'custom';
  readonly seed: number;
  readonly teams: number;
  readonly items: number;
  /** Per item: its team index, type (index into JIRA_TYPES) and creation. */
  readonly itemTeam: Int32Array;
  readonly itemType: Uint8Array;
  /** Per item, TRANSITIONS_PER_ITEM slots from item × TRANSITIONS_PER_ITEM: status index and time. */
  readonly status: Uint8Array;
  readonly at: Float64Array;
  /** Per dependency: the waiting item and the item it waits on (different teams; no pair twice). */
  readonly dependencyFrom: Int32Array;
  readonly dependencyTo: Int32Array;
  /** Per dependency: whether it goes through a declared interface (the CSV carries it; Jira cannot). */
  readonly dependencyInterface: Uint8Array;
  readonly deployments: readonly SyntheticDeployment[];
  /** Per objective (one per cluster): the teams that declared it. */
  readonly objectiveTeams: readonly (readonly number[])[];
}

export interface SyntheticDeployment {
  readonly team: number;
  readonly at: number;
  readonly succeeded: boolean;
  readonly release: string | null;
}

export function teamCountFor(items: number): number {
  return Math.max(2, Math.ceil(items / ITEMS_PER_TEAM));
}

export function dependencyCountFor(items: number): number {
  return Math.floor(items / 2);
}

/** Team keys and item keys as a Jira site would have them: project T042, issues T042-1, T042-2… */
export function teamKey(team: number): string {
  return `t${String(team).padStart(3, '0')}`;
}
export function projectKey(team: number): string {
  return `T${String(team).padStart(3, '0')}`;
}
export function itemKey(portfolio: Pick<SyntheticPortfolio, 'teams'>, item: number): string {
  return `${projectKey(item % portfolio.teams)}-${Math.floor(item / portfolio.teams) + 1}`;
}
export function clusterOf(team: number): number {
  return Math.floor(team / TEAMS_PER_CLUSTER);
}
export function isPlatform(team: number): boolean {
  return team % 100 === 99;
}

/** The item's final status index (the last of its TRANSITIONS_PER_ITEM). */
export function finalStatus(p: SyntheticPortfolio, item: number): number {
  return p.status[item * TRANSITIONS_PER_ITEM + TRANSITIONS_PER_ITEM - 1]!;
}
export function isFinished(p: SyntheticPortfolio, item: number): boolean {
  const s = finalStatus(p, item);
  return s === DONE || s === WONT_DO;
}
export function createdAt(p: SyntheticPortfolio, item: number): number {
  return p.at[item * TRANSITIONS_PER_ITEM]!;
}
/** The time of the item's final change when it finished (done or cancelled), else null. */
export function finishedAt(p: SyntheticPortfolio, item: number): number | null {
  return isFinished(p, item) ? p.at[item * TRANSITIONS_PER_ITEM + TRANSITIONS_PER_ITEM - 1]! : null;
}
/** When a dependency was raised: when the later of its two items was created (as the Jira importer dates links). */
export function dependencyCreatedAt(p: SyntheticPortfolio, d: number): number {
  return Math.max(createdAt(p, p.dependencyFrom[d]!), createdAt(p, p.dependencyTo[d]!));
}
/** When a dependency was resolved: when the item waited on finished (as the Jira importer resolves links). */
export function dependencyResolvedAt(p: SyntheticPortfolio, d: number): number | null {
  return finishedAt(p, p.dependencyTo[d]!);
}

function pickWeighted(rnd: SeededRandom, options: readonly (readonly [number, number])[]): number {
  let r = rnd.next();
  for (const [value, weight] of options) {
    r -= weight;
    if (r < 0) return value;
  }
  return options[options.length - 1]![0];
}

/** Walks one item's history into its slots; times are whole seconds, strictly increasing. */
function walkItem(rnd: SeededRandom, status: Uint8Array, at: Float64Array, base: number): void {
  const created = END_MS - SPAN_DAYS * DAY_MS + Math.floor(rnd.next() * (SPAN_DAYS - 2) * DAY_MS);
  status[base] = TODO;
  const gaps = new Float64Array(TRANSITIONS_PER_ITEM);
  let total = 0;
  let current = TODO;
  for (let k = 1; k < TRANSITIONS_PER_ITEM; k++) {
    gaps[k] = Math.max(0.01, rnd.exponential(MEAN_DAYS[current]!)) * DAY_MS;
    total += gaps[k]!;
    current = k === TRANSITIONS_PER_ITEM - 1 ? (rnd.chance(0.04) ? WONT_DO : DONE) : pickWeighted(rnd, NEXT[current]!);
    status[base + k] = current;
  }
  // Work that would finish after the data ends is still open: its last change is one more step of
  // the walk instead of Done, and its history is squeezed into the time it has had so far.
  let scale = 1;
  if (created + total >= END_MS) {
    status[base + TRANSITIONS_PER_ITEM - 1] = pickWeighted(rnd, NEXT[status[base + TRANSITIONS_PER_ITEM - 2]!]!);
    scale = ((END_MS - created) * (0.3 + 0.65 * rnd.next())) / total;
  }
  let t = created;
  at[base] = Math.floor(t / 1000) * 1000;
  for (let k = 1; k < TRANSITIONS_PER_ITEM; k++) {
    t += gaps[k]! * scale;
    at[base + k] = Math.max(at[base + k - 1]! + 1000, Math.floor(t / 1000) * 1000);
  }
}

/** A deterministic synthetic portfolio of `items` items (teams, dependencies and the rest scale with it). */
export function generatePortfolio(items: number, seed = 6, size: SizeName | 'custom' = 'custom'): SyntheticPortfolio {
  if (!Number.isInteger(items) || items < 2) throw new RangeError(`a synthetic portfolio needs at least 2 items, got ${items}`);
  const rnd = new SeededRandom(seed);
  const teams = teamCountFor(items);
  const itemTeam = new Int32Array(items);
  const itemType = new Uint8Array(items);
  const status = new Uint8Array(items * TRANSITIONS_PER_ITEM);
  const at = new Float64Array(items * TRANSITIONS_PER_ITEM);
  const typeWeights = JIRA_TYPES.map((t, i) => [i, ITEM_TYPE_WEIGHTS[t] / 100] as const);
  for (let i = 0; i < items; i++) {
    itemTeam[i] = i % teams;
    itemType[i] = pickWeighted(rnd, typeWeights);
    walkItem(rnd, status, at, i * TRANSITIONS_PER_ITEM);
  }

  // Dependencies: 70 % inside the waiting team's cluster, 20 % on a platform team, 10 % anywhere.
  const dependencies = dependencyCountFor(items);
  const dependencyFrom = new Int32Array(dependencies);
  const dependencyTo = new Int32Array(dependencies);
  const dependencyInterface = new Uint8Array(dependencies);
  const platforms = Array.from({ length: teams }, (_, t) => t).filter(isPlatform);
  if (platforms.length === 0) platforms.push(teams - 1);
  const perTeam = (team: number) => Math.floor((items - 1 - team) / teams) + 1;
  const seen = new Set<number>();
  for (let d = 0; d < dependencies; d++) {
    for (;;) {
      const from = rnd.int(0, teams - 1);
      const r = rnd.next();
      const clusterStart = clusterOf(from) * TEAMS_PER_CLUSTER;
      let to = r < 0.7 ? clusterStart + rnd.int(0, TEAMS_PER_CLUSTER - 1) : r < 0.9 ? rnd.pick(platforms) : rnd.int(0, teams - 1);
      if (to >= teams || to === from) to = (from + 1) % teams;
      const fromItem = from + teams * rnd.int(0, perTeam(from) - 1);
      const toItem = to + teams * rnd.int(0, perTeam(to) - 1);
      const pair = fromItem * items + toItem;
      if (seen.has(pair)) continue;
      seen.add(pair);
      dependencyFrom[d] = fromItem;
      dependencyTo[d] = toItem;
      dependencyInterface[d] = rnd.chance(0.4) ? 1 : 0;
      break;
    }
  }

  const deployments: SyntheticDeployment[] = [];
  for (let t = 0; t < teams; t++) {
    for (let k = 0; k < DEPLOYMENTS_PER_TEAM; k++) {
      const when = END_MS - SPAN_DAYS * DAY_MS + Math.floor(rnd.next() * SPAN_DAYS * DAY_MS / 1000) * 1000;
      const train = clusterOf(t) % 3 === 0;
      deployments.push({ team: t, at: when, succeeded: !rnd.chance(0.08), release: train ? `C${clusterOf(t)}-W${Math.floor(when / (7 * DAY_MS))}` : null });
    }
  }
  deployments.sort((a, b) => a.at - b.at || a.team - b.team);

  const clusters = Math.ceil(teams / TEAMS_PER_CLUSTER);
  const objectiveTeams = Array.from({ length: clusters }, (_, c) => {
    const members: number[] = [];
    for (let t = c * TEAMS_PER_CLUSTER; t < Math.min(teams, (c + 1) * TEAMS_PER_CLUSTER); t++) if (rnd.chance(0.6)) members.push(t);
    return members;
  });
  return { size, seed, teams, items, itemTeam, itemType, status, at, dependencyFrom, dependencyTo, dependencyInterface, deployments, objectiveTeams };
}

export function generateSize(size: SizeName, seed = 6): SyntheticPortfolio {
  return generatePortfolio(SIZES[size].items, seed, size);
}
