import { MS_PER_DAY } from '../domain/time';

/**
 * Said beside a forecast whose first day is on or before the data's last day (a start typed in the
 * past): it simulates days that already happened, from a history window that holds them, so its
 * answer is neither a forecast nor a test of one. Null for a start after the data, the usual case.
 * Both dates are calendar dates (YYYY-MM-DD), as the provenance gives them.
 */
export function startInDataNote(start: string, dataLastDay: string): string | null {
  if (start > dataLastDay) return null;
  const days = Math.round((Date.parse(`${dataLastDay}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / MS_PER_DAY) + 1;
  const span = days === 1 ? `its first day (${start}) is already in the data` : `its first ${days.toLocaleString('en-US')} days (${start} – ${dataLastDay}) are already in the data`;
  return `The forecast starts on ${start}, before the data ends (${dataLastDay}): ${span}, and the history it draws from holds them, so it is no test of the forecast. To see how the forecast would have done, use the backtest; to forecast, start after ${dataLastDay}.`;
}

/** Where a plan simulation's first day comes from: the day after the data, the increment's first day, or the person (`--start`). */
export const PLAN_START_FROM = ['data', 'increment', 'given'] as const;
export type PlanStartFrom = (typeof PLAN_START_FROM)[number];

/**
 * The first simulated day of an increment's plan when none is given: the day after the data, or the
 * increment's first day when it starts later. An increment still to come is worked from its first
 * day: simulated from the day after the data, the next PI's Iteration 1 read "85 % by" a date weeks
 * before the PI began, spending the throughput of the weeks in between, which the current PI's work
 * will take. Both are UTC midnights in epoch ms.
 */
export function defaultPlanStart(dataLastDay: number, incrementStart: number): { start: number; startFrom: Exclude<PlanStartFrom, 'given'> } {
  const afterData = dataLastDay + MS_PER_DAY;
  return incrementStart > afterData ? { start: incrementStart, startFrom: 'increment' } : { start: afterData, startFrom: 'data' };
}

/** "simulated from 2027-01-18, the increment's first day": the plan's start as its provenance says it. */
export function planStartText(start: string, from: PlanStartFrom): string {
  const why = { data: ', the day after the data', increment: ', the increment’s first day', given: ' (the start given)' }[from];
  return `simulated from ${start}${why}`;
}
