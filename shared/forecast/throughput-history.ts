import { MS_PER_DAY } from '../domain/time';
import type { MetricsContext } from '../metrics/metrics-context';
import { dateWindowToMs, type DateWindow, type MsWindow } from '../metrics/metrics-scope';
import { formatCalendarDate, utcDayStart } from '../metrics/utc-calendar';
import { countsAsDay, type DayKind } from './forecast-calendar';

// Daily throughput: how many items of a scope reached their final done on each UTC day. A day
// without any is a sample of 0 — leaving those out would forecast from the good days only.

export const DEFAULT_HISTORY_DAYS = 84;

/** One scope's items done per UTC day, over every day the workspace holds data for. */
export interface ThroughputHistory {
  /** daily[k]: items done on firstDay + k days. */
  readonly daily: Int32Array;
  /** 00:00 UTC of the data's first day (the earliest item created or done, any scope). */
  readonly firstDay: number;
  /** 00:00 UTC of the data's last day (the day of the workspace's last timestamp). */
  readonly lastDay: number;
}

/**
 * The history of a metrics context's scope. An item counts on the day of its final done (the
 * metrics' "end": a reopened item counts once, when it is done for good); cancelled items and items
 * done without a date do not count. Null when the workspace holds no dated data.
 */
export function throughputHistory(ctx: Pick<MetricsContext, 'dataset' | 'flow' | 'inScope'>): ThroughputHistory | null {
  const { dataset, flow, inScope } = ctx;
  if (dataset.asOf === null) return null;
  const { items } = dataset;
  let first = dataset.asOf;
  for (let i = 0; i < items.count; i++) {
    const created = items.createdAt[i]!;
    if (created < first) first = created;
    const end = flow.end[i]!;
    if (end < first) first = end;
  }
  return histories(ctx, first, 1, (i) => (inScope[i] ? 0 : -1))[0]!;
}

/**
 * One history per team of the dataset (index for index), every item counted for the team it
 * belongs to, in one pass: what plan confidence samples each team's queue from. Null when the
 * workspace holds no dated data.
 */
export function teamThroughputHistories(ctx: Pick<MetricsContext, 'dataset' | 'flow' | 'inScope'>): ThroughputHistory[] | null {
  const { dataset, flow } = ctx;
  if (dataset.asOf === null) return null;
  const whole = throughputHistory({ dataset, flow, inScope: new Uint8Array(0) });
  const team = dataset.items.team;
  return histories(ctx, whole!.firstDay, dataset.teams.length, (i) => team[i]!);
}

/** Items done per day into `buckets` histories; `bucketOf` gives an item's history, −1 for none. */
function histories(ctx: Pick<MetricsContext, 'dataset' | 'flow'>, first: number, buckets: number, bucketOf: (item: number) => number): ThroughputHistory[] {
  const { dataset, flow } = ctx;
  const firstDay = utcDayStart(first);
  const lastDay = utcDayStart(dataset.asOf!);
  const length = Math.round((lastDay - firstDay) / MS_PER_DAY) + 1;
  const out = Array.from({ length: buckets }, () => ({ daily: new Int32Array(length), firstDay, lastDay }));
  for (let i = 0; i < dataset.items.count; i++) {
    const b = bucketOf(i);
    if (b < 0 || b >= buckets) continue;
    const end = flow.end[i]!;
    if (Number.isNaN(end)) continue;
    const k = Math.floor((end - firstDay) / MS_PER_DAY);
    if (k >= 0 && k < length) out[b]!.daily[k]!++;
  }
  return out;
}

/** A history window: explicit dates (both included), or the last `days` days ending on `endDay`. */
export interface HistoryWindowChoice {
  readonly window?: DateWindow | undefined;
  readonly days?: number | undefined;
}

/**
 * The days throughput is sampled from, [from, to). By default the last 84 days ending on the data's
 * last day, cut at the data's first day when the workspace holds less. Explicit dates must lie
 * within the data: a day before the first or after the last would be a made-up zero.
 */
export function resolveHistoryWindow(history: ThroughputHistory, choice: HistoryWindowChoice, endDay = history.lastDay): MsWindow {
  const range = `${formatCalendarDate(history.firstDay)} – ${formatCalendarDate(history.lastDay)}`;
  if (choice.window) {
    const w = dateWindowToMs(choice.window);
    if (w.from < history.firstDay || w.to > history.lastDay + MS_PER_DAY) {
      throw new RangeError(`The history window ${choice.window.from} – ${choice.window.to} reaches outside the data, which covers ${range}.`);
    }
    return w;
  }
  const days = choice.days ?? DEFAULT_HISTORY_DAYS;
  if (!(Number.isInteger(days) && days >= 1)) throw new RangeError(`The history window must be a whole number of days from 1, got ${days}.`);
  const to = utcDayStart(endDay) + MS_PER_DAY;
  return { from: Math.max(history.firstDay, to - days * MS_PER_DAY), to };
}

/**
 * The throughput of each counted day of `window` (every day, or Monday to Friday), in day order.
 * With business days, what was done on a day not counted (a Saturday, a Sunday) counts on the next
 * counted day of the window, or on its last one when the window ends first: the weekends are not
 * simulated, but the work done on them was done, and dropping it would forecast less than the
 * teams deliver (about a quarter less where a quarter of the items close on weekends).
 */
export function throughputSamples(history: ThroughputHistory, window: MsWindow, kind: DayKind): Int32Array {
  const out: number[] = [];
  let carried = 0;
  for (let day = window.from; day < window.to; day += MS_PER_DAY) {
    const k = Math.round((day - history.firstDay) / MS_PER_DAY);
    const done = k >= 0 && k < history.daily.length ? history.daily[k]! : 0;
    if (!countsAsDay(day, kind)) {
      carried += done;
      continue;
    }
    out.push(done + carried);
    carried = 0;
  }
  if (carried > 0 && out.length > 0) out[out.length - 1]! += carried;
  return Int32Array.from(out);
}

/** Items done from `first` to `last` (whole days, both included). */
export function doneBetween(history: ThroughputHistory, first: number, last: number): number {
  let total = 0;
  const from = Math.max(0, Math.round((utcDayStart(first) - history.firstDay) / MS_PER_DAY));
  const to = Math.min(history.daily.length - 1, Math.round((utcDayStart(last) - history.firstDay) / MS_PER_DAY));
  for (let k = from; k <= to; k++) total += history.daily[k]!;
  return total;
}
