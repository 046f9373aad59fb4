import { describe, expect, it } from 'vitest';
import { columnOf, lastChange, moveRisk, rankBetween, rankFor, roamColumns, roamCounts, statusChange } from '../../../shared/risks/roam';
import { aRisk } from './risk-fixtures';

const board = () => [
  aRisk({ key: 'R-1', status: 'unroamed', rank: 1 }),
  aRisk({ key: 'R-2', status: 'unroamed', rank: 2 }),
  aRisk({ key: 'R-3', status: 'owned', rank: 1 }),
  aRisk({ key: 'R-4', status: 'owned', rank: 3 }),
];

describe('ROAM transitions and history', () => {
  it('a change of status makes one history entry with when and who; staying in the column makes none', () => {
    expect(statusChange('unroamed', 'owned', '2026-11-02T10:00:00.000Z', '  Ana  ')).toEqual({ at: '2026-11-02T10:00:00.000Z', from: 'unroamed', to: 'owned', who: 'Ana', note: null });
    expect(statusChange(null, 'unroamed', '2026-11-02T10:00:00.000Z')).toEqual({ at: '2026-11-02T10:00:00.000Z', from: null, to: 'unroamed', who: null, note: null });
    expect(statusChange('owned', 'owned', '2026-11-02T10:00:00.000Z', 'Ana')).toBeNull();
  });

  it('moving R-1 before R-4 in Owned: status, a rank between R-3 and R-4, its history grows; nothing else changes', () => {
    const before = board();
    const after = moveRisk(before, { key: 'R-1', to: 'owned', beforeKey: 'R-4', at: '2026-11-02T10:00:00.000Z', who: 'RTE' });
    const moved = after.find((r) => r.key === 'R-1')!;
    expect(moved.status).toBe('owned');
    expect(moved.rank).toBe(2); // between 1 and 3
    expect(moved.updatedAt).toBe('2026-11-02T10:00:00.000Z');
    expect(moved.history.map((h) => [h.from, h.to, h.who])).toEqual([
      [null, 'unroamed', null],
      ['unroamed', 'owned', 'RTE'],
    ]);
    expect(columnOf(after, 'owned').map((r) => r.key)).toEqual(['R-3', 'R-1', 'R-4']);
    expect(columnOf(after, 'unroamed').map((r) => r.key)).toEqual(['R-2']);
    // The input was not changed.
    expect(before.find((r) => r.key === 'R-1')!.status).toBe('unroamed');
    expect(before.find((r) => r.key === 'R-1')!.history).toHaveLength(1);
  });

  it('a round trip Owned → Mitigated → Owned keeps every step, oldest first', () => {
    let risks = [aRisk({ key: 'R-1', status: 'owned' })];
    risks = moveRisk(risks, { key: 'R-1', to: 'mitigated', beforeKey: null, at: '2026-11-02T10:00:00.000Z' });
    risks = moveRisk(risks, { key: 'R-1', to: 'owned', beforeKey: null, at: '2026-11-03T10:00:00.000Z', who: 'Ben', note: 'fallback failed' });
    expect(risks[0]!.history.map((h) => `${h.from}→${h.to}`)).toEqual(['null→owned', 'owned→mitigated', 'mitigated→owned']);
    expect(lastChange(risks[0]!)).toMatchObject({ who: 'Ben', note: 'fallback failed' });
  });

  it('columns and counts cover all five statuses in board order', () => {
    const columns = roamColumns(board());
    expect(Object.keys(columns)).toEqual(['unroamed', 'resolved', 'owned', 'accepted', 'mitigated']);
    expect(roamCounts(board())).toEqual({ unroamed: 2, resolved: 0, owned: 2, accepted: 0, mitigated: 0 });
  });

  describe('edge cases', () => {
    it('ranks: alone 1, first before r − 1, last after r + 1, between the mean', () => {
      expect(rankBetween(null, null)).toBe(1);
      expect(rankBetween(null, 5)).toBe(4);
      expect(rankBetween(5, null)).toBe(6);
      expect(rankBetween(1, 2)).toBe(1.5);
    });

    it('into an empty column the rank is 1; before its own first neighbour works; an unknown beforeKey means last', () => {
      expect(rankFor(board(), 'R-1', 'accepted', null)).toBe(1);
      expect(rankFor(board(), 'R-4', 'owned', 'R-3')).toBe(0);
      expect(rankFor(board(), 'R-1', 'owned', 'R-99')).toBe(4);
    });

    it('a move to its own place changes no status and adds no history', () => {
      const after = moveRisk(board(), { key: 'R-2', to: 'unroamed', beforeKey: null, at: '2026-11-02T10:00:00.000Z' });
      expect(after.find((r) => r.key === 'R-2')!.history).toHaveLength(1);
      expect(columnOf(after, 'unroamed').map((r) => r.key)).toEqual(['R-1', 'R-2']);
    });

    it('a move of a risk not on the board returns the board as it was (a copy)', () => {
      const before = board();
      const after = moveRisk(before, { key: 'R-9', to: 'owned', beforeKey: null, at: '2026-11-02T10:00:00.000Z' });
      expect(after).toEqual(before);
      expect(after).not.toBe(before);
    });

    it('equal ranks keep a stable order by key', () => {
      const risks = [aRisk({ key: 'B', rank: 1 }), aRisk({ key: 'A', rank: 1 })];
      expect(columnOf(risks, 'unroamed').map((r) => r.key)).toEqual(['A', 'B']);
    });

    it('a blank who or note is no who or note', () => {
      expect(statusChange('owned', 'accepted', '2026-11-02T10:00:00.000Z', '   ', '')).toMatchObject({ who: null, note: null });
    });
  });
});
