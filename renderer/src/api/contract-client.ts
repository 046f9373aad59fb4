import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/contract';
import type { FileSource } from '../../../shared/contract/file-source';
import type { AppErrorShape, Result } from '../../../shared/contract/result';
import { SHOWN_WORKSPACE_HEADER, shownWorkspaceHeader } from '../../../shared/contract/shown-workspace';
import { desktopBridge } from './desktop-bridge';
import { ShownWorkspaceTracker } from './shown-workspace';

const TOKEN_KEY = 'interlock.token';
const TOKEN_HEADER = 'x-interlock-token';

/**
 * The browser host hands out its token once, in the address it prints. Keep it for this tab and
 * take it out of the address bar so it does not end up in history or screenshots.
 */
export function adoptTokenFromUrl(location: Location = window.location, history: History = window.history): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
}

function token(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function httpInvoke(channel: string, input: unknown, shown: string | undefined): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token(), ...(shown === undefined ? {} : { [SHOWN_WORKSPACE_HEADER]: shown }) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Interlock is not reachable: is `npm run serve` still running?' } };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `The host answered ${response.status} without a result.` } };
  }
}

/**
 * The workspace this page shows, said with every call: the backend refuses a write meant for
 * another workspace than the open one (another tab opened one since), and the page follows
 * (`onSwitch`, App.tsx).
 */
export const shownWorkspace = new ShownWorkspaceTracker();

/** Calls one channel of the contract over whichever transport this page runs on. Never throws. */
export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  const bridge = desktopBridge();
  const identity = shownWorkspace.identity();
  const shown = identity === undefined ? undefined : shownWorkspaceHeader(identity);
  const result = bridge ? await bridge.invoke(channel, input, shown) : await httpInvoke(channel, input, shown);
  shownWorkspace.observe(channel, result);
  // Refused for another workspace: ask which one is open, which tells the page to follow it.
  if (!result.ok && result.error.code === 'workspace-changed') await invoke('workspace.current', {});
  return result as Result<ChannelOutput<C>>;
}

/** A failed call, thrown for TanStack Query; keeps the contract's code and message. */
export class ContractError extends Error {
  readonly code: AppErrorShape['code'];
  constructor(readonly error: AppErrorShape) {
    super(error.message);
    this.code = error.code;
  }
}

export async function invokeOrThrow<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invoke(channel, input);
  if (!result.ok) throw new ContractError(result.error);
  return result.value;
}

/** A file the user picked, as the backend can read it: its path on the desktop, an upload in the browser. */
export async function fileSourceFor(file: File): Promise<FileSource> {
  const bridge = desktopBridge();
  if (bridge) return { kind: 'path', path: bridge.pathForFile(file) };
  const response = await fetch(`./api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: token() },
    body: file,
  });
  const result = (await response.json()) as Result<{ id: string; name: string; bytes: number }>;
  if (!result.ok) throw new ContractError(result.error);
  return { kind: 'upload', uploadId: result.value.id, name: file.name };
}
