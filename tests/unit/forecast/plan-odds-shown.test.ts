import { describe, expect, it } from 'vitest';
import { dependencyWhoText, dueBeforeStartNote, p85Text, shownDependencyCost, teamsWithoutThroughputNote, unplannedCommittedNote } from '../../../shared/forecast/plan-odds-shown';

describe('the dependency cost shown', () => {
  const o = (dependencyCost: number | null, probability: number | null = 0.5) => ({ dependencyCost, probability });
  it('a cost past 2.5 standard errors of the simulated odds is shown as it is', () => {
    // At 10,000 trials and odds of 50 %: 2.5 · √(0.25 / 10,000) = 1.25 points.
    expect(shownDependencyCost(o(0.37), 10_000)).toBe(0.37);
    expect(shownDependencyCost(o(0.013), 10_000)).toBe(0.013);
    expect(shownDependencyCost(o(-0.02), 10_000)).toBe(-0.02);
    // At 1,000 trials: 3.95 points.
    expect(shownDependencyCost(o(0.04), 1_000)).toBe(0.04);
  });

  describe('edge cases', () => {
    it('within the noise either way, and unknown, it is not shown', () => {
      expect(shownDependencyCost(o(0.012), 10_000)).toBeNull();
      expect(shownDependencyCost(o(-0.006), 10_000)).toBeNull();
      expect(shownDependencyCost(o(0.039), 1_000)).toBeNull();
      expect(shownDependencyCost(o(null), 10_000)).toBeNull();
    });

    it('odds of 0 or 1 have no sampling error: half a point is still the least shown', () => {
      expect(shownDependencyCost(o(0.0049, 1), 10_000)).toBeNull();
      expect(shownDependencyCost(o(0.006, 0), 10_000)).toBe(0.006);
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

describe('a dependency named for the room, and odds no trial could change', () => {
  const names: Record<string, string> = { checkout: 'Checkout', payments: 'Payments', search: 'Search' };
  const teamName = (key: string) => names[key] ?? key;

  it('says who waits on whom, each end with its team ("Payments’ PAY-3"); a team alone, and a dependency the board does not hold, as they are', () => {
    expect(dependencyWhoText('DEP-316', { consumer: { itemKey: 'CHK-12', teamKey: 'checkout' }, provider: { itemKey: 'PAY-3', teamKey: 'payments' } }, teamName)).toBe(
      'DEP-316: Checkout’s CHK-12 waits on Payments’ PAY-3',
    );
    expect(dependencyWhoText('DEP-9', { consumer: { itemKey: 'SRC-1', teamKey: 'search' }, provider: { itemKey: null, teamKey: 'pricing', teamName: 'Pricing' } }, teamName)).toBe(
      'DEP-9: Search’s SRC-1 waits on Pricing (no item named)',
    );
    expect(dependencyWhoText('interlock:dep:1', { consumer: { itemKey: 'interlock:item:2', teamKey: null }, provider: { itemKey: 'interlock:item:1', teamKey: 'checkout' } }, teamName)).toBe(
      'dependency New-1: New-2 waits on Checkout’s New-1',
    );
    expect(dependencyWhoText('DEP-105', undefined, teamName)).toBe('DEP-105');
  });

  it('0 % for work due before the first simulated day says so; done work, later work and odds above 0 say nothing', () => {
    expect(dueBeforeStartNote({ due: '2026-11-15', probability: 0 }, '2026-11-16')).toBe('due before the simulation starts');
    expect(dueBeforeStartNote({ due: '2026-11-15', probability: 1 }, '2026-11-16')).toBeNull();
    expect(dueBeforeStartNote({ due: '2026-11-16', probability: 0 }, '2026-11-16')).toBeNull();
    expect(dueBeforeStartNote({ due: null, probability: null }, '2026-11-16')).toBeNull();
  });
});
