import type { Readable } from 'node:stream';
import type { Result } from '../../shared/contract/result';
import type { CallerWindow } from '../../shared/contract/shown-workspace';
import type { Backend } from '../backend/backend';

/** What the HTTP host needs from a backend, wherever it runs: in this thread or in its own. */
export interface HostBackend {
  invoke(channel: string, input: unknown, caller?: CallerWindow): Promise<Result<unknown>>;
  /** Keeps a file a browser sent, for an import to name by id. */
  saveUpload(name: string, body: Readable, maxBytes: number): Promise<{ id: string; name: string; bytes: number }>;
}

/** A backend on this thread (tests; the desktop app does not use the host). */
export function inThisThread(backend: Backend): HostBackend {
  return {
    invoke: (channel, input, caller) => backend.invoke(channel, input, caller),
    saveUpload: async (name, body, maxBytes) => {
      const { id, bytes } = await backend.context.uploads.save(name, body, maxBytes);
      return { id, name, bytes };
    },
  };
}
