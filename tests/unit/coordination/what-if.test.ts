import { describe, expect, it } from 'vitest';
import { layoutTeams } from '../../../shared/coordination/graph-layout';
import { moveTeam, type Grouping, type ProviderFacts } from '../../../shared/coordination/grouping';
import { applyScenario, evaluateScenario, ScenarioChanges, type ScenarioChange } from '../../../shared/coordination/what-if';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { PortfolioBuilder, WINDOW } from './portfolio-builder';

const options = { window: WINDOW, settings: DEFAULT_COORDINATION_SETTINGS };

/** a and b are tightly coupled (Team-of-Teams), c and d moderately (Scrum of Scrums), e stands alone. */
function portfolio() {
  const b = new PortfolioBuilder();
  for (const k of ['a', 'b', 'c', 'd', 'e']) b.team(k, { completed: 30 });
  return b
    .depends('a', 'b', { count: 6, blockedDays: 3 })
    .depends('b', 'a', { count: 6, blockedDays: 3 })
    .objective('joint', ['a', 'b'])
    .weeklyReleases(['a', 'b'], 12)
    .depends('c', 'd', { count: 4, interfaced: true })
    .forum(1, 'Journeys sync', ['a', 'b', 'e']);
}

describe('evaluateScenario', () => {
  it('resolving the dependencies between two teams lightens their model', () => {
    const data = portfolio().build();
    const keys = data.dependencies.filter((d) => d.fromTeamKey === 'c').map((d) => d.key);
    const result = evaluateScenario(data, [{ kind: 'resolve', dependencyKeys: keys }], options);
    expect(result.baseline.groups.find((g) => g.teamKeys.includes('c'))!.model).toBe('scrum-of-scrums');
    expect(result.scenario.groups.find((g) => g.teamKeys.includes('c'))!.model).toBe('none');
    expect(result.teamChanges.map((c) => [c.teamKey, c.before.model, c.after?.model])).toEqual([
      ['c', 'scrum-of-scrums', 'none'],
      ['d', 'scrum-of-scrums', 'none'],
    ]);
    expect(result.notes).toEqual([]);
  });

  it('merging two teams gives the merged team the epics the absorbed team’s items sit under', () => {
    const data = { ...portfolio().build(), parents: [{ key: 'E1', teamKeys: ['b', 'c'] }, { key: 'E2', teamKeys: ['a', 'b'] }, { key: 'E3', teamKeys: ['d'] }] };
    const applied = applyScenario(data, [{ kind: 'merge', teamKeys: ['a', 'b'] }]);
    expect(applied.data.parents).toEqual([
      { key: 'E1', teamKeys: ['a', 'c'] },
      { key: 'E2', teamKeys: ['a'] },
      { key: 'E3', teamKeys: ['d'] },
    ]);
    // The input is not changed.
    expect(data.parents[0]!.teamKeys).toEqual(['b', 'c']);
  });

  it('merging two teams turns their dependencies into work inside one team', () => {
    const result = evaluateScenario(portfolio().build(), [{ kind: 'merge', teamKeys: ['a', 'b'], name: 'Journeys' }], options);
    const merged = result.scenario.groups.find((g) => g.teamKeys.includes('a'))!;
    expect(merged).toMatchObject({ name: 'Journeys', teamKeys: ['a'], model: 'none' });
    const changeOfB = result.teamChanges.find((c) => c.teamKey === 'b')!;
    expect(changeOfB).toMatchObject({ mergedInto: 'a', after: null, before: { model: 'team-of-teams' } });
    // The forum now seats the merged team and e, with no dependency between them.
    expect(result.baseline.congruence.coveredPairs).toBe(1);
    expect(result.scenario.congruence.requiredPairs).toBe(1);
  });

  it('moving a team into another group recomputes that group’s advice', () => {
    const result = evaluateScenario(portfolio().build(), [{ kind: 'move', teamKey: 'e', toTeamKey: 'c' }], options);
    const group = result.scenario.groups.find((g) => g.teamKeys.includes('e'))!;
    expect(group.teamKeys).toEqual(['c', 'd', 'e']);
    expect(result.teamChanges.map((c) => c.teamKey)).toEqual(['c', 'd', 'e']);
  });

  it('stores nothing and leaves its input untouched', () => {
    const data = portfolio().build();
    const before = structuredClone(data);
    evaluateScenario(data, [{ kind: 'merge', teamKeys: ['c', 'd'] }, { kind: 'move', teamKey: 'e', toTeamKey: null }], options);
    expect(data).toEqual(before);
  });
});

