import type { VoteScope } from './vote-schema';

// "Felt vs forecast": the room's confidence vote beside what a Monte Carlo forecast computes for
// the same scope. The plan's forecast (`forecast.plan`) fills `ForecastOdds`; until it is computed,
// or for an increment with no plan, the slot says so.

export interface ForecastOdds {
  scope: VoteScope;
  /** Chance (0 … 1) that the scope finishes its planned work by `by`. */
  odds: number;
  /** The date the odds are for, "2026-12-18". */
  by: string;
  /** What was forecast, in a few words ("42 planned items, 10,000 trials"). */
  basis: string;
}

/** The forecast for a scope, if one was given. */
export function forecastFor(forecasts: readonly ForecastOdds[] | null | undefined, scope: VoteScope): ForecastOdds | null {
  return forecasts?.find((f) => f.scope.kind === scope.kind && f.scope.key === scope.key) ?? null;
}

/** The forecast side of the slot in words. */
export function forecastText(forecast: ForecastOdds | null): string {
  if (!forecast) return 'Forecast: none yet. When a forecast of this plan exists, its odds show here beside the vote.';
  return `Forecast: ${Math.round(forecast.odds * 100)} % chance to finish by ${forecast.by} (${forecast.basis}).`;
}

/**
 * The plan-confidence forecast's answer (issue 16's `forecast.plan`), as far as the slot reads it.
 * Structural, so this module needs nothing of the forecast domain: its `PlanConfidence` fits.
 */
export interface PlanOddsAnswer {
  increment: { name: string; end: string };
  allPlannedDone: number | null;
  items: readonly unknown[];
  teams: readonly { key: string; plannedItems: number; allPlannedDone: number | null }[];
  provenance: { trials: number };
}

/**
 * The odds for the slot: every planned item done by the increment's last day, for the whole
 * increment and per team. A scope with nothing planned (odds null) gets none, so it says "none yet".
 */
export function oddsFromPlanForecast(answer: PlanOddsAnswer): ForecastOdds[] {
  const trials = `${answer.provenance.trials.toLocaleString('en-US')} trials`;
  const items = (n: number) => `${n.toLocaleString('en-US')} planned ${n === 1 ? 'item' : 'items'}`;
  const whole: ForecastOdds[] =
    answer.allPlannedDone === null ? [] : [{ scope: { kind: 'increment', key: answer.increment.name }, odds: answer.allPlannedDone, by: answer.increment.end, basis: `${items(answer.items.length)}, ${trials}` }];
  return [
    ...whole,
    ...answer.teams.flatMap((t): ForecastOdds[] => (t.allPlannedDone === null ? [] : [{ scope: { kind: 'team', key: t.key }, odds: t.allPlannedDone, by: answer.increment.end, basis: `${items(t.plannedItems)}, ${trials}` }])),
  ];
}
