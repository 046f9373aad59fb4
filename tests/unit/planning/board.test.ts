import { describe, expect, it } from 'vitest';
import { BaselineBody, baselineOf, changesSince } from '../../../shared/planning/baseline';
import { boardConflicts, buildBoard, columnFor, milestoneGapText, milestonePlace } from '../../../shared/planning/board';
import { boardTeamNames } from '../../../shared/planning/board-team-names';
import { dependencyChains } from '../../../shared/planning/board-lint';
import { boardSummary } from '../../../shared/planning/board-summary';
import {
  countDependencyKinds,
  DEPENDENCY_KIND_TEXT,
  DEPENDENCY_KINDS,
  dependencyBadges,
  dependencyEndPlace,
  dependencyKind,
  dependencyKindsByCard,
  dependencyProviderText,
  dependencyState,
  dependencyText,
  dependencyTroubleText,
  stateOfKind,
} from '../../../shared/planning/dependency-state';
import type { PlanData, PlanIteration, PlannedWork } from '../../../shared/planning/plan-data';
import { predictability } from '../../../shared/planning/predictability';
import { planData } from './plan-data-fixture';

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

// Three two-week shared iterations from 2026-01-05, and team C's own one-week sprints.
const I1: PlanIteration = { id: 1, name: 'I1', start: d('2026-01-05'), end: d('2026-01-19'), teamKey: null };
const I2: PlanIteration = { id: 2, name: 'I2', start: d('2026-01-19'), end: d('2026-02-02'), teamKey: null };
const I3: PlanIteration = { id: 3, name: 'I3', start: d('2026-02-02'), end: d('2026-02-16'), teamKey: null };
const C1: PlanIteration = { id: 11, name: 'C-S1', start: d('2026-01-05'), end: d('2026-01-12'), teamKey: 'c' };
const C2: PlanIteration = { id: 12, name: 'C-S2', start: d('2026-01-12'), end: d('2026-01-19'), teamKey: 'c' };
const C3: PlanIteration = { id: 13, name: 'C-S3', start: d('2026-01-19'), end: d('2026-01-26'), teamKey: 'c' };

function work(itemKey: string, teamKey: string, iterationId: number, rank: number, size: number | null = 1, doneAt: number | null = null): PlannedWork {
  return { itemKey, title: `Title ${itemKey}`, type: 'feature', teamKey, iterationId, rank, size, doneAt };
}

function plan(overrides: Partial<PlanData> = {}): PlanData {
  return planData({
    increment: { id: 1, name: 'PI 26.1', start: d('2026-01-05'), end: d('2026-02-16'), capacityUnit: 'items' },
    iterations: [I1, I2, I3, C1, C2, C3],
    teams: [
      { key: 'a', name: 'Alpha', valueStream: 'VS', group: 'G1' },
      { key: 'b', name: 'Bravo', valueStream: 'VS', group: 'G1' },
      { key: 'c', name: 'Charlie', valueStream: null, group: null },
    ],
    planned: [work('A-1', 'a', 1, 1), work('A-2', 'a', 1, 2), work('A-3', 'a', 2, 1), work('B-1', 'b', 2, 1), work('B-2', 'b', 3, 1), work('C-1', 'c', 12, 1), work('C-2', 'c', 11, 1)],
    ...overrides,
  });
}

const dep = (key: string, consumerKey: string, providerKey: string | null, extra: Partial<PlanData['dependencies'][number]> = {}) => ({
  key,
  consumerKey,
  providerKey,
  consumerTeamKey: null,
  providerTeamKey: null,
  createdAt: d('2025-12-01'),
  neededBy: null,
  resolvedAt: null,
  ...extra,
});

/** A dependency on team p (Pricing) alone, no provider item named. */
const pricing = (key: string, consumerKey: string, extra: Partial<PlanData['dependencies'][number]> = {}) => dep(key, consumerKey, null, { providerTeamKey: 'p', ...extra });

describe('dependency states', () => {
  const span = (it: PlanIteration) => ({ start: it.start, end: it.end });
  it('compares the two iterations by date: in order, same iteration, conflict, unplanned', () => {
    expect(dependencyState(span(I1), span(I2), false)).toBe('ok');
    expect(dependencyState(span(I2), span(I2), false)).toBe('same-iteration');
    expect(dependencyState(span(I3), span(I2), false)).toBe('conflict');
    expect(dependencyState(null, span(I2), false)).toBe('unplanned');
  });

  it('across cadences: a one-week sprint inside a two-week iteration is the same iteration; one ending later is a conflict', () => {
    expect(dependencyState(span(C2), span(I1), false)).toBe('same-iteration');
    expect(dependencyState(span(C1), span(C2), false)).toBe('ok');
    expect(dependencyState(span(C3), span(I1), false)).toBe('conflict');
  });

  it('a provider already done is in order wherever it was planned', () => {
    expect(dependencyState(span(I3), span(I1), true)).toBe('ok');
    expect(dependencyState(null, span(I1), true)).toBe('ok');
  });
});

