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
