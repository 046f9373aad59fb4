import { MS_PER_DAY } from '../domain/time';
import { inWindow, type MsWindow, type ResolvedWindows } from './metrics-scope';
import { isoWeekLabel, isoWeekStart, MS_PER_WEEK, nextUtcMonthStart, utcDayStart } from './utc-calendar';

export type WindowRole = 'current' | 'previous' | null;

/** One ISO week of a run chart, clipped to the range it is drawn in. */
export interface WeekSlot {
  readonly weekStart: number;
  /** The part of the week inside the range: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly window: WindowRole;
  /** Cut by a window edge, the range or the data's last day: not a whole week of data. */
  readonly partial: boolean;
}

/** The ISO weeks (UTC) overlapping `range`, each labelled with the window it lies in. */
export function weekSlots(range: MsWindow, windows: Pick<ResolvedWindows, 'current' | 'previous'>): WeekSlot[] {
  const slots: WeekSlot[] = [];
  for (let week = isoWeekStart(range.from); week < range.to; week += MS_PER_WEEK) {
    const from = Math.max(week, range.from);
    const to = Math.min(week + MS_PER_WEEK, range.to);
    const window = roleOf({ from, to }, windows);
    slots.push({ weekStart: week, from, to, label: isoWeekLabel(week), window, partial: to - from < MS_PER_WEEK || window === null });
  }
  return slots;
}

export function roleOf(span: MsWindow, windows: Pick<ResolvedWindows, 'current' | 'previous'>): WindowRole {
  const within = (w: MsWindow) => span.from >= w.from && span.to <= w.to;
  if (within(windows.current)) return 'current';
  if (windows.previous && within(windows.previous)) return 'previous';
  return null;
}

export function roleOfInstant(ms: number, windows: Pick<ResolvedWindows, 'current' | 'previous'>): WindowRole {
  if (inWindow(ms, windows.current)) return 'current';
  if (windows.previous && inWindow(ms, windows.previous)) return 'previous';
  return null;
}

/**
 * The part of `window` whose days hold data: from the data's first day to the end of its last
 * (`data`, the context's `dataDays`). Weeks, months and days outside it are no samples: before the
 * data begins a week is not a week with nothing done, it is a week nobody recorded, as after it ends.
 */
export function withinData(window: MsWindow, data: MsWindow): MsWindow {
  const from = Math.max(window.from, data.from);
  return { from, to: Math.max(from, Math.min(window.to, data.to)) };
}

/** The whole ISO weeks inside `window` whose days all hold data (inside `data`). */
export function fullWeeks(window: MsWindow, data: MsWindow): number[] {
  const span = withinData(window, data);
  const weeks: number[] = [];
  for (let week = isoWeekStart(span.from); week < span.to; week += MS_PER_WEEK) {
    if (week >= span.from && week + MS_PER_WEEK <= span.to) weeks.push(week);
  }
  return weeks;
}

/** The whole calendar months inside `window` whose days all hold data (inside `data`). */
export function fullMonths(window: MsWindow, data: MsWindow): MsWindow[] {
  const span = withinData(window, data);
  const months: MsWindow[] = [];
  let start = utcDayStart(span.from);
  if (start < span.from || new Date(start).getUTCDate() !== 1) start = nextUtcMonthStart(start);
  for (let m = start; ; ) {
    const next = nextUtcMonthStart(m);
    if (next > span.to) break;
    months.push({ from: m, to: next });
    m = next;
  }
  return months;
}

/**
 * How many of `times` fall in each whole week of `window` (only whole weeks: a 3-day stub is not a
 * week of throughput). `total` counts every time in the window, stubs included.
 */
export function weeklyCounts(times: ArrayLike<number>, window: MsWindow, data: MsWindow): { weeks: number[]; counts: number[]; total: number } {
  const weeks = fullWeeks(window, data);
  const counts = weeks.map(() => 0);
  const first = weeks[0] ?? 0;
  let total = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    if (!inWindow(t, window)) continue;
    total++;
    const w = Math.floor((t - first) / MS_PER_WEEK);
    if (w >= 0 && w < weeks.length && t >= weeks[w]!) counts[w]!++;
  }
  return { weeks, counts, total };
}

/**
 * The data's days: from the midnight its first day starts to the midnight after its last day.
 * Windows count no day outside them. Without data, every day (the window is placed at `fallback`).
 */
export function dataDaysOf(firstAt: number | null, asOf: number | null, fallback: number): MsWindow {
  return {
    from: firstAt === null ? Number.NEGATIVE_INFINITY : utcDayStart(firstAt),
    to: asOf === null ? fallback : utcDayStart(asOf) + MS_PER_DAY,
  };
}
