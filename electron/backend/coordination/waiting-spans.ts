import type { RecordedTransitions } from '../../../shared/metrics/metrics-dataset';

// Waiting spans from the status changes the backend already holds in columns (the metrics'
// snapshot), instead of a second pass of SQL over every status change. The rule is the one the
// advisor documents (docs/COORDINATION.md, "time blocked"): a waiting span starts at a change into
// a waiting category and ends at the item's next change — in time order, changes at the same
// instant in the order they were recorded — or at the range's end; it counts only while the
// dependency was open.

/** A dependency as the spans need it: its waiting item's index in the columns (−1 when none) and its open span. */
export interface WaitingDependency {
  readonly item: number;
  readonly createdAt: number;
  readonly resolvedAt: number | null;
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
  dependencies: readonly WaitingDependency[],
  rangeEnd: number,
): (readonly Span[])[] {
  // Only the histories of the dependencies' waiting items are gathered, per item, by a counting
  // sort that keeps the recorded order.
  const wanted = new Uint8Array(itemCount);
  for (const d of dependencies) if (d.item >= 0) wanted[d.item] = 1;
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
  // Then each history in time order: an insertion sort, stable (same instant: recorded order) and
  // nearly free on histories that are already in order, as they almost always are.
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

  return dependencies.map((d) => {
    if (d.item < 0) return NONE;
    const end = d.resolvedAt ?? rangeEnd;
    const last = offsets[d.item + 1]!;
    let spans: Span[] | null = null;
    for (let k = offsets[d.item]!; k < last; k++) {
      if (category[k] !== waitingCategory || at[k]! >= rangeEnd || at[k]! >= end) continue;
      const start = Math.max(at[k]!, d.createdAt);
      const stop = Math.min(k + 1 < last ? at[k + 1]! : rangeEnd, end);
      if (stop > start) (spans ??= []).push([start, stop]);
    }
    if (spans === null) return NONE;
    if (spans.length > 1) spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return spans;
  });
}
