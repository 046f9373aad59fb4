import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvidence } from '../../../shared/coordination/coordination-data';
import { pairCoupling, scorePair, type PairFacts, type TeamFacts } from '../../../shared/coordination/pair-coupling';
import { DEFAULT_COORDINATION_SETTINGS, type CoordinationSettings } from '../../../shared/coordination/settings';

// pairCoupling (the trend periods' coupling, made without a pair's objects) must be exactly what
// scorePair gives as the coupling, to the last bit: a trend point and the window's score of the
// same facts are compared with each other in the report.

const count = fc.nat({ max: 60 });
const team = fc.record({ completed: count, integrations: count, objectives: fc.nat({ max: 6 }), parents: fc.nat({ max: 6 }) }).map(
  (t): TeamFacts => ({ ...t, waitsOn: new Set(), waitedOnBy: new Set(), incoming: 0, incomingOpen: 0, blockedDaysCaused: 0 }),
);
const keys = fc.uniqueArray(fc.constantFrom('o1', 'o2', 'o3', 'o4'), { maxLength: 4 });
const facts = fc.record({
  aWaitsOnB: count,
  bWaitsOnA: count,
  interfaced: count,
  open: count,
  blockedMsAOnB: fc.nat({ max: 90 * 86_400_000 }),
  blockedMsBOnA: fc.nat({ max: 90 * 86_400_000 }),
  jointIntegrations: count,
  sharedObjectiveKeys: keys,
  sharedParentKeys: keys,
});
const recorded = fc.record({ statusHistory: fc.boolean(), interfaces: fc.boolean(), integration: fc.boolean(), objectives: fc.boolean(), parents: fc.boolean(), releases: fc.boolean() });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const settings = fc
  .record({
    weights: fc.record({ dependencies: share, blocked: share, undeclared: share, objectives: share, integration: share }),
    saturation: fc.record({ dependencyShare: fc.double({ min: 0.01, max: 1, noNaN: true }), blockedDaysPerItem: fc.double({ min: 0.1, max: 365, noNaN: true }) }),
  })
  .map((s): CoordinationSettings => ({ ...DEFAULT_COORDINATION_SETTINGS, ...s }));

/** Either team may be missing from the facts (a key that is no team of the workspace). */
function teamsOf(a: TeamFacts | null, b: TeamFacts | null): Map<string, TeamFacts> {
  const teams = new Map<string, TeamFacts>();
  if (a) teams.set('a', a);
  if (b) teams.set('b', b);
  return teams;
}

describe('pairCoupling', () => {
  it('is exactly scorePair(…).coupling, whatever the facts, the evidence recorded and the settings', () => {
    fc.assert(
      fc.property(facts, fc.option(team), fc.option(team), recorded, settings, (f, a, b, r, s) => {
        const pair: PairFacts = { a: 'a', b: 'b', ...f };
        const teams = teamsOf(a, b);
        expect(Object.is(pairCoupling(pair, teams, r, s), scorePair(pair, teams, r, s).coupling)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  describe('edge cases', () => {
    const none: RecordedEvidence = { statusHistory: false, interfaces: false, integration: false, objectives: false, parents: false, releases: false };
    const pair = (over: Partial<PairFacts> = {}): PairFacts => ({
      a: 'a',
      b: 'b',
      aWaitsOnB: 0,
      bWaitsOnA: 0,
      interfaced: 0,
      open: 0,
      blockedMsAOnB: 0,
      blockedMsBOnA: 0,
      jointIntegrations: 0,
      sharedObjectiveKeys: [],
      sharedParentKeys: [],
      ...over,
    });
    const teamWith = (over: Partial<TeamFacts>): TeamFacts => ({ completed: 0, integrations: 0, objectives: 0, parents: 0, waitsOn: new Set(), waitedOnBy: new Set(), incoming: 0, incomingOpen: 0, blockedDaysCaused: 0, ...over });

    it('only the second team has parents, no objectives recorded: the shared parents count', () => {
      const teams = teamsOf(teamWith({ completed: 10 }), teamWith({ completed: 10, parents: 3 }));
      const facts = pair({ aWaitsOnB: 1, sharedParentKeys: ['e1'] });
      const withParents = { ...none, parents: true };
      expect(pairCoupling(facts, teams, withParents, DEFAULT_COORDINATION_SETTINGS)).toBe(scorePair(facts, teams, withParents, DEFAULT_COORDINATION_SETTINGS).coupling);
      expect(scorePair(facts, teams, withParents, DEFAULT_COORDINATION_SETTINGS).components.objectives).toBe(0.5);
    });

    it('all weights 0 but one whose component is not recorded: 0', () => {
      const settings = { ...DEFAULT_COORDINATION_SETTINGS, weights: { dependencies: 0, blocked: 1, undeclared: 0, objectives: 0, integration: 0 } };
      expect(pairCoupling(pair({ aWaitsOnB: 5 }), teamsOf(null, null), none, settings)).toBe(0);
    });

    it('neither team known: completed counts as none (one item), never a division by zero', () => {
      const facts = pair({ aWaitsOnB: 3 });
      expect(pairCoupling(facts, teamsOf(null, null), none, DEFAULT_COORDINATION_SETTINGS)).toBe(1);
    });
  });
});
