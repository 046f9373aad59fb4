import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { shownWorkspace } from '../api/contract-client';
import type { WorkspaceSwitch } from '../api/shown-workspace';

/** Says it once, for the latest switch, until dismissed. */
export function switchNoticeText(change: WorkspaceSwitch): { title: string; text: string } {
  const { from, to } = change;
  const before = from ? `“${from.name}”` : 'no workspace';
  const unchanged = change.refusedWrite
    ? 'The change this window just asked for was not made, in either workspace: make it again if it is meant for the workspace shown now.'
    : 'Nothing was written into a workspace this window did not show.';
  if (!to) {
    return {
      title: 'No workspace is open now',
      text: `${from ? `“${from.name}”` : 'The workspace'} was closed in another window or tab. ${unchanged}`,
    };
  }
  return {
    title: `This window now shows “${to.name}”`,
    text: `“${to.name}” (${to.path}) was opened in another window or tab; one workspace is open at a time, so this window no longer shows ${before}. ${unchanged}`,
  };
}

/**
 * One backend, one open workspace, shared by every tab of the browser host: when another tab opens
 * or closes one, this window follows. It asks which workspace is open whenever it comes back into
 * view (focus, a tab shown again), and after a write the backend refused for it; when that is not
 * the one it showed, it refetches everything and says so here.
 */
export function WorkspaceSwitchNotice() {
  const client = useQueryClient();
  const [change, setChange] = useState<WorkspaceSwitch | null>(null);

  useEffect(
    () =>
      shownWorkspace.onSwitch((next) => {
        setChange(next);
        void client.invalidateQueries();
      }),
    [client],
  );

  useEffect(() => {
    const check = () => {
      if (document.visibilityState === 'visible') void client.invalidateQueries({ queryKey: ['workspace.current'] });
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [client]);

  if (!change) return null;
  const { title, text } = switchNoticeText(change);
  return (
    <Alert severity="warning" role="status" onClose={() => setChange(null)} sx={{ my: 2 }} data-testid="workspace-switch-notice">
      <AlertTitle>{title}</AlertTitle>
      {text}
    </Alert>
  );
}
