import { fail, type Result } from '../../../shared/contract/result';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import type { CallerWindow } from '../../../shared/contract/shown-workspace';
import type { StartupChoice } from '../startup';
import type { FromBackend, ToBackend } from './backend-messages';

/** A question without its id (the client numbers them). */
export type Question = ToBackend extends infer M ? (M extends ToBackend ? Omit<M, 'id'> : never) : never;

/** How the client reaches the other side: a Worker, or an Electron UtilityProcess. */
export interface ClientPort {
  post(message: ToBackend): void;
  onMessage(listener: (message: FromBackend) => void): void;
  /** Called once when the other side ends on its own (a crash), with why. */
  onExit(listener: (reason: string) => void): void;
  terminate(): Promise<void>;
}

export interface RemoteBackend {
  readonly startup: StartupChoice;
  /** Resolves with the reason if the other side ends on its own (a crash); never after `close()`. */
  readonly crashed: Promise<string>;
  /** `caller`: the window the call comes from (see `Backend.invoke`). */
  invoke(channel: string, input: unknown, caller?: CallerWindow): Promise<Result<unknown>>;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Asks something that is not a channel (an upload to adopt); null answers mean "done". */
  ask(question: Question): Promise<Result<unknown> | null>;
  /** Calls sent and not yet answered (a leak shows here). */
  waiting(): number;
  /** Closes the workspace (releasing its lock) and ends the other side. */
  close(): Promise<void>;
}

/** How long `close()` waits for the backend to close its workspace before ending it anyway. */
const CLOSE_WAIT_MS = 10_000;

type Pending = (result: Result<unknown> | null) => void;

/**
 * The caller's side of a backend served by `serveBackend`: numbered questions, answers matched by
 * id, every waiting call answered with an error if the other side dies. Resolves once the backend
 * has opened its startup workspace, rejects with the reason when it could not.
 */
export function connectBackend(port: ClientPort, onStop: () => void = () => undefined): Promise<RemoteBackend> {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let stopped: string | null = null;
  let closing = false;
  let reportCrash: (reason: string) => void = () => undefined;
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));

  const ask = (message: Question): Promise<Result<unknown> | null> => {
    if (stopped) return Promise.resolve(fail('internal', stopped));
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      try {
        port.post({ ...message, id } as ToBackend);
      } catch (error) {
        // A message that cannot be cloned never reaches the backend: answer it here, keep nothing waiting.
        pending.delete(id);
        resolve(fail('invalid-input', `That request could not be passed to the backend: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  };

  /** Answers every waiting call with `reason` and ends the other side. */
  const stop = async (reason: string) => {
    if (stopped) return;
    stopped = reason;
    for (const resolve of pending.values()) resolve(fail('internal', reason));
    pending.clear();
    if (!closing) reportCrash(reason);
    onStop();
    await port.terminate();
  };

  return new Promise((resolveStart, rejectStart) => {
    port.onMessage((message) => {
      if (message.kind === 'answer') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else if (message.kind === 'failed') {
        closing = true;
        rejectStart(new Error(message.message));
        void stop(message.message);
      } else {
        const invoke = async (channel: string, input: unknown, caller?: CallerWindow) => (await ask({ kind: 'invoke', channel, input, ...(caller ? { caller } : {}) }))!;
        resolveStart({
          startup: message.startup,
          crashed,
          invoke,
          call: (channel, input) => invoke(channel, input) as never,
          ask,
          waiting: () => pending.size,
          close: async () => {
            closing = true;
            if (!stopped) await Promise.race([ask({ kind: 'close' }), new Promise((r) => setTimeout(r, CLOSE_WAIT_MS).unref())]);
            await stop('The backend has stopped.');
          },
        });
      }
    });
    port.onExit((reason) => {
      void stop(reason);
      rejectStart(new Error(`The backend ended before opening a workspace: ${reason}`));
    });
  });
}
