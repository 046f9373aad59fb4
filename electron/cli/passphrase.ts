import type { CliIo } from './cli-command';
import { UsageError } from './cli-command';

/**
 * Where the CLI takes a passphrase from: this environment variable, or a prompt on a terminal.
 * Never a command-line argument: those land in shell history and in every `ps` listing.
 */
export const PASSPHRASE_ENV = 'INTERLOCK_PASSPHRASE';

export async function cliPassphrase(io: CliIo, options: { confirm: boolean }): Promise<string> {
  const fromEnv = (io.env ?? process.env)[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!io.readSecret) {
    throw new UsageError(`no passphrase: set ${PASSPHRASE_ENV}, or run in a terminal to be asked (a passphrase is never taken as an argument)`);
  }
  const first = await io.readSecret('Passphrase: ');
  if (!options.confirm) return first;
  const second = await io.readSecret('The same passphrase again: ');
  if (first !== second) throw new Error('the two passphrases differ; nothing was written');
  return first;
}

/**
 * Reads one line from a terminal without echoing it (raw mode): Enter ends it, Backspace takes back
 * a character, Ctrl-C or Ctrl-D gives up. Hand-written because Node's readline has no hidden input.
 */
export function readHiddenLine(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let value = '';
    const wasRaw = input.isRaw;
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolveLine(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new Error('no passphrase given; nothing was written'));
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}