describe('the board', () => {
  it('places a team’s own sprints by date: both of Charlie’s first sprints sit in I1, in sprint order', () => {
    expect(columnFor(C1, [I1, I2, I3])).toBe(1);
    expect(columnFor(C3, [I1, I2, I3])).toBe(2);
    const board = buildBoard(plan());
    const charlieI1 = board.cells.find((c) => c.teamKey === 'c' && c.columnId === 1)!;
    expect(charlieI1.cards.map((c) => [c.key, c.iterationName])).toEqual([
      ['C-2', 'C-S1'],
      ['C-1', 'C-S2'],
    ]);
  });

  it('groups teams by coordination group (or value stream), and orders cards by rank', () => {
    const board = buildBoard(plan());
    expect(board.teams.map((t) => [t.key, t.group])).toEqual([
      ['a', 'G1'],
      ['b', 'G1'],
      ['c', 'Not in a group'],
    ]);
    expect(buildBoard(plan(), 'value-stream').teams.map((t) => t.group)).toEqual(['No value stream', 'VS', 'VS']);
    expect(board.cells.find((c) => c.teamKey === 'a' && c.columnId === 1)!.cards.map((c) => c.key)).toEqual(['A-1', 'A-2']);
    expect(board.columns.map((c) => [c.name, c.start, c.end])).toEqual([
      ['I1', '2026-01-05', '2026-01-18'],
      ['I2', '2026-01-19', '2026-02-01'],
      ['I3', '2026-02-02', '2026-02-15'],
    ]);
  });

  it('load counts items, or sums sizes in points; capacity marks a cell that is over', () => {
    const capacity = [{ teamKey: 'a', iterationId: 1, amount: 1.5 }];
    const items = buildBoard(plan({ capacity }));
    expect(items.cells.find((c) => c.teamKey === 'a' && c.columnId === 1)).toMatchObject({ load: 2, capacity: 1.5, over: true });
    const points = buildBoard(
      plan({
        capacity,
        increment: { ...plan().increment, capacityUnit: 'points' },
        planned: [work('A-1', 'a', 1, 1, 0.5), work('A-2', 'a', 1, 2, null)],
      }),
    );
    expect(points.cells.find((c) => c.teamKey === 'a' && c.columnId === 1)).toMatchObject({ load: 0.5, over: false });
    expect(points.lint.filter((f) => f.rule === 'unsized-work')).toEqual([expect.objectContaining({ teamKey: 'a', itemKeys: ['A-2'] })]);
    // Named by its iteration (a team has one line per iteration), in the singular for one item.
    expect(points.lint.find((f) => f.rule === 'unsized-work')!.message).toMatch(/ in I1: 1 planned item has no size, so it counts 0 points\.$/);
  });

  it('dependency states on the board, and the conflicts list with the oldest need first', () => {
    const board = buildBoard(
      plan({
        dependencies: [
          dep('D-ok', 'B-1', 'A-1'),
          dep('D-same', 'A-3', 'B-1'),
          dep('D-late', 'A-1', 'B-2', { neededBy: d('2026-01-07') }),
          dep('D-none', 'A-2', 'X-9', { createdAt: d('2025-11-01') }),
          dep('D-done', 'A-2', 'X-8'),
          dep('D-notplanned-consumer', 'X-7', 'A-1'),
        ],
        providerDoneAt: { 'X-8': d('2025-12-24') },
        providerTeams: { 'X-9': 'b' },
      }),
    );
    expect(Object.fromEntries(board.dependencies.map((x) => [x.key, x.state]))).toEqual({
      'D-done': 'ok',
      'D-late': 'conflict',
      'D-none': 'unplanned',
      'D-ok': 'ok',
      'D-same': 'same-iteration',
    });
    expect(board.dependencyCounts).toEqual({ ok: 2, 'same-iteration': 1, conflict: 1, unplanned: 1, 'provider-cancelled': 0 });
    // D-late is needed on Jan 7; D-none from the start of I1 (Jan 5): Jan 5 comes first.
    expect(boardConflicts(board).map((x) => [x.key, x.needAt])).toEqual([
      ['D-none', '2026-01-05'],
      ['D-late', '2026-01-07'],
    ]);
    expect(board.dependencies.find((x) => x.key === 'D-none')!.provider).toMatchObject({ teamKey: 'b', columnId: null, done: false });
  });

  it('a provider cancelled is unplanned as any, and its words say it was cancelled (planning it will not help); one not planned says that', () => {
    const board = buildBoard(plan({ dependencies: [dep('D-gone', 'A-2', 'X-9'), dep('D-none', 'A-3', 'X-8')], providerTeams: { 'X-9': 'b', 'X-8': 'b' }, cancelledProviders: ['X-9'] }));
    const gone = board.dependencies.find((x) => x.key === 'D-gone')!;
    const none = board.dependencies.find((x) => x.key === 'D-none')!;
    expect([gone.state, gone.provider.cancelled, none.state, none.provider.cancelled]).toEqual(['unplanned', true, 'unplanned', false]);
    expect(boardConflicts(board).map((x) => x.key)).toEqual(['D-gone', 'D-none']);
    expect([dependencyText(gone), dependencyEndPlace(gone.provider)]).toEqual([{ label: 'provider cancelled', symbol: '?' }, 'cancelled']);
    expect([dependencyText(none), dependencyEndPlace(none.provider)]).toEqual([{ label: 'provider not planned', symbol: '?' }, 'not planned']);
  });

  // A-2 (I1) waits on X-9 (D-gone: Won't Do), on X-8 (D-none: open, planned nowhere) and on B-2 (D-late: I3, a conflict).
  const cancelledAndOpen = () =>
    buildBoard(
      plan({
        dependencies: [dep('D-gone', 'A-2', 'X-9'), dep('D-none', 'A-2', 'X-8'), dep('D-late', 'A-2', 'B-2')],
        providerTeams: { 'X-9': 'b', 'X-8': 'b' },
        cancelledProviders: ['X-9'],
      }),
    );

  it('counts a cancelled provider apart: one cancelled and one not planned are 1 provider not planned and 1 provider cancelled, not 2 and 0', () => {
    const board = cancelledAndOpen();
    expect(board.dependencyCounts).toEqual({ ok: 0, 'same-iteration': 0, conflict: 1, unplanned: 1, 'provider-cancelled': 1 });
    // Both are still drawn as unplanned, and both are in the conflicts list.
    expect(board.dependencies.map((x) => [x.key, x.state, dependencyKind(x), stateOfKind(dependencyKind(x))])).toEqual([
      ['D-gone', 'unplanned', 'provider-cancelled', 'unplanned'],
      ['D-late', 'conflict', 'conflict', 'conflict'],
      ['D-none', 'unplanned', 'unplanned', 'unplanned'],
    ]);
    expect(boardConflicts(board)).toHaveLength(3);
    // The counts say what each dependency says.
    expect(Object.fromEntries(DEPENDENCY_KINDS.map((k) => [DEPENDENCY_KIND_TEXT[k].label, board.dependencyCounts[k]]))).toEqual({
      'in order': 0,
      'same iteration': 0,
      conflict: 1,
      'provider not planned': 1,
      'provider cancelled': 1,
    });
    expect(board.dependencies.map((x) => dependencyText(x).label).sort()).toEqual(['conflict', 'provider cancelled', 'provider not planned']);
    // The PNG's subtitle.
    expect(dependencyTroubleText(board.dependencyCounts)).toBe('1 conflict, 1 provider not planned, 1 provider cancelled');
  });

  it('a card’s badges: drawn by state, titled by kind — waiting on one provider not planned and one cancelled is ?2, "1 provider not planned, 1 provider cancelled"', () => {
    const kinds = dependencyKindsByCard(cancelledAndOpen().dependencies);
    expect(kinds.get('A-2')).toEqual(['conflict', 'provider-cancelled', 'unplanned']);
    expect(kinds.get('B-2')).toEqual(['conflict']);
    expect(dependencyBadges(kinds.get('A-2')!)).toEqual([
      { state: 'conflict', symbol: '✕', count: 1, title: '1 conflict' },
      { state: 'unplanned', symbol: '?', count: 2, title: '1 provider not planned, 1 provider cancelled' },
    ]);
  });

  it('a cancelled provider still on the board, or planned in another increment, is no "in order": its consumer waits for work that will not come', () => {
    // B-1 (I2) provides for A-3 (I2 → same iteration) and B-2 (I3); X-7 lies in a later increment.
    const elsewhere = { increment: 'PI 25.4', iteration: 'I6', start: d('2025-12-01'), end: d('2025-12-15') };
    // B-1 closed as Won't Do: its planned work carries the day it was closed, which is no delivery.
    const board = buildBoard(
      plan({
        planned: [work('A-1', 'a', 1, 1), work('A-2', 'a', 1, 2), work('A-3', 'a', 2, 1), work('B-1', 'b', 2, 1, 1, d('2026-01-08')), work('B-2', 'b', 3, 1)],
        dependencies: [dep('D-board', 'B-2', 'B-1'), dep('D-elsewhere', 'A-3', 'X-7', { providerElsewhere: elsewhere }), dep('D-closed', 'B-2', 'A-1', { resolvedAt: d('2026-01-10') })],
        providerTeams: { 'X-7': 'b' },
        cancelledProviders: ['B-1', 'X-7', 'A-1'],
      }),
    );
    const states = Object.fromEntries(board.dependencies.map((x) => [x.key, x.state]));
    // A dependency closed as settled stays settled, whatever became of its provider.
    expect(states).toEqual({ 'D-board': 'unplanned', 'D-elsewhere': 'unplanned', 'D-closed': 'ok' });
    expect(dependencyText(board.dependencies.find((x) => x.key === 'D-board')!)).toEqual({ label: 'provider cancelled', symbol: '?' });
  });

  it('lint: objectives without work, bunching in the last iteration, over capacity, chains longer than three', () => {
    const planned = [work('A-1', 'a', 3, 1), work('A-2', 'a', 3, 2), work('A-3', 'a', 3, 3), work('A-4', 'a', 1, 1), work('B-1', 'b', 1, 1), work('B-2', 'b', 2, 1), work('B-3', 'b', 2, 2)];
    const board = buildBoard(
      plan({
        planned,
        capacity: [{ teamKey: 'b', iterationId: 2, amount: 1 }],
        dependencies: [dep('1', 'B-1', 'A-4'), dep('2', 'B-2', 'B-1'), dep('3', 'B-3', 'B-2'), dep('4', 'A-1', 'B-3')],
        objectives: [
          { key: 'O-1', title: 'Faster checkout', level: 'team', teamKeys: ['a'], businessValue: 8, actualValue: null, committed: true, parentKey: null, itemKeys: ['A-1'] },
          { key: 'O-2', title: 'Fraud rules', level: 'team', teamKeys: ['b'], businessValue: 5, actualValue: null, committed: true, parentKey: null, itemKeys: ['Z-1'] },
        ],
      }),
    );
    expect(board.lint.map((f) => f.rule).sort()).toEqual(['last-iteration-bunching', 'long-chain', 'objective-without-work', 'over-capacity']);
    expect(board.lint.find((f) => f.rule === 'last-iteration-bunching')).toMatchObject({ teamKey: 'a', message: 'Alpha plans 75 % of its load in the last iteration.' });
    expect(board.lint.find((f) => f.rule === 'long-chain')!.itemKeys).toEqual(['A-4', 'B-1', 'B-2', 'B-3', 'A-1']);
    expect(board.lint.find((f) => f.rule === 'objective-without-work')).toMatchObject({ objectiveKey: 'O-2' });
  });

  describe('edge cases', () => {
    it('an increment without shared iterations has no columns and no cells, and says nothing wrong', () => {
      const board = buildBoard(plan({ iterations: [C1], planned: [work('C-1', 'c', 11, 1)] }));
      expect(board.columns).toEqual([]);
      expect(board.cells).toEqual([]);
      expect(board.lint).toEqual([]);
    });

    it('items made in Interlock are named in a chain or a circle as their cards name them (New-1), not by their stored keys', () => {
      const local = (n: number) => `interlock:item:${n}`;
      const circle = buildBoard(plan({ planned: [work(local(1), 'a', 1, 1), work(local(2), 'b', 2, 1)], dependencies: [dep('D-1', local(2), local(1)), dep('D-2', local(1), local(2))] }));
      const message = circle.lint.find((f) => f.rule === 'dependency-cycle')!.message;
      expect(message).toMatch(/^These items wait on each other in a circle: New-[12] → New-[12] → New-[12]\.$/);
      const chain = buildBoard(plan({ planned: [1, 2, 3, 4, 5].map((n) => work(local(n), 'a', 1, n)), dependencies: [1, 2, 3, 4].map((n) => dep(`D-${n}`, local(n + 1), local(n))) }));
      expect(chain.lint.find((f) => f.rule === 'long-chain')!.message).toBe('A chain of 4 dependencies: New-1 → New-2 → New-3 → New-4 → New-5.');
    });

    it('a chain of exactly three dependencies is fine; a cycle is reported once', () => {
      const end = (itemKey: string) => ({ itemKey });
      const chain = (pairs: [string, string][]) => pairs.map(([p, c]) => ({ provider: end(p), consumer: end(c) })) as never;
      expect(dependencyChains(chain([['a', 'b'], ['b', 'c'], ['c', 'd']])).chains).toEqual([]);
      const cyc = dependencyChains(chain([['a', 'b'], ['b', 'c'], ['c', 'a']]));
      expect(cyc.cycles).toHaveLength(1);
      expect([...cyc.cycles[0]!].sort()).toEqual(['a', 'b', 'c']);
    });

    it('counts: a board without dependencies has every kind at 0; a cancelled provider settled (resolved) counts in order, one still on the board counts cancelled', () => {
      expect(buildBoard(plan()).dependencyCounts).toEqual({ ok: 0, 'same-iteration': 0, conflict: 0, unplanned: 0, 'provider-cancelled': 0 });
      // B-1 (I2, Won't Do) provides for A-3 (I2) and, settled on Jan 10, for B-2 (I3).
      const board = buildBoard(plan({ dependencies: [dep('D-placed', 'A-3', 'B-1'), dep('D-settled', 'B-2', 'B-1', { resolvedAt: d('2026-01-10') })], cancelledProviders: ['B-1'] }));
      expect(board.dependencyCounts).toEqual({ ok: 1, 'same-iteration': 0, conflict: 0, unplanned: 0, 'provider-cancelled': 1 });
      expect(countDependencyKinds([])).toEqual(buildBoard(plan()).dependencyCounts);
      expect(dependencyTroubleText(countDependencyKinds([]))).toBe('0 conflicts, 0 provider not planned');
    });

    it('badges: none for a card without dependencies; two of one kind are counted together; kinds are titled in the legend’s order whatever order they come in', () => {
      expect(dependencyBadges([])).toEqual([]);
      expect(dependencyBadges(['provider-cancelled', 'provider-cancelled'])).toEqual([{ state: 'unplanned', symbol: '?', count: 2, title: '2 provider cancelled' }]);
      expect(dependencyBadges(['provider-cancelled', 'ok', 'unplanned', 'provider-cancelled'])).toEqual([
        { state: 'unplanned', symbol: '?', count: 3, title: '1 provider not planned, 2 provider cancelled' },
        { state: 'ok', symbol: '✓', count: 1, title: '1 in order' },
      ]);
    });

    it('inputs are not changed', () => {
      const data = plan({ dependencies: [dep('D', 'A-1', 'B-2')] });
      const copy = structuredClone(data);
      buildBoard(data);
      expect(data).toEqual(copy);
    });
  });
});

