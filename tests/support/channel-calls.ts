import type { Backend } from '../../electron/backend/backend';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract/contract';

/**
 * `call` answers a channel's value or throws naming the channel; `refused` answers the error of a
 * call that must fail, or throws when it succeeded. `backend` is read on every call, so a suite
 * may make a new backend per test.
 */
export function channelCalls(backend: () => Backend) {
  return {
    async call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
      const result = await backend().call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    },
    async refused<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
      const result = await backend().call(channel, input);
      if (result.ok) throw new Error(`${channel} was expected to be refused`);
      return result.error;
    },
  };
}
