import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FlowReport } from '../../../shared/contract/metrics-channels';
import { MS_PER_DAY } from '../../../shared/domain/time';
import { computeFlowReport } from '../../../shared/metrics/flow-report';
import { MAX_CHART_MARKS } from '../../../shared/metrics/metrics-vocabulary';
import { weeklyCounts } from '../../../shared/metrics/week-slots';
import { contextOf, day, flowFixture, portfolio, T0, TWO_WEEKS } from './metrics-fixtures';

// Every expected number below is worked out by hand from the fixture described in metrics-fixtures.ts.
// The window is the two weeks from T0; the data's last timestamp is day 9.5 (B-1 done), so the data
// ends at midnight of day 10 and only the first week is a whole week of data.

function report(overrides = {}) {
  const r = computeFlowReport(contextOf(flowFixture(), { window: TWO_WEEKS, ...overrides }));
  return FlowReport.parse(r);
}

describe('flow report: hand-computed figures', () => {
  const r = report();
  const f = r.current;

  it('as of the data’s last timestamp, not the wall clock', () => {
    expect(r.scope.asOf).toBe(day(9.5));
    expect(r.scope.window).toMatchObject({ from: day(0), to: day(14), label: '2026-01-05 – 2026-01-18', days: 14 });
  });

  it('throughput: 6 done in the window (A-1, A-2, A-3, B-1, B-2, B-5), 5 in the only whole week', () => {
    expect(f.throughputPerWeek).toMatchObject({ total: 6, n: 1, p50: 5, p85: 5, p95: 5, mean: 5 });
    expect(r.charts.throughput.map((w) => [w.label, w.count, w.partial])).toEqual([
      ['2026-W02', 5, false],
      ['2026-W03', 1, true],
    ]);
  });

  it('lead time: 0, 2, 4, 6, 9 days; B-5 done before created is excluded and said so', () => {
    expect(f.leadTimeDays.n).toBe(5);
    expect(f.leadTimeDays.p50).toBe(4);
    expect(f.leadTimeDays.p85).toBeCloseTo(7.2, 9);
    expect(f.leadTimeDays.p95).toBeCloseTo(8.4, 9);
    expect(f.leadTimeDays.excluded).toEqual({ 'done-before-created': 1 });
  });

  it('cycle time: 0, 1, 3, 5, 7 days (A-3 reopened counts to its final done); B-2 never active is excluded', () => {
    expect(f.cycleTimeDays).toMatchObject({ n: 5, p50: 3 });
    expect(f.cycleTimeDays.p85).toBeCloseTo(5.8, 9);
    expect(f.cycleTimeDays.p95).toBeCloseTo(6.6, 9);
    expect(f.cycleTimeDays.excluded).toEqual({ 'no-active-date': 1 });
  });

  it('nearest rank gives 3, 7, 7 on the same cycle times (ranks ⌈2.5⌉, ⌈4.25⌉, ⌈4.75⌉ of five)', () => {
    const nr = report({ percentileMethod: 'nearest-rank' }).current.cycleTimeDays;
    expect([nr.p50, nr.p85, nr.p95]).toEqual([3, 7, 7]);
  });

  it('flow efficiency: (2 + 2 + 7) active ÷ (3 + 2 + 7) flow days = 11/12 for the portfolio', () => {
    expect(f.flowEfficiency.portfolio).toBeCloseTo(11 / 12, 12);
    expect(f.flowEfficiency.activeDays).toBeCloseTo(11, 9);
    expect(f.flowEfficiency.waitingDays).toBeCloseTo(1, 9);
    expect(f.flowEfficiency.perItem).toMatchObject({ n: 3, p50: 1 });
    expect(f.flowEfficiency.excluded).toEqual({ 'no-active-date': 1, 'no-status-history': 1, 'zero-flow-time': 1 });
  });

  it('WIP per day 0, 3, 2, 2, 2, 2, 1, 1, 2, 1 over days 0–9; B-3 alone open at the end', () => {
    expect(r.charts.wip.days.map((d) => d.wip)).toEqual([0, 3, 2, 2, 2, 2, 1, 1, 2, 1]);
    expect(f.wip.perDay).toMatchObject({ n: 10, p50: 2, p85: 2 });
    expect(f.wip.perDay.p95).toBeCloseTo(2.55, 9);
    expect(f.wip).toMatchObject({ current: 1, at: day(9.5), olderThanCycleP85: 0 });
  });

  it('cumulative flow at the end of day 2: B-2 to do, B-1 active, A-1 blocked, A-2 and A-3 done', () => {
    expect(r.charts.cumulativeFlow.days[2]).toEqual({ day: day(2), todo: 1, active: 1, waiting: 1, done: 2 });
    // End of day 9: B-4 to do, B-3 active, six done (A-3 once, A-4 cancelled has left).
    expect(r.charts.cumulativeFlow.days[9]).toEqual({ day: day(9), todo: 1, active: 1, waiting: 0, done: 6 });
  });

  it('ageing WIP: B-3 in progress for 0.75 days, against cycle-time lines 3 / 5.8 / 6.6', () => {
    const a = r.charts.ageingWip;
    expect(a.points).toEqual([{ key: 'B-3', title: 'Title of B-3', status: 'In Progress', ageDays: 0.75, type: 'risk', team: 'Bravo' }]);
    expect(a.columns).toEqual([{ status: 'In Progress', category: 'active', count: 1 }]);
    expect(a.cycleTime!.p50).toBe(3);
  });

  it('flow distribution: 4 feature (3 stories, 1 feature), 1 defect, 1 debt', () => {
    expect(f.flowDistribution.map((d) => [d.kind, d.count])).toEqual([
      ['feature', 4],
      ['defect', 1],
      ['risk', 0],
      ['debt', 1],
      ['other', 0],
    ]);
    expect(f.flowDistribution[0]!.share).toBeCloseTo(4 / 6, 12);
  });

  it('dependencies: D-2 open 1.5 days and overdue; D-1 resolved in 1 day; D-3 resolved before raised', () => {
    const d = f.dependencyAgeing;
    expect(d).toMatchObject({ open: 1, overdue: 1 });
    expect(d.openAgeDays).toMatchObject({ n: 1, p50: 1.5 });
    expect(d.resolutionDays).toMatchObject({ n: 1, p50: 1, excluded: { 'dependency-resolved-before-created': 1 } });
    // 0.625 days blocked while D-1 was open, of 12 flow days.
    expect(d.waitingShare).toBeCloseTo(0.625 / 12, 12);
    expect(r.charts.dependencyAgeing.points).toEqual([
      { key: 'D-2', fromItem: 'B-3', fromTeam: 'Bravo', toTeam: 'Alpha', interfaceName: 'API', ageDays: 1.5, overdue: true, lane: 'interface' },
    ]);
  });

  it('every exclusion once, beside the whole window', () => {
    expect(f.excluded).toEqual({
      'done-before-created': 1,
      'no-active-date': 1,
      'no-status-history': 1,
      'zero-flow-time': 1,
      'dependency-resolved-before-created': 1,
    });
  });
});

