import type { ChannelName } from '../../../shared/contract/contract';
import type { Result } from '../../../shared/contract/result';

/** The workspace a window shows, as far as it knows: null when none. */
export interface ShownWorkspace {
  readonly openId: string | null;
  readonly name: string;
  readonly path: string;
}

/** The open workspace is not the one the window showed: another window or tab opened or closed one. */
export interface WorkspaceSwitch {
  readonly from: ShownWorkspace | null;
  readonly to: ShownWorkspace | null;
  /** The backend refused a write of this window's for it (`workspace-changed`): that change was not made. */
  readonly refusedWrite: boolean;
}

/**
 * The window's own switches: their answer is the workspace it shows from now on. Every other
 * answer naming the open workspace (`workspace.current`, `workspace.overview`) tells the window
 * whether the workspace it shows is still the open one.
 */
const OWN_SWITCHES: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'workspace.create',
  'workspace.createForFiles',
  'workspace.createDemo',
  'workspace.openDemo',
  'workspace.open',
  'workspace.saveAs',
  'workspace.rename',
  'workspace.backups.restore',
  'workspace.unseal',
]);

function shownIn(value: unknown): ShownWorkspace | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'object') return undefined;
  const { openId, name, path } = value as Record<string, unknown>;
  return typeof openId === 'string' && typeof name === 'string' && typeof path === 'string' ? { openId, name, path } : undefined;
}

/**
 * Follows the workspace the window shows from the answers it gets (pure: no transport, no React),
 * so the contract client can say it with every call, and hears when the open workspace is no longer
 * that one.
 */
export class ShownWorkspaceTracker {
  /** undefined: not known yet (the first answer about the open workspace has not come). */
  #shown: ShownWorkspace | null | undefined = undefined;
  #refused = false;
  readonly #listeners = new Set<(change: WorkspaceSwitch) => void>();

  /** What a call says of the window's workspace: its opening id, null for none, undefined when unknown. */
  identity(): string | null | undefined {
    return this.#shown === undefined ? undefined : (this.#shown?.openId ?? null);
  }

  get shown(): ShownWorkspace | null | undefined {
    return this.#shown;
  }

  /** Learns from one answer; tells the listeners when it shows that another workspace is open now. */
  observe(channel: string, result: Result<unknown>): void {
    if (!result.ok) {
      if (result.error.code === 'workspace-changed') this.#refused = true;
      return;
    }
    if (channel === 'workspace.close') {
      this.#shown = null;
      return;
    }
    const isCurrent = channel === 'workspace.current';
    const found = isCurrent && result.value === null ? null : shownIn(result.value);
    // An answer that names no open workspace (a read of something else, a file written but not opened).
    if (found === undefined || (found === null && !isCurrent)) return;
    const before = this.#shown;
    this.#shown = found;
    if (OWN_SWITCHES.has(channel as ChannelName) || before === undefined) return;
    if ((before?.openId ?? null) !== (found?.openId ?? null)) {
      const change = { from: before, to: found, refusedWrite: this.#refused };
      this.#refused = false;
      for (const listener of this.#listeners) listener(change);
    }
  }

  /**
   * The next answer about the open workspace is the window's own doing (the desktop menu opened,
   * closed or saved one for this window): adopt it without a word.
   */
  forget(): void {
    this.#shown = undefined;
  }

  onSwitch(listener: (change: WorkspaceSwitch) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
