import { utilityProcess } from 'electron';
import type { BackendServiceOptions, FromBackend } from '../backend/remote/backend-messages';
import { connectBackend, type RemoteBackend } from '../backend/remote/backend-client';
import { backendEnvironment } from '../../scripts/backend-environment.mjs';

/**
 * Forks the backend into an Electron utility process (electron/backend/remote/utility-process-entry.ts,
 * bundled as dist/electron/backend.cjs) and connects to it with the same protocol the browser host
 * uses for its backend thread, in the environment every backend process starts with
 * (scripts/backend-environment.mjs). Resolves once the startup workspace is open.
 */
export function startBackendProcess(modulePath: string, options: BackendServiceOptions): Promise<RemoteBackend> {
  const child = utilityProcess.fork(modulePath, [JSON.stringify(options)], {
    serviceName: 'Interlock backend',
    stdio: 'inherit',
    env: backendEnvironment(process.env),
  });
  return connectBackend({
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromBackend) => listener(message)),
    onExit: (listener) => child.on('exit', (code) => listener(`The backend stopped (exit code ${code}).`)),
    terminate: async () => {
      child.kill();
    },
  });
}
