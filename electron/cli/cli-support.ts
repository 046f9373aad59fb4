import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/contract';
import type { Backend } from '../backend/backend';
import { UsageError, type CliIo } from './cli-command';
import { LATEST_SCHEMA_VERSION } from '../backend/store/migrations';
import { peekSchemaVersion } from '../backend/store/workspace-file';
import { parseCalendarDate } from '../../shared/domain/calendar-date';

/**
 * parseArgs, but unknown or missing options become a UsageError instead of a stack trace, and a
 * negative number after an option that takes a value is that option's value (`--shift-days -30`,
 * `--items -5`): parseArgs would call it "ambiguous", so the value would never reach its check.
 */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

/** `--name -5` → `--name=-5` for every option `--name` that takes a value; nothing after `--` is touched. */
export function joinNegativeValues(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const takesValue = (arg: string) => arg.startsWith('--') && options[arg.slice(2)]?.type === 'string';
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...joined, ...args.slice(i)];
    const next = args[i + 1];
    if (takesValue(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * The command line as it was run, for the hints a person types next: `npm run cli --` when npm ran
 * it (from a checkout, where no `interlock` command exists), else `interlock`.
 */
export function invokedAs(io: CliIo): string {
  return (io.env ?? process.env).npm_lifecycle_event === 'cli' ? 'npm run cli --' : 'interlock';
}

/** The backend's hints (`interlock backups …`, shared with the app's messages) as `invokedAs` runs them. */
export function inInvokedTerms(message: string, io: CliIo): string {
  return message.replaceAll('`interlock ', `\`${invokedAs(io)} `);
}

/**
 * Calls a channel and unwraps it; a failure becomes an Error whose message is the backend's, except
 * input the contract refuses, which is wrong usage said in the names of `options` (input path → option).
 */
export async function callOrThrow<C extends ChannelName>(backend: Backend, channel: C, input: ChannelInput<C>, options: OptionNames = {}): Promise<ChannelOutput<C>> {
  const result = await backend.call(channel, input);
  if (result.ok) return result.value;
  const { code, message, details } = result.error;
  // Input the contract refused came from the command line: wrong usage, said in its options' names.
  if (code === 'invalid-input' && details && details.length > 0) throw new UsageError(optionMessages(details, options));
  // The app asks before it replaces a workspace; a command line is told which option says yes.
  const replacing = options.replace ?? options.overwrite;
  if (code === 'workspace-exists' && replacing) throw new Error(message.replace('confirm that it should be replaced', `add ${replacing} to replace it`));
  throw new Error(message);
}

/** Input paths of a channel ("window.from", "trials") → the option that gave them ("--from"). */
export type OptionNames = Readonly<Record<string, string>>;

/**
 * The contract's refusals as a command line's: "--trials must be at least 1, not the number 0." A
 * value refused for its own field makes a check of the whole input (the window's order) moot, so
 * only the first refusal per option is said.
 */
export function optionMessages(details: readonly { path: string; message: string }[], options: OptionNames): string {
  const said = new Set<string>();
  const lines: string[] = [];
  for (const { path, message } of details) {
    const option = options[path] ?? options[path.split('.')[0]!] ?? path;
    if (said.has(option)) continue;
    said.add(option);
    const field = path.split('.').at(-1) ?? '';
    lines.push(field && message.startsWith(`${field} `) ? `${option}${message.slice(field.length)}` : `${option}: ${message}`);
  }
  return lines.join('; ');
}

/** Team keys for `--team` values, each a team's key or name in any case; an unknown one is a usage error listing the teams. */
export function teamKeysNamed(teams: readonly { key: string; name: string }[], wanted: readonly string[] | undefined): string[] | undefined {
  return wanted?.map((w) => {
    const match = teams.find((t) => t.key.toLowerCase() === w.toLowerCase() || t.name.toLowerCase() === w.toLowerCase());
    if (!match) throw new UsageError(`no team "${w}"; teams: ${teams.map((t) => t.name).join(', ') || 'none'}`);
    return match.key;
  });
}

/** A whole number (1_000 allowed); its range is the contract's to check, in the option's name. */
export function parseIntegerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.replaceAll('_', ''))) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value.replaceAll('_', ''));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** A `--name DATE` option: undefined when absent, else a real calendar day like 2026-08-17 (a usage error otherwise). */
export function checkDateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (parseCalendarDate(value) === null) throw new UsageError(`--${name} must be a real date like 2026-08-17, got "${value}"`);
  return value;
}

/** A `--window` option: days ("90d", "90") or weeks ("12w"), from `min` to `max` days; undefined when absent. */
export function parseWindowDays(value: string | undefined, min = 7, max = 3650): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)\s*([dw]?)$/i.exec(value.trim());
  if (!match) throw new UsageError(`--window must look like 90d or 12w, got "${value}"`);
  const days = Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1);
  if (days < min || days > max) throw new UsageError(`--window must be between ${min} and ${max} days, got ${days}`);
  return days;
}

/**
 * Opens a workspace for a command that only reads it (metrics, recommend, plan, forecast, report).
 * A workspace of an older schema is read through a copy upgraded in memory and left as it is: a
 * client's file stays readable by the Interlock that wrote it (the app upgrades it, with a backup,
 * when it is opened to work in). Says so on stderr.
 */
export async function openToRead(backend: Backend, path: string, io: CliIo): Promise<ChannelOutput<'workspace.open'>> {
  const version = peekSchemaVersion(path);
  const older = version !== null && version < LATEST_SCHEMA_VERSION;
  const opened = await callOrThrow(backend, 'workspace.open', { path, lookOnly: older });
  if (older) io.err(`${path} is a workspace of an older Interlock (schema ${version}): read through a copy upgraded in memory; the file is left as it is. Opening it in the app upgrades it, keeping a backup first.`);
  return opened;
}
