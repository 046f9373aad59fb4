import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultStateDir } from '../backend/startup';
import { startBackendThread, type BackendThread } from './backend-thread';
import { startHost } from './http-host';
import { buildRenderer, rendererBuildIsStale, rendererDir } from './renderer-build';

// `npm run serve [-- --workspace FILE] [--port N]`: the same renderer and backend as the desktop
// app, in a browser, on 127.0.0.1 only. The backend runs on a thread of its own (backend-thread.ts).
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function fatal(message: string): never {
  process.stderr.write(`interlock serve: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string', default: '5417' },
      'state-dir': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fatal(`${(error as Error).message}\nusage: npm run serve -- [--workspace FILE] [--port N] [--state-dir DIR] [--no-build]`);
}
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port must be a number from 0 to 65535, got "${args.port}"`);

if (!args['no-build'] && rendererBuildIsStale(projectRoot)) {
  process.stdout.write('Building the renderer…\n');
  await buildRenderer(projectRoot);
}

const stateDir = resolve(args['state-dir'] ?? defaultStateDir());
let backend: BackendThread;
try {
  backend = await startBackendThread({ stateDir, workspace: args.workspace ?? null });
} catch (error) {
  fatal((error as Error).message);
}
if (backend.startup.notice) process.stdout.write(`${backend.startup.notice}\n`);
let host;
try {
  host = await startHost({ backend, rendererDir: rendererDir(projectRoot), port });
  process.stdout.write(`Workspace: ${backend.startup.summary?.path ?? '(none open)'}\n`);
} catch (error) {
  await backend.close();
  const code = (error as NodeJS.ErrnoException).code;
  fatal(code === 'EADDRINUSE' ? `port ${port} is in use; pass another with --port N (0 picks a free one)` : (error as Error).message);
}
process.stdout.write(`Interlock is running. Open this address in your browser:\n  ${host.url}\n`);
// A host whose backend died would answer every call with an error: say why and stop instead.
void backend.crashed.then((reason) => {
  process.stderr.write(`interlock serve: ${reason}\n`);
  void host!.close().finally(() => process.exit(1));
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await host!.close();
  await backend.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