describe('the teams a board names', () => {
  it('are its rows and the providers’ teams with nothing on the board, named by their dependencies (a row alone named them "p")', () => {
    const teams = [...plan().teams, { key: 'p', name: 'Pricing', valueStream: null, group: null }, { key: 'q', name: 'Quotes', valueStream: null, group: null }];
    const board = buildBoard(plan({ teams, providerTeams: { 'Q-9': 'q' }, dependencies: [dep('D-team', 'A-2', null, { providerTeamKey: 'p' }), dep('D-item', 'A-3', 'Q-9')] }));
    expect(board.teams.map((t) => t.key)).toEqual(['a', 'b', 'c']);
    expect(board.dependencies.map((x) => [x.key, x.provider.teamKey, x.provider.teamName])).toEqual([
      ['D-item', 'q', 'Quotes'],
      ['D-team', 'p', 'Pricing'],
    ]);
    expect([...boardTeamNames(board)]).toEqual([
      ['a', 'Alpha'],
      ['b', 'Bravo'],
      ['c', 'Charlie'],
      ['q', 'Quotes'],
      ['p', 'Pricing'],
    ]);
  });

  describe('edge cases', () => {
    it('a provider without a team has no name; a team the workspace does not hold keeps its key', () => {
      const board = buildBoard(plan({ dependencies: [dep('D-none', 'A-2', 'X-1'), dep('D-gone', 'A-3', null, { providerTeamKey: 'z' })] }));
      expect(board.dependencies.map((x) => [x.key, x.provider.teamKey, x.provider.teamName])).toEqual([
        ['D-gone', 'z', null],
        ['D-none', null, null],
      ]);
      expect(boardTeamNames(board).has('z')).toBe(false);
    });
  });
});

