import type { RecordedTransitions } from '../../../shared/metrics/metrics-dataset';

// Waiting spans from the status changes the backend already holds in columns (the metrics'
// snapshot), instead of a second pass of SQL over every status change. The rule is the one the
// advisor documents (docs/COORDINATION.md, "Performance"): a waiting span starts at a change into
// a waiting category and ends at the item's next change — in time order, changes at the same
// instant in the order they were recorded — or at the range's end; it counts only while the
// dependency was open.

/**
 * The dependencies as the spans need them, in columns: dependency k's waiting item's index in the
 * columns (−1 when none) and its open span.
 */
export interface WaitingDependencies {
  readonly item: number[];
  readonly createdAt: number[];
  readonly resolvedAt: (number | null)[];
}

export type Span = readonly [number, number];

const NONE: readonly Span[] = [];

/**
 * For each dependency, the spans [start, end) its waiting item sat in `waitingCategory` while the
 * dependency was open (clipped to [createdAt, resolvedAt ?? rangeEnd)), sorted; a span still
 * running at `rangeEnd` ends there. `transitions` are in recorded order and never changed.
 */
export function waitingSpans(
  transitions: RecordedTransitions,
  itemCount: number,
  waitingCategory: number,
  dependencies: WaitingDependencies,
  rangeEnd: number,
): (readonly Span[])[] {
  const { start, end: stop, at, category } = historiesInTimeOrder(transitions, itemCount, dependencies.item);
  return dependencies.item.map((item, d) => {
    if (item < 0) return NONE;
    const end = dependencies.resolvedAt[d] ?? rangeEnd;
    const createdAt = dependencies.createdAt[d]!;
    const last = stop[item]!;
    let spans: Span[] | null = null;
    for (let k = start[item]!; k < last; k++) {
      if (category[k] !== waitingCategory || at[k]! >= rangeEnd || at[k]! >= end) continue;
      const from = Math.max(at[k]!, createdAt);
      const to = Math.min(k + 1 < last ? at[k + 1]! : rangeEnd, end);
      if (to > from) (spans ??= []).push([from, to]);
    }
    if (spans === null) return NONE;
    if (spans.length > 1) spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return spans;
  });
}

/** Item i's changes are at[k], category[k] for start[i] ≤ k < end[i], in time order. */
interface Histories {
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly at: Float64Array;
  readonly category: Uint8Array;
}

/**
 * The dependencies' items' histories, each together and in time order (same instant: recorded
 * order). An import records each item's history in one run, in time order: then the recorded
 * columns already are that and are read in place; otherwise the wanted histories are gathered.
 */
function historiesInTimeOrder(transitions: RecordedTransitions, itemCount: number, items: readonly number[]): Histories {
  const at = transitions.at;
  const runs = transitions.runs;
  if (runs && runs.length === itemCount + 1) {
    // Rows in item order (a snapshot says so): only the wanted items' runs need be in time order.
    for (const i of items) {
      if (i < 0) continue;
      for (let r = runs[i]! + 1; r < runs[i + 1]!; r++) if (at[r]! < at[r - 1]!) return gathered(transitions, itemCount, items);
    }
    return { start: runs.subarray(0, itemCount), end: runs.subarray(1), at, category: transitions.category };
  }
  const itemOf = transitions.item;
  const start = new Int32Array(itemCount);
  const end = new Int32Array(itemCount);
  for (let r = 0; r < itemOf.length; r++) {
    const i = itemOf[r]!;
    if (r > 0 && i === itemOf[r - 1]) {
      if (at[r]! < at[r - 1]!) return gathered(transitions, itemCount, items);
    } else if (end[i] !== 0) {
      return gathered(transitions, itemCount, items); // the item's history comes in pieces
    } else start[i] = r;
    end[i] = r + 1;
  }
  return { start, end, at, category: transitions.category };
}

/** The wanted items' histories copied together by a counting sort (which keeps recorded order), then each sorted in time. */
function gathered(transitions: RecordedTransitions, itemCount: number, items: readonly number[]): Histories {
  const wanted = new Uint8Array(itemCount);
  for (const item of items) if (item >= 0) wanted[item] = 1;
  const itemOf = transitions.item;
  const offsets = new Int32Array(itemCount + 1);
  for (let r = 0; r < itemOf.length; r++) if (wanted[itemOf[r]!]) offsets[itemOf[r]! + 1]!++;
  for (let i = 0; i < itemCount; i++) offsets[i + 1]! += offsets[i]!;
  const at = new Float64Array(offsets[itemCount]!);
  const category = new Uint8Array(offsets[itemCount]!);
  const cursor = offsets.slice(0, itemCount);
  for (let r = 0; r < itemOf.length; r++) {
    const i = itemOf[r]!;
    if (!wanted[i]) continue;
    const slot = cursor[i]!++;
    at[slot] = transitions.at[r]!;
    category[slot] = transitions.category[r]!;
  }
  // An insertion sort: stable (same instant: recorded order) and nearly free on histories that are
  // mostly in order already.
  for (let i = 0; i < itemCount; i++) {
    if (!wanted[i]) continue;
    for (let k = offsets[i]! + 1; k < offsets[i + 1]!; k++) {
      const t = at[k]!;
      const c = category[k]!;
      let j = k - 1;
      while (j >= offsets[i]! && at[j]! > t) {
        at[j + 1] = at[j]!;
        category[j + 1] = category[j]!;
        j--;
      }
      at[j + 1] = t;
      category[j + 1] = c;
    }
  }
  return { start: offsets.subarray(0, itemCount), end: offsets.subarray(1), at, category };
}
