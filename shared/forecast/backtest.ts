import { MS_PER_DAY } from '../domain/time';
import { formatCalendarDate } from '../metrics/utc-calendar';
import { nthCountedDay } from './forecast-calendar';
import type { Backtest, BacktestRun } from './forecast-schema';
import { forecastBasis, howManyDays, simulateHowMany, simulateWhen, whenHorizonDays, type ForecastRequest } from './forecast';
import { CONFIDENCE_LEVELS } from './outcome-percentiles';
import { doneBetween, throughputSamples, type ThroughputHistory } from './throughput-history';

// Calibration on the workspace's own history: the same forecast made as of earlier days, each with
// only the history it could have seen, checked against what then happened. Runs are 14 days apart,
// newest first, wherever a full window lies before and (for "how many") the whole horizon after.

export const BACKTEST_EVERY_DAYS = 14;
/** The newest runs kept: a year of fortnights. */
export const MAX_BACKTESTS = 26;

export type BacktestQuestion = { readonly kind: 'how-many'; readonly by: number } | { readonly kind: 'when'; readonly items: number };

type Levels<T> = { p50: T; p70: T; p85: T; p95: T };
const mapLevels = <T, U>(levels: Levels<T>, f: (value: T) => U): Levels<U> => ({ p50: f(levels.p50), p70: f(levels.p70), p85: f(levels.p85), p95: f(levels.p95) });

export function backtest(history: ThroughputHistory, question: BacktestQuestion, request: ForecastRequest): Backtest {
  const live = forecastBasis(history, request);
  const windowDays = live.provenance.window.days;
  const kind = request.dayKind;
  const fullWindow = (asOf: number) => asOf - (windowDays - 1) * MS_PER_DAY >= history.firstDay;
  const sampleAsOf = (asOf: number) => throughputSamples(history, { from: asOf - (windowDays - 1) * MS_PER_DAY, to: asOf + MS_PER_DAY }, kind);

  const asOfDays: number[] = [];
  let horizonDays: number | null = null;
  if (question.kind === 'how-many') {
    horizonDays = howManyDays(live.start, question.by, kind);
    if (horizonDays > 0) {
      // The newest run whose horizon ends by the data's last day.
      let latest = history.lastDay - horizonDays * MS_PER_DAY;
      while (nthCountedDay(latest + MS_PER_DAY, horizonDays, kind) > history.lastDay) latest -= MS_PER_DAY;
      for (let asOf = latest; fullWindow(asOf); asOf -= BACKTEST_EVERY_DAYS * MS_PER_DAY) asOfDays.push(asOf);
    }
  } else {
    for (let asOf = history.lastDay - BACKTEST_EVERY_DAYS * MS_PER_DAY; fullWindow(asOf); asOf -= BACKTEST_EVERY_DAYS * MS_PER_DAY) asOfDays.push(asOf);
  }

  const runs: BacktestRun[] = asOfDays.slice(0, MAX_BACKTESTS).map((asOf) => {
    const start = asOf + MS_PER_DAY;
    const samples = sampleAsOf(asOf);
    if (question.kind === 'how-many') {
      const days = horizonDays!;
      const { howMany } = simulateHowMany(samples, days, request.trials, request.seed);
      const actual = doneBetween(history, start, nthCountedDay(start, days, kind));
      return { asOf: formatCalendarDate(asOf), forecast: howMany, actual, held: mapLevels(howMany, (n) => actual >= n) };
    }
    const maxDays = whenHorizonDays(start, kind);
    const { daysNeeded } = simulateWhen(samples, question.items, request.trials, request.seed, maxDays);
    const forecast = mapLevels(daysNeeded, (d) => (d === null ? null : nthCountedDay(start, d, kind)));
    const actual = dayReaching(history, start, question.items);
    const held = mapLevels(forecast, (date) => {
      if (actual !== null) return date === null || actual <= date;
      // Not reached yet: a forecast date already past is missed; a later one cannot be judged.
      return date !== null && date <= history.lastDay ? false : null;
    });
    return {
      asOf: formatCalendarDate(asOf),
      forecast: mapLevels(forecast, (date) => (date === null ? null : formatCalendarDate(date))),
      actual: actual === null ? null : formatCalendarDate(actual),
      held,
    };
  });

  return {
    kind: question.kind,
    everyDays: BACKTEST_EVERY_DAYS,
    windowDays,
    horizonDays,
    items: question.kind === 'when' ? question.items : null,
    trials: request.trials,
    seed: request.seed,
    dayKind: kind,
    runs,
    possibleRuns: asOfDays.length,
    summary: CONFIDENCE_LEVELS.map((percent) => {
      const key = `p${percent}` as const;
      const judged = runs.filter((r) => r.held[key] !== null);
      return { percent, held: judged.filter((r) => r.held[key]).length, of: judged.length };
    }),
  };
}

/** The day the `items`-th item done from `start` on was done, or null if that had not happened by the data's last day. */
function dayReaching(history: ThroughputHistory, start: number, items: number): number | null {
  let total = 0;
  for (let k = Math.max(0, Math.round((start - history.firstDay) / MS_PER_DAY)); k < history.daily.length; k++) {
    total += history.daily[k]!;
    if (total >= items) return history.firstDay + k * MS_PER_DAY;
  }
  return null;
}

