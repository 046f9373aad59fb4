import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';
import { howManyForecast, whenForecast, type ForecastRequest } from '../../../shared/forecast/forecast';
import type { ThroughputHistory } from '../../../shared/forecast/throughput-history';
import { exactHowMany, exactWhen } from './exact-distribution';

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A history of whole days from 2026-01-05 (a Monday). */
function historyOf(daily: number[]): ThroughputHistory {
  return { daily: Int32Array.from(daily), firstDay: d('2026-01-05'), lastDay: d('2026-01-05') + (daily.length - 1) * MS_PER_DAY };
}

const request = (overrides: Partial<ForecastRequest> = {}): ForecastRequest => ({
  history: {},
  trials: 10_000,
  seed: 1,
  dayKind: 'calendar',
  scope: { teamKeys: null, itemTypes: ['story'] },
  ...overrides,
});

// Four weeks of history: 2026-01-05 … 2026-02-01 (28 days); the forecast starts Monday 2026-02-02.
const WEEK = [0, 2, 1, 0, 3, 0, 1];
const FOUR_WEEKS = [...WEEK, ...WEEK, ...WEEK, ...WEEK];

describe('how many by a date', () => {
  it('a steady 2 a day: exactly 2 per day at every confidence, the date included', () => {
    const f = HowManyForecast.parse(howManyForecast(historyOf(new Array(28).fill(2)), d('2026-02-11'), request()));
    expect(f.days).toBe(10);
    expect(f.howMany).toEqual({ p50: 20, p70: 20, p85: 20, p95: 20 });
    expect(f.histogram).toEqual([{ from: 20, to: 20, trials: 10_000 }]);
  });

  it('matches the exact distribution of a sum of days within one item, the history window being the default', () => {
    const f = howManyForecast(historyOf(FOUR_WEEKS), d('2026-02-21'), request());
    expect(f.days).toBe(20);
    for (const p of [50, 70, 85, 95] as const) expect(Math.abs(f.howMany[`p${p}`] - exactHowMany(WEEK, 20, p))).toBeLessThanOrEqual(1);
    expect(f.howMany.p50).toBeGreaterThanOrEqual(f.howMany.p85);
  });

  it('carries its provenance: window, samples, trials, seed, start', () => {
    const f = howManyForecast(historyOf(FOUR_WEEKS), d('2026-02-21'), request({ trials: 500, seed: 77 }));
    expect(f).toMatchObject({
      window: { from: '2026-01-05', to: '2026-02-01', days: 28 },
      samples: 28,
      itemsInWindow: 28,
      trials: 500,
      seed: 77,
      dayKind: 'calendar',
      start: '2026-02-02',
      dataLastDay: '2026-02-01',
      by: '2026-02-21',
      teamKeys: null,
      itemTypes: ['story'],
    });
  });

  it('business days: weekends neither sampled nor forecast, but the work done on them counts on the Monday after', () => {
    // Weekdays deliver 1, weekends 5. The samples are the 20 weekdays: three Mondays carry the
    // weekend before (1 + 5 + 5 = 11), and the last weekend, with no Monday in the window, counts
    // on its Friday: four samples of 11 and sixteen of 1, every one of the 60 items done.
    const daily = Array.from({ length: 28 }, (_, k) => (k % 7 >= 5 ? 5 : 1));
    const business = howManyForecast(historyOf(daily), d('2026-02-15'), request({ dayKind: 'business' }));
    expect(business.samples).toBe(20);
    expect(business.itemsInWindow).toBe(60);
    expect(business.days).toBe(10);
    // Ten draws, each 11 with odds 1/5: 10 + 10·K with K binomial(10, 0.2). Reached in at least
    // 50 % of trials: K ≥ 2 (62.4 %); 70 % and 85 %: K ≥ 1 (89.3 %); 95 %: K ≥ 0. As many as two
    // calendar weeks give (10 weekdays + 4 weekend days of 5 = 30), at the median.
    const samples = [1, 1, 1, 1, 1, 11, 1, 1, 1, 1, 11, 1, 1, 1, 1, 11, 1, 1, 1, 11];
    expect([50, 70, 85, 95].map((p) => exactHowMany(samples, 10, p))).toEqual([30, 20, 20, 10]);
    expect(business.howMany).toEqual({ p50: 30, p70: 20, p85: 20, p95: 10 });
  });

  it('a start date and a shorter window are honoured', () => {
    const f = howManyForecast(historyOf(FOUR_WEEKS), d('2026-02-20'), request({ start: d('2026-02-16'), history: { days: 7 } }));
    expect(f.start).toBe('2026-02-16');
    expect(f.days).toBe(5);
    expect(f.window).toEqual({ from: '2026-01-26', to: '2026-02-01', days: 7 });
  });

  it('the same question and seed answer bit for bit the same; another seed may differ', () => {
    const a = howManyForecast(historyOf(FOUR_WEEKS), d('2026-03-31'), request({ seed: 5 }));
    expect(howManyForecast(historyOf(FOUR_WEEKS), d('2026-03-31'), request({ seed: 5 }))).toEqual(a);
    expect(howManyForecast(historyOf(FOUR_WEEKS), d('2026-03-31'), request({ seed: 6 })).histogram).not.toEqual(a.histogram);
  });
});

