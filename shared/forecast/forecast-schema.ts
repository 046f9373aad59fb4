import { z } from 'zod';
import { CalendarDate } from '../domain/date-schemas';
import { ItemType, Key } from '../domain/entities';
import { DAY_KINDS } from './forecast-calendar';
import { DEFAULT_SEED, DEFAULT_TRIALS, MAX_SEED, MAX_TRIALS } from './monte-carlo';
import { DEFAULT_HISTORY_DAYS } from './throughput-history';

// Forecasts as they cross the contract. Every answer carries what it was computed from (window,
// sample count, trials, seed, start), so that the same question asked again gives the same answer
// bit for bit and anyone can see what it rests on.

const Count = z.number().int().nonnegative();

/** Ten years: no forecast looks further ahead. */
export const MAX_FORECAST_DAYS = 3660;
export const MAX_FORECAST_ITEMS = 1_000_000;

/**
 * Which work, which history and which simulation. The scope filters are the Flow page's (teams,
 * value streams, item types; an omitted filter keeps everything). The history is `window` (dates,
 * both included) or else the last `windowDays` days ending on the data's last day.
 */
export const ForecastScope = z.object({
  teamKeys: z.array(Key).max(5000).optional(),
  valueStreams: z.array(z.string().trim().min(1).max(500)).max(500).optional(),
  itemTypes: z.array(ItemType).optional(),
  window: z
    .object({ from: CalendarDate, to: CalendarDate })
    .refine((w) => w.from <= w.to, { message: 'the window ends before it starts', path: ['to'] })
    .optional(),
  windowDays: z.number().int().min(1, 'at least 1 day').max(MAX_FORECAST_DAYS, `at most ${MAX_FORECAST_DAYS} days`).default(DEFAULT_HISTORY_DAYS),
  trials: z.number().int().min(1, 'at least 1 trial').max(MAX_TRIALS, `at most ${MAX_TRIALS.toLocaleString('en-US')} trials`).default(DEFAULT_TRIALS),
  seed: z.number().int().min(0, 'a seed is at least 0').max(MAX_SEED, `a seed is at most ${MAX_SEED}`).default(DEFAULT_SEED),
  dayKind: z.enum(DAY_KINDS).default('calendar'),
  /** The first forecast day; by default the day after the data's last day. */
  start: CalendarDate.optional(),
});
export type ForecastScope = z.input<typeof ForecastScope>;

export const HowManyQuestion = z.object({ by: CalendarDate });
export const WhenQuestion = z.object({ items: z.number().int().min(1, 'at least 1 item').max(MAX_FORECAST_ITEMS, `at most ${MAX_FORECAST_ITEMS.toLocaleString('en-US')} items`) });

export const HowManyInput = ForecastScope.extend(HowManyQuestion.shape);
export const WhenInput = ForecastScope.extend(WhenQuestion.shape);
export const BacktestInput = ForecastScope.extend({
  question: z.discriminatedUnion('kind', [HowManyQuestion.extend({ kind: z.literal('how-many') }), WhenQuestion.extend({ kind: z.literal('when') })]),
});

/** The answer at 50, 70, 85 and 95 % confidence. */
const levels = <T extends z.ZodType>(value: T) => z.object({ p50: value, p70: value, p85: value, p95: value });

export const ForecastProvenance = z.object({
  /** The history sampled: both dates included; `days` calendar days. */
  window: z.object({ from: CalendarDate, to: CalendarDate, days: Count }),
  /** Days sampled (every day of the window, or its Monday-to-Friday days). */
  samples: Count,
  /** Items done in the window (the sum of the samples). */
  itemsInWindow: Count,
  trials: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
  dayKind: z.enum(DAY_KINDS),
  /** The first forecast day. */
  start: CalendarDate,
  /** The data's last day. */
  dataLastDay: CalendarDate,
  /** The scope's team keys; null when no team filter applied (every team, and work without one). */
  teamKeys: z.array(z.string()).nullable(),
  itemTypes: z.array(ItemType),
});
export type ForecastProvenance = z.infer<typeof ForecastProvenance>;

export const HowManyForecast = ForecastProvenance.extend({
  by: CalendarDate,
  /** Forecast days from start through `by` (counted days: business days in that mode). */
  days: Count,
  /** "P %: N items or more". */
  howMany: levels(Count),
  /** Trials per range of totals (both ends included), at most 60 bars. */
  histogram: z.array(z.object({ from: Count, to: Count, trials: Count })),
});
export type HowManyForecast = z.infer<typeof HowManyForecast>;

export const WhenForecast = ForecastProvenance.extend({
  items: z.number().int().positive(),
  /** "P %: on or before this date"; null when fewer than P % of trials finish within ten years. */
  when: levels(CalendarDate.nullable()),
  /** The same in counted days from start (1 = the start day itself). */
  daysNeeded: levels(z.number().int().positive().nullable()),
  /** Trials that had not finished by `horizon`, the last day simulated. */
  unfinishedTrials: Count,
  horizon: CalendarDate,
  /** Trials per range of finish dates (both ends included), at most 60 bars; unfinished trials are not in it. */
  histogram: z.array(z.object({ from: CalendarDate, to: CalendarDate, trials: Count })),
});
export type WhenForecast = z.infer<typeof WhenForecast>;

const Outcome = z.union([z.number().int(), CalendarDate]).nullable();

export const BacktestRun = z.object({
  /** The last day of history this run could see; its forecast starts the day after. */
  asOf: CalendarDate,
  /** How many: the item counts; when: the dates. */
  forecast: levels(Outcome),
  /** What happened: items done by the date, or the day the N-th item was done (null: not yet by the data's last day). */
  actual: Outcome,
  /** Whether the outcome met each forecast; null when the data cannot tell yet. */
  held: levels(z.boolean().nullable()),
});
export type BacktestRun = z.infer<typeof BacktestRun>;

export const Backtest = z.object({
  kind: z.enum(['how-many', 'when']),
  everyDays: z.number().int().positive(),
  windowDays: Count,
  /** How many: counted days from each run's start through its date, as in the forecast. */
  horizonDays: Count.nullable(),
  items: Count.nullable(),
  trials: z.number().int().positive(),
  seed: z.number().int().nonnegative(),
  dayKind: z.enum(DAY_KINDS),
  /** Newest first. */
  runs: z.array(BacktestRun),
  /** Runs the data allowed before the cap to the newest ones. */
  possibleRuns: Count,
  /** Per confidence: "the 85 % forecast held in `held` of `of` backtests". */
  summary: z.array(z.object({ percent: z.number().int(), held: Count, of: Count })),
});
export type Backtest = z.infer<typeof Backtest>;
