import { describe, expect, it } from 'vitest';
import { Portfolio } from '../../../shared/domain/entities';
import { DEMO_END_MS, DEMO_SPAN_DAYS, DEMO_TEAMS, generateDemoPortfolio } from '../../../electron/backend/demo/demo-portfolio';

const DAY = 86_400_000;

describe('the demo portfolio', () => {
  const demo = generateDemoPortfolio({ items: 2500, seed: 42 });

  it('is valid against the domain schemas', () => {
    expect(() => Portfolio.parse(demo)).not.toThrow();
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoPortfolio({ items: 300, seed: 9 })).toEqual(generateDemoPortfolio({ items: 300, seed: 9 }));
    expect(generateDemoPortfolio({ items: 300, seed: 9 }).items).not.toEqual(generateDemoPortfolio({ items: 300, seed: 10 }).items);
  });

  it('has the shape the issue asks for: 3 value streams, 12 teams, ~2,500 items over 9 months, ~300 dependencies', () => {
    expect(new Set(demo.teams.map((t) => t.valueStream)).size).toBe(3);
    expect(demo.teams).toHaveLength(12);
    expect(demo.items).toHaveLength(2500);
    expect(demo.dependencies.length).toBeGreaterThan(250);
    expect(demo.dependencies.length).toBeLessThan(400);
    expect(DEMO_SPAN_DAYS).toBeGreaterThanOrEqual(270);
    const levels = new Set(demo.objectives.map((o) => o.level));
    expect(levels).toEqual(new Set(['portfolio', 'program', 'team']));
    expect(demo.items.some((i) => i.type === 'epic' && i.objectiveKeys.length > 0)).toBe(true);
  });

  it('has realistic histories: waiting states, reopened items, open and ageing dependencies', () => {
    const byItem = new Map<string, string[]>();
    for (const t of demo.transitions) byItem.set(t.itemKey, [...(byItem.get(t.itemKey) ?? []), t.toStatus]);
    const histories = [...byItem.values()];
    expect(histories.some((h) => h.includes('Blocked'))).toBe(true);
    expect(histories.some((h) => h.filter((s) => s === 'Done').length > 1)).toBe(true);
    const open = demo.dependencies.filter((d) => d.resolvedAt === null);
    expect(open.length).toBeGreaterThan(10);
    expect(open.some((d) => DEMO_END_MS - Date.parse(d.createdAt) > 30 * DAY)).toBe(true);
  });

  it('couples teams as designed: the tight group depends on each other far more than independents do', () => {
    const profile = new Map(DEMO_TEAMS.map((t) => [t.key, t.profile]));
    const within = (p: string) => demo.dependencies.filter((d) => profile.get(d.fromTeamKey!) === p && profile.get(d.toTeamKey!) === p).length;
    expect(within('tight')).toBeGreaterThan(100);
    expect(within('independent')).toBeLessThan(5);
    const onPlatform = new Set(demo.dependencies.filter((d) => d.toTeamKey === 'platform').map((d) => d.fromTeamKey));
    expect(onPlatform.size).toBeGreaterThanOrEqual(8);
  });

  describe('edge cases', () => {
    it('keeps every instant inside the history window and every history in time order', () => {
      const start = DEMO_END_MS - DEMO_SPAN_DAYS * DAY;
      const previous = new Map<string, number>();
      for (const t of demo.transitions) {
        const at = Date.parse(t.at);
        expect(at).toBeGreaterThanOrEqual(start);
        expect(at).toBeLessThan(DEMO_END_MS);
        expect(at).toBeGreaterThanOrEqual(previous.get(t.itemKey) ?? 0);
        previous.set(t.itemKey, at);
      }
    });

    it('scales to the smallest allowed size', () => {
      const tiny = generateDemoPortfolio({ items: 50, seed: 1 });
      expect(tiny.items).toHaveLength(50);
      expect(() => Portfolio.parse(tiny)).not.toThrow();
    });
  });
});
