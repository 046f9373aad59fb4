import fc from 'fast-check';
import type { CoordinationData, DependencyFact } from '../../../shared/coordination/coordination-data';
import { DAY, END } from './portfolio-builder';

// Random portfolios for the advisor's property tests (fast-check).

export interface DependencySpec {
  from: number;
  to: number;
  interfaced: boolean;
  createdDaysAgo: number;
  duration: number;
  open: boolean;
  blocked: number;
}

export const dependencySpec = (n: number) =>
  fc.record({
    from: fc.nat(n - 1),
    to: fc.nat(n - 1),
    interfaced: fc.boolean(),
    createdDaysAgo: fc.integer({ min: 1, max: 179 }),
    duration: fc.integer({ min: 1, max: 120 }),
    open: fc.boolean(),
    blocked: fc.integer({ min: 0, max: 30 }),
  });

export function dependency(spec: DependencySpec, index: number): DependencyFact {
  const createdAt = END - spec.createdDaysAgo * DAY;
  const resolvedAt = spec.open ? null : createdAt + spec.duration * DAY;
  const blockedEnd = createdAt + Math.min(spec.blocked, spec.duration) * DAY;
  return {
    key: `dep-${index}`,
    fromTeamKey: `t${spec.from}`,
    toTeamKey: `t${spec.to}`,
    createdAt,
    resolvedAt,
    interfaced: spec.interfaced,
    waits: spec.blocked > 0 ? [[createdAt, blockedEnd]] : [],
  };
}

// Up to 14 teams and 90 dependencies: large enough that Louvain, fed in name order, would give
// different groups for different names (checked by breaking the canonical order on purpose).
// Teams complete distinct numbers of items: with no two teams alike in every number, nothing but
// names could order them, which is exactly what must not matter.
export const portfolio = fc.integer({ min: 3, max: 14 }).chain((n) =>
  fc
    .record({
      completed: fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { minLength: n, maxLength: n }),
      dependencies: fc.array(dependencySpec(n), { maxLength: 90 }),
      releases: fc.array(fc.record({ teams: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n }), daysAgo: fc.integer({ min: 0, max: 179 }) }), {
        maxLength: 20,
      }),
      objectives: fc.array(
        fc.record({ teams: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n }), level: fc.constantFrom('program' as const, 'team' as const, 'portfolio' as const) }),
        { maxLength: 5 },
      ),
      forums: fc.array(fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n }), { maxLength: 3 }),
      streams: fc.array(fc.constantFrom(null, 'North', 'South'), { minLength: n, maxLength: n }),
    })
    .map(
      (spec): CoordinationData => ({
        teams: spec.completed.map((_, i) => ({ key: `t${i}`, name: `Team ${i}`, valueStream: spec.streams[i]! })),
        dependencies: spec.dependencies.map(dependency),
        completions: spec.completed.flatMap((count, i) => [
          { teamKey: `t${i}`, at: END - 10 * DAY, count },
          { teamKey: `t${i}`, at: END - 120 * DAY, count: 1 + (count % 7) },
        ]),
        integrations: spec.releases.map((r, i) => ({ key: `r${i}`, at: END - r.daysAgo * DAY, teamKeys: r.teams.map((t) => `t${t}`) })),
        objectives: spec.objectives.map((o, i) => ({ key: `o${i}`, title: `Objective ${i}`, level: o.level, teamKeys: o.teams.map((t) => `t${t}`) })),
        // Every other objective's teams also share a parent (epic): teams without objectives fall back to parents.
        parents: spec.objectives.filter((_, i) => i % 2 === 0).map((o, i) => ({ key: `p${i}`, teamKeys: o.teams.map((t) => `t${t}`) })),
        forums: spec.forums.map((teams, i) => ({ id: i + 1, name: `Forum ${i + 1}`, cadence: null, teamKeys: teams.map((t) => `t${t}`) })),
        recorded: { statusHistory: true, interfaces: true, integration: true, objectives: true, parents: true, releases: false },
      }),
    ),
);