describe('flow report: scope and comparison', () => {
  it('a team filter keeps that team’s items only (Alpha: A-1, A-2, A-3 done)', () => {
    const r = report({ teamKeys: ['a'] });
    expect(r.current.throughputPerWeek.total).toBe(3);
    expect(r.scope.teams.map((t) => t.key)).toEqual(['a']);
    expect(r.scope.allTeams).toBe(false);
  });

  it('a value stream and an item-type filter combine with AND', () => {
    const r = report({ valueStreams: ['Two'], itemTypes: ['debt', 'story'] });
    // Bravo's debt B-2 and story B-5.
    expect(r.current.throughputPerWeek.total).toBe(2);
  });

  it('the comparison window is the same length just before, and charts span both', () => {
    const r = computeFlowReport(contextOf(flowFixture(), { window: { from: '2026-01-12', to: '2026-01-18' }, compare: 'previous' }));
    expect(r.scope.compare).toMatchObject({ from: day(0), to: day(7) });
    expect(r.previous!.throughputPerWeek.total).toBe(5);
    expect(r.current.throughputPerWeek.total).toBe(1);
    expect(r.charts.throughput.map((w) => w.window)).toEqual(['previous', 'current']);
  });

  it('without a window: the default number of weeks up to the data’s last day', () => {
    const r = computeFlowReport(contextOf(flowFixture(), { defaultWindowWeeks: 2 }));
    // Day 9.5 is in the week of day 7; two weeks back from it start at T0; the window ends at midnight of day 10.
    expect(r.scope.window).toMatchObject({ from: day(0), to: day(10) });
  });
});

