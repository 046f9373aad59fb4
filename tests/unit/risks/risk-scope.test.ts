import { describe, expect, it } from 'vitest';
import { filterRisks, ownerLabel, parseScopeId, risksOfIncrement, scopeId, scopeLabel, scopeOptions, type ScopeNames } from '../../../shared/risks/risk-scope';
import { riskCsvRows } from '../../../shared/risks/risk-csv';
import { aRisk } from './risk-fixtures';

const names: ScopeNames = {
  teams: new Map([
    ['checkout', 'Checkout'],
    ['basket', 'Basket'],
    ['search', 'Search'],
  ]),
  groups: new Map([['g-basket', { name: 'Basket and Checkout', teamKeys: ['basket', 'checkout'] }]]),
};

const risks = [
  aRisk({ key: 'R-1', scope: { kind: 'group', key: 'g-basket' } }),
  aRisk({ key: 'R-2', scope: { kind: 'team', key: 'checkout' } }),
  aRisk({ key: 'R-3', scope: { kind: 'team', key: 'search' } }),
  aRisk({ key: 'R-4', scope: { kind: 'increment', key: 'PI 26.4' } }),
];

describe('risk scopes', () => {
  it('a report about one increment keeps that increment’s risks and every team’s and group’s, and counts those of other increments it leaves out', () => {
    const more = [...risks, aRisk({ key: 'R-5', scope: { kind: 'increment', key: 'PI 26.3' } }), aRisk({ key: 'R-6', scope: { kind: 'increment', key: 'PI 27.1' } })];
    const of263 = risksOfIncrement(more, 'PI 26.3');
    expect(of263.kept.map((r) => r.key)).toEqual(['R-1', 'R-2', 'R-3', 'R-5']);
    expect(of263.otherIncrements).toBe(2);
    expect(risksOfIncrement(more, 'PI 26.4').kept.map((r) => r.key)).toEqual(['R-1', 'R-2', 'R-3', 'R-4']);
  });

  it('read as people name them', () => {
    expect(scopeLabel({ kind: 'team', key: 'checkout' }, names)).toBe('Team: Checkout');
    expect(scopeLabel({ kind: 'group', key: 'g-basket' }, names)).toBe('Coordination group: Basket and Checkout');
    expect(scopeLabel({ kind: 'increment', key: 'PI 26.4' }, names)).toBe('Whole increment: PI 26.4');
  });

  it('a group filter is the mission-level board: the group’s own risks, with its teams’ risks when asked', () => {
    const group = { kind: 'group' as const, key: 'g-basket' };
    expect(filterRisks(risks, { scope: group, withTeams: false }, names).map((r) => r.key)).toEqual(['R-1']);
    expect(filterRisks(risks, { scope: group, withTeams: true }, names).map((r) => r.key)).toEqual(['R-1', 'R-2']);
    expect(filterRisks(risks, { scope: { kind: 'team', key: 'search' }, withTeams: true }, names).map((r) => r.key)).toEqual(['R-3']);
    expect(filterRisks(risks, { scope: null, withTeams: false }, names)).toHaveLength(4);
  });

  it('options: increments first, then groups and teams by name, each with its number of risks', () => {
    expect(scopeOptions(risks, names, ['PI 26.4', 'PI 26.3']).map((o) => `${o.label} (${o.risks})`)).toEqual([
      'Whole increment: PI 26.4 (1)',
      'Whole increment: PI 26.3 (0)',
      'Coordination group: Basket and Checkout (1)',
      'Team: Basket (0)',
      'Team: Checkout (1)',
      'Team: Search (1)',
    ]);
  });

  it('the CSV has the import template’s columns, lists joined by semicolons', () => {
    const rows = riskCsvRows([aRisk({ key: 'R-1', status: 'owned', ownerTeamKey: 'checkout', ownerPerson: 'Ana', links: { items: ['A-1', 'A-2'], dependencies: ['D-1'], objectives: [] } })]);
    expect(rows[0]).toEqual(['key', 'title', 'description', 'status', 'owner_team', 'owner', 'scope', 'scope_key', 'items', 'dependencies', 'objectives']);
    expect(rows[1]).toEqual(['R-1', 'Risk R-1', '', 'owned', 'checkout', 'Ana', 'increment', 'PI 26.4', 'A-1; A-2', 'D-1', '']);
  });

  describe('edge cases', () => {
    it('scope ids round-trip, keys with colons included; anything else is no scope', () => {
      expect(parseScopeId(scopeId({ kind: 'increment', key: 'PI: 26.4' }))).toEqual({ kind: 'increment', key: 'PI: 26.4' });
      expect(parseScopeId('tribe:x')).toBeNull();
      expect(parseScopeId('team:')).toBeNull();
      expect(parseScopeId('team')).toBeNull();
      expect(parseScopeId(null)).toBeNull();
    });

    it('a group the advisor no longer forms, or a team no longer there, still reads and still lists', () => {
      const orphan = [aRisk({ key: 'R-9', scope: { kind: 'group', key: 'g-gone' } })];
      expect(scopeLabel({ kind: 'group', key: 'g-gone' }, names)).toBe('Coordination group g-gone (not formed now)');
      expect(scopeLabel({ kind: 'team', key: 'gone' }, names)).toBe('Team: gone');
      expect(scopeOptions(orphan, names, []).at(-1)).toMatchObject({ id: 'group:g-gone', risks: 1 });
      // Filtering by a group that is not formed keeps its own risks and no team's.
      expect(filterRisks(orphan, { scope: { kind: 'group', key: 'g-gone' }, withTeams: true }, names)).toHaveLength(1);
    });

    it('owners: a person with their team, either alone, or nobody', () => {
      expect(ownerLabel({ ownerTeamKey: 'checkout', ownerPerson: 'Ana' }, names.teams)).toBe('Ana (Checkout)');
      expect(ownerLabel({ ownerTeamKey: 'checkout', ownerPerson: null }, names.teams)).toBe('Checkout');
      expect(ownerLabel({ ownerTeamKey: null, ownerPerson: 'Ana' }, names.teams)).toBe('Ana');
      expect(ownerLabel({ ownerTeamKey: null, ownerPerson: null }, names.teams)).toBeNull();
    });
  });
});
