import type { Predictability } from './board-schema';
import type { PlanObjective } from './plan-data';

/** SAFe's target band is 80–100 %; the bands around it say how far from it teams landed. */
export const PREDICTABILITY_BANDS: readonly { label: string; from: number; to: number | null; holds(value: number): boolean }[] = [
  { label: 'below 50 %', from: 0, to: 0.5, holds: (v) => v < 0.5 },
  { label: '50–80 %', from: 0.5, to: 0.8, holds: (v) => v >= 0.5 && v < 0.8 },
  { label: '80–100 %', from: 0.8, to: 1, holds: (v) => v >= 0.8 && v <= 1 },
  { label: 'above 100 %', from: 1, to: null, holds: (v) => v > 1 },
];

/** Sums of values with one decimal or so, kept clear of float noise (0.1 + 4.1 + 3.8 is not 8 in floats). */
const clean = (value: number) => Math.round(value * 1e6) / 1e6;

function ratio(objectives: readonly PlanObjective[]): { value: number | null; plannedValue: number; actualValue: number; committed: number; scored: number } {
  // An objective without business value weighs nothing on either side: its actual value would
  // count against nothing planned (190 % for a team that met its one valued objective).
  const valued = objectives.filter((o) => o.businessValue !== null);
  const committed = valued.filter((o) => o.committed);
  const plannedValue = committed.reduce((sum, o) => sum + o.businessValue!, 0);
  // Stretch (uncommitted) objectives achieved count in the numerator, as SAFe counts them.
  const actualValue = clean(valued.reduce((sum, o) => sum + (o.actualValue ?? 0), 0));
  const scored = committed.filter((o) => o.actualValue !== null).length;
  const complete = committed.length > 0 && scored === committed.length && plannedValue > 0;
  return { value: complete ? actualValue / plannedValue : null, plannedValue, actualValue, committed: committed.length, scored };
}

/**
 * Predictability = Σ actual business value (all objectives with a business value) ÷ Σ planned
 * business value of the committed ones, per team over its team-level objectives of the increment,
 * and for the increment over every team's (`teamKeys`: every team that may own one, whether or not
 * it has work on the board). A team counts only once all its committed objectives are scored. Shown as
 * how many teams fall in each band, never as a list ordered by value.
 */
export function predictability(objectives: readonly PlanObjective[], teamKeys: readonly string[]): Predictability {
  const teamLevel = objectives.filter((o) => o.level === 'team' && o.teamKeys.length > 0);
  const teams = teamKeys
    .map((teamKey) => ({ teamKey, ...ratio(teamLevel.filter((o) => o.teamKeys[0] === teamKey)) }))
    .filter((t) => t.committed > 0);
  const bands = PREDICTABILITY_BANDS.map((band) => ({
    label: band.label,
    from: band.from,
    to: band.to,
    teams: teams.filter((t) => t.value !== null && band.holds(t.value)).length,
  }));
  const scoredTeams = teams.filter((t) => t.value !== null);
  return {
    increment: scoredTeams.length === teams.length && teams.length > 0 ? ratio(teamLevel.filter((o) => teamKeys.includes(o.teamKeys[0]!))).value : null,
    teams,
    bands,
    unscoredTeams: teams.length - scoredTeams.length,
  };
}
