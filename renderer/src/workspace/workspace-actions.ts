import { WORKSPACE_EXTENSION } from '../../../shared/domain/workspace-names';

export type WorkspaceAction = 'new' | 'open' | 'saveAs';

export const ACTION_TEXT: Record<WorkspaceAction, { title: string; explanation: string; confirm: string }> = {
  new: { title: 'New workspace', explanation: 'Creates an empty workspace file. An existing file is never overwritten.', confirm: 'Create' },
  open: { title: 'Open workspace', explanation: 'Opens a workspace file; it is checked, and upgraded if it comes from an older Interlock.', confirm: 'Open' },
  saveAs: { title: 'Save a copy as', explanation: 'Writes a consistent copy of this workspace, under its own name, and continues in the copy.', confirm: 'Save' },
};

/** A sensible default path next to the current workspace. */
export function suggestPath(currentPath: string | undefined, action: WorkspaceAction): string {
  if (!currentPath) return '';
  if (action === 'open') return currentPath;
  const dir = currentPath.replace(/[^/\\]*$/, '');
  const base = currentPath.slice(dir.length).replace(/\.interlock$/i, '');
  return `${dir}${action === 'new' ? 'new-workspace' : `${base}-copy`}${WORKSPACE_EXTENSION}`;
}
