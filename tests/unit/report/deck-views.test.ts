import { describe, expect, it } from 'vitest';
import { readDeckViews } from '../../../shared/report/deck-views';

const view = (address: string, title = address) => ({ title, address });

describe("what a deck's views narrow, read from their addresses", () => {
  it('the increment: Plan and Confidence name it, a Risks board scoped to one names it; "+" and %20 are spaces; the first named wins', () => {
    const reading = readDeckViews([view('/Flow'), view('/plan?tab=board&increment=PI+26.3', 'Board'), view('/confidence?increment=PI%2026.4', 'Votes'), view('/risks?scope=increment:PI+26.4', 'Risks')]);
    expect(reading.increment).toBe('PI 26.3');
    expect(reading.otherIncrements).toEqual([{ increment: 'PI 26.4', views: ['Votes', 'Risks'] }]);
    expect(readDeckViews([view('/plan'), view('/flow?increment=PI+9')]).increment).toBeNull();
  });

  it('the risk board: its scope and whether a group brings its teams; a view of every risk leaves them all', () => {
    expect(readDeckViews([view('/risks?scope=group:g-basket&teams=0'), view('/risks?scope=team:search')]).riskFilters).toEqual([
      { scope: { kind: 'group', key: 'g-basket' }, withTeams: false },
      { scope: { kind: 'team', key: 'search' }, withTeams: true },
    ]);
    expect(readDeckViews([view('/risks?scope=team:search'), view('/risks')]).riskFilters).toBeNull();
    expect(readDeckViews([view('/plan')]).riskFilters).toBeNull();
  });

  it('Flow and Delivery narrowed by team, value stream, group, type or dates; the comparison alone narrows nothing', () => {
    const reading = readDeckViews([view('/flow?teams=checkout&teams=basket&type=story'), view('/delivery?valueStreams=Payments&from=2026-09-01&to=2026-10-31'), view('/flow?compare=none'), view('/forecast?teams=checkout')]);
    expect(reading.flowNarrowings).toEqual([
      { page: 'flow', teams: ['checkout', 'basket'], valueStreams: [], groups: [], types: ['story'], window: null },
      { page: 'delivery', teams: [], valueStreams: ['Payments'], groups: [], types: [], window: { from: '2026-09-01', to: '2026-10-31' } },
    ]);
  });
});
