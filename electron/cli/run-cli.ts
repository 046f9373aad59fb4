import { join } from 'node:path';
import { createBackend } from '../backend/backend';
import { defaultStateDir } from '../backend/startup';
import { UsageError, type CliCommand, type CliIo } from './cli-command';
import { CLI_COMMANDS } from './cli-commands';
import { inInvokedTerms, invokedAs } from './cli-support';

function help(io: CliIo): void {
  const run = invokedAs(io);
  io.out(`Usage: ${run} <command> [options]${run === 'interlock' ? '   (from a checkout: npm run cli -- <command> [options])' : ''}`);
  io.out('');
  for (const c of CLI_COMMANDS) io.out(`  ${c.usage.padEnd(44)} ${c.summary}`);
  io.out('');
  io.out(`${run} <command> --help (or ${run} help <command>) shows one command.`);
}

function commandHelp(command: CliCommand, io: CliIo): void {
  io.out(`usage: ${invokedAs(io)} ${command.usage}`);
  io.out('');
  io.out(command.summary);
}

/** `--help` or `-h` among a command's options (not after `--`, where it is a value). */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Runs one command line and returns its exit code: 0 success, 1 failure (one-line message on
 * stderr), 2 wrong usage. Never throws, never prints a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const asked = name === 'help' ? args[0] : undefined;
    const about = asked === undefined ? undefined : CLI_COMMANDS.find((c) => c.name === asked);
    if (about) {
      commandHelp(about, io);
      return 0;
    }
    // `help nosuch` is wrong usage, as `nosuch` is: said so, with the commands there are.
    if (asked !== undefined) io.err(`interlock help: unknown command "${asked}".`);
    help(io);
    return name && asked === undefined ? 0 : 2;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`interlock: unknown command "${name}". Run "${invokedAs(io)} help" for the list.`);
    return 2;
  }
  if (asksForHelp(args)) {
    commandHelp(command, io);
    return 0;
  }
  // The CLI remembers nothing, but keeps the same automatic backups as the app (in the host's state folder).
  const backend = createBackend({ log: () => undefined, backupsDir: join(defaultStateDir(), 'backups') });
  try {
    return await command.run(args, backend, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`interlock ${name}: ${error.message}`);
      io.err(`usage: ${invokedAs(io)} ${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`interlock ${name}: ${inInvokedTerms(message.split('\n')[0]!, io)}`);
    return 1;
  } finally {
    backend.close();
  }
}
