import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useChannelMutation } from '../../../renderer/src/api/channel-hooks';
import { bridgedBackend } from '../../support/bridged-backend';

// What a change drops from the page's cache, against a real backend standing in for the bridge.

let dispose: (() => void) | null = null;
afterEach(() => {
  cleanup();
  dispose?.();
  dispose = null;
});

async function setUp() {
  const bridge = await bridgedBackend();
  dispose = bridge.dispose;
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['coordination.scenarios.list', {}], []);
  client.setQueryData(['coordination.recommend', {}], { groups: [] });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const invalidated = (channel: string) => client.getQueryState([channel, {}])?.isInvalidated ?? false;
  return { client, wrapper, invalidated };
}

describe('useChannelMutation', () => {
  it('saving a scenario drops the scenario list only: the advice it does not change stays', async () => {
    const { wrapper, invalidated } = await setUp();
    const { result } = renderHook(() => useChannelMutation('coordination.scenarios.save'), { wrapper });
    await act(() => result.current.mutateAsync({ name: 'Merge p and q', changes: [{ kind: 'merge', teamKeys: ['p', 'q'] }] }));
    expect(invalidated('coordination.scenarios.list')).toBe(true);
    expect(invalidated('coordination.recommend')).toBe(false);
  });

  it('an increment saved (renamed, it takes its risks and votes along) drops the plan, risks and votes answers; a risk saved drops the plan’s undo state, not its board', async () => {
    const { client, wrapper } = await setUp();
    const cached = (channel: string) => client.setQueryData([channel, {}], {});
    const invalidated = (channel: string) => client.getQueryState([channel, {}])?.isInvalidated ?? false;
    for (const c of ['plan.board', 'plan.history', 'risks.board', 'votes.list', 'metrics.flow']) cached(c);
    const save = renderHook(() => useChannelMutation('plan.increment.save'), { wrapper });
    await act(() => save.result.current.mutateAsync({ name: 'PI 27.1', start: '2027-01-04', end: '2027-02-14' }));
    expect(['plan.board', 'plan.history', 'risks.board', 'votes.list', 'metrics.flow'].map(invalidated)).toEqual([true, true, true, true, false]);

    for (const c of ['plan.board', 'plan.history', 'risks.board']) cached(c);
    const risk = renderHook(() => useChannelMutation('risks.save'), { wrapper });
    await act(() => risk.result.current.mutateAsync({ title: 'Vendor late', scope: { kind: 'increment', key: 'PI 27.1' } }));
    expect(['plan.board', 'plan.history', 'risks.board'].map(invalidated)).toEqual([false, true, true]);
  });

  describe('edge cases', () => {
    it('a change that declares everything (a workspace switch) drops every cached answer', async () => {
      const { wrapper, invalidated } = await setUp();
      const { result } = renderHook(() => useChannelMutation('workspace.close'), { wrapper });
      await act(() => result.current.mutateAsync({}));
      expect(invalidated('coordination.scenarios.list')).toBe(true);
      expect(invalidated('coordination.recommend')).toBe(true);
    });

    it('a channel that only reads drops nothing', async () => {
      const { wrapper, invalidated } = await setUp();
      const { result } = renderHook(() => useChannelMutation('coordination.whatIf'), { wrapper });
      await act(() => result.current.mutateAsync({ changes: [{ kind: 'merge', teamKeys: ['p', 'q'] }] }));
      expect(invalidated('coordination.scenarios.list')).toBe(false);
      expect(invalidated('coordination.recommend')).toBe(false);
    });
  });
});
