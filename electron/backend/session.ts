import { AppError } from '../../shared/contract/result';
import { closeWorkspace, type Workspace } from './store/workspace-file';

/**
 * The one workspace a backend has open. One backend, one writer: opening another file closes the
 * previous one first, so its exclusive lock is released.
 */
export class Session {
  #workspace: Workspace | null = null;

  /**
   * `onOpened` runs after a workspace becomes the current one, and again after an import changed it
   * (the backend's prefetch hangs here).
   */
  constructor(private readonly onOpened: (workspace: Workspace) => void = () => undefined) {}

  get current(): Workspace | null {
    return this.#workspace;
  }

  require(): Workspace {
    if (!this.#workspace) throw new AppError('no-workspace', 'No workspace is open. Open or create one first (File → Open…).');
    return this.#workspace;
  }

  /** Swaps in a workspace that is already open, closing the old one. */
  replace(workspace: Workspace): void {
    if (this.#workspace && this.#workspace !== workspace) closeWorkspace(this.#workspace);
    const changed = this.#workspace !== workspace;
    this.#workspace = workspace;
    if (changed) this.onOpened(workspace);
  }

  /** The current workspace's data changed in bulk (an import committed). */
  changed(workspace: Workspace): void {
    if (this.#workspace === workspace) this.onOpened(workspace);
  }

  close(): boolean {
    if (!this.#workspace) return false;
    const workspace = this.#workspace;
    this.#workspace = null;
    closeWorkspace(workspace);
    return true;
  }
}
