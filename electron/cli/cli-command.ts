import type { Backend } from '../backend/backend';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Asks for a secret without echoing it; absent where no one can be asked (no terminal). */
  readSecret?(prompt: string): Promise<string>;
  /** Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One `interlock` sub-command. `run` returns the exit code; errors it throws become a one-line message and exit 1. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: string[], backend: Backend, io: CliIo): Promise<number>;
}

/** Raised for wrong arguments: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
