import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import { invokeOrThrow, type ContractError } from './contract-client';

/** Reads a channel through TanStack Query; the key is the channel and its input. */
export function useChannelQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: Omit<UseQueryOptions<ChannelOutput<C>, ContractError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<ChannelOutput<C>, ContractError>({
    queryKey: [channel, input],
    queryFn: () => invokeOrThrow(channel, input),
    ...options,
  });
}

/**
 * Calls a channel that changes things. By default every cached answer is dropped afterwards:
 * a workspace switch or an import changes what every page shows. `invalidates` names the only
 * channels whose answers it changes, when that is known (a saved scenario changes its list, not
 * the advice); `invalidateAll: false` drops nothing.
 */
export function useChannelMutation<C extends ChannelName>(channel: C, options: { invalidateAll?: boolean; invalidates?: readonly ChannelName[] } = {}) {
  const client = useQueryClient();
  return useMutation<ChannelOutput<C>, ContractError, ChannelInput<C>>({
    mutationFn: (input) => invokeOrThrow(channel, input),
    onSuccess: async () => {
      if (options.invalidates) await Promise.all(options.invalidates.map((name) => client.invalidateQueries({ queryKey: [name] })));
      else if (options.invalidateAll ?? true) await client.invalidateQueries();
    },
  });
}
