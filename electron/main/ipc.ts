import { ipcMain } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/contract';
import { fail } from '../../shared/contract/result';
import { callerFromHeader } from '../../shared/contract/shown-workspace';
import type { RemoteBackend } from '../backend/remote/backend-client';
import { isTrustedSender } from './window-security';

export const IPC_PREFIX = 'contract:';

/**
 * Binds every contract channel to IPC through one wrapper that checks the sender frame; the
 * backend validates the input and returns errors as data.
 */
export function bindContract(backend: Pick<RemoteBackend, 'invoke'>): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(`${IPC_PREFIX}${channel}`, async (event, input: unknown, shown: unknown) => {
      if (!isTrustedSender(event.senderFrame)) return fail('unauthorized', 'This call did not come from Interlock’s own window.');
      // The page's workspace, in the host's header encoding (a string; anything else: not said).
      return backend.invoke(channel, input, callerFromHeader(typeof shown === 'string' ? shown : undefined));
    });
  }
}
