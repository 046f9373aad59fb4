import { join } from 'node:path';
import { WORKSPACE_EXTENSION } from '../../shared/domain/workspace-names';

// Pure decisions of the desktop shell, kept out of main.ts so they can be tested without Electron.

export interface DesktopPaths {
  /** Where the app keeps its state (recent files, the demo, backups); null: Electron's own userData folder. */
  stateDir: string | null;
  /** Where "Start from your files" puts new workspaces. */
  workspacesDir: string;
  /** Running from electron-builder's portable build (a single .exe, e.g. on a USB stick). */
  portable: boolean;
}

/**
 * A portable build keeps everything beside its executable (electron-builder sets
 * PORTABLE_EXECUTABLE_DIR), so the app, its state and the workspaces travel together on a stick and
 * leave nothing on the machine; an installed app uses the user's folders.
 */
export function desktopPaths(env: Readonly<Record<string, string | undefined>>, documentsDir: string): DesktopPaths {
  const portableDir = env.PORTABLE_EXECUTABLE_DIR?.trim();
  if (portableDir) return { stateDir: join(portableDir, 'Interlock data'), workspacesDir: join(portableDir, 'Interlock workspaces'), portable: true };
  return { stateDir: null, workspacesDir: join(documentsDir, 'Interlock'), portable: false };
}

/** The workspace a command line names (a double-click on a .interlock file, or `interlock file.interlock`). */
export function workspaceFromArgs(argv: readonly string[]): string | null {
  return argv.slice(1).find((a) => !a.startsWith('-') && a.toLowerCase().endsWith(WORKSPACE_EXTENSION)) ?? null;
}

/**
 * macOS hands files to open as `open-file` events, which can come before the app is ready: the
 * first ones wait for the start; later ones open at once.
 */
export class FilesToOpen {
  #waiting: string | null = null;
  #open: ((path: string) => void) | null = null;

  /** An `open-file` event (or a second instance's command line). */
  request(path: string): void {
    if (!path.toLowerCase().endsWith(WORKSPACE_EXTENSION)) return;
    if (this.#open) this.#open(path);
    else this.#waiting = path;
  }

  /** At start: the file asked for before the app was ready (the last one wins), then open later ones at once. */
  ready(open: (path: string) => void): string | null {
    this.#open = open;
    const waiting = this.#waiting;
    this.#waiting = null;
    return waiting;
  }
}
