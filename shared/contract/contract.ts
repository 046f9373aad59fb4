import type { z } from 'zod';
import { defineContract, type Channel } from './channel';
import { importChannels } from './import-channels';
import { coordinationChannels } from './coordination-channels';
import { deckChannels } from './deck-channels';
import { forecastChannels } from './forecast-channels';
import { metricsChannels } from './metrics-channels';
import { planChannels } from './plan-channels';
import { reportChannels } from './report-channels';
import { risksChannels } from './risks-channels';
import { votesChannels } from './votes-channels';
import { workspaceChannels } from './workspace-channels';
import { workspaceCopyChannels } from './workspace-copy-channels';
import { filesChannels } from './files-channels';

/**
 * Every channel of Interlock, once. Electron IPC, the HTTP host and the CLI are transports over
 * these; each validates input with the channel's schema at its boundary.
 * Each domain adds its channels in its own file and lists them here; a name defined twice throws.
 */
export const contract = defineContract(workspaceChannels, workspaceCopyChannels, filesChannels, importChannels, coordinationChannels, metricsChannels, planChannels, forecastChannels, risksChannels, votesChannels, reportChannels, deckChannels) satisfies Record<string, Channel>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
/** What a caller passes (defaults not yet applied). */
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
/** What a handler receives (after parsing: defaults applied). */
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
