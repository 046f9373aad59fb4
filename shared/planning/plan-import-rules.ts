// What a planning import (the templates, a bundle's planning lists) may write, asked in the same
// words by the preview (shared/import/record-checker.ts) and by the write
// (electron/backend/planning/plan-import.ts): a preview that let through what the write then
// refused promised an import that never came.

/** Where a planning row came from: its file, and its line (a CSV) or its place in a bundle (`iterations[2]`). */
export interface RowOrigin {
  file: string;
  line: number | null;
  path?: string;
}

export interface DatedIncrement {
  name: string;
  start: number;
  /** Exclusive: the midnight after the last day. */
  end: number;
  /** Null: the workspace holds it and the import does not name it. */
  from: RowOrigin | null;
}

export interface DatedIteration {
  increment: string;
  name: string;
  /** Null for the shared cadence; a team key for that team's own sprint. */
  teamKey: string | null;
  start: number;
  end: number;
  from: RowOrigin | null;
}

/** Increments and their iterations with their days: the workspace's, or as an import will leave them. */
export interface PlanDates {
  increments: DatedIncrement[];
  iterations: DatedIteration[];
}

/**
 * The teams whose own sprints are all that holds an iteration name, for a capacity or plan row of
 * `teamKey`; null when the row may use it. The write takes the team's own sprint of that name
 * first, else the shared iteration: another team's sprint is no iteration of this team's.
 * `cadences` are the cadences holding the name (null: the shared one); empty, the name is unknown.
 */
export function otherTeamsHolding(cadences: ReadonlySet<string | null>, teamKey: string): string[] | null {
  if (cadences.has(teamKey) || cadences.has(null)) return null;
  return [...cadences].filter((t): t is string => t !== null).sort();
}

/** Why a capacity or plan row cannot go in another team's sprint, and where it can go. */
export function otherTeamsSprint(kind: 'capacity' | 'planned', iteration: string, owners: readonly string[], teamKey: string): string {
  const whose = `${iteration} is a sprint of ${owners.join(' and ')}, not of ${teamKey}`;
  return kind === 'capacity'
    ? `${whose}: ${teamKey}'s capacity goes in its own sprints or the shared iterations.`
    : `${whose}: plan ${teamKey}'s work in a shared iteration or in one of its own sprints.`;
}
