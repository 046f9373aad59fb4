import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/contract/result';
import type { CallerWindow } from '../../shared/contract/shown-workspace';
import { closeWorkspace, defaultWorkspaceName, readMeta, type Workspace } from './store/workspace-file';

/** What a window that still shows a workspace opened earlier is told about it. */
interface EarlierWorkspace {
  readonly name: string;
  readonly path: string;
}

/** Openings remembered for the message of a refused write: far more than windows a person keeps. */
const EARLIER_KEPT = 50;

/**
 * The one workspace a backend has open. One backend, one writer: opening another file closes the
 * previous one first, so its exclusive lock is released.
 */
export class Session {
  #workspace: Workspace | null = null;
  #openId: string | null = null;
  readonly #earlier = new Map<string, EarlierWorkspace>();

  /**
   * `onOpened` runs after a workspace becomes the current one, and again after an import changed it
   * (the backend's prefetch hangs here).
   */
  constructor(private readonly onOpened: (workspace: Workspace) => void = () => undefined) {}

  get current(): Workspace | null {
    return this.#workspace;
  }

  /** The id of this opening of the current workspace (`WorkspaceSummary.openId`); null when none is open. */
  get openId(): string | null {
    return this.#openId;
  }

  /** The opening id of `workspace` when it is the current one. */
  openIdOf(workspace: Workspace): string | undefined {
    return workspace === this.#workspace && this.#openId ? this.#openId : undefined;
  }

  require(): Workspace {
    if (!this.#workspace) throw new AppError('no-workspace', 'No workspace is open. Open or create one first (File → Open…).');
    return this.#workspace;
  }

  /** Swaps in a workspace that is already open, closing the old one. */
  replace(workspace: Workspace): void {
    if (this.#workspace && this.#workspace !== workspace) this.#leave();
    const changed = this.#workspace !== workspace;
    this.#workspace = workspace;
    if (changed) {
      this.#openId = randomBytes(12).toString('hex');
      this.onOpened(workspace);
    }
  }

  /** The current workspace's data changed in bulk (an import committed). */
  changed(workspace: Workspace): void {
    if (this.#workspace === workspace) this.onOpened(workspace);
  }

  close(): boolean {
    if (!this.#workspace) return false;
    this.#leave();
    return true;
  }

  /**
   * Refuses a window's write meant for another workspace than the open one (the one check, run by
   * `createBackend` before any handler of a channel that writes into the open workspace): the
   * error to answer with, or null when the window shows the open workspace.
   */
  refusalFor(caller: CallerWindow): AppError | null {
    if (caller.workspace === this.#openId) return null;
    const shown = caller.workspace === null ? null : this.#earlier.get(caller.workspace);
    const now = this.#workspace;
    const was = caller.workspace === null ? 'no workspace' : shown ? `“${shown.name}” (${shown.path})` : 'a workspace that is no longer open here';
    const nowOpen = now ? `the workspace open now is “${nameOf(now)}” (${now.path}), opened since in another window or tab` : 'it has been closed since in another window or tab, and no workspace is open now';
    const then = now
      ? `This window now shows “${nameOf(now)}”: do it again there if you meant “${nameOf(now)}”${shown ? `, or open “${shown.name}” again (Workspace → Open Recent) and do it there` : ''}.`
      : `Open ${shown ? `“${shown.name}”` : 'a workspace'} again and do it there.`;
    return new AppError('workspace-changed', `Nothing was changed: this window was showing ${was}, but ${nowOpen}. ${then}`);
  }

  #leave(): void {
    const workspace = this.#workspace!;
    if (this.#openId) {
      this.#earlier.set(this.#openId, { name: nameOf(workspace), path: workspace.path });
      if (this.#earlier.size > EARLIER_KEPT) this.#earlier.delete(this.#earlier.keys().next().value!);
    }
    this.#workspace = null;
    this.#openId = null;
    closeWorkspace(workspace);
  }
}

function nameOf(workspace: Workspace): string {
  try {
    return readMeta(workspace.db, 'name') ?? defaultWorkspaceName(workspace.path);
  } catch {
    // A connection that can no longer be read (a file gone from under it) still has a file name.
    return defaultWorkspaceName(workspace.path);
  }
}
