import { hashKey, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelWrites } from '../../../shared/contract/channel';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import { invokeOrThrow, type ContractError } from './contract-client';

/** A channel's query for TanStack Query: the key is the channel and its input. */
export function channelQuery<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return { queryKey: [channel, input], queryFn: () => invokeOrThrow(channel, input) };
}

/** Reads a channel through TanStack Query (see channelQuery). */
export function useChannelQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, ContractError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<C>, ContractError>({ ...channelQuery(channel, input), ...options });
}

/**
 * Calls a channel. Afterwards the answers it changed are dropped, as its contract entry declares
 * (`mutates`): everything for a workspace switch or an import, the named channel prefixes for a
 * narrower write (a saved scenario changes its list, not the advice), nothing for a read.
 */
export function useChannelMutation<C extends ChannelName>(channel: C) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, ContractError, ChannelInput<C>>({
    mutationFn: (input) => invokeOrThrow(channel, input),
    onSuccess: () => invalidateAfterWrite(client, channel),
  });
}

/**
 * The contract, loaded for writes only (after the first key or pointer press, or at the first
 * write): it builds every channel's zod schemas, which no page needs to read (the backend checks
 * the answers), so the app's first visit does not parse it.
 * TanStack Query waits for `onSuccess`, so a write still settles after its invalidation.
 */
function loadContract() {
  return import('../../../shared/contract/contract').then((m) => m.contract);
}

/**
 * Starts loading the contract at a person's first key or pointer press, once the browser is idle
 * after it: a write always follows input, but seldom in the same instant (a menu, a dialog, a drag
 * come first), so the first write's invalidation finds the contract loaded, while a page that is
 * only looked at (the Flow page on a projector) never builds it. Returns what stops listening.
 */
export function loadContractOnFirstInput(target: Window = window): () => void {
  const events = ['pointerdown', 'keydown'] as const;
  const stop = () => events.forEach((type) => target.removeEventListener(type, start, true));
  function start() {
    stop();
    // A failure here is the first write's to report (it asks again).
    const load = () => void loadContract().catch(() => undefined);
    if (typeof target.requestIdleCallback === 'function') target.requestIdleCallback(load, { timeout: 1000 });
    else target.setTimeout(load, 0);
  }
  events.forEach((type) => target.addEventListener(type, start, { capture: true, passive: true }));
  return stop;
}

/**
 * After a write on `channel` (for pages that call it with their own `useMutation`): drops the
 * answers it changed, as its contract entry declares (the contract loaded now if the first key
 * press has not loaded it yet).
 * `current`: as for invalidateWrites.
 */
export async function invalidateAfterWrite(client: QueryClient, channel: ChannelName, current: readonly QueryKey[] = []): Promise<void> {
  await invalidateWrites(client, (await loadContract())[channel].mutates, current);
}

/**
 * Drops the cached answers a write changed; see `ChannelWrites`. `current`: query keys the write's
 * own answer already brought up to date (a board move patches the board it was made on).
 */
export async function invalidateWrites(client: QueryClient, writes: ChannelWrites | null, current: readonly QueryKey[] = []): Promise<void> {
  if (writes === null) return;
  const kept = new Set(current.map((key) => hashKey(key)));
  await client.invalidateQueries({
    predicate: (query) => {
      if (kept.has(query.queryHash)) return false;
      if (writes === 'all') return true;
      const name = query.queryKey[0];
      return typeof name === 'string' && writes.some((prefix) => name.startsWith(prefix));
    },
  });
}
