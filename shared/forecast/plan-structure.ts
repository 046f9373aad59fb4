import { MS_PER_DAY } from '../domain/time';
import { utcDayStart } from '../metrics/utc-calendar';
import type { PlanSimulationGroup, PlanSimulationInput } from './plan-simulation';

// The plan turned into arrays of indexes once, checked, so that each of the many trials only reads
// typed arrays.

export const NOT_FINISHED = 0x7fffffff;
export const DONE_BEFORE = -1;

export type IgnoredReason = 'unknown-item' | 'self' | 'cycle';

export interface PlanGroupStructure {
  readonly key: string;
  readonly members: Int32Array;
  /** Where each member's incoming dependencies start in the group's blame counts. */
  readonly blameBase: Int32Array;
  readonly blameSize: number;
  readonly due: number;
  readonly dueDay: number;
  readonly missing: string[];
}

export interface PlanStructure {
  readonly n: number;
  readonly teams: number;
  readonly samples: Int32Array[];
  readonly teamOf: Int32Array;
  /** Each team's items in plan order. */
  readonly queues: Int32Array[];
  readonly size: Float64Array;
  readonly done: Uint8Array;
  /**
   * Due as a day index from the start, never below −1: work done before the start (DONE_BEFORE)
   * is in time whatever its due, and open work due before the start never is.
   */
  readonly dueDay: Int32Array;
  readonly depKeys: string[];
  readonly depProvider: Int32Array;
  readonly depConsumer: Int32Array;
  readonly depNeedDay: Int32Array;
  /** The need day, never below 0: a provider done before the start is on time, an open one needed before it never is. */
  readonly depNeedDayAtLeast0: Int32Array;
  /** A dependency's place among its consumer's incoming dependencies. */
  readonly depSlot: Int32Array;
  /** Dependencies by provider: consumersStart[p] … consumersStart[p + 1] index consumersDep. */
  readonly consumersStart: Int32Array;
  readonly consumersDep: Int32Array;
  /** Dependencies by consumer, the same way. */
  readonly providersStart: Int32Array;
  readonly providersDep: Int32Array;
  /** DONE_BEFORE for done items, NOT_FINISHED for the rest: each run's first state. */
  readonly initialFinish: Int32Array;
  /** Providers not done yet, per consumer. */
  readonly initialPending: Int32Array;
  /** Can never finish (its team never delivers; with dependencies, also a provider that cannot finish). */
  readonly impossible: Uint8Array;
  readonly impossibleIgnoringDeps: Uint8Array;
  /** 1 for a team without one non-zero sample: it never finishes anything. */
  readonly idleTeam: Uint8Array;
  readonly groups: PlanGroupStructure[];
  readonly ignored: { key: string; reason: IgnoredReason }[];
}

export function dayIndex(ms: number, start: number): number {
  return Math.round((utcDayStart(ms) - start) / MS_PER_DAY);
}

/** Compressed rows: for each of `rows`, the indexes k whose rowOf(k) is that row, in k order. */
function byRow(rows: number, count: number, rowOf: (k: number) => number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(rows + 1);
  for (let k = 0; k < count; k++) start[rowOf(k) + 1]!++;
  for (let r = 0; r < rows; r++) start[r + 1]! += start[r]!;
  const cursor = start.slice(0, rows);
  const list = new Int32Array(count);
  for (let k = 0; k < count; k++) list[cursor[rowOf(k)]!++] = k;
  return { start, list };
}

