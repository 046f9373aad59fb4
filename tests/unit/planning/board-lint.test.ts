import { describe, expect, it } from 'vitest';
import { buildBoard } from '../../../shared/planning/board';
import { applyBoardPatch, boardPatch } from '../../../shared/planning/board-patch';
import type { LintFinding } from '../../../shared/planning/board-schema';
import { boardSummary } from '../../../shared/planning/board-summary';
import type { PlanData, PlanDependency, PlannedWork } from '../../../shared/planning/plan-data';
import { planData } from './plan-data-fixture';

// The lint rule need-date-outside-increment (docs/PLANNING.md, "Board lint"), on boards built from
// plain plan data. The increment runs from Monday 2026-11-09 to Sunday 2027-01-17, both days
// included: stored as [2026-11-09 00:00 UTC, 2027-01-18 00:00 UTC).

const at = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
const I1 = { id: 1, name: 'Iteration 1', start: at('2026-11-09'), end: at('2026-11-23'), teamKey: null };
const I2 = { id: 2, name: 'Iteration 2', start: at('2026-11-23'), end: at('2026-12-07'), teamKey: null };
const work = (itemKey: string, teamKey: string, iterationId: number): PlannedWork => ({ itemKey, title: itemKey, type: 'feature', teamKey, iterationId, rank: 1, size: 1, doneAt: null });
// A-1 (Alpha, Iteration 2) waits on B-1 (Bravo, Iteration 1) in most tests: in order, so only the date is in question.
const PLANNED = [work('A-1', 'a', 2), work('A-2', 'a', 1), work('B-1', 'b', 1), work('B-2', 'b', 2)];

function needing(neededBy: string | null, extra: Partial<PlanDependency> = {}): PlanDependency {
  return { key: 'DEP-7', consumerKey: 'A-1', providerKey: 'B-1', consumerTeamKey: 'a', providerTeamKey: 'b', createdAt: at('2026-08-17'), neededBy: neededBy === null ? null : at(neededBy), resolvedAt: null, ...extra };
}

function data(dependencies: PlanDependency[], extra: Partial<PlanData> = {}): PlanData {
  return planData({
    increment: { id: 1, name: 'PI 26.4', start: at('2026-11-09'), end: at('2027-01-18'), capacityUnit: 'items' },
    iterations: [I1, I2],
    teams: [
      { key: 'a', name: 'Alpha', valueStream: 'VS', group: null },
      { key: 'b', name: 'Bravo', valueStream: 'VS', group: null },
      // Nothing of Pricing's is planned: it is not on the board, and only the dependency names it.
      { key: 'p', name: 'Pricing', valueStream: 'VS', group: null },
    ],
    planned: PLANNED,
    dependencies,
    ...extra,
  });
}

const outside = (lint: readonly LintFinding[]) => lint.filter((f) => f.rule === 'need-date-outside-increment');
const flagged = (dependencies: PlanDependency[], extra: Partial<PlanData> = {}) => outside(buildBoard(data(dependencies, extra)).lint);

