import type { Contract } from '../../../shared/contract/contract';
import type { HandlerMap } from './handler-types';
import { metricsHandlers } from './metrics-handlers';
import { workspaceHandlers } from './workspace-handlers';

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const allHandlers: HandlerMap<Contract> = {
  ...workspaceHandlers,
  ...metricsHandlers,
};