describe('when will N be done', () => {
  it('a steady 2 a day: 9 items need 5 days, the 5th day counting from the start day itself', () => {
    const f = WhenForecast.parse(whenForecast(historyOf(new Array(28).fill(2)), 9, request()));
    expect(f.daysNeeded).toEqual({ p50: 5, p70: 5, p85: 5, p95: 5 });
    expect(f.when).toEqual({ p50: '2026-02-06', p70: '2026-02-06', p85: '2026-02-06', p95: '2026-02-06' });
    expect(f.unfinishedTrials).toBe(0);
  });

  it('within one day of the exact first-passage day', () => {
    const f = whenForecast(historyOf(FOUR_WEEKS), 30, request());
    for (const p of [50, 70, 85, 95] as const) expect(Math.abs(f.daysNeeded[`p${p}`]! - exactWhen(WEEK, 30, p))).toBeLessThanOrEqual(1);
    expect(f.when.p85! >= f.when.p50!).toBe(true);
  });

  it('business days: the 5 weekdays of 2 a day give 10 items on Friday, 11 on the Monday after', () => {
    const daily = Array.from({ length: 28 }, (_, k) => (k % 7 >= 5 ? 0 : 2));
    expect(whenForecast(historyOf(daily), 10, request({ dayKind: 'business' })).when.p95).toBe('2026-02-06');
    expect(whenForecast(historyOf(daily), 11, request({ dayKind: 'business' })).when.p95).toBe('2026-02-09');
  });

  it('a histogram of finish dates, at most 60 bars, every finished trial in it', () => {
    const f = whenForecast(historyOf(FOUR_WEEKS), 200, request());
    expect(f.histogram.length).toBeLessThanOrEqual(60);
    expect(f.histogram.reduce((s, b) => s + b.trials, 0)).toBe(10_000 - f.unfinishedTrials);
  });
});

describe('edge cases', () => {
  it('no item done in the window: nothing by any date, and never within ten years', () => {
    const idle = historyOf(new Array(28).fill(0));
    expect(howManyForecast(idle, d('2026-03-01'), request()).howMany).toEqual({ p50: 0, p70: 0, p85: 0, p95: 0 });
    const f = whenForecast(idle, 5, request());
    expect(f.when).toEqual({ p50: null, p70: null, p85: null, p95: null });
    expect(f.unfinishedTrials).toBe(10_000);
    expect(f.histogram).toEqual([]);
    expect(f.horizon).toBe('2036-02-09');
  });

  it('a date before the start or more than ten years after it is refused with both dates', () => {
    expect(() => howManyForecast(historyOf(FOUR_WEEKS), d('2026-02-01'), request())).toThrow('The date 2026-02-01 is before the forecast starts (2026-02-02).');
    expect(() => howManyForecast(historyOf(FOUR_WEEKS), d('2036-06-01'), request())).toThrow(/more than 3660 days after the forecast starts/);
  });

  it('the start day alone: one day of throughput', () => {
    expect(howManyForecast(historyOf(new Array(28).fill(3)), d('2026-02-02'), request()).howMany.p95).toBe(3);
  });

  it('business days over a window of weekend days only: nothing to sample, said so', () => {
    expect(() => howManyForecast(historyOf(FOUR_WEEKS), d('2026-03-01'), request({ dayKind: 'business', history: { window: { from: '2026-01-10', to: '2026-01-11' } } }))).toThrow(/no business day to sample/);
  });
});
