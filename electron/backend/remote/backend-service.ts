import { createBackend } from '../backend';
import { openStartupWorkspace } from '../startup';
import type { BackendServiceOptions, FromBackend, ToBackend } from './backend-messages';

/** The two ends a backend can be served over: a worker thread's port, or an Electron utility process's. */
export interface ServicePort {
  send(message: FromBackend): void;
  onMessage(listener: (message: ToBackend) => void): void;
  close(): void;
}

/**
 * The backend on its own thread or process: it opens the startup workspace, says so, then answers
 * calls by message. Opening a workspace, an import's write, a long report never hold up the thread
 * that serves the window (the browser host's HTTP thread, the desktop app's main process).
 */
export async function serveBackend(port: ServicePort, options: BackendServiceOptions): Promise<void> {
  const backend = createBackend({ stateDir: options.stateDir, workspacesDir: options.workspacesDir, prefetch: true });
  try {
    port.send({ kind: 'started', startup: await openStartupWorkspace(backend, options.stateDir, options.workspace) });
  } catch (error) {
    // The other side ends this thread or process when it hears this.
    backend.close();
    port.send({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  port.onMessage((message) => {
    switch (message.kind) {
      case 'invoke':
        // invoke never rejects: every failure is a Result.
        void backend.invoke(message.channel, message.input, message.caller).then((result) => port.send({ kind: 'answer', id: message.id, result }));
        break;
      case 'adopt-upload':
        backend.context.uploads.adopt(message.upload);
        port.send({ kind: 'answer', id: message.id, result: null });
        break;
      case 'close':
        backend.close();
        port.send({ kind: 'answer', id: message.id, result: null });
        port.close();
        break;
    }
  });
}
