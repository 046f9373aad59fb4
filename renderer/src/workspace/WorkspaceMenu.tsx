import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FolderOpenIcon from '@mui/icons-material/FolderOpenOutlined';
import { useState } from 'react';
import type { FileInspection, WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { PathDialog } from './PathDialog';
import { ReplaceDialog } from './ReplaceDialog';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { ACTION_TEXT, suggestPath, withWorkspaceExtension, type WorkspaceAction } from './workspace-actions';

/** New, Open…, Open Recent, Save As…, Restore a backup…, Close — the File menu of the browser host. */
export function WorkspaceMenu({ current }: { current: WorkspaceSummary | null }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<WorkspaceAction | null>(null);
  const recent = useChannelQuery('workspace.recent', {}, { enabled: anchor !== null });
  const create = useChannelMutation('workspace.create');
  const open = useChannelMutation('workspace.open');
  const saveAs = useChannelMutation('workspace.saveAs');
  const close = useChannelMutation('workspace.close');
  const openDemo = useChannelMutation('workspace.openDemo');
  const inspect = useChannelMutation('workspace.inspect');
  const [replacing, setReplacing] = useState<FileInspection | null>(null);
  /** true: the open workspace's backups; a path: that file's (one that could not be opened). */
  const [restoring, setRestoring] = useState<true | string | false>(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const running = action === 'new' ? create : action === 'open' ? open : saveAs;

  const choose = (next: WorkspaceAction) => {
    setAnchor(null);
    create.reset();
    open.reset();
    saveAs.reset();
    setRefusal(null);
    setAction(next);
  };
  const done = { onSuccess: () => setAction(null) };
  const confirm = async (path: string) => {
    const file = withWorkspaceExtension(path);
    setRefusal(null);
    if (action === 'new') create.mutate({ path: file }, done);
    else if (action === 'open') open.mutate({ path: file }, done);
    else {
      // Ask before replacing a workspace; say at once why any other file there cannot be replaced.
      const target = await inspect.mutateAsync({ path: file }).catch(() => null);
      if (target?.state === 'workspace' && !target.locked) setReplacing(target);
      else if (target && target.state !== 'missing') setRefusal(`Not replaced: ${target.message ?? `${target.path} is not an Interlock workspace.`} Choose another name.`);
      else saveAs.mutate({ path: file }, done);
    }
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
            setRestoring(true);
          }}
        >
          Restore a backup…
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
          busy={running.isPending || inspect.isPending}
          error={refusal ?? running.error?.message ?? null}
          onConfirm={(path) => void confirm(path)}
          onClose={() => setAction(null)}
          errorAction={
            action === 'open' && open.error?.code === 'workspace-corrupt'
              ? {
                  label: 'Restore a backup…',
                  run: (path) => {
                    setAction(null);
                    setRestoring(withWorkspaceExtension(path));
                  },
                }
              : null
          }
        />
      )}
      {replacing && (
        <ReplaceDialog
          target={replacing}
          replacementName={current?.name ?? 'this workspace'}
          busy={saveAs.isPending}
          onCancel={() => setReplacing(null)}
          onReplace={() => {
            saveAs.mutate({ path: replacing.path, replace: true }, done);
            setReplacing(null);
          }}
        />
      )}
      {restoring && <RestoreBackupDialog path={restoring === true ? undefined : restoring} onClose={() => setRestoring(false)} />}
    </>
  );
}
