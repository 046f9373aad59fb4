import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FolderOpenIcon from '@mui/icons-material/FolderOpenOutlined';
import { useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { PathDialog } from './PathDialog';
import { ACTION_TEXT, suggestPath, withWorkspaceExtension, type WorkspaceAction } from './workspace-actions';

/** New, Open…, Open Recent, Save As…, Close — the File menu of the browser host. */
export function WorkspaceMenu({ current }: { current: WorkspaceSummary | null }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<WorkspaceAction | null>(null);
  const recent = useChannelQuery('workspace.recent', {}, { enabled: anchor !== null });
  const create = useChannelMutation('workspace.create');
  const open = useChannelMutation('workspace.open');
  const saveAs = useChannelMutation('workspace.saveAs');
  const close = useChannelMutation('workspace.close');
  const openDemo = useChannelMutation('workspace.openDemo');
  const running = action === 'new' ? create : action === 'open' ? open : saveAs;

  const choose = (next: WorkspaceAction) => {
    setAnchor(null);
    create.reset();
    open.reset();
    saveAs.reset();
    setAction(next);
  };
  const confirm = (path: string) => {
    const file = withWorkspaceExtension(path);
    const done = { onSuccess: () => setAction(null) };
    if (action === 'new') create.mutate({ path: file }, done);
    else if (action === 'open') open.mutate({ path: file }, done);
    else saveAs.mutate({ path: file }, done);
  };

  return (
    <>
      <Button color="inherit" startIcon={<FolderOpenIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        Workspace
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => choose('new')}>New…</MenuItem>
        <MenuItem onClick={() => choose('open')}>Open…</MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            openDemo.mutate({});
          }}
        >
          Open the demo
        </MenuItem>
        <MenuItem disabled={!current} onClick={() => choose('saveAs')}>
          Save As…
        </MenuItem>
        <MenuItem
          disabled={!current}
          onClick={() => {
            setAnchor(null);
            close.mutate({});
          }}
        >
          Close
        </MenuItem>
        <Divider />
        <ListSubheader>Open Recent</ListSubheader>
        {(recent.data ?? []).length === 0 && <MenuItem disabled>None yet</MenuItem>}
        {(recent.data ?? []).map((r) => (
          <MenuItem
            key={r.path}
            disabled={!r.exists || r.path === current?.path}
            title={r.path}
            onClick={() => {
              setAnchor(null);
              open.mutate({ path: r.path });
            }}
          >
            {r.name}
            {!r.exists && ' (missing)'}
          </MenuItem>
        ))}
      </Menu>
      {action && (
        <PathDialog
          open
          key={action}
          title={ACTION_TEXT[action].title}
          explanation={ACTION_TEXT[action].explanation}
          confirmLabel={ACTION_TEXT[action].confirm}
          initialPath={suggestPath(current?.path, action)}
          busy={running.isPending}
          error={running.error?.message ?? null}
          onConfirm={confirm}
          onClose={() => setAction(null)}
        />
      )}
    </>
  );
}
