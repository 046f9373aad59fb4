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
    const intervals = dependencyIntervals.count[i]! > 0;
    for (let k = from; k < to; k++) {
      const lo = Math.max(at[k]!, start);
      const hi = Math.min(k + 1 < to ? at[k + 1]! : Number.POSITIVE_INFINITY, end);
      if (hi <= lo) continue;
      const c = category[k]!;
      if (c === CATEGORY.active) active += hi - lo;
      else if (c === CATEGORY.waiting || c === CATEGORY.todo) {
        waiting += hi - lo;
        if (intervals) dependencyWait += overlap(lo, hi, dependencyIntervals, i);
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
 * forever — so that overlap with a waiting period is a short walk. Item i's pairs are
 * `lo[k], hi[k]` for k from `first[i]` to `first[i] + count[i]`: flat typed arrays (one slice per
 * item) instead of an array per item, which at 50,000 dependencies cost more than the walk.
 */
interface ItemIntervals {
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

function openIntervalsByItem(dependencies: readonly DependencyRecord[], itemCount: number): ItemIntervals {
  const counts = (d: DependencyRecord) => d.fromItem >= 0 && d.fromItem < itemCount && (d.resolvedAt ?? Number.POSITIVE_INFINITY) > d.createdAt;
  const first = new Int32Array(itemCount + 1);
  for (const d of dependencies) if (counts(d)) first[d.fromItem + 1]!++;
  for (let i = 0; i < itemCount; i++) first[i + 1]! += first[i]!;
  const lo = new Float64Array(first[itemCount]!);
  const hi = new Float64Array(first[itemCount]!);
  const count = new Int32Array(itemCount);
  for (const d of dependencies) {
    if (!counts(d)) continue;
    const k = first[d.fromItem]! + count[d.fromItem]!++;
    lo[k] = d.createdAt;
    hi[k] = d.resolvedAt ?? Number.POSITIVE_INFINITY;
  }
  for (let i = 0; i < itemCount; i++) {
    const from = first[i]!;
    const to = from + count[i]!;
    if (to - from < 2) continue;
    // By start (an insertion sort: stable, and an item has few dependencies), then merged in place.
    for (let k = from + 1; k < to; k++) {
      const l = lo[k]!;
      const h = hi[k]!;
      let j = k - 1;
      for (; j >= from && lo[j]! > l; j--) {
        lo[j + 1] = lo[j]!;
        hi[j + 1] = hi[j]!;
      }
      lo[j + 1] = l;
      hi[j + 1] = h;
    }
    let last = from;
    for (let k = from + 1; k < to; k++) {
      if (lo[k]! <= hi[last]!) hi[last] = Math.max(hi[last]!, hi[k]!);
      else {
        last++;
        lo[last] = lo[k]!;
        hi[last] = hi[k]!;
      }
    }
    count[i] = last - from + 1;
  }
  return { first, count, lo, hi };
}

/** Length of [lo, hi) covered by item i's merged intervals. */
function overlap(lo: number, hi: number, intervals: ItemIntervals, i: number): number {
  let total = 0;
  const from = intervals.first[i]!;
  const to = from + intervals.count[i]!;
  for (let k = from; k < to; k++) {
    const a = Math.max(lo, intervals.lo[k]!);
    const b = Math.min(hi, intervals.hi[k]!);
    if (b > a) total += b - a;
  }
  return total;
}
