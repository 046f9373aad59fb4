import { join } from 'node:path';
import { createBackend } from '../backend/backend';
import { defaultStateDir } from '../backend/startup';
import { UsageError, type CliIo } from './cli-command';
import { CLI_COMMANDS } from './cli-commands';

function help(io: CliIo): void {
  io.out('Usage: interlock <command> [options]   (from a checkout: npm run cli -- <command> [options])');
  io.out('');
  for (const c of CLI_COMMANDS) io.out(`  ${c.usage.padEnd(44)} ${c.summary}`);
}

/**
 * Runs one command line and returns its exit code: 0 success, 1 failure (one-line message on
 * stderr), 2 wrong usage. Never throws, never prints a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 2;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`interlock: unknown command "${name}". Run "interlock help" for the list.`);
    return 2;
  }
  // The CLI remembers nothing, but keeps the same automatic backups as the app (in the host's state folder).
  const backend = createBackend({ log: () => undefined, backupsDir: join(defaultStateDir(), 'backups') });
  try {
    return await command.run(args, backend, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`interlock ${name}: ${error.message}`);
      io.err(`usage: interlock ${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`interlock ${name}: ${message.split('\n')[0]}`);
    return 1;
  } finally {
    backend.close();
  }
}
