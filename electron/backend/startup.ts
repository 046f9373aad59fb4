import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceSummary } from '../../shared/contract/workspace-channels';
import type { Backend } from './backend';

/** Where per-user state lives outside Electron: $INTERLOCK_HOME, else $XDG_DATA_HOME/interlock, else ~/.local/share/interlock. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INTERLOCK_HOME) return env.INTERLOCK_HOME;
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'interlock');
}

/**
 * Where workspaces made for the user go ("Start from your files"): `Documents/Interlock` in the home
 * folder when there is a Documents folder, else `Interlock` in the home folder.
 */
export function defaultWorkspacesDir(home: string = homedir(), exists: (path: string) => boolean = existsSync): string {
  const documents = join(home, 'Documents');
  return join(exists(documents) ? documents : home, 'Interlock');
}

export function demoWorkspacePath(stateDir: string): string {
  return join(stateDir, 'demo.interlock');
}

export interface StartupChoice {
  summary: WorkspaceSummary | null;
  /** Said to the user when the start did not go as asked (e.g. the last workspace could not be opened). */
  notice: string | null;
}

/**
 * What a freshly started app shows: the workspace asked for; else the last one open; else (first run,
 * or the last one is gone) the bundled demo, generated from its seed on first use.
 */
export async function openStartupWorkspace(backend: Backend, stateDir: string, requested: string | null): Promise<StartupChoice> {
  if (requested) {
    const opened = await backend.call('workspace.open', { path: requested });
    if (!opened.ok) throw new Error(opened.error.message);
    return { summary: opened.value, notice: null };
  }
  let notice: string | null = null;
  const last = backend.context.state?.lastOpened() ?? null;
  const firstRun = backend.context.state?.isFirstRun() ?? true;
  if (last) {
    // Whatever stops it (moved, locked, damaged), say so and show the demo rather than nothing.
    const opened = await backend.call('workspace.open', { path: last });
    if (opened.ok) return { summary: opened.value, notice: null };
    notice = `Could not reopen ${last}: ${opened.error.message}`;
  } else if (!firstRun) {
    // The user closed their workspace on purpose last time: start with none open.
    return { summary: null, notice: null };
  }
  const result = await backend.call('workspace.openDemo', {});
  if (!result.ok) throw new Error(`The demo workspace in ${stateDir} could not be opened: ${result.error.message}`);
  return { summary: result.value, notice };
}
