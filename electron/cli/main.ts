import { runCli } from './run-cli';

// The `interlock` command line: the same backend and contract as the app, without a window.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