describe('a dependency on a team alone, no provider item named ("A-2 needs something from Pricing")', () => {
  const teamName = (key: string | null) => (key === 'p' ? 'Pricing' : (key ?? 'no team'));

  it('is on the board as a provider not planned: counted so, in the conflicts list by its need date, on its consumer’s badge, naming the team', () => {
    // A-2 (I1) waits on Pricing from Jan 12; A-3 (I2) on B-2 (I3), a conflict needed from Jan 19.
    const board = buildBoard(plan({ dependencies: [pricing('D-team', 'A-2', { neededBy: d('2026-01-12') }), dep('D-late', 'A-3', 'B-2')] }));
    const team = board.dependencies.find((x) => x.key === 'D-team')!;
    expect(team).toMatchObject({
      consumer: { itemKey: 'A-2', teamKey: 'a', iterationName: 'I1' },
      provider: { itemKey: null, teamKey: 'p', columnId: null, iterationName: null, done: false, cancelled: false },
      state: 'unplanned',
      needAt: '2026-01-12',
    });
    expect(board.dependencyCounts).toEqual({ ok: 0, 'same-iteration': 0, conflict: 1, unplanned: 1, 'provider-cancelled': 0 });
    expect(boardConflicts(board).map((x) => [x.key, x.needAt])).toEqual([
      ['D-team', '2026-01-12'],
      ['D-late', '2026-01-19'],
    ]);
    expect(dependencyText(team)).toEqual({ label: 'provider not planned', symbol: '?' });
    expect(`A-2 (I1) waits on ${dependencyProviderText(team.provider, teamName)}`).toBe('A-2 (I1) waits on Pricing — no item named');
    // The consumer's card has the badge; no card stands for the team.
    const kinds = dependencyKindsByCard(board.dependencies);
    expect(kinds.get('A-2')).toEqual(['unplanned']);
    expect([...kinds.keys()].sort()).toEqual(['A-2', 'A-3', 'B-2']);
    expect(dependencyBadges(kinds.get('A-2')!)).toEqual([{ state: 'unplanned', symbol: '?', count: 1, title: '1 provider not planned' }]);
    // `plan board --json`: no item, and the team that provides.
    expect(boardSummary(board).dependencies.find((x) => x.key === 'D-team')).toMatchObject({ fromItem: 'A-2', toItem: null, toTeam: 'p', toIteration: null, toCancelled: false, state: 'unplanned' });
  });

  it('a provider item still names its item and where it is planned', () => {
    const board = buildBoard(plan({ dependencies: [dep('D-late', 'A-3', 'B-2'), dep('D-none', 'A-2', 'X-9')], providerTeams: { 'X-9': 'b' } }));
    expect(board.dependencies.map((x) => dependencyProviderText(x.provider, teamName))).toEqual(['B-2 (I3)', 'X-9 (not planned)']);
  });

  describe('edge cases', () => {
    it('resolved, it is in order and out of the conflicts list, as any settled dependency', () => {
      const board = buildBoard(plan({ dependencies: [pricing('D-team', 'A-2', { resolvedAt: d('2026-01-06') })] }));
      expect(board.dependencies.map((x) => [x.key, x.state, x.provider.itemKey, x.provider.done])).toEqual([['D-team', 'ok', null, true]]);
      expect(board.dependencyCounts.ok).toBe(1);
      expect(boardConflicts(board)).toEqual([]);
    });

    it('its consumer not planned in the increment: not on the board, as any dependency', () => {
      expect(buildBoard(plan({ dependencies: [pricing('D-team', 'X-7')] })).dependencies).toEqual([]);
    });

    it('it is no link of a chain between planned items: three hand-offs after it stay no long chain', () => {
      // A-1 → A-2 → A-3 → B-1 is three dependencies, fine; taken for an item, the team would make it four.
      const board = buildBoard(plan({ dependencies: [pricing('D-0', 'A-1'), dep('D-1', 'A-2', 'A-1'), dep('D-2', 'A-3', 'A-2'), dep('D-3', 'B-1', 'A-3')] }));
      expect(dependencyChains(board.dependencies)).toEqual({ chains: [], cycles: [] });
      expect(board.lint.filter((f) => f.rule === 'long-chain' || f.rule === 'dependency-cycle')).toEqual([]);
    });

    it('a providers’ map with an entry under "null" (no such item) changes nothing: the team is the dependency’s own', () => {
      const board = buildBoard(plan({ dependencies: [pricing('D-team', 'A-2')], providerTeams: { null: 'b' }, providerDoneAt: { null: d('2026-01-01') }, cancelledProviders: ['null'] }));
      expect(board.dependencies[0]).toMatchObject({ state: 'unplanned', provider: { itemKey: null, teamKey: 'p', done: false, cancelled: false } });
    });
  });
});

