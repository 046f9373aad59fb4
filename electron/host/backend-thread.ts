import { Worker } from 'node:worker_threads';
import { AppError, fail, type Result } from '../../shared/contract/result';
import type { StartupChoice } from '../backend/startup';
import { UploadStore } from '../backend/uploads';
import type { BackendThreadOptions, FromBackend, ToBackend } from './backend-thread-messages';
import type { HostBackend } from './host-backend';

export interface BackendThread extends HostBackend {
  /** Calls sent to the backend and not yet answered (a leak shows here). */
  readonly waiting: () => number;
  /** What the backend opened at start. */
  readonly startup: StartupChoice;
  /** Resolves with the reason if the thread ends on its own (a crash); never after `close()`. */
  readonly crashed: Promise<string>;
  /** Closes the workspace (releasing its lock) and ends the thread. */
  close(): Promise<void>;
}

/** How long `close()` waits for the backend to close its workspace before ending the thread anyway. */
const CLOSE_WAIT_MS = 10_000;

type Pending = (result: Result<unknown> | null) => void;
/** A message without its id (the client numbers them). */
type Question = ToBackend extends infer M ? (M extends ToBackend ? Omit<M, 'id'> : never) : never;

/**
 * Starts the backend on its own thread and resolves once it has opened the startup workspace
 * (rejecting with the reason when it could not). Uploads are streamed to disk here, on the HTTP
 * thread, and handed over by path.
 */
export function startBackendThread(options: BackendThreadOptions, workerModule = defaultWorkerModule()): Promise<BackendThread> {
  const worker = new Worker(new URL('./backend-thread-entry.mjs', import.meta.url), { workerData: { ...options, entry: workerModule } });
  const uploads = new UploadStore();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: string | null = null;
  let closing = false;
  let reportCrash: (reason: string) => void = () => undefined;
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));

  const ask = (message: Question): Promise<Result<unknown> | null> => {
    if (stopped) return Promise.resolve(fail('internal', stopped));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        worker.postMessage({ ...message, id } as ToBackend);
      } catch (error) {
        // A message that cannot be cloned never reaches the backend: answer it here, keep nothing waiting.
        pending.delete(id);
        resolve(fail('invalid-input', `That request could not be passed to the backend: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  };

  /** Answers every waiting call with `reason`, ends the thread and removes the uploads. */
  const stop = async (reason: string) => {
    if (stopped) return;
    stopped = reason;
    for (const resolve of pending.values()) resolve(fail('internal', reason));
    pending.clear();
    if (!closing) reportCrash(reason);
    uploads.dispose();
    await worker.terminate();
  };

  return new Promise((resolveStart, rejectStart) => {
    worker.on('message', (message: FromBackend) => {
      if (message.kind === 'answer') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.kind === 'failed') {
        closing = true;
        rejectStart(new Error(message.message));
        void stop(message.message);
      } else {
        resolveStart({
          startup: message.startup,
          crashed,
          waiting: () => pending.size,
          invoke: async (channel, input) => (await ask({ kind: 'invoke', channel, input }))!,
          saveUpload: async (name, body, maxBytes) => {
            const upload = await uploads.save(name, body, maxBytes);
            const refused = await ask({ kind: 'adopt-upload', upload });
            if (refused && !refused.ok) throw new AppError(refused.error.code, refused.error.message);
            return { id: upload.id, name, bytes: upload.bytes };
          },
          close: async () => {
            closing = true;
            if (!stopped) await Promise.race([ask({ kind: 'close' }), new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
            await stop('The backend has stopped.');
          },
        });
      }
    });
    worker.on('error', (error) => {
      void stop(`The backend stopped: ${error.message}`);
      rejectStart(error);
    });
    worker.on('exit', (code) => {
      void stop(`The backend stopped (exit code ${code}).`);
      rejectStart(new Error(`The backend thread exited (code ${code}) before opening a workspace.`));
    });
  });
}

/** The worker module next to this file: TypeScript under tsx, JavaScript once built. */
function defaultWorkerModule(): string {
  return new URL(`./backend-thread-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
}
