// How plan odds are shown, alike in the app's tables and tiles and in the CLI.

import { listNames } from '../coordination/format';
import { dependencyKeyText, displayKey } from '../planning/local-keys';

/**
 * What waiting on providers costs an item, feature or objective (its odds without dependencies
 * minus its odds), as shown: null while it is within the simulation's noise. The odds without
 * dependencies are exact, the odds a share of `trials`; a cost within 2.5 standard errors of that
 * share (√(p(1 − p)/trials), p the odds; at least half a point) cannot be told from none — at 10,000
 * trials and odds near 50 %, 1.25 points; at 1,000 trials, 4. The app's tables and the CLI read it alike.
 */
export function shownDependencyCost(o: { readonly dependencyCost: number | null; readonly probability: number | null }, trials: number): number | null {
  const cost = o.dependencyCost;
  if (cost === null) return null;
  const p = o.probability ?? 0.5;
  const noise = Math.max(COST_SHOWN_FROM, NOISE_ERRORS * Math.sqrt((p * (1 - p)) / Math.max(1, trials)));
  return Math.abs(cost) < noise ? null : cost;
}

/**
 * A share of trials, odds or a cost as a CSV holds it: a fraction with 4 decimals. At the default
 * 10,000 trials a share is a whole number of trials out of 10,000, so 4 decimals hold it exactly;
 * the digits past them were float noise ("0.9393499999999999"), and a finer figure than the
 * simulation's error (a point or more) says nothing more.
 */
export function csvFigure(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000 || 0;
}

/** Whether a dependency cost is within the simulation's noise, which the screen shows as "–"; null without a cost. */
export function dependencyCostWithinNoise(o: { readonly dependencyCost: number | null; readonly probability: number | null }, trials: number): boolean | null {
  return o.dependencyCost === null ? null : shownDependencyCost(o, trials) === null;
}

/** Half a percentage point: the least cost shown, however many trials. */
export const COST_SHOWN_FROM = 0.005;
/** Standard errors of the simulated odds a cost must pass to be shown. */
const NOISE_ERRORS = 2.5;

/**
 * What the "committed objectives expected met" mean leaves out, said beside it: committed objectives
 * with no planned work have no odds. Null when there are none.
 */
export function unplannedCommittedNote(objectives: readonly { readonly committed: boolean; readonly probability: number | null }[]): string | null {
  const n = objectives.filter((o) => o.committed && o.probability === null).length;
  if (n === 0) return null;
  return `${n === 1 ? '1 committed objective has' : `${n} committed objectives have`} no planned work and ${n === 1 ? 'is' : 'are'} not counted`;
}

/** The "85 % done by" of an item, feature or objective, as shown: its day, "done" before the start, or not within the simulated two years. */
export function p85Text(o: { readonly probability: number | null; readonly p85Date: string | null; readonly done?: boolean }): string {
  if (o.probability === null) return '–';
  if (o.done) return 'done';
  return o.p85Date ?? 'not within two years';
}

/**
 * Teams with planned work that finished nothing in the history window: the simulation can only
 * give their work 0 %, which is no forecast. Said beside the odds; null when there are none.
 */
export function teamsWithoutThroughputNote(
  teams: readonly { readonly key: string; readonly plannedItems: number; readonly meanPerDay: number | null; readonly allPlannedDone: number | null }[],
  name: (key: string) => string = (k) => k,
): string | null {
  // A team whose planned work is all done already has nothing left to forecast.
  const idle = teams.filter((t) => t.plannedItems > 0 && t.allPlannedDone !== 1 && !(t.meanPerDay !== null && t.meanPerDay > 0)).map((t) => name(t.key));
  if (idle.length === 0) return null;
  return `${listNames(idle)} finished nothing in the history window, so ${idle.length === 1 ? 'its' : 'their'} planned work shows 0 %: that is no forecast. Widen the window, or check that ${idle.length === 1 ? 'its' : 'their'} done statuses are mapped as done.`;
}

/** Beside an objective whose linked items are not all planned in the increment: its odds are its planned part's. */
export function unplannedItemsNote(n: number): string {
  return `${n === 1 ? '1 linked item is' : `${n} linked items are`} not planned in this increment: not in these odds`;
}

/** A dependency's two ends as the board knows them: the waiting item and its team, and what it waits on. */
export interface DependencyEnds {
  readonly consumer: { readonly itemKey: string; readonly teamKey: string | null };
  /** `itemKey` null: a team alone, no item named yet; `teamName` when the board's rows do not give it. */
  readonly provider: { readonly itemKey: string | null; readonly teamKey: string | null; readonly teamName?: string | null };
}

const possessive = (name: string) => (/s$/i.test(name) ? `${name}’` : `${name}’s`);

/**
 * A dependency as the room can follow it: who waits on whom, "DEP-316: Checkout’s CHK-12 waits on
 * Payments’ PAY-3" — its key alone meant nothing to the room ("Costliest dependency DEP-316"). The
 * key alone where the ends are not known (a dependency whose waiting item is not on the board).
 */
export function dependencyWhoText(key: string, ends: DependencyEnds | undefined, teamName: (key: string) => string): string {
  if (ends === undefined) return dependencyKeyText(key);
  const end = (itemKey: string, team: string | null) => (team === null ? displayKey(itemKey) : `${possessive(team)} ${displayKey(itemKey)}`);
  const providerTeam = ends.provider.teamName ?? (ends.provider.teamKey === null ? null : teamName(ends.provider.teamKey));
  const consumer = end(ends.consumer.itemKey, ends.consumer.teamKey === null ? null : teamName(ends.consumer.teamKey));
  const provider = ends.provider.itemKey === null ? `${providerTeam ?? 'a team'} (no item named)` : end(ends.provider.itemKey, providerTeam);
  return `${dependencyKeyText(key)}: ${consumer} waits on ${provider}`;
}

/**
 * Why odds are 0 that no simulation could change: the work was due before the first simulated day
 * and is not done, so no trial can have it done in time. Shown beside the 0 %, which read as a
 * verdict on the plan. Null otherwise.
 */
export function dueBeforeStartNote(o: { readonly due: string | null; readonly probability: number | null }, start: string): string | null {
  // Short: it sits under the 0 % in a narrow column; the due day is in the row, the start in the provenance.
  return o.due !== null && o.due < start && o.probability === 0 ? 'due before the simulation starts' : null;
}

/** What the simulation assumes that the room asks about, in one line. */
export const PLAN_ODDS_ASSUMPTIONS =
  'Assumed: each item counts as one (its planned size is not used); a team ahead of plan pulls later iterations’ work early.';
