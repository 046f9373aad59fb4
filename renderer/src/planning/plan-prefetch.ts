import type { QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract/contract';
import { channelQuery } from '../api/channel-hooks';
import { firstValues, type ViewAddress } from '../layout/view-address';

/** The board the Plan page shows for its view parameters: the page asks with exactly this (so does the prefetch, under the same query key). */
export function planBoardInput(params: Readonly<Record<string, string | undefined>>): ChannelInput<'plan.board'> & { grouping: 'coordination' | 'value-stream' } {
  return {
    increment: params.increment || undefined,
    grouping: params.group === 'value-stream' ? 'value-stream' : 'coordination',
    baselineId: params.baseline ? Number(params.baseline) : undefined,
  };
}

/**
 * The Plan page's first calls, asked for as the app starts when the address is a Plan view (any
 * tab: the page reads the board for its title on each): the backend builds the board while the
 * app's code and the page's arrive, instead of once the page has rendered and asks.
 */
export function prefetchPlanPage(client: QueryClient, address: ViewAddress): void {
  if (address.page !== 'plan') return;
  void client.prefetchQuery(channelQuery('plan.increments', {}));
  void client.prefetchQuery(channelQuery('plan.board', planBoardInput(firstValues(address.params))));
  void client.prefetchQuery(channelQuery('plan.history', {}));
}