describe('flow report: edge cases', () => {
  it('an item whose status times are out of order is flagged in the dependency waiting share as in cycle time and efficiency, which read the same flow times', () => {
    const p = portfolio([{ key: 'A-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Blocked', 3.5], ['Done', 3]] }], {
      dependencies: [{ key: 'D-1', fromItemKey: 'A-1', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: day(0.5), neededBy: null, resolvedAt: null }],
    });
    const f = computeFlowReport(contextOf(p, { window: { from: '2026-01-05', to: '2026-01-18' } })).current;
    expect(f.cycleTimeDays.excluded).toMatchObject({ 'history-out-of-order': 1 });
    expect(f.flowEfficiency.excluded).toMatchObject({ 'history-out-of-order': 1 });
    expect(f.dependencyAgeing.excluded).toMatchObject({ 'history-out-of-order': 1 });
  });

  it('a window ending before the data: what is stamped at the next midnight (date-only data) is the next day’s, not the window’s', () => {
    // Days 0–2 (the window ends at day 3's midnight); the data runs on to day 6.
    const p = portfolio(
      [
        { key: 'X', team: 'a', history: [['To Do', 0], ['In Progress', 3]] }, // starts the day after
        { key: 'Y', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 3]] }, // done the day after: open at the window's end
        { key: 'Z', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 2], ['In Progress', 3], ['Done', 6]] }, // reopened the day after
        { key: 'W', team: 'b', history: [['To Do', 0], ['In Progress', 2], ['Done', 6]] },
      ],
      {
        dependencies: [
          { key: 'E', fromItemKey: 'Y', fromTeamKey: 'a', toItemKey: null, toTeamKey: 'b', kind: 'blocks', interfaceName: null, createdAt: day(1), neededBy: null, resolvedAt: day(3) },
          { key: 'F', fromItemKey: 'W', fromTeamKey: 'b', toItemKey: null, toTeamKey: 'a', kind: 'blocks', interfaceName: null, createdAt: day(3), neededBy: null, resolvedAt: null },
        ],
      },
    );
    const r = FlowReport.parse(computeFlowReport(contextOf(p, { window: { from: '2026-01-05', to: '2026-01-07' } })));
    // Y and W were in progress at the end of day 2, as the day's own WIP says.
    expect(r.charts.wip.days.map((d) => d.wip).slice(0, 3)).toEqual([0, 2, 2]);
    expect(r.current.wip).toMatchObject({ current: 2, at: day(3) });
    expect(r.charts.ageingWip.points.map((a) => [a.key, a.ageDays])).toEqual([
      ['Y', 2],
      ['W', 1],
    ]);
    // E, resolved at day 3's midnight, was still open; F was raised the day after.
    expect(r.current.dependencyAgeing).toMatchObject({ open: 1 });
    expect(r.charts.dependencyAgeing.points.map((d) => [d.key, d.ageDays])).toEqual([['E', 2]]);
  });

  it('no items: empty distributions, no marks, no errors', () => {
    const r = FlowReport.parse(computeFlowReport(contextOf(portfolio([]))));
    expect(r.scope.asOf).toBeNull();
    expect(r.current.throughputPerWeek.total).toBe(0);
    expect(r.current.leadTimeDays).toEqual({ p50: null, p85: null, p95: null, n: 0, excluded: {} });
    expect(r.current.flowEfficiency.portfolio).toBeNull();
    expect(r.charts.cycleTimeScatter.points).toEqual([]);
  });

  it('cumulative flow: an item done before the chart starts stays out of the done band when it is released inside it', () => {
    const items = [
      { key: 'X-1', team: 'a', history: [['To Do', -6], ['In Progress', -5], ['Done', -2], ['Released', 3]] as [string, number][] },
      { key: 'X-2', team: 'a', history: [['To Do', 0.5], ['In Progress', 1], ['Done', 4], ['Released', 5]] as [string, number][] },
    ];
    const r = computeFlowReport(contextOf(portfolio(items), { window: TWO_WEEKS, compare: 'none' }));
    // X-2 counts once from day 4 (its release is the same finish); X-1 finished before day 0.
    expect(r.charts.cumulativeFlow.days.slice(0, 6).map((d) => d.done)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('one item done: it is every percentile', () => {
    const r = computeFlowReport(contextOf(portfolio([{ key: 'X-1', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 3.5]] }]), { window: TWO_WEEKS }));
    expect(r.current.cycleTimeDays).toMatchObject({ p50: 2.5, p85: 2.5, p95: 2.5, n: 1 });
    expect(r.current.leadTimeDays).toMatchObject({ p50: 3.5, n: 1 });
    expect(r.current.flowEfficiency.portfolio).toBe(1);
  });

  it('an empty team set is an empty scope, not the whole portfolio', () => {
    expect(report({ teamKeys: [] }).current.throughputPerWeek.total).toBe(0);
  });

  it('a done item with no done date is counted as such, in no window', () => {
    const p = portfolio([{ key: 'N-1', team: 'a', created: 0, fields: { firstActive: 1, done: null, category: 'done', status: 'Done' } }, { key: 'N-2', team: 'a', history: [['To Do', 0], ['In Progress', 1], ['Done', 2]] }]);
    const r = computeFlowReport(contextOf(p, { window: TWO_WEEKS }));
    expect(r.current.throughputPerWeek.total).toBe(1);
    expect(r.current.throughputPerWeek.excluded).toEqual({ 'no-done-date': 1 });
  });

  it('an unknown team key is reported, not ignored', () => {
    expect(contextOf(flowFixture(), { teamKeys: ['zz'] }).mask.unknownTeamKeys).toEqual(['zz']);
  });
});

