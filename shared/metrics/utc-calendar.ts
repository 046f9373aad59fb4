import { MS_PER_DAY } from '../domain/time';

// Calendar arithmetic on UTC epoch milliseconds. Every instant in a workspace is UTC, so days,
// ISO weeks and months are UTC ones: a week never has 6 or 8 days, whatever the clocks did locally
// (date-fns works in the local zone, which would move a week's edges across a daylight-saving change).

export const MS_PER_WEEK = 7 * MS_PER_DAY;
/** 1970-01-05, the first Monday after the epoch (1970-01-01 was a Thursday). */
const FIRST_MONDAY_MS = 4 * MS_PER_DAY;

export function utcDayStart(ms: number): number {
  return Math.floor(ms / MS_PER_DAY) * MS_PER_DAY;
}

/** Monday 00:00 UTC of the ISO week holding `ms`. */
export function isoWeekStart(ms: number): number {
  return Math.floor((ms - FIRST_MONDAY_MS) / MS_PER_WEEK) * MS_PER_WEEK + FIRST_MONDAY_MS;
}

/** "2026-W46": the ISO week-numbering year and week of `ms` (the year of the week's Thursday). */
export function isoWeekLabel(ms: number): string {
  const thursday = new Date(isoWeekStart(ms) + 3 * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / MS_PER_WEEK) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first instant of the calendar month holding `ms`. */
export function utcMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function nextUtcMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export { formatCalendarDate, parseCalendarDate } from '../domain/calendar-date';
