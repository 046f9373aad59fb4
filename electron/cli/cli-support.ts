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

/** Team keys for `--team` values, each a team's key or name in any case; an unknown one is a usage error listing the teams. */
export function teamKeysNamed(teams: readonly { key: string; name: string }[], wanted: readonly string[] | undefined): string[] | undefined {
  return wanted?.map((w) => {
    const match = teams.find((t) => t.key.toLowerCase() === w.toLowerCase() || t.name.toLowerCase() === w.toLowerCase());
    if (!match) throw new UsageError(`no team "${w}"; teams: ${teams.map((t) => t.name).join(', ') || 'none'}`);
    return match.key;
  });
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
