import { CATEGORY } from './metrics-vocabulary';
import type { DependencyRecord, MetricsDataset } from './metrics-dataset';

/**
 * What each item's history says, computed once per dataset (it depends on no filter or window):
 * - start: first entry into an active status (NaN if never active);
 * - end: entry into the final run of done statuses (NaN unless the item ends done), so a reopened
 *   item counts to its final done, and "Done → Released" (both done) ends at "Done";
 * - finishedAt: the same for items that end done or cancelled;
 * - activeMs / waitingMs: time between start and end spent in active statuses, and in waiting or
 *   to-do statuses (back in the backlog counts as waiting). Time spent in done before a reopen is in
 *   neither: nobody was working on or waiting for an item everyone thought finished;
 * - dependencyWaitMs: the part of waitingMs during which one of the item's dependencies was open.
 */
export interface ItemFlow {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly finishedAt: Float64Array;
  readonly final: Uint8Array;
  readonly activeMs: Float64Array;
  readonly waitingMs: Float64Array;
  readonly dependencyWaitMs: Float64Array;
  /** How many times the item was reopened after reaching done (capped at 255). */
  readonly reopened: Uint8Array;
}

export function computeItemFlow(dataset: MetricsDataset): ItemFlow {
  const { items, transitions } = dataset;
  const n = items.count;
  const { offsets, at, category, hasHistory } = transitions;
  const flow: ItemFlow = {
    start: new Float64Array(n).fill(Number.NaN),
    end: new Float64Array(n).fill(Number.NaN),
    finishedAt: new Float64Array(n).fill(Number.NaN),
    final: new Uint8Array(n),
    activeMs: new Float64Array(n),
    waitingMs: new Float64Array(n),
    dependencyWaitMs: new Float64Array(n),
    reopened: new Uint8Array(n),
  };
  const dependencyIntervals = openIntervalsByItem(dataset.dependencies, n);

  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (to === from) {
      flow.final[i] = items.category[i]!;
      continue;
    }
    const final = category[to - 1]!;
    flow.final[i] = final;

    if (!hasHistory[i]) {
      // Made-up history: trust the imported dates as they are, even when they disagree.
      flow.start[i] = items.firstActiveAt[i]!;
      if (final === CATEGORY.done || final === CATEGORY.cancelled) flow.finishedAt[i] = items.doneAt[i]!;
      if (final === CATEGORY.done) flow.end[i] = items.doneAt[i]!;
      continue;
    }

    let start = Number.NaN;
    let entriesIntoDone = 0;
    for (let k = from; k < to; k++) {
      const c = category[k]!;
      if (c === CATEGORY.active && Number.isNaN(start)) start = at[k]!;
      if (c === CATEGORY.done && (k === from || category[k - 1] !== CATEGORY.done)) entriesIntoDone++;
    }
    flow.start[i] = start;

    if (final === CATEGORY.done || final === CATEGORY.cancelled) {
      let r = to - 1;
      while (r > from && category[r - 1] === final) r--;
      flow.finishedAt[i] = at[r]!;
      if (final === CATEGORY.done) {
        flow.end[i] = at[r]!;
        // Entries into done before the final one are reopenings.
        flow.reopened[i] = Math.min(255, entriesIntoDone - 1);
      }
    }

    const end = flow.end[i]!;
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) continue;
    let active = 0;
    let waiting = 0;
    let dependencyWait = 0;
    const intervals = dependencyIntervals.get(i);
    for (let k = from; k < to; k++) {
      const lo = Math.max(at[k]!, start);
      const hi = Math.min(k + 1 < to ? at[k + 1]! : Number.POSITIVE_INFINITY, end);
      if (hi <= lo) continue;
      const c = category[k]!;
      if (c === CATEGORY.active) active += hi - lo;
      else if (c === CATEGORY.waiting || c === CATEGORY.todo) {
        waiting += hi - lo;
        if (intervals) dependencyWait += overlap(lo, hi, intervals);
      }
    }
    flow.activeMs[i] = active;
    flow.waitingMs[i] = waiting;
    flow.dependencyWaitMs[i] = dependencyWait;
  }
  return flow;
}

/**
 * Each item's dependencies as merged, sorted open intervals [raised, resolved) — open ones run on
 * forever — so that overlap with a waiting period is a short walk.
 */
function openIntervalsByItem(dependencies: readonly DependencyRecord[], itemCount: number): Map<number, Float64Array> {
  const raw = new Map<number, [number, number][]>();
  for (const d of dependencies) {
    if (d.fromItem < 0 || d.fromItem >= itemCount) continue;
    const end = d.resolvedAt ?? Number.POSITIVE_INFINITY;
    if (end <= d.createdAt) continue;
    let list = raw.get(d.fromItem);
    if (!list) raw.set(d.fromItem, (list = []));
    list.push([d.createdAt, end]);
  }
  const merged = new Map<number, Float64Array>();
  for (const [item, list] of raw) {
    list.sort((a, b) => a[0] - b[0]);
    const out: number[] = [];
    for (const [lo, hi] of list) {
      const last = out.length - 1;
      if (last > 0 && lo <= out[last]!) out[last] = Math.max(out[last]!, hi);
      else out.push(lo, hi);
    }
    merged.set(item, Float64Array.from(out));
  }
  return merged;
}

/** Length of [lo, hi) covered by the merged intervals (pairs lo₀, hi₀, lo₁, hi₁ …). */
function overlap(lo: number, hi: number, intervals: Float64Array): number {
  let total = 0;
  for (let k = 0; k < intervals.length; k += 2) {
    const a = Math.max(lo, intervals[k]!);
    const b = Math.min(hi, intervals[k + 1]!);
    if (b > a) total += b - a;
  }
  return total;
}