describe('flow report: properties', () => {
  const doneDays = fc.array(fc.double({ min: 0, max: 69.99, noNaN: true }), { maxLength: 60 });

  it('weekly throughput of whole-week windows sums to the number of items done in the window', () => {
    fc.assert(
      fc.property(doneDays, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }), (times, startWeek, weeks) => {
        const window = { from: T0 + startWeek * 7 * MS_PER_DAY, to: T0 + (startWeek + weeks) * 7 * MS_PER_DAY };
        const w = weeklyCounts(times.map((d) => T0 + d * MS_PER_DAY), window, { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY });
        return w.counts.length === weeks && w.counts.reduce((a, b) => a + b, 0) === w.total;
      }),
    );
  });

  it('the throughput chart’s current weeks add up to the current window’s total, and p50 ≤ p85 ≤ p95', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 30, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true })), { minLength: 1, maxLength: 40 }), (specs) => {
        const p = portfolio(
          specs.map(([start, length], k) => ({ key: `P-${k}`, team: k % 2 ? 'a' : 'b', history: [['To Do', 0], ['In Progress', start], ['Done', start + length]] as [string, number][] })),
          { incidents: [{ key: 'END', teamKey: 'a', service: null, openedAt: day(70), resolvedAt: null, causedByDeploymentKey: null }] },
        );
        const r = computeFlowReport(contextOf(p, { window: { from: '2026-01-19', to: '2026-02-15' }, compare: 'previous' }));
        const charted = r.charts.throughput.filter((w) => w.window === 'current').reduce((n, w) => n + w.count, 0);
        const c = r.current.cycleTimeDays;
        return charted === r.current.throughputPerWeek.total && (c.n === 0 || (c.p50! <= c.p85! && c.p85! <= c.p95!));
      }),
      { numRuns: 60 },
    );
  });

  it('no chart gets more than the mark budget, however many items', () => {
    const specs = Array.from({ length: 3000 }, (_, k) => ({
      key: `M-${k}`,
      team: 'a',
      history: [['To Do', 0], ['In Progress', (k % 50) / 10], ...(k % 3 ? [['Done', 6 + (k % 70) / 10] as [string, number]] : [])] as [string, number][],
    }));
    const r = computeFlowReport(contextOf(portfolio(specs), { window: TWO_WEEKS }));
    expect(r.charts.cycleTimeScatter.binned).toBe(false);
    expect(r.charts.ageingWip.binned).toBe(false);
    expect(r.charts.ageingWip.points.length).toBe(1000);
    expect(r.charts.ageingWip.oldest).toHaveLength(50);
    const big = computeFlowReport(contextOf(portfolio([...specs, ...specs.map((s) => ({ ...s, key: `${s.key}b` }))]), { window: TWO_WEEKS }));
    const scatter = big.charts.cycleTimeScatter;
    expect(scatter.binned).toBe(true);
    expect(scatter.points).toEqual([]);
    expect(scatter.bins.length).toBeLessThanOrEqual(MAX_CHART_MARKS);
    expect(scatter.bins.reduce((n, b) => n + b.count, 0)).toBe(scatter.total);
    expect(scatter.total).toBe(4000);
  });
});
