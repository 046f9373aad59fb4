import type { z } from 'zod';

/**
 * What a channel changes when it succeeds. `'all'`: anything a page may show (opening a workspace,
 * an import). A list: the channel-name prefixes whose answers it changes (`'coordination.scenarios.'`),
 * so the renderer refetches only those. Read-only channels have none.
 */
export type ChannelWrites = 'all' | readonly string[];

/** One channel of the contract: its zod input and output, one line saying what it does, and what it writes. */
export interface Channel<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
  /** Null for a channel that only reads. */
  readonly mutates: ChannelWrites | null;
  /**
   * Opens, creates or closes a workspace in place of the open one, without reading or writing it:
   * a window may do that whatever workspace it showed. Every other channel that writes is refused
   * when the window's workspace is no longer the open one (`CallerWindow`, `workspace-changed`).
   */
  readonly replacesOpen: boolean;
}

export interface ChannelOptions {
  /** Declare for every channel that writes: caches, "busy" states and undo follow from it. */
  readonly mutates?: ChannelWrites;
  /** See `Channel.replacesOpen`. */
  readonly replacesOpen?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string, options: ChannelOptions = {}): Channel<I, O> {
  return { input, output, summary, mutates: options.mutates ?? null, replacesOpen: options.replacesOpen ?? false };
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;

/**
 * Gathers the domains' channel maps into one contract, refusing a name defined twice: a spread
 * would let the later domain silently replace the earlier one's channel.
 */
export function defineContract<const Domains extends readonly Record<string, Channel>[]>(...domains: Domains): UnionToIntersection<Domains[number]> {
  const contract: Record<string, Channel> = {};
  for (const domain of domains) {
    for (const [name, definition] of Object.entries(domain)) {
      if (Object.prototype.hasOwnProperty.call(contract, name)) throw new Error(`The channel "${name}" is defined twice in the contract.`);
      contract[name] = definition;
    }
  }
  return contract as UnionToIntersection<Domains[number]>;
}
