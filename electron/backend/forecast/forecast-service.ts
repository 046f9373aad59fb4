import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { forecastChannels } from '../../../shared/contract/forecast-channels';
import { MetricsScope } from '../../../shared/contract/metrics-channels';
import { AppError } from '../../../shared/contract/result';
import { ITEM_TYPES } from '../../../shared/domain/vocabulary';
import { backtest } from '../../../shared/forecast/backtest';
import { howManyForecast, whenForecast, type ForecastRequest } from '../../../shared/forecast/forecast';
import type { Backtest, HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';
import { preparePlanConfidence } from '../../../shared/forecast/plan-confidence';
import type { PlanConfidence, PlanConfidenceInput } from '../../../shared/forecast/plan-confidence-schema';
import { resolveHistoryWindow, teamThroughputHistories, throughputHistory, throughputSamples, type ThroughputHistory } from '../../../shared/forecast/throughput-history';
import { defaultPlanStart } from '../../../shared/forecast/forecast-start';
import { parseCalendarDate } from '../../../shared/metrics/utc-calendar';
import { contextFor } from '../metrics/metrics-service';
import { readPlanData, resolveIncrement } from '../planning/plan-queries';
import type { PlanSimulationThreads } from './plan-simulation-threads';
import { dataDateRange } from '../store/queries/overview';

// Forecasts over the columns the metrics channels load (and keep) for the workspace. Nothing is
// stored: an answer is a pure function of the data, the scope, the window, the trials and the seed,
// all of which it carries, so asking again — from the address, a saved link or the CLI — gives the
// same answer bit for bit as long as the data has not changed.

type ForecastInput = z.output<(typeof forecastChannels)['forecast.howMany']['input']>;

/** The scope's throughput history and the request the pure forecast functions take. */
function prepare(db: Database, input: Omit<ForecastInput, 'by'>): { history: ThroughputHistory; request: ForecastRequest } {
  const scope = MetricsScope.parse({ teamKeys: input.teamKeys, valueStreams: input.valueStreams, itemTypes: input.itemTypes, compare: 'none' });
  const { ctx } = contextFor(db, scope);
  const history = throughputHistory(ctx);
  if (history === null) throw new AppError('invalid-input', 'This workspace holds no dated work yet: import your teams’ data before forecasting.');
  const teamKeys = ctx.mask.allTeams ? null : ctx.dataset.teams.filter((_, i) => ctx.mask.teams[i] === 1).map((t) => t.key);
  return {
    history,
    request: {
      history: { window: input.window, days: input.windowDays },
      trials: input.trials,
      seed: input.seed,
      dayKind: input.dayKind,
      start: input.start === undefined ? undefined : parseCalendarDate(input.start)!,
      scope: { teamKeys, itemTypes: ITEM_TYPES.filter((_, i) => ctx.mask.types[i] === 1) },
    },
  };
}

/** A question the data cannot answer (a date before the start, a window outside the data) is the caller's to fix. */
function answering<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}

export function forecastHowMany(db: Database, input: ForecastInput): HowManyForecast {
  const { history, request } = prepare(db, input);
  return answering(() => howManyForecast(history, parseCalendarDate(input.by)!, request));
}

export function forecastWhen(db: Database, input: z.output<(typeof forecastChannels)['forecast.when']['input']>): WhenForecast {
  const { history, request } = prepare(db, input);
  return answering(() => whenForecast(history, input.items, request));
}

export function forecastBacktest(db: Database, input: z.output<(typeof forecastChannels)['forecast.backtest']['input']>): Backtest {
  const { history, request } = prepare(db, input);
  const { question } = input;
  return answering(() => backtest(history, question.kind === 'how-many' ? { kind: 'how-many', by: parseCalendarDate(question.by)! } : question, request));
}

/** The parents (features, epics) of an increment's planned items, with their titles when the workspace holds them. */
function parentsOfPlanned(db: Database, incrementId: number): Map<string, { parentKey: string; parentTitle: string | null }> {
  const rows = db
    .prepare(
      `SELECT w.key, w.parent_key AS parentKey, parent.title AS parentTitle
       FROM planned_items p JOIN work_items w ON w.id = p.item_id LEFT JOIN work_items parent ON parent.key = w.parent_key
       WHERE p.increment_id = ? AND w.parent_key IS NOT NULL`,
    )
    .all(incrementId) as { key: string; parentKey: string; parentTitle: string | null }[];
  return new Map(rows.map((r) => [r.key, { parentKey: r.parentKey, parentTitle: r.parentTitle }]));
}

/**
 * The odds of an increment's plan: every team's queue sampled from its own throughput over the
 * history window, all teams inside the same trial (shared/forecast/plan-confidence).
 */
export async function forecastPlan(db: Database, input: z.output<typeof PlanConfidenceInput>, threads: PlanSimulationThreads): Promise<PlanConfidence> {
  const { ctx } = contextFor(db, MetricsScope.parse({ compare: 'none' }));
  const histories = teamThroughputHistories(ctx);
  if (histories === null) throw new AppError('invalid-input', 'This workspace holds no dated work yet: import your teams’ data before forecasting the plan.');
  const increment = resolveIncrement(db, input.increment, dataDateRange(db)?.to ?? null);
  const plan = readPlanData(db, increment, null);
  const first = histories[0] ?? throughputHistory(ctx)!;
  const prepared = answering(() => {
    const window = resolveHistoryWindow(first, { days: input.windowDays });
    const samples = new Map(ctx.dataset.teams.map((t, i) => [t.key, throughputSamples(histories[i]!, window, input.dayKind)]));
    return preparePlanConfidence({
      plan,
      samples,
      parents: parentsOfPlanned(db, increment.id),
      window,
      dataLastDay: first.lastDay,
      ...(input.start === undefined ? defaultPlanStart(first.lastDay, increment.start_at) : { start: parseCalendarDate(input.start)!, startFrom: 'given' as const }),
      trials: input.trials,
      seed: input.seed,
      dayKind: input.dayKind,
      uncommitBelow: input.uncommitBelow,
    });
  });
  try {
    return prepared.answer(await threads.simulate(prepared.simulation));
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('invalid-input', error.message);
    throw error;
  }
}
