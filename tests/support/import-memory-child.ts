// Runs one CLI import in this process and prints how it ended and the process's peak resident
// memory, for tests that hold an import to a memory ceiling:
//   import-memory-child.ts FILE WORKSPACE
import { runCli } from '../../electron/cli/run-cli';

const [file, workspace] = process.argv.slice(2);
const err: string[] = [];
const started = performance.now();
const code = await runCli(['import', file!, '--into', workspace!], { out: () => undefined, err: (line) => err.push(line) });
process.stdout.write(
  `${JSON.stringify({ code, err: err.join('\n'), seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
