import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { backtest, MAX_BACKTESTS } from '../../../shared/forecast/backtest';
import type { ForecastRequest } from '../../../shared/forecast/forecast';
import { Backtest } from '../../../shared/forecast/forecast-schema';
import type { ThroughputHistory } from '../../../shared/forecast/throughput-history';

const DAY0 = Date.parse('2026-01-05T00:00:00Z');
const day = (k: number) => DAY0 + k * MS_PER_DAY;
const date = (k: number) => new Date(day(k)).toISOString().slice(0, 10);

/** 200 days of history, day 0 … day 199, from a function of the day. */
function historyOf(perDay: (k: number) => number, length = 200): ThroughputHistory {
  return { daily: Int32Array.from({ length }, (_, k) => perDay(k)), firstDay: day(0), lastDay: day(length - 1) };
}

const request = (overrides: Partial<ForecastRequest> = {}): ForecastRequest => ({
  history: { days: 7 },
  trials: 2000,
  seed: 1,
  dayKind: 'calendar',
  scope: { teamKeys: null, itemTypes: ['story'] },
  ...overrides,
});

describe('backtest of "how many": as of every 14th day back, each with only the history before it', () => {
  // 2 a day through day 139, then nothing. Asked: how many in the 10 days after the data (by day 209).
  const h = historyOf((k) => (k <= 139 ? 2 : 0));
  const b = Backtest.parse(backtest(h, { kind: 'how-many', by: day(209) }, request()));

  it('runs from the newest day whose 10-day horizon ends by the data’s last day, while 7 days of history lie before', () => {
    expect(b.horizonDays).toBe(10);
    expect(b.runs[0]!.asOf).toBe(date(189));
    expect(b.runs.map((r) => r.asOf)).toEqual(Array.from({ length: 14 }, (_, k) => date(189 - 14 * k)));
    expect(b.possibleRuns).toBe(14);
  });

  it('each run forecasts from its own window and is checked against what happened next', () => {
    // As of day 133 the window (127–133) says 2 a day: 20 items; only days 134–139 delivered: 12.
    const missed = b.runs.find((r) => r.asOf === date(133))!;
    expect(missed.forecast).toEqual({ p50: 20, p70: 20, p85: 20, p95: 20 });
    expect(missed.actual).toBe(12);
    expect(missed.held).toEqual({ p50: false, p70: false, p85: false, p95: false });
    // As of day 147 the window is all zero days: 0 items, and 0 came.
    expect(b.runs.find((r) => r.asOf === date(147))).toMatchObject({ forecast: { p85: 0 }, actual: 0, held: { p85: true } });
  });

  it('"the 85 % forecast held in 13 of 14 backtests"', () => {
    expect(b.summary).toEqual([
      { percent: 50, held: 13, of: 14 },
      { percent: 70, held: 13, of: 14 },
      { percent: 85, held: 13, of: 14 },
      { percent: 95, held: 13, of: 14 },
    ]);
  });
});

describe('backtest of "when"', () => {
  // 1 a day through day 179, then nothing. Asked: when will 10 more be done.
  const h = historyOf((k) => (k <= 179 ? 1 : 0));
  const b = backtest(h, { kind: 'when', items: 10 }, request());

  it('runs every 14 days back from 14 days before the data’s last day', () => {
    expect(b.runs.map((r) => r.asOf)).toEqual(Array.from({ length: 13 }, (_, k) => date(185 - 14 * k)));
  });

  it('a forecast date already past without the outcome is missed; a later one cannot be judged yet', () => {
    // As of day 171: 10 days at 1 a day → day 181; only 8 came (172–179), then none through day 199.
    expect(b.runs[1]).toMatchObject({ asOf: date(171), forecast: { p85: date(181) }, actual: null, held: { p85: false } });
    // As of day 185 the window holds one item in 7 days: the forecast dates lie after the data.
    expect(b.runs[0]!.actual).toBeNull();
    expect(b.runs[0]!.held).toEqual({ p50: null, p70: null, p85: null, p95: null });
    // As of day 157: forecast day 167, and the 10th item came on day 167.
    expect(b.runs[2]).toMatchObject({ asOf: date(157), forecast: { p85: date(167) }, actual: date(167), held: { p85: true } });
  });

  it('the summary counts the runs that can be judged', () => {
    expect(b.summary.find((s) => s.percent === 85)).toEqual({ percent: 85, held: 11, of: 12 });
  });
});

describe('edge cases', () => {
  it('keeps the newest 26 runs and says how many the data allowed', () => {
    const b = backtest(historyOf(() => 1, 1000), { kind: 'how-many', by: day(1000) }, request());
    expect(b.runs).toHaveLength(MAX_BACKTESTS);
    expect(b.possibleRuns).toBe(71);
    expect(b.summary[2]).toEqual({ percent: 85, held: 26, of: 26 });
  });

  it('too little history for one full window before any run: no runs, and a summary of 0 of 0', () => {
    const b = backtest(historyOf(() => 1, 20), { kind: 'how-many', by: day(30) }, request({ history: { days: 84 } }));
    expect(b.runs).toEqual([]);
    expect(b.summary[2]).toEqual({ percent: 85, held: 0, of: 0 });
  });

  it('the same question and seed give the same backtest', () => {
    const h = historyOf((k) => (k % 3 === 0 ? 2 : k % 5 === 0 ? 1 : 0));
    expect(backtest(h, { kind: 'how-many', by: day(220) }, request())).toEqual(backtest(h, { kind: 'how-many', by: day(220) }, request()));
  });
});