describe('milestones', () => {
  // Three iterations of two weeks less a weekend: G1's last day is Thursday 2026-01-15, G2 runs
  // Monday 2026-01-19 to Friday 2026-01-30, G3 starts Monday 2026-02-02; the increment from 01-01 to 02-20.
  const G1: PlanIteration = { id: 1, name: 'I1', start: d('2026-01-05'), end: d('2026-01-16'), teamKey: null };
  const G2: PlanIteration = { id: 2, name: 'I2', start: d('2026-01-19'), end: d('2026-01-31'), teamKey: null };
  const G3: PlanIteration = { id: 3, name: 'I3', start: d('2026-02-02'), end: d('2026-02-14'), teamKey: null };
  const gapped = [G1, G2, G3];

  it('a milestone on a day an iteration holds is drawn in it, its first and last days included', () => {
    expect(milestonePlace(d('2026-01-20'), gapped)).toEqual({ columnId: 2, outside: null });
    expect(milestonePlace(d('2026-01-15'), gapped)).toEqual({ columnId: 1, outside: null });
    expect(milestonePlace(d('2026-01-19'), gapped)).toEqual({ columnId: 2, outside: null });
  });

  it('a milestone between two iterations is drawn in the nearer, at the edge facing its day; equally near both, in the later', () => {
    // Friday 01-16: a day after I1; Sunday 01-18: a day before I2; Saturday 01-17: two days from each.
    expect(milestonePlace(d('2026-01-16'), gapped)).toEqual({ columnId: 1, outside: 'after' });
    expect(milestonePlace(d('2026-01-18'), gapped)).toEqual({ columnId: 2, outside: 'before' });
    expect(milestonePlace(d('2026-01-17'), gapped)).toEqual({ columnId: 2, outside: 'before' });
    expect(milestoneGapText({ columnId: 1, outside: 'after' }, gapped)).toBe('between I1 and I2');
    expect(milestoneGapText({ columnId: 2, outside: 'before' }, gapped)).toBe('between I1 and I2');
  });

  it('the board draws every milestone of the increment: one in a gap or beyond the iterations gets a column and says where it lies', () => {
    const board = buildBoard(
      plan({
        increment: { id: 1, name: 'PI 26.1', start: d('2026-01-01'), end: d('2026-02-21'), capacityUnit: 'items' },
        iterations: gapped,
        planned: [work('A-1', 'a', 1, 1)],
        milestones: [
          { id: 1, name: 'Kick-off', at: d('2026-01-02'), teamKey: null },
          { id: 2, name: 'Contract', at: d('2026-01-17'), teamKey: 'a' },
          { id: 3, name: 'Demo', at: d('2026-01-21'), teamKey: null },
          { id: 4, name: 'Go-live', at: d('2026-02-19'), teamKey: null },
        ],
      }),
    );
    expect(board.milestones.map((m) => [m.name, m.columnId, m.outside, milestoneGapText(m, board.columns)])).toEqual([
      ['Kick-off', 1, 'before', 'before I1'],
      ['Contract', 2, 'before', 'between I1 and I2'],
      ['Demo', 2, null, null],
      ['Go-live', 3, 'after', 'after I3'],
    ]);
  });

  describe('edge cases', () => {
    it('no shared iteration: nowhere to draw it', () => {
      expect(milestonePlace(d('2026-01-20'), [])).toBeNull();
      expect(buildBoard(plan({ iterations: [], planned: [], milestones: [{ id: 1, name: 'M', at: d('2026-01-20'), teamKey: null }] })).milestones[0]).toMatchObject({ columnId: null, outside: null });
    });

    it('a single iteration: before or after it, and the columns given in any order', () => {
      expect(milestoneGapText({ columnId: 2, outside: 'after' }, [G2])).toBe('after I2');
      expect(milestonePlace(d('2026-02-20'), [G3, G1, G2])).toEqual({ columnId: 3, outside: 'after' });
      expect(milestonePlace(d('2026-01-01'), [G3, G1, G2])).toEqual({ columnId: 1, outside: 'before' });
    });
  });
});

