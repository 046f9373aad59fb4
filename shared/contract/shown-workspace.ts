/**
 * Which workspace a window shows, as it says with every call: the `openId` of the workspace
 * summary it last received (`WorkspaceSummary.openId`), or null when it shows none. The backend
 * refuses a write (a channel that `mutates`) meant for a workspace that is no longer the open one
 * (`workspace-changed`): one backend has one workspace open, and every window or tab of the browser
 * host shares it, so another tab may have opened another workspace since this one last looked.
 * Absent (the CLI, the desktop menu, tests): the caller works in whatever it opened itself.
 */
export interface CallerWindow {
  readonly workspace: string | null;
}

/** How the browser host's requests carry it; `none` stands for null (a window showing no workspace). */
export const SHOWN_WORKSPACE_HEADER = 'x-interlock-workspace';
const NONE = 'none';

export function shownWorkspaceHeader(workspace: string | null): string {
  return workspace ?? NONE;
}

/** The header's value as the caller's window; undefined when the request did not say (not a window). */
export function callerFromHeader(value: string | readonly string[] | undefined): CallerWindow | undefined {
  const given = Array.isArray(value) ? value[0] : value;
  if (typeof given !== 'string' || given === '') return undefined;
  return { workspace: given === NONE ? null : given };
}
