import { constants } from 'node:os';
import { removeUnsealingTemporaries } from '../backend/store/sealed-copy';
import { readHiddenLine } from './passphrase';
import { runCli } from './run-cli';

// The `interlock` command line: the same backend and contract as the app, without a window.

// `npm run cli` runs this from the project root; a relative path means the caller's folder.
if (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

// `interlock info W | head -3`: the reader has gone, which is no failure of ours; stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C, a kill or a closed terminal mid-unseal: the decrypted workspace beside the target is
// removed, then the command ends as the signal would have ended it (128 + its number).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    removeUnsealingTemporaries();
    process.exit(128 + constants.signals[signal]);
  });
}

const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Secrets are asked for only where a person types them: a terminal.
  ...(process.stdin.isTTY ? { readSecret: (prompt: string) => readHiddenLine(prompt) } : {}),
});
process.exitCode = code;
