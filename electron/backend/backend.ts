import { contract, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/contract/contract';
import { AppError, describeZodIssues, fail, ok, type Result } from '../../shared/contract/result';
import { AppState } from './app-state';
import { allHandlers } from './handlers/all-handlers';
import type { BackendContext } from './handlers/handler-types';
import { Session } from './session';
import { UploadStore } from './uploads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface BackendOptions {
  /** Folder for per-user state (recent workspaces). Omit to remember nothing (the CLI, tests). */
  stateDir?: string;
  /** Where unexpected errors are logged with their stack; the caller only ever sees code + message. */
  log?: (message: string, error: unknown) => void;
}

export interface Backend {
  /** The single entry point of every transport: validates input, runs the handler, returns errors as data. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Typed convenience for in-process callers (CLI, tests, the Electron menu). */
  call<C extends ChannelName>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>>;
  readonly context: BackendContext;
  close(): void;
}

export function createBackend(options: BackendOptions = {}): Backend {
  const context: BackendContext = {
    session: new Session(),
    state: options.stateDir ? new AppState(options.stateDir) : null,
    uploads: new UploadStore(join(tmpdir(), `interlock-uploads-${process.pid}-${randomBytes(4).toString('hex')}`)),
  };
  const log = options.log ?? ((message, error) => console.error(message, error));

  async function invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!isChannelName(channel)) return fail('unknown-channel', `There is no channel named "${String(channel)}".`);
    const definition = contract[channel];
    const parsed = definition.input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = describeZodIssues(parsed.error);
      const where = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
      return fail('invalid-input', `Invalid input for ${channel}: ${where}`, details);
    }
    try {
      const handler = allHandlers[channel] as (input: unknown, context: BackendContext) => unknown;
      const value = await handler(parsed.data, context);
      // Outputs are checked too: a handler that breaks the contract is a bug we want to see, not ship.
      const checked = definition.output.safeParse(value);
      if (!checked.success) {
        log(`Handler ${channel} returned output that breaks the contract`, checked.error);
        return fail('internal', `Interlock produced an invalid answer for ${channel}; this is a bug.`);
      }
      return ok(checked.data);
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      log(`Handler ${channel} failed`, error);
      const message = error instanceof Error ? error.message : String(error);
      return fail('internal', `${channel} failed: ${message}`);
    }
  }

  return {
    invoke,
    call: (channel, input) => invoke(channel, input) as never,
    context,
    close: () => {
      context.session.close();
      context.uploads.dispose();
    },
  };
}
