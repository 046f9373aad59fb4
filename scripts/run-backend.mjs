// `npm run serve`, `npm run cli` and `npm run bench`: runs a TypeScript entry (through tsx) in a
// process of its own started with the backend's environment (backend-environment.mjs), passing
// its arguments, its terminal and its exit code through.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { backendEnvironment } from './backend-environment.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-backend.mjs ENTRY.ts [ARGS...]\n');
  process.exit(2);
}
const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { stdio: 'inherit', env: backendEnvironment(process.env) });
// Ctrl-C reaches both processes (one terminal group); a `kill` reaches this one only. Either way
// the entry is told, and this process waits for it to finish, then ends as it did.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  process.stderr.write(`could not start ${entry}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
