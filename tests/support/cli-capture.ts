import { runCli } from '../../electron/cli/run-cli';

/**
 * Runs the `interlock` command line in this process and returns its exit code and what it printed
 * (lines joined). `env`, when given, is all the command sees of the environment (else process.env).
 */
export async function captureCli(args: readonly string[], env?: Readonly<Record<string, string>>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args], { out: (l) => out.push(l), err: (l) => err.push(l), ...(env ? { env } : {}) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
