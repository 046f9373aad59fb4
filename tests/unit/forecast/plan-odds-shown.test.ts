import { describe, expect, it } from 'vitest';
import { shownDependencyCost, unplannedCommittedNote } from '../../../shared/forecast/plan-odds-shown';

describe('the dependency cost shown', () => {
  it('a cost of half a point or more either way is shown as it is', () => {
    expect(shownDependencyCost(0.37)).toBe(0.37);
    expect(shownDependencyCost(0.005)).toBe(0.005);
    expect(shownDependencyCost(-0.02)).toBe(-0.02);
  });

  describe('edge cases', () => {
    it('within half a point either way (sampling noise at ten thousand trials), and unknown, it is not shown', () => {
      expect(shownDependencyCost(0)).toBeNull();
      expect(shownDependencyCost(-0.0014)).toBeNull();
      expect(shownDependencyCost(0.0049)).toBeNull();
      expect(shownDependencyCost(null)).toBeNull();
    });
  });
});

describe('the note on committed objectives without planned work', () => {
  it('counts the committed objectives that have no odds, in words', () => {
    const o = (committed: boolean, probability: number | null) => ({ committed, probability });
    expect(unplannedCommittedNote([o(true, null), o(true, 0.4)])).toBe('1 committed objective has no planned work and is not counted');
    expect(unplannedCommittedNote([o(true, null), o(true, null), o(false, null)])).toBe('2 committed objectives have no planned work and are not counted');
  });

  describe('edge cases', () => {
    it('none, or only uncommitted ones without odds: no note', () => {
      expect(unplannedCommittedNote([])).toBeNull();
      expect(unplannedCommittedNote([{ committed: false, probability: null }, { committed: true, probability: 0 }])).toBeNull();
    });
  });
});
