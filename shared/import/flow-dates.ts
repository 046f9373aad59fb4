import type { StatusCategory } from '../domain/vocabulary';

export interface HistoryStep {
  status: string;
  at: number;
}

/**
 * The dates an item's status history implies (steps in time order): started = first entry into an
 * active status; finished = entry into the final run of done/cancelled statuses, or null when the
 * item is open again at the end (a reopened item is not finished).
 */
export function flowDatesOf(steps: readonly HistoryStep[], categoryOf: (status: string) => StatusCategory): { firstActiveAt: number | null; doneAt: number | null } {
  let firstActiveAt: number | null = null;
  let doneAt: number | null = null;
  for (const step of steps) {
    const category = categoryOf(step.status);
    if (category === 'active' && firstActiveAt === null) firstActiveAt = step.at;
    if (category === 'done' || category === 'cancelled') doneAt ??= step.at;
    else doneAt = null;
  }
  return { firstActiveAt, doneAt };
}

/** Sorts steps by time, keeping the source order for equal times (histories are sometimes newest first). */
export function inTimeOrder<T extends { at: number }>(steps: readonly T[]): T[] {
  // Most histories come in time order: a copy then, without the sort's wrappers (one per step of a million).
  let sorted = true;
  for (let i = 1; i < steps.length && sorted; i++) sorted = steps[i - 1]!.at <= steps[i]!.at;
  if (sorted) return steps.slice();
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => a.step.at - b.step.at || a.index - b.index)
    .map((s) => s.step);
}
