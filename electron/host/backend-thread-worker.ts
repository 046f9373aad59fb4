import { parentPort, workerData } from 'node:worker_threads';
import { createBackend } from '../backend/backend';
import { openStartupWorkspace } from '../backend/startup';
import type { BackendThreadOptions, FromBackend, ToBackend } from './backend-thread-messages';

// The browser host's backend, on a thread of its own: opening a workspace, prefetching and
// computing metrics never hold up the static files and the answers the HTTP thread is sending.

const port = parentPort!;
const options = workerData as BackendThreadOptions;
const send = (message: FromBackend) => port.postMessage(message);

const backend = createBackend({ stateDir: options.stateDir, prefetch: true });
try {
  send({ kind: 'started', startup: await openStartupWorkspace(backend, options.stateDir, options.workspace) });
} catch (error) {
  // The HTTP thread ends this thread when it hears this.
  backend.close();
  send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}

port.on('message', (message: ToBackend) => {
  switch (message.kind) {
    case 'invoke':
      // invoke never rejects: every failure is a Result.
      void backend.invoke(message.channel, message.input).then((result) => send({ kind: 'answer', id: message.id, result }));
      break;
    case 'adopt-upload':
      backend.context.uploads.adopt(message.upload);
      send({ kind: 'answer', id: message.id, result: null });
      break;
    case 'close':
      backend.close();
      send({ kind: 'answer', id: message.id, result: null });
      port.close();
      break;
  }
});
