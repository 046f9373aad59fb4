import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAddress } from '../../../renderer/src/layout/view-address';
import { planBoardInput, prefetchPlanPage } from '../../../renderer/src/planning/plan-prefetch';

// The Plan page's calls asked for as the app starts (main.tsx): under the very keys the page reads,
// so that the page finds them asked (or answered) instead of asking again.

const clients: QueryClient[] = [];
function prefetched(hash: string): unknown[][] {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  clients.push(client);
  prefetchPlanPage(client, parseAddress(hash));
  return client
    .getQueryCache()
    .getAll()
    .map((q) => [...q.queryKey]);
}
// No backend here: a desktop bridge that refuses every call keeps the queries off the network.
beforeEach(() => {
  window.interlock = { isDesktop: true, invoke: async () => ({ ok: false, error: { code: 'internal', message: 'no backend in this test' } }), onWorkspaceChanged: () => () => {}, pathForFile: () => '' };
});
afterEach(() => {
  clients.splice(0).forEach((c) => c.clear());
  delete window.interlock;
});

describe('the Plan page’s prefetch', () => {
  it('asks for the increments, the undo state and the board the address shows', () => {
    const keys = prefetched('#/plan?increment=PI%2026.4&group=value-stream&baseline=3&tab=confidence');
    expect(keys).toContainEqual(['plan.increments', {}]);
    expect(keys).toContainEqual(['plan.history', {}]);
    expect(keys).toContainEqual(['plan.board', { increment: 'PI 26.4', grouping: 'value-stream', baselineId: 3 }]);
    expect(keys).toHaveLength(3);
  });

  it('the board input is the page’s own: by coordination group, the current increment, no baseline unless asked', () => {
    expect(planBoardInput({})).toEqual({ increment: undefined, grouping: 'coordination', baselineId: undefined });
    expect(planBoardInput({ group: 'nonsense', increment: '', baseline: '' })).toEqual({ increment: undefined, grouping: 'coordination', baselineId: undefined });
    expect(prefetched('#/plan')).toContainEqual(['plan.board', planBoardInput({})]);
  });

  describe('edge cases', () => {
    it('any other page asks for nothing of the plan', () => {
      expect(prefetched('#/flow')).toEqual([]);
      expect(prefetched('#/')).toEqual([]);
      expect(prefetched('#/planning')).toEqual([]);
    });
  });
});
