import type { Risk } from '../../../shared/risks/risk-schema';

/** A risk with every field filled; `patch` overrides. */
export function aRisk(patch: Partial<Risk> & { key: string }): Risk {
  return {
    title: `Risk ${patch.key}`,
    description: '',
    ownerTeamKey: null,
    ownerPerson: null,
    scope: { kind: 'increment', key: 'PI 26.4' },
    status: 'unroamed',
    rank: 1,
    links: { items: [], dependencies: [], objectives: [] },
    raisedFromDependency: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    history: [{ at: '2026-11-01T09:00:00.000Z', from: null, to: patch.status ?? 'unroamed', who: null, note: null }],
    ...patch,
  };
}
