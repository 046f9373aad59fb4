import { describe, expect, it } from 'vitest';
import { openRisksRaisedFrom, riskFromDependency, type DependencyFacts } from '../../../shared/risks/risk-from-dependency';
import { aRisk } from './risk-fixtures';

const dep: DependencyFacts = {
  key: 'DEP-1',
  kind: 'blocks',
  interfaceName: 'Payment gateway API',
  neededBy: '2026-11-20',
  waiting: { teamKey: 'checkout', teamName: 'Checkout', itemKey: 'CHK-2', itemTitle: 'Pay with saved card' },
  providing: { teamKey: 'platform', teamName: 'Cloud Platform', itemKey: 'PLT-1', itemTitle: 'Payment gateway sandbox' },
};

const groups = new Map([
  ['checkout', 'g-checkout'],
  ['platform', 'g-platform'],
  ['basket', 'g-checkout'],
]);
const groupOf = (k: string) => groups.get(k) ?? null;

describe('raising a risk from a dependency', () => {
  it('fills the title, description, owner and links from the dependency', () => {
    const risk = riskFromDependency(dep, { groupOf, increment: 'PI 26.4' })!;
    expect(risk.title).toBe('Checkout waits on Cloud Platform: Payment gateway API');
    expect(risk.description).toBe('Raised from dependency DEP-1 (blocks). CHK-2 Pay with saved card (Checkout) waits on PLT-1 Payment gateway sandbox (Cloud Platform). Needed by 2026-11-20.');
    expect(risk.ownerTeamKey).toBe('platform');
    expect(risk.links).toEqual({ items: ['CHK-2', 'PLT-1'], dependencies: ['DEP-1'], objectives: [] });
  });

  it('files it on the group’s board when both teams are in one group, else the increment’s, else the waiting team’s', () => {
    const sameGroup = { ...dep, providing: { ...dep.providing, teamKey: 'basket', teamName: 'Basket' } };
    expect(riskFromDependency(sameGroup, { groupOf, increment: 'PI 26.4' })!.scope).toEqual({ kind: 'group', key: 'g-checkout' });
    expect(riskFromDependency(dep, { groupOf, increment: 'PI 26.4' })!.scope).toEqual({ kind: 'increment', key: 'PI 26.4' });
    expect(riskFromDependency(dep, { groupOf, increment: null })!.scope).toEqual({ kind: 'team', key: 'checkout' });
  });

  describe('edge cases', () => {
    it('without an interface it names the item waited on; without items it says what it knows', () => {
      const bare: DependencyFacts = { ...dep, interfaceName: null, neededBy: null, waiting: { teamKey: 'checkout', teamName: null, itemKey: null, itemTitle: null }, providing: { teamKey: null, teamName: null, itemKey: 'X-1', itemTitle: null } };
      const risk = riskFromDependency(bare, { groupOf, increment: null })!;
      expect(risk.title).toBe('checkout waits on the team of X-1: X-1');
      expect(risk.description).toBe('Raised from dependency DEP-1 (blocks).');
      expect(risk.ownerTeamKey).toBeNull();
      expect(risk.links.items).toEqual(['X-1']);
    });

    it('no team and no increment: nowhere to file it', () => {
      const teamless: DependencyFacts = { ...dep, waiting: { ...dep.waiting, teamKey: null }, providing: { ...dep.providing, teamKey: null } };
      expect(riskFromDependency(teamless, { groupOf, increment: null })).toBeNull();
    });

    it('a very long interface name keeps the title within 300 characters', () => {
      const risk = riskFromDependency({ ...dep, interfaceName: 'x'.repeat(400) }, { groupOf, increment: null })!;
      expect(risk.title).toHaveLength(300);
      expect(risk.title.endsWith('…')).toBe(true);
    });
  });
});

describe('the open risk each dependency was raised as', () => {
  it('a risk raised from it and not resolved, the first listed; a risk that only links it was not raised from it', () => {
    const raised = openRisksRaisedFrom([
      aRisk({ key: 'RISK-1', raisedFromDependency: 'DEP-9', status: 'owned' }),
      aRisk({ key: 'RISK-2', raisedFromDependency: 'DEP-9', status: 'unroamed' }),
      aRisk({ key: 'RISK-3', links: { items: [], dependencies: ['DEP-12'], objectives: [] } }),
    ]);
    expect([...raised]).toEqual([['DEP-9', 'RISK-1']]);
  });

  describe('edge cases', () => {
    it('a resolved risk no longer stands for its dependency; none at all gives an empty map', () => {
      expect([...openRisksRaisedFrom([aRisk({ key: 'RISK-4', raisedFromDependency: 'DEP-12', status: 'resolved' })])]).toEqual([]);
      expect(openRisksRaisedFrom([]).size).toBe(0);
    });
  });
});
