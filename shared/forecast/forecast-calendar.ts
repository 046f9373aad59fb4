import { MS_PER_DAY } from '../domain/time';
import { utcDayStart } from '../metrics/utc-calendar';

// Which days a forecast counts. Calendar days count every UTC day; business days count Monday to
// Friday only, both in the history the throughput is sampled from and in the future it is spent
// on, so that a weekend neither dilutes the samples nor "delivers" nothing in the forecast.
// Public holidays are not known to the workspace and count as ordinary days.

export const DAY_KINDS = ['calendar', 'business'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

/** Monday to Friday, UTC. */
export function isBusinessDay(dayMs: number): boolean {
  const weekday = new Date(dayMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function countsAsDay(dayMs: number, kind: DayKind): boolean {
  return kind === 'calendar' || isBusinessDay(dayMs);
}

/** How many counted days lie in [first, last], both whole UTC days and both included; 0 when last < first. */
export function countedDays(first: number, last: number, kind: DayKind): number {
  const from = utcDayStart(first);
  const to = utcDayStart(last);
  if (to < from) return 0;
  const span = Math.round((to - from) / MS_PER_DAY) + 1;
  if (kind === 'calendar') return span;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let day = from + weeks * 7 * MS_PER_DAY; day <= to; day += MS_PER_DAY) if (isBusinessDay(day)) count++;
  return count;
}

/** The n-th counted day (n ≥ 1) on or after `first`: the day a forecast that needs n days ends on. */
export function nthCountedDay(first: number, n: number, kind: DayKind): number {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`a day count must be a whole number from 1, got ${n}`);
  const from = utcDayStart(first);
  if (kind === 'calendar') return from + (n - 1) * MS_PER_DAY;
  // Whole weeks first (five business days each), then day by day.
  let day = from;
  let left = n;
  while (!isBusinessDay(day)) day += MS_PER_DAY;
  left--;
  const weeks = Math.floor(left / 5);
  day += weeks * 7 * MS_PER_DAY;
  left -= weeks * 5;
  while (left > 0) {
    day += MS_PER_DAY;
    if (isBusinessDay(day)) left--;
  }
  return day;
}