describe('predictability', () => {
  const o = (teamKey: string, businessValue: number, actualValue: number | null, committed = true) => ({
    key: `${teamKey}-${businessValue}-${actualValue}-${committed}`,
    title: 'x',
    level: 'team' as const,
    teamKeys: [teamKey],
    businessValue,
    actualValue,
    committed,
    parentKey: null,
    itemKeys: [],
  });

  it('Σ actual (stretch included) ÷ Σ planned of committed objectives, per team and for the increment, as bands', () => {
    // a: (7 + 4 + 3) / (8 + 5) = 14/13; b: 3/10; c: (8 + 9)/(10 + 10) = 0.85.
    const result = predictability([o('a', 8, 7), o('a', 5, 4), o('a', 6, 3, false), o('b', 10, 3), o('c', 10, 8), o('c', 10, 9)], ['a', 'b', 'c']);
    expect(result.teams.map((t) => [t.teamKey, t.value])).toEqual([
      ['a', 14 / 13],
      ['b', 0.3],
      ['c', 0.85],
    ]);
    expect(result.increment).toBeCloseTo((14 + 3 + 17) / (13 + 10 + 20), 12);
    expect(result.bands.map((b) => [b.label, b.teams])).toEqual([
      ['below 50 %', 1],
      ['50–80 %', 0],
      ['80–100 %', 1],
      ['above 100 %', 1],
    ]);
  });

  describe('edge cases', () => {
    it('a team is unscored until every committed objective has an actual value; then the increment is too', () => {
      const result = predictability([o('a', 8, 8), o('b', 5, null)], ['a', 'b']);
      expect(result.teams.find((t) => t.teamKey === 'b')).toMatchObject({ value: null, committed: 1, scored: 0 });
      expect(result.unscoredTeams).toBe(1);
      expect(result.increment).toBeNull();
    });

    it('an objective without business value weighs on neither side; actual values of one decimal sum without float noise', () => {
      const noValue = { ...o('a', 1, 9), key: 'a-none', businessValue: null };
      const result = predictability([o('a', 10, 10), noValue, o('b', 10, 0.1), { ...o('b', 10, 4.1, false), key: 'b2' }, { ...o('b', 10, 3.8, false), key: 'b3' }], ['a', 'b']);
      expect(result.teams.map((t) => [t.teamKey, t.value])).toEqual([
        ['a', 1],
        ['b', 0.8],
      ]);
      expect(result.bands.find((b) => b.label === '80–100 %')!.teams).toBe(2);
    });

    it('on the board, a team that committed objectives and planned nothing still counts', () => {
      const data = plan({
        teams: [...plan().teams, { key: 'd', name: 'Delta', valueStream: null, group: null }],
        objectives: [o('a', 8, 8), o('d', 10, 0)],
      });
      const board = buildBoard(data);
      expect(board.teams.map((t) => t.key)).not.toContain('d');
      expect(board.predictability.teams.map((t) => t.teamKey)).toEqual(['a', 'd']);
      expect(board.predictability.increment).toBeCloseTo(8 / 18, 12);
    });

    it('exactly 100 % and exactly 80 % are inside the target band', () => {
      const result = predictability([o('a', 10, 10), o('b', 10, 8)], ['a', 'b']);
      expect(result.bands.find((b) => b.label === '80–100 %')!.teams).toBe(2);
    });
  });
});

