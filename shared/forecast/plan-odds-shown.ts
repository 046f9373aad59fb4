// How plan odds are shown, alike in the app's tables and tiles and in the CLI.

/**
 * What waiting on providers costs an item, feature or objective (its odds without dependencies
 * minus its odds), as shown: null when it is within half a point either way, where ten thousand
 * trials cannot tell it from no cost at all. The app's tables and the CLI read it alike.
 */
export function shownDependencyCost(cost: number | null): number | null {
  return cost === null || Math.abs(cost) < COST_SHOWN_FROM ? null : cost;
}

/** Half a percentage point. */
export const COST_SHOWN_FROM = 0.005;

/**
 * What the "committed objectives expected met" mean leaves out, said beside it: committed objectives
 * with no planned work have no odds. Null when there are none.
 */
export function unplannedCommittedNote(objectives: readonly { readonly committed: boolean; readonly probability: number | null }[]): string | null {
  const n = objectives.filter((o) => o.committed && o.probability === null).length;
  if (n === 0) return null;
  return `${n === 1 ? '1 committed objective has' : `${n} committed objectives have`} no planned work and ${n === 1 ? 'is' : 'are'} not counted`;
}