describe('lint: a need date outside the increment', () => {
  it('flags an open dependency needed before the increment: the dependency as the board words it, its date, the increment’s days, where to change it', () => {
    expect(flagged([needing('2026-09-02')])).toEqual([
      {
        rule: 'need-date-outside-increment',
        teamKey: 'a',
        itemKeys: ['A-1', 'B-1'],
        objectiveKey: null,
        message: 'A-1 (Iteration 2) waits on B-1 (Iteration 1), needed 2026-09-02: before the increment, 2026-11-09 – 2027-01-17. Change its need date (needed_by of DEP-7 in the file it was imported from, then import that again).',
      },
    ]);
  });

  it('flags one needed after the increment; made in Interlock, it is named as its card is and changed in the card’s dependencies', () => {
    const planned = [...PLANNED, work('interlock:item:4', 'a', 2)];
    const local = needing('2027-03-01', { key: 'interlock:dep:2', consumerKey: 'interlock:item:4' });
    expect(flagged([local], { planned }).map((f) => [f.itemKeys, f.message])).toEqual([
      [
        ['interlock:item:4', 'B-1'],
        'New-4 (Iteration 2) waits on B-1 (Iteration 1), needed 2027-03-01: after the increment, 2026-11-09 – 2027-01-17. Change its need date in the card’s dependencies (its menu: Its dependencies…).',
      ],
    ]);
  });

  it('the CLI’s board summary carries it, and a board patched after a move sums it up as one built whole', () => {
    const deps = [needing('2026-09-02')];
    const board = buildBoard(data(deps));
    expect(boardSummary(board).lint).toEqual([{ rule: 'need-date-outside-increment', message: outside(board.lint)[0]!.message }]);
    // A-1 comes from the backlog with its dependency: the page sums up the lint of the patched board itself.
    const before = { ...buildBoard(data(deps, { planned: PLANNED.filter((w) => w.itemKey !== 'A-1') })), changes: null };
    expect(outside(before.lint)).toEqual([]);
    const after = { ...board, changes: null };
    const patched = applyBoardPatch(before, boardPatch(after, 'A-1', ['a']))!;
    expect(patched.lint).toEqual(after.lint);
    expect(outside(patched.lint)).toHaveLength(1);
  });

  describe('edge cases', () => {
    it('the increment’s first and last days are inside; the day before the first and the day after the last are not', () => {
      expect(flagged([needing('2026-11-09')])).toEqual([]);
      // The stored end is the midnight after the last day: the last day itself is still inside.
      expect(flagged([needing('2027-01-17')])).toEqual([]);
      // Late on the last day (UTC) is that day.
      expect(flagged([needing('2027-01-17T23:30:00Z')])).toEqual([]);
      expect(flagged([needing('2026-11-08')]).map((f) => f.message)).toEqual([expect.stringContaining('needed 2026-11-08: before the increment, 2026-11-09 – 2027-01-17.')]);
      expect(flagged([needing('2027-01-18')]).map((f) => f.message)).toEqual([expect.stringContaining('needed 2027-01-18: after the increment, 2026-11-09 – 2027-01-17.')]);
    });

    it('a dependency without a need date is needed on its waiting item’s first day, inside the increment: not flagged', () => {
      const board = buildBoard(data([needing(null, { consumerKey: 'A-2', providerKey: 'B-2' })]));
      expect(board.dependencies[0]!.needAt).toBe('2026-11-09');
      expect(outside(board.lint)).toEqual([]);
    });

    it('a dependency on a team alone (no provider item) is flagged naming the team, and points at its waiting card only', () => {
      const teamAlone = needing('2026-10-01', { providerKey: null, providerTeamKey: 'p' });
      expect(flagged([teamAlone]).map((f) => [f.itemKeys, f.message])).toEqual([
        [['A-1'], 'A-1 (Iteration 2) waits on Pricing — no item named, needed 2026-10-01: before the increment, 2026-11-09 – 2027-01-17. Change its need date (needed_by of DEP-7 in the file it was imported from, then import that again).'],
      ]);
    });

    it('a provider not planned, or cancelled, is flagged; a settled dependency (resolved, or its provider done) is not', () => {
      const notPlanned = needing('2026-09-02', { key: 'DEP-8', providerKey: 'X-9' });
      const cancelled = needing('2026-09-02', { key: 'DEP-9', providerKey: 'X-10' });
      const resolved = needing('2026-09-02', { key: 'DEP-10', resolvedAt: at('2026-11-02') });
      const delivered = needing('2026-09-02', { key: 'DEP-11', providerKey: 'X-11' });
      const lint = flagged([notPlanned, cancelled, resolved, delivered], { providerTeams: { 'X-9': 'b', 'X-10': 'b', 'X-11': 'b' }, cancelledProviders: ['X-10'], providerDoneAt: { 'X-11': at('2026-10-20') } });
      expect(lint.map((f) => f.message.replace(/, needed .*/, ''))).toEqual(['A-1 (Iteration 2) waits on X-9 (not planned)', 'A-1 (Iteration 2) waits on X-10 (cancelled)']);
    });
  });
});
