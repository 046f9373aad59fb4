import { parentPort, workerData } from 'node:worker_threads';
import type { BackendServiceOptions, ToBackend } from '../backend/remote/backend-messages';
import { serveBackend } from '../backend/remote/backend-service';

// The browser host's backend, on a thread of its own: opening a workspace, prefetching and
// computing metrics never hold up the static files and the answers the HTTP thread is sending.

const port = parentPort!;
await serveBackend(
  {
    send: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message: ToBackend) => listener(message)),
    close: () => port.close(),
  },
  workerData as BackendServiceOptions,
);
