import type { Result } from '../../../shared/contract/result';

/** What electron/preload exposes on `window.interlock`; absent in the browser host. */
export interface DesktopBridge {
  readonly isDesktop: true;
  /** `shownWorkspace`: the workspace the page shows (`shared/contract/shown-workspace.ts`), when it knows. */
  invoke(channel: string, input: unknown, shownWorkspace?: string): Promise<Result<unknown>>;
  /** The main process tells the page when its menu opened, closed or saved a workspace. */
  onWorkspaceChanged(listener: () => void): () => void;
  /** The path of a file the user picked in an <input type=file> (Electron's webUtils). */
  pathForFile(file: File): string;
  /** The File menu asks the page to show one of its dialogs (rename, anonymise, seal, unseal). */
  onMenuCommand?(listener: (command: string) => void): () => void;
}

declare global {
  interface Window {
    interlock?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  return typeof window !== 'undefined' && window.interlock?.isDesktop ? window.interlock : null;
}