describe('moving a team in a what-if', () => {
  /** x and y are a group; p serves several groups as a shared provider. */
  const grouping = (): Grouping => ({
    groups: [
      { id: 'g-x', teamKeys: ['x', 'y'], role: 'group' },
      { id: 'g-p', teamKeys: ['p'], role: 'provider' },
    ],
    groupOf: new Map([
      ['x', 'g-x'],
      ['y', 'g-x'],
      ['p', 'g-p'],
    ]),
    providers: new Map([['p', {} as ProviderFacts]]),
  });
  const roles = (g: Grouping) => g.groups.map((group) => [group.teamKeys.join('+'), group.role]);

  it('a shared provider standing alone again is a shared provider, not a lone team', () => {
    const joined = moveTeam(grouping(), 'p', 'x');
    expect(roles(joined)).toEqual([['p+x+y', 'group']]);
    expect(roles(moveTeam(joined, 'p', null))).toEqual([
      ['x+y', 'group'],
      ['p', 'provider'],
    ]);
  });

  describe('edge cases', () => {
    it('a provider moved alone where it already stands keeps its role', () => {
      expect(roles(moveTeam(grouping(), 'p', null))).toEqual([
        ['x+y', 'group'],
        ['p', 'provider'],
      ]);
    });

    it('a team leaving the provider it joined leaves the provider a provider, and itself a lone team', () => {
      const joined = moveTeam(grouping(), 'y', 'p');
      expect(roles(joined)).toEqual([
        ['x', 'single'],
        ['p+y', 'group'],
      ]);
      expect(roles(moveTeam(joined, 'y', null))).toEqual([
        ['x', 'single'],
        ['p', 'provider'],
        ['y', 'single'],
      ]);
    });
  });
});

describe('graph layout', () => {
  it('puts providers in the middle, groups on a ring and lone teams outside, the same way every time', () => {
    const groups = [
      { id: 'g1', teamKeys: ['a', 'b', 'c'], role: 'group' as const },
      { id: 'g2', teamKeys: ['p'], role: 'provider' as const },
      { id: 'g3', teamKeys: ['x'], role: 'single' as const },
    ];
    const layout = layoutTeams(groups);
    expect(layout.teams.get('p')).toEqual({ x: 0, y: 0 });
    const radius = (k: string) => Math.hypot(layout.teams.get(k)!.x, layout.teams.get(k)!.y);
    expect(radius('x')).toBeCloseTo(0.92, 12);
    expect(radius('a')).toBeGreaterThan(0.2);
    expect(radius('a')).toBeLessThan(0.92);
    for (const point of layout.teams.values()) {
      expect(Math.abs(point.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(point.y)).toBeLessThanOrEqual(1);
    }
    expect(layoutTeams(groups)).toEqual(layout);
  });
});

describe('edge cases', () => {
  it('reports changes that name teams no longer in the workspace instead of failing', () => {
    const applied = applyScenario(portfolio().build(), [
      { kind: 'merge', teamKeys: ['a', 'gone'] },
      { kind: 'move', teamKey: 'gone', toTeamKey: 'a' },
      { kind: 'move', teamKey: 'e', toTeamKey: 'also-gone' },
      { kind: 'resolve', dependencyKeys: ['no-such-dependency'] },
    ]);
    expect(applied.moves).toEqual([]);
    expect(applied.notes).toEqual([
      'The merge of “a” and “gone” names a team that is not in the workspace: it was skipped.',
      'Team “gone” is not in the workspace: the move of “gone” was skipped.',
      'Team “also-gone” is not in the workspace: the move of “e” was skipped.',
      '1 of the 1 dependencies to resolve are not cross-team dependencies of this window; they were left out.',
    ]);
  });

  it('follows chains of merges', () => {
    const applied = applyScenario(portfolio().build(), [
      { kind: 'merge', teamKeys: ['a', 'b'] },
      { kind: 'merge', teamKeys: ['c', 'b'] },
    ]);
    expect(applied.data.teams.map((t) => t.key)).toEqual(['c', 'd', 'e']);
    expect(applied.mergedInto.get('b')).toBe('c');
    expect(applied.mergedInto.get('a')).toBe('c');
    expect(applied.data.dependencies.every((d) => d.fromTeamKey !== d.toTeamKey)).toBe(true);
  });

  it('a team moved to one that a later merge absorbs ends up with the merged team', () => {
    const change: ScenarioChange[] = [
      { kind: 'move', teamKey: 'e', toTeamKey: 'd' },
      { kind: 'merge', teamKeys: ['c', 'd'] },
    ];
    expect(applyScenario(portfolio().build(), change).moves).toEqual([{ teamKey: 'e', toTeamKey: 'c' }]);
    const group = evaluateScenario(portfolio().build(), change, options).scenario.groups.find((g) => g.teamKeys.includes('e'))!;
    expect(group.teamKeys).toEqual(['c', 'e']);
  });

  it('validates scenario changes at the contract', () => {
    expect(ScenarioChanges.safeParse([{ kind: 'resolve', dependencyKeys: [] }]).success).toBe(false);
    expect(ScenarioChanges.safeParse([{ kind: 'split', teamKey: 'a' }]).success).toBe(false);
    expect(ScenarioChanges.safeParse([{ kind: 'move', teamKey: 'a', toTeamKey: null }]).success).toBe(true);
  });

  it('an empty layout is empty', () => {
    expect(layoutTeams([]).teams.size).toBe(0);
  });
});
