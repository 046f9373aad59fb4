import { describe, expect, it } from 'vitest';
import { buildBoard } from '../../../shared/planning/board';
import { applyBoardPatch, boardPatch } from '../../../shared/planning/board-patch';
import type { BoardView } from '../../../shared/planning/board-patch-schema';
import type { PlanData, PlannedWork } from '../../../shared/planning/plan-data';
import { planData } from './plan-data-fixture';

// A move's answer (board-patch.ts) against the board built again: the same board, with the
// untouched cells and dependencies kept as the very same objects.

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iteration = (id: number, start: string, end: string) => ({ id, name: `I${id}`, start: d(start), end: d(end), teamKey: null });
const work = (itemKey: string, teamKey: string, iterationId: number, rank: number): PlannedWork => ({ itemKey, title: itemKey, type: 'feature', teamKey, iterationId, rank, size: 1, doneAt: null });
const dep = (key: string, consumerKey: string, providerKey: string) => ({ key, consumerKey, providerKey, consumerTeamKey: null, providerTeamKey: null, createdAt: d('2025-12-01'), neededBy: null, resolvedAt: null });

function data(planned: PlannedWork[]): PlanData {
  return planData({
    increment: { id: 1, name: 'PI', start: d('2026-01-05'), end: d('2026-02-02'), capacityUnit: 'items' },
    iterations: [iteration(1, '2026-01-05', '2026-01-19'), iteration(2, '2026-01-19', '2026-02-02')],
    teams: ['a', 'b', 'c'].map((key) => ({ key, name: key.toUpperCase(), valueStream: 'VS', group: null })),
    planned,
    dependencies: [dep('D-1', 'A-1', 'B-1'), dep('D-2', 'B-1', 'A-2'), dep('D-3', 'A-2', 'B-2')],
  });
}

const view = (planned: PlannedWork[]): BoardView => ({ ...buildBoard(data(planned), 'value-stream'), changes: null });
const START = [work('A-1', 'a', 1, 1), work('A-2', 'a', 2, 1), work('B-1', 'b', 2, 1), work('B-2', 'b', 1, 1)];

describe('board patches', () => {
  it('a move within a team: the board patched is the board built again', () => {
    const before = view(START);
    const after = view([work('A-1', 'a', 2, 2), ...START.slice(1)]);
    const patched = applyBoardPatch(before, boardPatch(after, 'A-1', ['a']))!;
    expect(patched).toEqual(after);
    expect(patched.dependencies.find((x) => x.key === 'D-1')!.state).toBe('same-iteration');
    // B's cells and the dependency A-1 is not in are the same objects as before.
    expect(patched.cells.filter((c) => c.teamKey === 'b').every((c) => before.cells.includes(c))).toBe(true);
    expect(patched.dependencies.find((x) => x.key === 'D-3')).toBe(before.dependencies.find((x) => x.key === 'D-3'));
  });

  it('a move across teams carries both teams; an item planned from the backlog brings its dependencies', () => {
    const before = view(START.filter((w) => w.itemKey !== 'A-1'));
    expect(before.dependencies.map((x) => x.key)).toEqual(['D-2', 'D-3']);
    const after = view([work('A-1', 'c', 1, 1), ...START.slice(1)]);
    const patch = boardPatch(after, 'A-1', ['c']);
    expect(applyBoardPatch(before, patch)).toEqual(after);
    expect(applyBoardPatch(before, patch)!.dependencies.map((x) => x.key)).toEqual(['D-1', 'D-2', 'D-3']);
    const moved = view([work('A-1', 'b', 1, 2), ...START.slice(1)]);
    expect(applyBoardPatch(after, boardPatch(moved, 'A-1', ['c', 'b']))).toEqual(moved);
  });

  it('a patch of a team’s rows alone (no item: a capacity) carries no dependency and keeps every one the board had', () => {
    const before = view(START);
    const after = { ...buildBoard({ ...data(START), capacity: [{ teamKey: 'a', iterationId: 1, amount: 0 }] }, 'value-stream'), changes: null };
    const patch = boardPatch(after, null, ['a']);
    expect(patch.dependencies).toEqual([]);
    const patched = applyBoardPatch(before, patch)!;
    expect(patched).toEqual(after);
    expect(patched.lint.map((l) => l.rule)).toContain('over-capacity');
    expect(patched.dependencies.every((x, i) => x === before.dependencies[i])).toBe(true);
  });

  describe('edge cases', () => {
    it('a patch of another increment, or one missing a cell it must keep, does not fit: null', () => {
      const before = view(START);
      const after = view([work('A-1', 'a', 2, 2), ...START.slice(1)]);
      const patch = boardPatch(after, 'A-1', ['a']);
      expect(applyBoardPatch({ ...before, increment: { ...before.increment, id: 2 } }, patch)).toBeNull();
      // Team C is new on the board, but the patch claims only A changed: C's cells are nowhere.
      const withC = view([...START, work('C-1', 'c', 1, 1)]);
      expect(applyBoardPatch(before, boardPatch(withC, 'C-1', ['a']))).toBeNull();
    });

    it('a patch that changes nothing gives an equal board, with every cell kept', () => {
      const before = view(START);
      const patched = applyBoardPatch(before, boardPatch(before, 'A-1', []))!;
      expect(patched).toEqual(before);
      expect(patched.cells.every((c, i) => c === before.cells[i])).toBe(true);
    });
  });
});
