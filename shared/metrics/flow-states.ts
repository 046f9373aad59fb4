import { MS_PER_DAY } from '../domain/time';
import { CATEGORY } from './metrics-vocabulary';
import type { MetricsDataset } from './metrics-dataset';
import { happenedByWindowInstant, type MsWindow } from './metrics-scope';

/**
 * Items per status category at the end of each UTC day of `range` (the cumulative flow diagram;
 * WIP is active + waiting). Day d's sample is the state at the last instant before the next
 * midnight, i.e. after every transition of that day. Finished items count in "done" only from a
 * finish inside the range (so the done band starts at 0 and counts what the range delivered);
 * cancelled items leave the diagram. One pass over the transitions with difference arrays.
 */
export interface DailyStates {
  readonly from: number;
  readonly days: number;
  /** counts[category][day]. */
  readonly counts: Int32Array[];
}

export function dailyStates(dataset: MetricsDataset, inScope: Uint8Array, range: MsWindow): DailyStates {
  const days = Math.max(0, Math.ceil((range.to - range.from) / MS_PER_DAY));
  const diffs = Array.from({ length: 5 }, () => new Int32Array(days + 1));
  const { offsets, at, category } = dataset.transitions;
  const { createdAt } = dataset.items;
  const dayOf = (ms: number) => Math.floor((ms - range.from) / MS_PER_DAY);
  const add = (c: number, a: number, b: number) => {
    const lo = Math.max(0, dayOf(a));
    const hi = b === Number.POSITIVE_INFINITY ? days : Math.min(days, dayOf(b));
    if (hi <= lo) return;
    diffs[c]![lo]!++;
    diffs[c]![hi]!--;
  };
  for (let i = 0; i < dataset.items.count; i++) {
    if (!inScope[i]) continue;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    if (to === from) continue;
    // Before its first recorded transition an item sits in the backlog since its creation.
    if (createdAt[i]! < at[from]!) add(CATEGORY.todo, createdAt[i]!, at[from]!);
    // When the current run of done statuses began: "Done → Released" is one finish, at "Done".
    let doneSince = Number.NaN;
    for (let k = from; k < to; k++) {
      const c = category[k]!;
      const a = at[k]!;
      const b = k + 1 < to ? at[k + 1]! : Number.POSITIVE_INFINITY;
      if (c === CATEGORY.done) {
        if (k === from || category[k - 1] !== CATEGORY.done) doneSince = a;
      }
      if (c === CATEGORY.cancelled) continue;
      if (c === CATEGORY.done && doneSince < range.from) continue;
      add(c, a, b);
    }
  }
  const counts = diffs.map((diff) => {
    const out = new Int32Array(days);
    let running = 0;
    for (let d = 0; d < days; d++) out[d] = running += diff[d]!;
    return out;
  });
  return { from: range.from, days, counts };
}

/** Work in progress of day d: items active or waiting at its end. */
export function wipOfDay(states: DailyStates, day: number): number {
  return states.counts[CATEGORY.active]![day]! + states.counts[CATEGORY.waiting]![day]!;
}

export interface OpenItems {
  readonly index: number[];
  readonly category: number[];
  /** When each item's age starts: its first active entry, or its first waiting one if it never was active. */
  readonly since: number[];
}

/** Items active or waiting at the window's instant (`windowInstant`): the changes that had happened by it count. */
export function openItemsAt(dataset: MetricsDataset, inScope: Uint8Array, window: MsWindow): OpenItems {
  const open: OpenItems = { index: [], category: [], since: [] };
  const { offsets, at, category } = dataset.transitions;
  for (let i = 0; i < dataset.items.count; i++) {
    if (!inScope[i]) continue;
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    let current = -1;
    let firstActive = Number.NaN;
    let firstProgress = Number.NaN;
    for (let k = from; k < to && happenedByWindowInstant(at[k]!, window, dataset.asOf); k++) {
      const c = category[k]!;
      current = c;
      if (c === CATEGORY.active && Number.isNaN(firstActive)) firstActive = at[k]!;
      if ((c === CATEGORY.active || c === CATEGORY.waiting) && Number.isNaN(firstProgress)) firstProgress = at[k]!;
    }
    if (current !== CATEGORY.active && current !== CATEGORY.waiting) continue;
    open.index.push(i);
    open.category.push(current);
    open.since.push(Number.isNaN(firstActive) ? firstProgress : firstActive);
  }
  return open;
}
