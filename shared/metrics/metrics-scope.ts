import { MS_PER_DAY } from '../domain/time';
import { ITEM_TYPES, type ItemType } from '../domain/vocabulary';
import type { TeamInfo } from './metrics-dataset';
import { isoWeekStart, MS_PER_WEEK, parseCalendarDate, utcDayStart } from './utc-calendar';

/** A half-open interval of instants [from, to). */
export interface MsWindow {
  readonly from: number;
  readonly to: number;
}

export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

export type CompareChoice = 'previous' | 'none' | DateWindow;

export interface ResolvedWindows {
  readonly current: MsWindow;
  readonly previous: MsWindow | null;
  /** What run charts span: the comparison window (if any) through the current one, never past the data's last day. */
  readonly range: MsWindow;
  readonly asOf: number | null;
}

export const DEFAULT_WINDOW_WEEKS = 13;

/**
 * Turns the user's dates into instants. Dates are whole UTC days and `to` is inclusive, so
 * 2026-08-17 … 2026-11-15 is [Aug 17 00:00Z, Nov 16 00:00Z). Without dates the window is the
 * `weeks` ISO weeks ending with the data's last day (the last week may be partial). "previous"
 * compares with the window of the same length just before.
 * `fallbackNow` is used only when the workspace holds no data at all.
 */
export function resolveWindows(
  input: { window?: DateWindow | undefined; compare: CompareChoice },
  asOf: number | null,
  fallbackNow: number,
  weeks = DEFAULT_WINDOW_WEEKS,
): ResolvedWindows {
  const anchorDay = utcDayStart(asOf ?? fallbackNow);
  const current = input.window ? dateWindowToMs(input.window) : { from: isoWeekStart(anchorDay) - (weeks - 1) * MS_PER_WEEK, to: anchorDay + MS_PER_DAY };
  let previous: MsWindow | null = null;
  if (input.compare === 'previous') previous = { from: current.from - (current.to - current.from), to: current.from };
  else if (input.compare !== 'none') previous = dateWindowToMs(input.compare);
  const from = Math.min(current.from, previous?.from ?? current.from);
  const latest = Math.max(current.to, previous?.to ?? current.to);
  const lastDayEnd = asOf === null ? latest : utcDayStart(asOf) + MS_PER_DAY;
  // Charts stop at the data's last day; a window wholly after the data keeps its own end (and draws empty).
  const to = lastDayEnd > from ? Math.min(latest, lastDayEnd) : latest;
  return { current, previous, range: { from, to }, asOf };
}

export function dateWindowToMs(window: DateWindow): MsWindow {
  const from = parseCalendarDate(window.from);
  const to = parseCalendarDate(window.to);
  if (from === null || to === null) throw new RangeError(`not a date window: ${window.from} … ${window.to}`);
  return { from, to: to + MS_PER_DAY };
}

/** The instant a window's ages and open counts are taken at: its end, or the data's last timestamp if earlier. */
export function windowInstant(window: MsWindow, asOf: number | null): number {
  return asOf === null ? window.to : Math.min(window.to, asOf);
}

/**
 * Whether something stamped `ms` had happened by the window's instant: before the window's end,
 * which is the next day's midnight and belongs to that day (a date-only stamp of the day after
 * is not the window's), and not after the data's last timestamp (at which it is included).
 */
export function happenedByWindowInstant(ms: number, window: MsWindow, asOf: number | null): boolean {
  return ms < window.to && (asOf === null || ms <= asOf);
}

export function inWindow(ms: number, window: MsWindow): boolean {
  return ms >= window.from && ms < window.to;
}

export interface ScopeFilter {
  readonly teamKeys?: readonly string[] | undefined;
  readonly valueStreams?: readonly string[] | undefined;
  readonly itemTypes?: readonly ItemType[] | undefined;
}

export interface ScopeMask {
  /** 1 when the team at that index is in scope. */
  readonly teams: Uint8Array;
  /** No team or value-stream filter: records without a team count too. */
  readonly allTeams: boolean;
  /** 1 when the ITEM_TYPES entry at that index is in scope. */
  readonly types: Uint8Array;
  readonly unknownTeamKeys: string[];
  readonly unknownValueStreams: string[];
}

/**
 * Which teams and item types a filter keeps. Filters combine with AND (a team must be among
 * `teamKeys` and in one of `valueStreams`); an omitted filter keeps everything, an empty list keeps
 * nothing (a coordination group with no teams is an empty scope, not the whole portfolio).
 */
export function scopeMask(teams: readonly TeamInfo[], filter: ScopeFilter): ScopeMask {
  const wantedKeys = filter.teamKeys ? new Set(filter.teamKeys) : null;
  const wantedStreams = filter.valueStreams ? new Set(filter.valueStreams) : null;
  const mask = new Uint8Array(teams.length);
  teams.forEach((team, i) => {
    const byKey = !wantedKeys || wantedKeys.has(team.key);
    const byStream = !wantedStreams || (team.valueStream !== null && wantedStreams.has(team.valueStream));
    if (byKey && byStream) mask[i] = 1;
  });
  const wantedTypes = filter.itemTypes ? new Set(filter.itemTypes) : null;
  const types = Uint8Array.from(ITEM_TYPES, (t) => (!wantedTypes || wantedTypes.has(t) ? 1 : 0));
  const knownKeys = new Set(teams.map((t) => t.key));
  const knownStreams = new Set(teams.map((t) => t.valueStream));
  return {
    teams: mask,
    allTeams: !wantedKeys && !wantedStreams,
    types,
    unknownTeamKeys: [...(wantedKeys ?? [])].filter((k) => !knownKeys.has(k)),
    unknownValueStreams: [...(wantedStreams ?? [])].filter((s) => !knownStreams.has(s)),
  };
}

export function teamInScope(mask: ScopeMask, team: number): boolean {
  return team < 0 ? mask.allTeams : mask.teams[team] === 1;
}

export function itemInScope(mask: ScopeMask, team: number, type: number): boolean {
  return mask.types[type] === 1 && teamInScope(mask, team);
}
