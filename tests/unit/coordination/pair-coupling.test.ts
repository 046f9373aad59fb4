import { describe, expect, it } from 'vitest';
import { isActiveIn, overlapMs } from '../../../shared/coordination/coordination-data';
import { pairKey, scorePairs, weightedCoupling } from '../../../shared/coordination/pair-coupling';
import { CoordinationSettings, DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { DAY, END, PortfolioBuilder, settingsWith, WINDOW } from './portfolio-builder';

// The pair of the known-answer example in docs/COORDINATION.md ("A worked example").
function workedExample() {
  return new PortfolioBuilder()
    .team('a', { completed: 40 })
    .team('b', { completed: 60 })
    .depends('a', 'b', { count: 2, interfaced: true, blockedDays: 5 })
    .depends('a', 'b', { count: 1, interfaced: true })
    .depends('a', 'b', { count: 3 })
    .depends('b', 'a', { count: 1, blockedDays: 3 })
    .depends('b', 'a', { count: 3 })
    .objective('o1', ['a'])
    .objective('o2', ['a', 'b'])
    .objective('o3', ['b'])
    .release(['a', 'b'], 80)
    .release(['a', 'b'], 60)
    .release(['a'], 40)
    .release(['a'], 20)
    .release(['b'], 50)
    .release(['b'], 30)
    .release(['b'], 10);
}

describe('scorePairs on the worked example', () => {
  const { scores } = scorePairs(workedExample().build(), WINDOW, DEFAULT_COORDINATION_SETTINGS);
  const pair = scores.get(pairKey('a', 'b'))!;

  it('counts dependencies each way, the interfaced ones and the share of completed items', () => {
    expect(pair.teamKeys).toEqual(['a', 'b']);
    expect(pair.dependencies).toEqual({ aWaitsOnB: 6, bWaitsOnA: 4, total: 10, interfaced: 3, open: 0 });
    expect(pair.completedItems).toBe(100);
    expect(pair.dependencyShare).toBeCloseTo(0.1, 12);
    expect(pair.interfaceClarity).toBeCloseTo(0.3, 12);
  });

  it('measures time blocked each way in days', () => {
    expect(pair.blockedDays.aOnB).toBeCloseTo(10, 9);
    expect(pair.blockedDays.bOnA).toBeCloseTo(3, 9);
    expect(pair.blockedDaysPerItem).toBeCloseTo(0.13, 12);
  });

  it('takes the Jaccard overlap of objectives and the joint share of the less frequent integrator', () => {
    expect(pair.sharedObjectives).toBeCloseTo(1 / 3, 12);
    expect(pair.sharedObjectiveKeys).toEqual(['o2']);
    // a integrates 4 times, b 5 times, 2 of them together: 2 ÷ min(4, 5).
    expect(pair.jointIntegrations).toBe(2);
    expect(pair.jointIntegration).toBeCloseTo(0.5, 12);
  });

  it('scores 0.3·1 + 0.2·0.26 + 0.1·0.7 + 0.2·⅓ + 0.2·0.5 with the default weights', () => {
    expect(pair.components.dependencies).toBeCloseTo(1, 12);
    expect(pair.components.blocked).toBeCloseTo(0.26, 12);
    expect(pair.components.undeclared).toBeCloseTo(0.7, 12);
    expect(pair.coupling).toBeCloseTo(0.3 + 0.052 + 0.07 + 0.2 / 3 + 0.1, 12);
  });
});

describe('weights and missing evidence', () => {
  it('rescales the weights over the components the data has', () => {
    const builder = workedExample();
    builder.recorded = { statusHistory: false, interfaces: false, integration: false, objectives: false, parents: false, releases: false };
    const pair = scorePairs(builder.build(), WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.get(pairKey('a', 'b'))!;
    expect(pair.components).toEqual({ dependencies: 1, blocked: null, undeclared: null, objectives: null, integration: null });
    expect(pair.interfaceClarity).toBeNull();
    expect(pair.sharedObjectives).toBeNull();
    expect(pair.jointIntegration).toBeNull();
    // Only the dependency component is left: its weight becomes the whole.
    expect(pair.coupling).toBe(1);
  });

  it('follows edited weights', () => {
    const onlyObjectives = settingsWith((s) => {
      s.weights = { dependencies: 0, blocked: 0, undeclared: 0, objectives: 1, integration: 0 };
    });
    const pair = scorePairs(workedExample().build(), WINDOW, onlyObjectives).scores.get(pairKey('a', 'b'))!;
    expect(pair.coupling).toBeCloseTo(1 / 3, 12);
  });

  it('refuses weights that are all zero', () => {
    const result = CoordinationSettings.safeParse({ weights: { dependencies: 0, blocked: 0, undeclared: 0, objectives: 0, integration: 0 } });
    expect(result.success).toBe(false);
  });

  it('weightedCoupling of no component is 0', () => {
    expect(weightedCoupling({ dependencies: null, blocked: null, undeclared: null, objectives: null, integration: null }, DEFAULT_COORDINATION_SETTINGS.weights)).toBe(0);
  });
});

describe('edge cases', () => {
  it('leaves out dependencies outside the window and inside one team', () => {
    const data = new PortfolioBuilder()
      .team('a', { completed: 10 })
      .team('b', { completed: 10 })
      .depends('a', 'b', { createdDaysAgo: 200 }) // created and resolved before the window
      .depends('a', 'a', { count: 5 })
      .build();
    expect(scorePairs(data, WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.size).toBe(0);
  });

  it('counts a dependency created before the window that is still open', () => {
    const data = new PortfolioBuilder().team('a', { completed: 10 }).team('b', { completed: 10 }).depends('a', 'b', { createdDaysAgo: 200, open: true }).build();
    const pair = scorePairs(data, WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.get(pairKey('a', 'b'))!;
    expect(pair.dependencies.total).toBe(1);
    expect(pair.dependencies.open).toBe(1);
  });

  it('divides by one item when the pair completed nothing', () => {
    const data = new PortfolioBuilder().team('a').team('b').depends('a', 'b', { count: 3 }).build();
    const pair = scorePairs(data, WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.get(pairKey('a', 'b'))!;
    expect(pair.dependencyShare).toBe(3);
    expect(pair.components.dependencies).toBe(1);
  });

  it('ignores portfolio-level objectives: they belong to everyone', () => {
    const data = new PortfolioBuilder().team('a').team('b').objective('p', ['a', 'b'], 'portfolio').build();
    expect(scorePairs(data, WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.size).toBe(0);
  });

  it('clips blocked spans to the interval and treats intervals as (from, to]', () => {
    expect(overlapMs([[END - 100 * DAY, END - 80 * DAY]], WINDOW)).toBe(10 * DAY);
    expect(isActiveIn({ createdAt: END, resolvedAt: null }, WINDOW)).toBe(false);
    expect(isActiveIn({ createdAt: WINDOW.from - DAY, resolvedAt: WINDOW.from }, WINDOW)).toBe(false);
    expect(isActiveIn({ createdAt: WINDOW.from - DAY, resolvedAt: WINDOW.from + 1 }, WINDOW)).toBe(true);
  });

  it('caps joint integration at 1 and the score inside [0, 1]', () => {
    const data = new PortfolioBuilder().team('a').team('b').release(['a', 'b', 'b'], 5).depends('a', 'b', { count: 50, blockedDays: 30 }).build();
    const pair = scorePairs(data, WINDOW, DEFAULT_COORDINATION_SETTINGS).scores.get(pairKey('a', 'b'))!;
    expect(pair.jointIntegration).toBe(1);
    expect(pair.coupling).toBeLessThanOrEqual(1);
    expect(pair.coupling).toBeGreaterThan(0);
  });
});
