import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/contract';
import type { Backend } from '../backend/backend';
import { UsageError } from './cli-command';

/** parseArgs, but unknown or missing options become a UsageError instead of a stack trace. */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Calls a channel and unwraps it; a failure becomes an Error whose message is the backend's. */
export async function callOrThrow<C extends ChannelName>(backend: Backend, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await backend.call(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export function parseIntegerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.replaceAll('_', ''))) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value.replaceAll('_', ''));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
