import { MS_PER_DAY } from '../domain/time';
import type { ItemType } from '../domain/vocabulary';
import type { MsWindow } from '../metrics/metrics-scope';
import { formatCalendarDate, utcDayStart } from '../metrics/utc-calendar';
import { countedDays, nthCountedDay, type DayKind } from './forecast-calendar';
import { MAX_FORECAST_DAYS, type ForecastProvenance, type HowManyForecast, type WhenForecast } from './forecast-schema';
import { simulateDaysToFinish, simulateTotals } from './monte-carlo';
import { outcomeHistogram } from './outcome-histogram';
import { atLeastWithConfidence, CONFIDENCE_LEVELS, sortedOutcomes, withinWithConfidence } from './outcome-percentiles';
import { resolveHistoryWindow, throughputSamples, type HistoryWindowChoice, type ThroughputHistory } from './throughput-history';

// "How many by a date" and "when will N be done" for one scope, from its own daily throughput.

export interface ForecastRequest {
  readonly history: HistoryWindowChoice;
  readonly trials: number;
  readonly seed: number;
  readonly dayKind: DayKind;
  /** 00:00 UTC of the first forecast day; by default the day after the data's last day. */
  readonly start?: number | undefined;
  /** What the scope was, for the provenance. */
  readonly scope: { readonly teamKeys: readonly string[] | null; readonly itemTypes: readonly ItemType[] };
}

/** What a forecast rests on: the window, its samples and where the future starts. */
export interface ForecastBasis {
  readonly window: MsWindow;
  readonly samples: Int32Array;
  readonly start: number;
  readonly provenance: ForecastProvenance;
}

export function forecastBasis(history: ThroughputHistory, request: ForecastRequest): ForecastBasis {
  const window = resolveHistoryWindow(history, request.history);
  const samples = throughputSamples(history, window, request.dayKind);
  if (samples.length === 0) throw new RangeError('The history window holds no business day to sample: widen it or count calendar days.');
  const start = request.start === undefined ? history.lastDay + MS_PER_DAY : utcDayStart(request.start);
  let itemsInWindow = 0;
  for (const s of samples) itemsInWindow += s;
  return {
    window,
    samples,
    start,
    provenance: {
      window: { from: formatCalendarDate(window.from), to: formatCalendarDate(window.to - MS_PER_DAY), days: Math.round((window.to - window.from) / MS_PER_DAY) },
      samples: samples.length,
      itemsInWindow,
      trials: request.trials,
      seed: request.seed,
      dayKind: request.dayKind,
      start: formatCalendarDate(start),
      dataLastDay: formatCalendarDate(history.lastDay),
      teamKeys: request.scope.teamKeys === null ? null : [...request.scope.teamKeys],
      itemTypes: [...request.scope.itemTypes],
    },
  };
}

const levelsOf = <T>(read: (percent: number) => T) => ({ p50: read(50), p70: read(70), p85: read(85), p95: read(95) });

/** Counted days from `start` through `by`, checked against the ten-year limit. */
export function howManyDays(start: number, by: number, kind: DayKind): number {
  const day = utcDayStart(by);
  if (day < start) throw new RangeError(`The date ${formatCalendarDate(day)} is before the forecast starts (${formatCalendarDate(start)}).`);
  if ((day - start) / MS_PER_DAY >= MAX_FORECAST_DAYS) throw new RangeError(`The date ${formatCalendarDate(day)} is more than ${MAX_FORECAST_DAYS} days after the forecast starts (${formatCalendarDate(start)}).`);
  return countedDays(start, day, kind);
}

/** The sorted trial totals of a how-many question and its answer at each confidence. */
export function simulateHowMany(samples: Int32Array, days: number, trials: number, seed: number) {
  const sorted = sortedOutcomes(simulateTotals(samples, days, trials, seed));
  return { sorted, howMany: levelsOf((p) => atLeastWithConfidence(sorted, p)) };
}

/** How many items the scope finishes from the start through `by` (inclusive). */
export function howManyForecast(history: ThroughputHistory, by: number, request: ForecastRequest): HowManyForecast {
  const basis = forecastBasis(history, request);
  const days = howManyDays(basis.start, by, request.dayKind);
  const { sorted, howMany } = simulateHowMany(basis.samples, days, request.trials, request.seed);
  return { ...basis.provenance, by: formatCalendarDate(utcDayStart(by)), days, howMany, histogram: outcomeHistogram(sorted) };
}

/** The most counted days a "when" forecast simulates from `start`: ten years of them. */
export function whenHorizonDays(start: number, kind: DayKind): number {
  return countedDays(start, start + (MAX_FORECAST_DAYS - 1) * MS_PER_DAY, kind);
}

/** The sorted trial day counts of a when question and its answer (in counted days, null: not within) at each confidence. */
export function simulateWhen(samples: Int32Array, items: number, trials: number, seed: number, maxDays: number) {
  const sorted = sortedOutcomes(simulateDaysToFinish(samples, items, trials, seed, maxDays));
  const daysNeeded = levelsOf((p) => {
    const d = withinWithConfidence(sorted, p);
    return d > maxDays ? null : d;
  });
  return { sorted, daysNeeded };
}

/** When the scope will have finished `items` more items, counting from the start day. */
export function whenForecast(history: ThroughputHistory, items: number, request: ForecastRequest): WhenForecast {
  const basis = forecastBasis(history, request);
  const maxDays = whenHorizonDays(basis.start, request.dayKind);
  const { sorted, daysNeeded } = simulateWhen(basis.samples, items, request.trials, request.seed, maxDays);
  const dateOf = (d: number | null) => (d === null ? null : formatCalendarDate(nthCountedDay(basis.start, d, request.dayKind)));
  let unfinished = 0;
  for (let k = sorted.length - 1; k >= 0 && sorted[k]! > maxDays; k--) unfinished++;
  return {
    ...basis.provenance,
    items,
    when: { p50: dateOf(daysNeeded.p50), p70: dateOf(daysNeeded.p70), p85: dateOf(daysNeeded.p85), p95: dateOf(daysNeeded.p95) },
    daysNeeded,
    unfinishedTrials: unfinished,
    horizon: formatCalendarDate(nthCountedDay(basis.start, maxDays, request.dayKind)),
    histogram: outcomeHistogram(sorted, undefined, maxDays + 1).map((b) => ({ from: dateOf(b.from)!, to: dateOf(b.to)!, trials: b.trials })),
  };
}

export { CONFIDENCE_LEVELS };
