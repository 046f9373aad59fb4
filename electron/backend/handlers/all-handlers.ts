import type { Contract } from '../../../shared/contract/contract';
import type { HandlerMap } from './handler-types';
import { importHandlers } from './import-handlers';
import { coordinationHandlers } from './coordination-handlers';
import { deckHandlers } from './deck-handlers';
import { forecastHandlers } from './forecast-handlers';
import { metricsHandlers } from './metrics-handlers';
import { planHandlers } from './plan-handlers';
import { reportHandlers } from './report-handlers';
import { risksHandlers } from './risks-handlers';
import { votesHandlers } from './votes-handlers';
import { workspaceHandlers } from './workspace-handlers';
import { workspaceCopyHandlers } from './workspace-copy-handlers';
import { filesHandlers } from './files-handlers';

/** Every channel's handler; the type makes a channel without a handler a compile error. */
export const allHandlers: HandlerMap<Contract> = {
  ...workspaceHandlers,
  ...workspaceCopyHandlers,
  ...filesHandlers,
  ...importHandlers,
  ...coordinationHandlers,
  ...metricsHandlers,
  ...planHandlers,
  ...risksHandlers,
  ...votesHandlers,
  ...reportHandlers,
  ...deckHandlers,
  ...forecastHandlers,
};