export function planStructure(input: PlanSimulationInput, start: number): PlanStructure {
  const teamIndex = new Map<string, number>();
  input.teams.forEach((t, i) => {
    if (teamIndex.has(t.key)) throw new RangeError(`Team "${t.key}" is listed twice in the plan simulation's teams.`);
    teamIndex.set(t.key, i);
  });
  const teams = input.teams.length;
  const n = input.items.length;
  const itemIndex = new Map<string, number>();
  const teamOf = new Int32Array(n);
  const size = new Float64Array(n);
  const done = new Uint8Array(n);
  const dueDay = new Int32Array(n);
  input.items.forEach((item, i) => {
    if (itemIndex.has(item.key)) throw new RangeError(`Item "${item.key}" is listed twice in the plan simulation's items.`);
    itemIndex.set(item.key, i);
    const team = teamIndex.get(item.teamKey);
    if (team === undefined) throw new RangeError(`Item "${item.key}" belongs to team "${item.teamKey}", which is not among the plan simulation's teams.`);
    teamOf[i] = team;
    const s = item.size ?? 1;
    if (!(Number.isFinite(s) && s > 0)) throw new RangeError(`Item "${item.key}" has size ${s}; a size is a positive number of items.`);
    size[i] = s;
    done[i] = item.done ? 1 : 0;
    dueDay[i] = Math.max(DONE_BEFORE, dayIndex(item.due, start));
  });
  const queues = input.teams.map((_, t) => {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (teamOf[i] === t) members.push(i);
    members.sort((a, b) => input.items[a]!.order - input.items[b]!.order || a - b);
    return Int32Array.from(members);
  });

  // Dependencies: unknown ends and self-loops are left out, then those closing a cycle, which
  // would keep their items waiting forever.
  const ignored: PlanStructure['ignored'] = [];
  const candidates: { key: string; p: number; c: number; needBy: number | null | undefined }[] = [];
  for (const d of input.dependencies) {
    const p = itemIndex.get(d.providerKey);
    const c = itemIndex.get(d.consumerKey);
    if (p === undefined || c === undefined) ignored.push({ key: d.key, reason: 'unknown-item' });
    else if (p === c) ignored.push({ key: d.key, reason: 'self' });
    else candidates.push({ key: d.key, p, c, needBy: d.needBy });
  }
  const kept = withoutCycles(n, candidates, ignored);
  const m = kept.length;
  const depProvider = Int32Array.from(kept, (d) => d.p);
  const depConsumer = Int32Array.from(kept, (d) => d.c);
  const depNeedDay = Int32Array.from(kept, (d) => dayIndex(d.needBy ?? input.items[d.c]!.due, start));
  const consumers = byRow(n, m, (k) => depProvider[k]!);
  const providers = byRow(n, m, (k) => depConsumer[k]!);
  const depSlot = new Int32Array(m);
  for (let i = 0; i < n; i++) for (let j = providers.start[i]!; j < providers.start[i + 1]!; j++) depSlot[providers.list[j]!] = j - providers.start[i]!;
  const initialFinish = Int32Array.from(done, (d) => (d ? DONE_BEFORE : NOT_FINISHED));
  const initialPending = new Int32Array(n);
  for (let k = 0; k < m; k++) if (!done[depProvider[k]!]) initialPending[depConsumer[k]!]!++;

  // Work that can never finish: a team without one non-zero sample, and (with dependencies) all
  // that waits on such work, directly or not. A run ends once everything else is done.
  const samples = input.teams.map((t) => {
    for (let k = 0; k < t.samples.length; k++) {
      const v = t.samples[k]!;
      if (!(Number.isInteger(v) && v >= 0 && v <= 0x7fff)) throw new RangeError(`Team "${t.key}" has daily throughput sample ${v}; a sample is a whole number of items from 0 to 32767.`);
    }
    return Int32Array.from(t.samples);
  });
  const idle = samples.map((s) => s.every((v) => v <= 0));
  const impossibleIgnoringDeps = Uint8Array.from(teamOf, (t, i) => (!done[i] && idle[t]! ? 1 : 0));
  const impossible = impossibleIgnoringDeps.slice();
  const stack: number[] = [];
  for (let i = 0; i < n; i++) if (impossible[i]) stack.push(i);
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (let j = consumers.start[p]!; j < consumers.start[p + 1]!; j++) {
      const c = depConsumer[consumers.list[j]!]!;
      if (!impossible[c] && !done[c]) {
        impossible[c] = 1;
        stack.push(c);
      }
    }
  }

  const group = (g: PlanSimulationGroup): PlanGroupStructure => {
    const members: number[] = [];
    const missing: string[] = [];
    for (const key of g.itemKeys) {
      const i = itemIndex.get(key);
      if (i === undefined) missing.push(key);
      else if (!members.includes(i)) members.push(i);
    }
    const blameBase = new Int32Array(members.length);
    let blameSize = 0;
    members.forEach((i, j) => {
      blameBase[j] = blameSize;
      blameSize += providers.start[i + 1]! - providers.start[i]!;
    });
    let due = start;
    if (g.due !== null && g.due !== undefined) due = g.due;
    else if (members.length > 0) due = members.reduce((latest, i) => Math.max(latest, input.items[i]!.due), Number.NEGATIVE_INFINITY);
    return { key: g.key, members: Int32Array.from(members), blameBase, blameSize, due: utcDayStart(due), dueDay: Math.max(DONE_BEFORE, dayIndex(due, start)), missing };
  };

  return {
    n,
    teams,
    samples,
    teamOf,
    queues,
    size,
    done,
    dueDay,
    depKeys: kept.map((d) => d.key),
    depProvider,
    depConsumer,
    depNeedDay,
    depNeedDayAtLeast0: depNeedDay.map((d) => Math.max(0, d)),
    depSlot,
    consumersStart: consumers.start,
    consumersDep: consumers.list,
    providersStart: providers.start,
    providersDep: providers.list,
    initialFinish,
    initialPending,
    impossible,
    impossibleIgnoringDeps,
    idleTeam: Uint8Array.from(idle, (i) => (i ? 1 : 0)),
    groups: [...input.features.map(group), ...input.objectives.map(group)],
    ignored,
  };
}

/** The dependencies that close no cycle: a depth-first walk from providers to consumers, in input order, drops its back edges. */
function withoutCycles<D extends { key: string; p: number; c: number }>(n: number, deps: D[], ignored: PlanStructure['ignored']): D[] {
  const out = byRow(n, deps.length, (k) => deps[k]!.p);
  const state = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  const back = new Uint8Array(deps.length);
  const path: number[] = [];
  const next: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root]) continue;
    path.push(root);
    next.push(out.start[root]!);
    state[root] = 1;
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top]!;
      if (next[top] === out.start[node + 1]) {
        state[node] = 2;
        path.pop();
        next.pop();
        continue;
      }
      const k = out.list[next[top]!++]!;
      const c = deps[k]!.c;
      if (state[c] === 1) back[k] = 1;
      else if (state[c] === 0) {
        state[c] = 1;
        path.push(c);
        next.push(out.start[c]!);
      }
    }
  }
  const kept: D[] = [];
  deps.forEach((d, k) => (back[k] ? ignored.push({ key: d.key, reason: 'cycle' }) : kept.push(d)));
  return kept;
}
