import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adviseCoordination } from '../../../shared/coordination/advise';
import type { CoordinationData } from '../../../shared/coordination/coordination-data';
import { sortedSum } from '../../../shared/coordination/group-evidence';
import { scorePairs } from '../../../shared/coordination/pair-coupling';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { DEFAULT_COORDINATION_SETTINGS } from '../../../shared/coordination/settings';
import { dependency, dependencySpec, portfolio } from './portfolio-arbitrary';
import { DAY, END, WINDOW } from './portfolio-builder';

// Properties the advice must keep on any portfolio: more dependencies never mean less coupling, and
// what teams are called or the order they come in changes nothing.

const settings = DEFAULT_COORDINATION_SETTINGS;

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed >>> 0 || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function renamed(data: CoordinationData, rename: (key: string) => string, seed: number): CoordinationData {
  return {
    teams: shuffled(
      data.teams.map((t) => ({ ...t, key: rename(t.key), name: `Renamed ${rename(t.key)}` })),
      seed,
    ),
    dependencies: shuffled(
      data.dependencies.map((d) => ({ ...d, fromTeamKey: rename(d.fromTeamKey), toTeamKey: rename(d.toTeamKey) })),
      seed + 1,
    ),
    completions: shuffled(
      data.completions.map((c) => ({ ...c, teamKey: rename(c.teamKey) })),
      seed + 2,
    ),
    integrations: shuffled(
      data.integrations.map((e) => ({ ...e, teamKeys: shuffled(e.teamKeys.map(rename), seed + 3) })),
      seed + 4,
    ),
    objectives: shuffled(
      data.objectives.map((o) => ({ ...o, teamKeys: shuffled(o.teamKeys.map(rename), seed + 5) })),
      seed + 6,
    ),
    parents: shuffled(
      data.parents.map((p) => ({ ...p, teamKeys: shuffled(p.teamKeys.map(rename), seed + 9) })),
      seed + 10,
    ),
    forums: shuffled(
      data.forums.map((f) => ({ ...f, teamKeys: shuffled(f.teamKeys.map(rename), seed + 7) })),
      seed + 8,
    ),
    recorded: data.recorded,
  };
}

/** The advice seen team by team, in the original keys: what must not depend on names or order. */
function perTeam(report: CoordinationReport, back: (key: string) => string) {
  const groupOf = new Map(report.groups.flatMap((g) => g.teamKeys.map((k) => [back(k), g] as const)));
  const teams = [...groupOf.keys()].sort();
  return {
    teams: teams.map((k) => {
      const g = groupOf.get(k)!;
      return {
        team: k,
        members: g.teamKeys.map(back).sort(),
        role: g.role,
        model: g.model,
        coupling: g.coupling,
        cues: g.cues.map((c) => c.value),
        robust: g.robustness.stable,
        trend: g.trend.map((p) => p.coupling),
      };
    }),
    pairs: report.pairs.map((p) => `${[back(p.teamKeys[0]), back(p.teamKeys[1])].sort().join('~')}=${p.coupling}`).sort(),
    findings: report.findings.map((f) => `${f.kind}:${f.teamKeys.map(back).sort().join(',')}`).sort(),
    congruence: [report.congruence.requiredPairs, report.congruence.coveredPairs, report.congruence.congruence, report.congruence.coordinationTax.length],
  };
}

