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

const USAGE = 'usage: npm run serve -- [--workspace FILE] [--port N] [--state-dir DIR] [--no-build]';

/** Exit codes as the CLI's: 1 a failure, 2 wrong usage (with the usage line). */
function fatal(message: string, code: 1 | 2 = 1): never {
  process.stderr.write(`interlock serve: ${message}${code === 2 ? `\n${USAGE}` : ''}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string', default: '5417' },
      'state-dir': { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fatal((error as Error).message, 2);
}
if (args.help) {
  process.stdout.write(
    `${USAGE}\n\nServes Interlock and its API on 127.0.0.1 only and prints the address (with this run's token) to open in a browser.\n` +
      '  --workspace FILE  the workspace to open (default: the one open last time, else the demo on a first run)\n' +
      '  --port N          default 5417; 0 picks a free one\n' +
      '  --state-dir DIR   where the recent workspaces, the demo and the backups are kept\n' +
      '  --no-build        serve the renderer as built, without rebuilding it when its sources changed\n',
  );
  process.exit(0);
}
const port = Number(args.port);
if (!/^\d+$/.test(args.port) || port > 65535) fatal(`--port must be a number from 0 to 65535, got "${args.port}"`, 2);

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
// The terminal it ran in was closed: stop as cleanly as for a kill.
process.on('SIGHUP', () => void stop());
