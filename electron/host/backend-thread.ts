import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/contract/result';
import type { BackendServiceOptions, FromBackend } from '../backend/remote/backend-messages';
import { connectBackend, type RemoteBackend } from '../backend/remote/backend-client';
import { UploadStore } from '../backend/uploads';
import type { HostBackend } from './host-backend';

export type BackendThread = HostBackend & RemoteBackend;

/**
 * Starts the backend on its own thread and resolves once it has opened the startup workspace
 * (rejecting with the reason when it could not). Uploads are streamed to disk here, on the HTTP
 * thread, and handed over by path.
 */
export async function startBackendThread(options: BackendServiceOptions, workerModule = defaultWorkerModule()): Promise<BackendThread> {
  const worker = new Worker(new URL('../backend/remote/thread-entry.mjs', import.meta.url), { workerData: { ...options, entry: workerModule } });
  const uploads = new UploadStore();
  const remote = await connectBackend(
    {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', (message: FromBackend) => listener(message)),
      onExit: (listener) => {
        worker.on('error', (error) => listener(`The backend stopped: ${error.message}`));
        worker.on('exit', (code) => listener(`The backend stopped (exit code ${code}).`));
      },
      terminate: async () => void (await worker.terminate()),
    },
    () => uploads.dispose(),
  );
  return {
    ...remote,
    saveUpload: async (name, body, maxBytes) => {
      const upload = await uploads.save(name, body, maxBytes);
      const refused = await remote.ask({ kind: 'adopt-upload', upload });
      if (refused && !refused.ok) throw new AppError(refused.error.code, refused.error.message);
      return { id: upload.id, name, bytes: upload.bytes };
    },
  };
}

/** The worker module next to this file: TypeScript under tsx, JavaScript once built. */
function defaultWorkerModule(): string {
  return new URL(`./backend-thread-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href;
}
