import type { QueryClient } from '@tanstack/react-query';
import { channelQuery } from '../api/channel-hooks';
import type { ViewAddress } from '../layout/view-address';
import { DEFAULT_TEAM_PICKERS, scopeFromParams, scopeInput } from './scope-state';

/**
 * The Flow page's two calls, asked for as the app starts when the address is a Flow view: the
 * backend then computes the report while the app's code runs and the shell and page render for the
 * first time, instead of after. Only when the scope needs no picker's options (no team, value
 * stream or group chosen, whose teams are known only once their options arrive): the page then
 * asks with exactly this input (FlowPage: `scopeInput` of the same address, no team keys), so the
 * query keys are the page's and each call is made once.
 */
export function prefetchFlowPage(client: QueryClient, address: ViewAddress): void {
  if (address.page !== 'flow') return;
  const state = scopeFromParams(address.params, DEFAULT_TEAM_PICKERS.map((p) => p.id));
  if (Object.keys(state.selections).length > 0) return;
  void client.prefetchQuery(channelQuery('metrics.scopeOptions', {}));
  void client.prefetchQuery(channelQuery('metrics.flow', scopeInput(state, undefined)));
}
