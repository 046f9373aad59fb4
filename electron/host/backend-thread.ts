import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../shared/contract/result';
import type { StartupChoice } from '../backend/startup';
import { UploadStore } from '../backend/uploads';
import type { BackendThreadOptions, FromBackend, ToBackend } from './backend-thread-messages';
import type { HostBackend } from './host-backend';

export interface BackendThread extends HostBackend {
  /** What the backend opened at start. */
  readonly startup: StartupChoice;
  /** Closes the workspace (releasing its lock) and ends the thread. */
  close(): Promise<void>;
}

type Pending = (result: Result<unknown> | null) => void;
/** A message without its id (the client numbers them). */
type Question = ToBackend extends infer M ? (M extends ToBackend ? Omit<M, 'id'> : never) : never;

/**
 * Starts the backend on its own thread and resolves once it has opened the startup workspace
 * (rejecting with the reason when it could not). Uploads are streamed to disk here, on the HTTP
 * thread, and handed over by path.
 */
export function startBackendThread(options: BackendThreadOptions): Promise<BackendThread> {
  const entry = new URL(`./backend-thread-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
  const worker = new Worker(new URL('./backend-thread-entry.mjs', import.meta.url), { workerData: { ...options, entry } });
  const uploads = new UploadStore(mkdtempSync(join(tmpdir(), 'interlock-host-uploads-')));
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: string | null = null;

  const ask = (message: Question): Promise<Result<unknown> | null> => {
    if (stopped) return Promise.resolve(fail('internal', stopped));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ ...message, id } as ToBackend);
    });
  };

  const stop = (reason: string) => {
    stopped = reason;
    for (const resolve of pending.values()) resolve(fail('internal', reason));
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    worker.on('message', (message: FromBackend) => {
      if (message.kind === 'answer') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.kind === 'failed') {
        rejectStart(new Error(message.message));
      } else {
        resolveStart({
          startup: message.startup,
          invoke: async (channel, input) => (await ask({ kind: 'invoke', channel, input }))!,
          saveUpload: async (name, body, maxBytes) => {
            const upload = await uploads.save(name, body, maxBytes);
            await ask({ kind: 'adopt-upload', upload });
            return { id: upload.id, name, bytes: upload.bytes };
          },
          close: async () => {
            if (!stopped) await ask({ kind: 'close' });
            stop('The backend has stopped.');
            await worker.terminate();
            uploads.dispose();
          },
        });
      }
    });
    worker.on('error', (error) => {
      stop(`The backend stopped: ${error.message}`);
      rejectStart(error);
    });
    worker.on('exit', (code) => {
      if (!stopped) stop(`The backend stopped (exit code ${code}).`);
      rejectStart(new Error(`The backend thread exited (code ${code}) before opening a workspace.`));
    });
  });
}
