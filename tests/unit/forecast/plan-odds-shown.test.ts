import { describe, expect, it } from 'vitest';
import { p85Text, shownDependencyCost, teamsWithoutThroughputNote, unplannedCommittedNote } from '../../../shared/forecast/plan-odds-shown';

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

describe('the 85 % date shown', () => {
  it('its day; "done" for an item done before the start; otherwise not within the simulated two years', () => {
    expect(p85Text({ probability: 0.9, p85Date: '2027-01-15' })).toBe('2027-01-15');
    expect(p85Text({ probability: 1, p85Date: null, done: true })).toBe('done');
    expect(p85Text({ probability: 0.1, p85Date: null, done: false })).toBe('not within two years');
  });

  describe('edge cases', () => {
    it('a group without planned work has none', () => {
      expect(p85Text({ probability: null, p85Date: null })).toBe('–');
    });
  });
});

describe('the note on teams that finished nothing in the history window', () => {
  const t = (key: string, plannedItems: number, meanPerDay: number | null, allPlannedDone: number | null = 0) => ({ key, plannedItems, meanPerDay, allPlannedDone });
  it('names the teams with planned work and no finished item, by the names given', () => {
    expect(teamsWithoutThroughputNote([t('a', 3, 0), t('b', 2, 1.5)], (k) => `Team ${k.toUpperCase()}`)).toBe(
      'Team A finished nothing in the history window, so its planned work shows 0 %: that is no forecast. Widen the window, or check that its done statuses are mapped as done.',
    );
    expect(teamsWithoutThroughputNote([t('a', 3, 0), t('b', 2, null), t('c', 1, 0)])).toMatch(/^a, b and c finished nothing in the history window, so their planned work/);
  });

  describe('edge cases', () => {
    it('a team without planned work, or with all of it done already, or every team with throughput: no note', () => {
      expect(teamsWithoutThroughputNote([t('a', 0, 0, null), t('b', 2, 0.1), t('c', 1, 0, 1)])).toBeNull();
      expect(teamsWithoutThroughputNote([])).toBeNull();
    });
  });
});
