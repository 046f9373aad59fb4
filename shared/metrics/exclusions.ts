import { EXCLUSION_REASONS, type ExclusionReason } from './metrics-vocabulary';

export type Excluded = Partial<Record<ExclusionReason, number>>;

/** Counts records left out of a figure, by reason; `toObject` lists only reasons that occurred, in a fixed order. */
export class ExclusionCounter {
  readonly #counts = new Map<ExclusionReason, number>();

  add(reason: ExclusionReason, n = 1): void {
    if (n > 0) this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + n);
  }

  get(reason: ExclusionReason): number {
    return this.#counts.get(reason) ?? 0;
  }

  toObject(): Excluded {
    const out: Excluded = {};
    for (const reason of EXCLUSION_REASONS) {
      const n = this.#counts.get(reason);
      if (n) out[reason] = n;
    }
    return out;
  }
}

/** Picks the reasons that concern one figure. */
export function pickExcluded(excluded: Excluded, reasons: readonly ExclusionReason[]): Excluded {
  const out: Excluded = {};
  for (const reason of reasons) if (excluded[reason]) out[reason] = excluded[reason];
  return out;
}

/**
 * One list for several figures. A reason always concerns the same records wherever it appears
 * (the items done in the window with no active date are the same for cycle time and flow
 * efficiency), so the merged count is the largest, not the sum: each record is counted once.
 */
export function mergeExcluded(...lists: Excluded[]): Excluded {
  const out: Excluded = {};
  for (const reason of EXCLUSION_REASONS) {
    const n = Math.max(0, ...lists.map((l) => l[reason] ?? 0));
    if (n > 0) out[reason] = n;
  }
  return out;
}