describe('baselines', () => {
  const withPricing = [...plan().teams, { key: 'p', name: 'Pricing', valueStream: null, group: null }];
  /** The body as a build before the marker and the kinds wrote it: each dependency's key and state, nothing more. */
  const olderBaseline = (body: BaselineBody): BaselineBody => ({ cards: body.cards, dependencies: body.dependencies.map(({ key, state }) => ({ key, state })) });

  it('tells moved, added and removed cards, and conflicts that are new since the commit', () => {
    const before = baselineOf(buildBoard(plan({ dependencies: [dep('D1', 'A-3', 'B-1')] })));
    const nowPlan = plan({
      planned: [...plan().planned.filter((p) => p.itemKey !== 'A-2').map((p) => (p.itemKey === 'B-1' ? { ...p, iterationId: 3 } : p)), work('A-9', 'a', 2, 5)],
      dependencies: [dep('D1', 'A-3', 'B-1')],
    });
    const changes = changesSince(before, baselineOf(buildBoard(nowPlan)), nowPlan.iterations);
    expect(changes.moved).toEqual([expect.objectContaining({ key: 'B-1', from: { teamKey: 'b', iteration: 'I2' }, to: { teamKey: 'b', iteration: 'I3' } })]);
    expect(changes.added.map((c) => c.key)).toEqual(['A-9']);
    expect(changes.removed.map((c) => c.key)).toEqual(['A-2']);
    expect(changes.newConflicts).toEqual([{ key: 'D1', state: 'conflict', kind: 'conflict', was: 'same-iteration' }]);
  });

  it('a renamed iteration is the same iteration: its cards have not moved, and a card moved out of it is named as the board names it now', () => {
    const before = baselineOf(buildBoard(plan()));
    const renamed = [{ ...I1, name: 'Sprint 1' }, { ...I2, name: 'Sprint 2' }, I3, C1, C2, C3];
    const nowPlan = plan({ iterations: renamed, planned: plan().planned.map((p) => (p.itemKey === 'B-1' ? { ...p, iterationId: 3 } : p)) });
    const changes = changesSince(before, baselineOf(buildBoard(nowPlan)), renamed);
    expect(changes).toEqual({ moved: [expect.objectContaining({ key: 'B-1', from: { teamKey: 'b', iteration: 'Sprint 2' }, to: { teamKey: 'b', iteration: 'I3' } })], added: [], removed: [], newConflicts: [], notCompared: [], providersCancelled: [] });
  });

  it('a provider cancelled since is reported when the dependency was troubled then too (not planned, or in conflict): no new conflict, but the work it waited on will not come', () => {
    // D-np: A-3 waits on X-9, planned nowhere; D-late: A-3 (I2) waits on B-2 (I3), a conflict. Both providers cancelled since.
    const then = plan({ dependencies: [dep('D-np', 'A-3', 'X-9'), dep('D-late', 'A-3', 'B-2')] });
    const nowPlan = plan({ dependencies: [dep('D-np', 'A-3', 'X-9'), dep('D-late', 'A-3', 'B-2')], cancelledProviders: ['X-9', 'B-2'] });
    const changes = changesSince(baselineOf(buildBoard(then)), baselineOf(buildBoard(nowPlan)), nowPlan.iterations);
    expect(changes.newConflicts).toEqual([]);
    expect(changes.providersCancelled).toEqual([
      { key: 'D-late', was: 'conflict', mayHaveBeenCancelled: false },
      { key: 'D-np', was: 'unplanned', mayHaveBeenCancelled: false },
    ]);
  });

  describe('edge cases', () => {
    it('a baseline that kept no kinds cannot say whether the provider was cancelled already, in conflict or unplanned then, and says so', () => {
      const then = plan({ dependencies: [dep('D-np', 'A-3', 'X-9'), dep('D-late', 'A-3', 'B-2')] });
      const nowPlan = plan({ dependencies: [dep('D-np', 'A-3', 'X-9'), dep('D-late', 'A-3', 'B-2')], cancelledProviders: ['X-9', 'B-2'] });
      const changes = changesSince(olderBaseline(baselineOf(buildBoard(then))), baselineOf(buildBoard(nowPlan)), nowPlan.iterations);
      expect(changes.providersCancelled).toEqual([
        { key: 'D-late', was: 'conflict', mayHaveBeenCancelled: true },
        { key: 'D-np', was: 'unplanned', mayHaveBeenCancelled: true },
      ]);
    });

    it('the same board has no changes', () => {
      const body = baselineOf(buildBoard(plan()));
      expect(changesSince(body, body, plan().iterations)).toEqual({ moved: [], added: [], removed: [], newConflicts: [], notCompared: [], providersCancelled: [] });
    });

    it('an iteration deleted since reads as deleted, by its name then: its cards removed, or moved from it when planned again', () => {
      const before = baselineOf(buildBoard(plan()));
      // I1 deleted (its placements go with it); A-1 planned again in I2, A-2 not.
      const left = [I2, I3, C1, C2, C3];
      const nowPlan = plan({ iterations: left, planned: plan().planned.filter((p) => p.iterationId !== 1).concat(work('A-1', 'a', 2, 9)) });
      const changes = changesSince(before, baselineOf(buildBoard(nowPlan)), left);
      expect(changes.moved).toEqual([expect.objectContaining({ key: 'A-1', from: { teamKey: 'a', iteration: 'I1 (deleted)' }, to: { teamKey: 'a', iteration: 'I2' } })]);
      expect(changes.removed).toEqual([{ key: 'A-2', title: 'Title A-2', teamKey: 'a', iteration: 'I1 (deleted)' }]);
    });

    it('a baseline committed before iterations were kept by id compares by name, as it was taken', () => {
      const old = baselineOf(buildBoard(plan()));
      const legacy = { ...old, cards: old.cards.map(({ iterationId: _id, ...card }) => card) };
      const renamed = [{ ...I2, name: 'Sprint 2' }, I1, I3, C1, C2, C3];
      const changes = changesSince(legacy, baselineOf(buildBoard(plan({ iterations: renamed }))), renamed);
      expect(changes.moved.map((m) => [m.key, m.from.iteration, m.to.iteration])).toEqual([
        ['A-3', 'I2', 'Sprint 2'],
        ['B-1', 'I2', 'Sprint 2'],
      ]);
    });

    it('a baseline committed before dependencies on a team alone were kept: an open one absent from it is not compared, not called new; one on an item still is', () => {
      const old = olderBaseline(baselineOf(buildBoard(plan())));
      const nowPlan = plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2'), dep('D-item', 'A-3', 'X-9')] });
      const changes = changesSince(old, baselineOf(buildBoard(nowPlan)), nowPlan.iterations);
      expect(changes.newConflicts).toEqual([{ key: 'D-item', state: 'unplanned', kind: 'unplanned', was: null }]);
      expect(changes.notCompared).toEqual([{ key: 'D-team', state: 'unplanned' }]);
    });

    it('a baseline that kept them: a dependency on a team alone absent from it is new, as any', () => {
      const before = baselineOf(buildBoard(plan()));
      expect(before.teamAloneKept).toBe(true);
      const nowPlan = plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2')] });
      const changes = changesSince(before, baselineOf(buildBoard(nowPlan)), nowPlan.iterations);
      expect(changes.newConflicts).toEqual([{ key: 'D-team', state: 'unplanned', kind: 'unplanned', was: null }]);
      expect(changes.notCompared).toEqual([]);
    });

    it('an older baseline that holds a dependency on a team alone (committed after 2026-12-07, before the marker) compares it as any', () => {
      const withTeam = plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2')] });
      const old = olderBaseline(baselineOf(buildBoard(withTeam)));
      const now = baselineOf(buildBoard(withTeam));
      expect(changesSince(old, now, withTeam.iterations)).toMatchObject({ newConflicts: [], notCompared: [] });
    });

    it('against an older baseline, a dependency on a team alone resolved since is in order: nothing to compare or to say', () => {
      const old = olderBaseline(baselineOf(buildBoard(plan())));
      const nowPlan = plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2', { resolvedAt: d('2026-01-06') })] });
      expect(changesSince(old, baselineOf(buildBoard(nowPlan)), nowPlan.iterations)).toMatchObject({ newConflicts: [], notCompared: [] });
    });

    it('a dependency removed since is no change to report, whatever it was', () => {
      const then = plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2'), dep('D-late', 'A-3', 'B-2'), dep('D-gone', 'B-1', 'X-9')], cancelledProviders: ['X-9'] });
      for (const before of [baselineOf(buildBoard(then)), olderBaseline(baselineOf(buildBoard(then)))]) {
        expect(changesSince(before, baselineOf(buildBoard(plan())), plan().iterations)).toMatchObject({ newConflicts: [], notCompared: [], providersCancelled: [] });
      }
    });

    it('a dependency both new and on a cancelled provider is a new conflict said cancelled, against any baseline, and not listed again as cancelled since', () => {
      const nowPlan = plan({ dependencies: [dep('D-new', 'A-3', 'X-9')], cancelledProviders: ['X-9'] });
      const now = baselineOf(buildBoard(nowPlan));
      for (const before of [baselineOf(buildBoard(plan())), olderBaseline(baselineOf(buildBoard(plan())))]) {
        expect(changesSince(before, now, nowPlan.iterations)).toMatchObject({ newConflicts: [{ key: 'D-new', state: 'unplanned', kind: 'provider-cancelled', was: null }], providersCancelled: [] });
      }
    });

    it('in order then and cancelled now: a new conflict said cancelled, was in order', () => {
      const before = baselineOf(buildBoard(plan({ dependencies: [dep('D1', 'A-3', 'A-1')] })));
      const nowPlan = plan({ dependencies: [dep('D1', 'A-3', 'A-1')], cancelledProviders: ['A-1'] });
      expect(changesSince(before, baselineOf(buildBoard(nowPlan)), nowPlan.iterations)).toMatchObject({ newConflicts: [{ key: 'D1', kind: 'provider-cancelled', was: 'ok' }], providersCancelled: [] });
    });

    it('a provider cancelled at the baseline and still: nothing new; settled since: nothing either', () => {
      const cancelled = plan({ dependencies: [dep('D1', 'A-3', 'X-9'), dep('D2', 'A-2', 'X-8')], cancelledProviders: ['X-9', 'X-8'] });
      const nowPlan = plan({ dependencies: [dep('D1', 'A-3', 'X-9'), dep('D2', 'A-2', 'X-8', { resolvedAt: d('2026-01-06') })], cancelledProviders: ['X-9', 'X-8'] });
      expect(changesSince(baselineOf(buildBoard(cancelled)), baselineOf(buildBoard(nowPlan)), nowPlan.iterations)).toMatchObject({ newConflicts: [], providersCancelled: [] });
    });

    it('a body stored before the marker still reads; one committed now reads back as it was written', () => {
      const stored = JSON.parse(JSON.stringify({ cards: [{ key: 'A-1', title: 'T', teamKey: 'a', iteration: 'I1' }], dependencies: [{ key: 'D1', state: 'conflict' }] })) as unknown;
      expect(BaselineBody.parse(stored)).toEqual(stored);
      const body = baselineOf(buildBoard(plan({ teams: withPricing, dependencies: [pricing('D-team', 'A-2')] })));
      expect(BaselineBody.parse(JSON.parse(JSON.stringify(body)))).toEqual(body);
    });

    it('a day is the unit of iteration ends: an iteration ending the day before the next starts is in order', () => {
      expect(dependencyState({ start: I1.start, end: I1.start + 5 * DAY }, { start: I1.start + 5 * DAY, end: I2.end }, false)).toBe('ok');
    });
  });
});
