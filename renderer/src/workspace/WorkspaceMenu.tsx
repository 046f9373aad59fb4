import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import Menu from '@mui/material/Menu';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import FolderOpenIcon from '@mui/icons-material/FolderOpenOutlined';
import { useState } from 'react';
import type { WorkspaceSummary } from '../../../shared/contract/workspace-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { FileChooserDialog } from './FileChooserDialog';
import { nameFromPath } from './file-paths';
import { useReplaceCheck } from './replace-check';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { ACTION_TEXT, suggestPath, type WorkspaceAction } from './workspace-actions';
import { useWorkspaceDialogs } from './WorkspaceDialogs';

/**
 * New, Open…, Open Recent, Save As…, Rename…, anonymised and sealed copies, Restore a backup…,
 * Close — the File menu of the browser host.
 */
export function WorkspaceMenu({ current }: { current: WorkspaceSummary | null }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [action, setAction] = useState<WorkspaceAction | null>(null);
  const openDialog = useWorkspaceDialogs();
  /** The new workspace's name (New, Save As): follows the file's name until the user types one. */
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const recent = useChannelQuery('workspace.recent', {}, { enabled: anchor !== null });
  const create = useChannelMutation('workspace.create');
  const open = useChannelMutation('workspace.open');
  const saveAs = useChannelMutation('workspace.saveAs');
  const close = useChannelMutation('workspace.close');
  const openDemo = useChannelMutation('workspace.openDemo');
  const replaceCheck = useReplaceCheck(`a copy of “${current?.name ?? 'this workspace'}”`, saveAs.isPending);
  /** true: the open workspace's backups; a path: that file's (one that could not be opened). */
  const [restoring, setRestoring] = useState<true | string | false>(false);
  const running = action === 'new' ? create : action === 'open' ? open : saveAs;

  const choose = (next: WorkspaceAction) => {
    setAnchor(null);
    create.reset();
    open.reset();
    saveAs.reset();
    replaceCheck.reset();
    setName(next === 'open' ? '' : nameFromPath(suggestPath(current?.path, next)));
    setNameEdited(false);
    setAction(next);
  };
  const dialog = (next: Parameters<typeof openDialog>[0]) => {
    setAnchor(null);
    openDialog(next);
  };
  const done = { onSuccess: () => setAction(null) };
  const named = () => (name.trim() ? { name: name.trim() } : {});
  const confirm = async (file: string) => {
    // The chooser adds ".interlock" to a file being created; a file to open is opened as typed.
    replaceCheck.reset();
    if (action === 'new') create.mutate({ path: file, ...named() }, done);
    else if (action === 'open') open.mutate({ path: file }, done);
    else await replaceCheck.check(file, (replace) => saveAs.mutate({ path: file, replace, ...named() }, done));
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
        <MenuItem disabled={!current} onClick={() => dialog('rename')}>
          Rename…
        </MenuItem>
        <MenuItem disabled={!current} onClick={() => dialog('anonymise')}>
          Save an anonymised copy…
        </MenuItem>
        <MenuItem disabled={!current} onClick={() => dialog('seal')}>
          Save a sealed copy…
        </MenuItem>
        <MenuItem onClick={() => dialog('unseal')}>Open a sealed copy…</MenuItem>
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
            <ListItemText primary={r.name} secondary={r.exists ? r.folder : `${r.folder} (missing)`} />
          </MenuItem>
        ))}
      </Menu>
      {action && (
        <FileChooserDialog
          key={action}
          title={ACTION_TEXT[action].title}
          explanation={ACTION_TEXT[action].explanation}
          confirmLabel={ACTION_TEXT[action].confirm}
          choice={{ mode: action === 'open' ? 'open' : 'save', extension: '.interlock' }}
          initialPath={suggestPath(current?.path, action)}
          busy={running.isPending || replaceCheck.checking}
          error={(action === 'saveAs' ? replaceCheck.refusal : null) ?? running.error?.message ?? null}
          onConfirm={(path) => void confirm(path)}
          onPathChange={(path) => !nameEdited && setName(nameFromPath(path))}
          onClose={() => setAction(null)}
          confirmDisabled={action !== 'open' && !name.trim()}
          errorAction={
            action === 'open' && open.error?.code === 'workspace-corrupt'
              ? {
                  label: 'Restore a backup…',
                  run: (path) => {
                    setAction(null);
                    setRestoring(path);
                  },
                }
              : null
          }
        >
          {action !== 'open' && (
            <TextField
              fullWidth
              sx={{ mt: 2 }}
              label="Workspace name"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setNameEdited(true);
              }}
              helperText="Shown in the title bar and in Open Recent; kept inside the file."
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
          )}
        </FileChooserDialog>
      )}
      {replaceCheck.dialog}
      {/* Open Recent and Open the demo have no dialog of their own to say why they failed in. */}
      {!action && (open.error || openDemo.error) && (
        <OpenFailedDialog
          title={open.error ? 'That workspace could not be opened' : 'The demo could not be opened'}
          error={open.error ?? openDemo.error}
          onRestore={
            open.error?.code === 'workspace-corrupt' && open.variables?.path
              ? () => {
                  setRestoring(open.variables!.path);
                  open.reset();
                }
              : null
          }
          onClose={() => {
            open.reset();
            openDemo.reset();
          }}
        />
      )}
      {restoring && <RestoreBackupDialog path={restoring === true ? undefined : restoring} onClose={() => setRestoring(false)} />}
    </>
  );
}

/** Why an open from the menu failed, said as the welcome page says it; the open workspace stays open. */
function OpenFailedDialog({ title, error, onRestore, onClose }: { title: string; error: { message: string } | null; onRestore: (() => void) | null; onClose(): void }) {
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="open-failed-title">
      <DialogTitle id="open-failed-title">{title}</DialogTitle>
      <DialogContent>
        <Alert severity="error" role="alert">
          {error?.message}
        </Alert>
      </DialogContent>
      <DialogActions>
        {onRestore && <Button onClick={onRestore}>Restore a backup of it…</Button>}
        <Button variant="contained" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
