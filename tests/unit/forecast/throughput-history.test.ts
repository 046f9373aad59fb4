import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { doneBetween, resolveHistoryWindow, teamThroughputHistories, throughputHistory, throughputSamples } from '../../../shared/forecast/throughput-history';
import { contextOf, flowFixture, portfolio, T0 } from '../metrics/metrics-fixtures';

// The metrics' flow fixture (tests/unit/metrics/metrics-fixtures.ts), by the day of each final done:
// day 2 A-2 · day 3 B-2 · day 4 A-1 · day 5 B-5 (no history, its done date) · day 6 A-3 (reopened:
// its first done on day 2 does not count) · day 9 B-1. A-4 was cancelled; B-3 and B-4 are open.
// The data runs from day 0 (A-1 created) to day 9 (B-1 done, the last timestamp). T0 is a Monday.

const history = (overrides = {}) => throughputHistory(contextOf(flowFixture(), overrides))!;

describe('daily throughput of a scope', () => {
  it('every day of the data, zero days included, each item on the day of its final done', () => {
    const h = history();
    expect(h.firstDay).toBe(T0);
    expect(h.lastDay).toBe(T0 + 9 * MS_PER_DAY);
    expect([...h.daily]).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0, 1]);
  });

  it('the Flow page’s scope filters apply: one team, one item type', () => {
    expect([...history({ teamKeys: ['a'] }).daily]).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 0, 0]);
    expect([...history({ itemTypes: ['story'] }).daily]).toEqual([0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('one history per team in one pass, whatever the scope: what plan confidence samples each queue from', () => {
    const [a, b] = teamThroughputHistories(contextOf(flowFixture(), { teamKeys: ['a'] }))!;
    expect([...a!.daily]).toEqual([0, 0, 1, 0, 1, 0, 1, 0, 0, 0]);
    expect([...b!.daily]).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 1]);
    expect([a!.firstDay, a!.lastDay]).toEqual([history().firstDay, history().lastDay]);
  });

  it('items done between two days, both included', () => {
    expect(doneBetween(history(), T0 + 2 * MS_PER_DAY, T0 + 4 * MS_PER_DAY)).toBe(3);
    expect(doneBetween(history(), T0 + 7 * MS_PER_DAY, T0 + 30 * MS_PER_DAY)).toBe(1);
  });
});

describe('the history window', () => {
  it('by default the last 84 days ending on the data’s last day, cut at its first day', () => {
    const h = history();
    expect(resolveHistoryWindow(h, {})).toEqual({ from: T0, to: T0 + 10 * MS_PER_DAY });
    expect(resolveHistoryWindow(h, { days: 3 })).toEqual({ from: T0 + 7 * MS_PER_DAY, to: T0 + 10 * MS_PER_DAY });
  });

  it('explicit dates, both included', () => {
    expect(resolveHistoryWindow(history(), { window: { from: '2026-01-06', to: '2026-01-08' } })).toEqual({ from: T0 + MS_PER_DAY, to: T0 + 4 * MS_PER_DAY });
  });

  it('samples: every day of the window, or only Monday to Friday', () => {
    const h = history();
    const all = resolveHistoryWindow(h, {});
    expect([...throughputSamples(h, all, 'calendar')]).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0, 1]);
    // Days 5 and 6 are Saturday and Sunday: their two items count on Monday, day 7. Every item
    // done in the window is in the samples either way.
    expect([...throughputSamples(h, all, 'business')]).toEqual([0, 0, 1, 1, 1, 2, 0, 1]);
  });
});

describe('edge cases', () => {
  it('business days: a window ending on a weekend counts it on its last business day; one of weekend days only has no samples', () => {
    const h = history();
    // Monday (day 0) to Saturday (day 5): Saturday's item counts on Friday, day 4.
    expect([...throughputSamples(h, { from: T0, to: T0 + 6 * MS_PER_DAY }, 'business')]).toEqual([0, 0, 1, 1, 2]);
    // Sunday (day 6) to Tuesday (day 8): Sunday's item counts on Monday.
    expect([...throughputSamples(h, { from: T0 + 6 * MS_PER_DAY, to: T0 + 9 * MS_PER_DAY }, 'business')]).toEqual([1, 0]);
    expect([...throughputSamples(h, { from: T0 + 5 * MS_PER_DAY, to: T0 + 7 * MS_PER_DAY }, 'business')]).toEqual([]);
    // The input is not changed.
    expect([...h.daily]).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0, 1]);
  });

  it('dates outside the data are refused with the data’s range, not sampled as zeros', () => {
    expect(() => resolveHistoryWindow(history(), { window: { from: '2026-01-01', to: '2026-01-08' } })).toThrow(
      'The history window 2026-01-01 – 2026-01-08 reaches outside the data, which covers 2026-01-05 – 2026-01-14.',
    );
    expect(() => resolveHistoryWindow(history(), { window: { from: '2026-01-06', to: '2026-01-15' } })).toThrow(/reaches outside the data/);
  });

  it('a window length that is not a whole number of days from 1 is refused', () => {
    expect(() => resolveHistoryWindow(history(), { days: 0 })).toThrow(/whole number of days from 1/);
  });

  it('a workspace without dated data has no history', () => {
    expect(throughputHistory(contextOf(portfolio([])))).toBeNull();
  });

  it('an item done before it was created still counts on its done day, and moves the first day back', () => {
    const h = throughputHistory(contextOf(portfolio([{ key: 'X-1', team: 'a', created: 5, fields: { firstActive: null, done: 1, category: 'done', status: 'Done' } }])))!;
    expect(h.firstDay).toBe(T0 + MS_PER_DAY);
    expect([...h.daily]).toEqual([1, 0, 0, 0, 0]);
  });
});
