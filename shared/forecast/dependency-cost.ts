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
