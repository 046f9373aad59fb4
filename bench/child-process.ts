import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// Work measured in a process of its own: its peak resident memory is then its own (read from
// getrusage at the end), and nothing the parent loaded or cached helps or hinders it.

const MARK = 'BENCH-RESULT ';
const PROJECT_ROOT = resolve(import.meta.dirname, '..');

export interface ChildOutcome<T> {
  result: T;
  /** Peak resident set size of the child, MB (getrusage's ru_maxrss). */
  maxRssMb: number;
  /** Resident set size right after the child had loaded its code, before the work, MB. */
  startRssMb: number;
}

/** The child's side: prints its result for the parent; call once, last. */
export function reportToParent(result: unknown, startRssMb: number): void {
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`\n${MARK}${JSON.stringify({ result, maxRssMb, startRssMb })}\n`);
}

export function rssMb(): number {
  return process.memoryUsage().rss / 1024 ** 2;
}

/** Runs `script` (a TypeScript file, through tsx) with one JSON argument and returns what it reported. */
export function runChild<T>(script: string, input: unknown): Promise<ChildOutcome<T>> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(input)], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith(MARK));
      if (code !== 0 || !line) {
        reject(new Error(`${script} exited with code ${code}:\n${stderr.slice(-2000)}${stdout.slice(-2000)}`));
        return;
      }
      resolvePromise(JSON.parse(line.slice(MARK.length)) as ChildOutcome<T>);
    });
  });
}