describe('coupling properties', () => {
  it('adding a dependency never lowers any pair’s coupling', () => {
    fc.assert(
      fc.property(
        portfolio.chain((data) => fc.tuple(fc.constant(data), dependencySpec(data.teams.length))),
        ([data, extra]) => {
          const before = scorePairs(data, WINDOW, settings).scores;
          const after = scorePairs({ ...data, dependencies: [...data.dependencies, dependency(extra, 9999)] }, WINDOW, settings).scores;
          for (const [key, pair] of before) expect(after.get(key)?.coupling ?? 0).toBeGreaterThanOrEqual(pair.coupling);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reordering the input changes nothing', () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1, max: 1_000_000 }), (data, seed) => {
        const a = adviseCoordination(data, { window: WINDOW, settings }).report;
        const b = adviseCoordination(renamed(data, (k) => k, seed), { window: WINDOW, settings }).report;
        expect(perTeam(b, (k) => k)).toEqual(perTeam(a, (k) => k));
        expect(b.groups.map((g) => g.id).sort()).toEqual(a.groups.map((g) => g.id).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('renaming teams changes nothing', () => {
    fc.assert(
      fc.property(portfolio, fc.integer({ min: 1, max: 1_000_000 }), fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 14, maxLength: 14 }), (data, seed, names) => {
        const forward = new Map(data.teams.map((t, i) => [t.key, `${names[i]}#${i}`]));
        const backward = new Map([...forward].map(([k, v]) => [v, k]));
        const a = adviseCoordination(data, { window: WINDOW, settings }).report;
        const b = adviseCoordination(
          renamed(data, (k) => forward.get(k) ?? k, seed),
          { window: WINDOW, settings },
        ).report;
        expect(perTeam(b, (k) => backward.get(k) ?? k)).toEqual(perTeam(a, (k) => k));
      }),
      { numRuns: 100 },
    );
  });
});

describe('sortedSum', () => {
  // The plain reference: sorted with a − b, summed left to right (what the typed-array sort must equal).
  const reference = (values: number[]) => [...values].sort((a, b) => a - b).reduce((sum, v) => sum + v, 0);

  it('equals the sum in ascending order, bit for bit, and leaves its input as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (values) => {
        const before = [...values];
        expect(Object.is(sortedSum(values), reference(values))).toBe(true);
        expect(values).toEqual(before);
      }),
    );
  });
});

describe('edge cases', () => {
  it('sortedSum of nothing is 0, and the order of its values changes nothing', () => {
    expect(sortedSum([])).toBe(0);
    expect(sortedSum([0.1, 1e16, 0.2, -1e16])).toBe(sortedSum([-1e16, 0.2, 1e16, 0.1]));
  });

  it('a dependency added outside the window leaves every pair as it was', () => {
    const data: CoordinationData = {
      teams: [
        { key: 'a', name: 'A', valueStream: null },
        { key: 'b', name: 'B', valueStream: null },
      ],
      dependencies: [{ ...dependency({ from: 0, to: 1, interfaced: false, createdDaysAgo: 30, duration: 5, open: false, blocked: 2 }, 1), fromTeamKey: 'a', toTeamKey: 'b' }],
      completions: [{ teamKey: 'a', at: END - DAY, count: 10 }],
      integrations: [],
      objectives: [],
      parents: [],
      forums: [],
      recorded: { statusHistory: true, interfaces: true, integration: true, objectives: true, parents: false, releases: false },
    };
    const old = { ...data.dependencies[0]!, key: 'old', createdAt: END - 300 * DAY, resolvedAt: END - 200 * DAY };
    const before = scorePairs(data, WINDOW, settings).scores;
    const after = scorePairs({ ...data, dependencies: [...data.dependencies, old] }, WINDOW, settings).scores;
    expect([...after.values()].map((p) => p.coupling)).toEqual([...before.values()].map((p) => p.coupling));
  });

  it('a dependency through a declared interface raises coupling less than one without', () => {
    const base: CoordinationData = {
      teams: [
        { key: 'a', name: 'A', valueStream: null },
        { key: 'b', name: 'B', valueStream: null },
      ],
      dependencies: [],
      completions: [{ teamKey: 'a', at: END - DAY, count: 100 }],
      integrations: [],
      objectives: [],
      parents: [],
      forums: [],
      recorded: { statusHistory: true, interfaces: true, integration: true, objectives: true, parents: false, releases: false },
    };
    const spec = { from: 0, to: 1, interfaced: true, createdDaysAgo: 30, duration: 5, open: false, blocked: 0 };
    const withInterface = scorePairs({ ...base, dependencies: [dependency(spec, 1)] }, WINDOW, settings).scores;
    const without = scorePairs({ ...base, dependencies: [dependency({ ...spec, interfaced: false }, 1)] }, WINDOW, settings).scores;
    expect([...withInterface.values()][0]!.coupling).toBeLessThan([...without.values()][0]!.coupling);
  });
});
