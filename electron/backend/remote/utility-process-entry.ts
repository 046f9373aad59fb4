import type { BackendServiceOptions, FromBackend, ToBackend } from './backend-messages';
import { serveBackend } from './backend-service';

// The desktop app's backend, in an Electron utility process of its own (a Node process the main
// process forks): an import's write, a second of metrics or advice never freeze the menus, the
// window or the other calls. Electron gives such a process `process.parentPort`; its messages
// arrive wrapped in an event's `data`. The options come as the first argument, as JSON.

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('This module runs as an Electron utility process (utilityProcess.fork).');
const options = JSON.parse(process.argv.at(-1) ?? '{}') as BackendServiceOptions;

void serveBackend(
  {
    send: (message: FromBackend) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data as ToBackend)),
    close: () => setImmediate(() => process.exit(0)),
  },
  options,
);
