import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import FolderIcon from '@mui/icons-material/FolderOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import UpIcon from '@mui/icons-material/ArrowUpwardOutlined';
import WorkspaceIcon from '@mui/icons-material/DescriptionOutlined';
import { useId, useState, type ReactNode } from 'react';
import type { FolderEntry } from '../../../shared/contract/files-channels';
import { useChannelQuery } from '../api/channel-hooks';
import { formatBytes } from '../format';
import { baseName, joinPath, startFolder, withExtension } from './file-paths';
import { useShownWhen } from './replace-check';

export interface FileChoice {
  /** open: an existing file; save: a new (or replaced) file of this extension. */
  mode: 'open' | 'save';
  extension: '.interlock' | '.sealed';
}

/**
 * Chooses a file by browsing folders through the backend (`files.list`: the home folder, the
 * workspaces folder and the folders workspaces were opened from), or by typing its full path.
 * The browser host cannot show the machine's own dialogs; the desktop app uses the same one for
 * the choices its menu hands to the page.
 */
export function FileChooserDialog(props: {
  title: string;
  explanation: string;
  confirmLabel: string;
  choice: FileChoice;
  initialPath: string;
  busy: boolean;
  error: string | null;
  onConfirm(path: string): void;
  onClose(): void;
  /** Called as the chosen path changes (Save As names the copy after its file). */
  onPathChange?(path: string): void;
  /** Further fields (a name, a passphrase) under the path. */
  children?: ReactNode;
  confirmDisabled?: boolean;
  /** A further way out shown with the error (e.g. "Restore a backup…" for a damaged file). */
  errorAction?: { label: string; run(path: string): void } | null;
  /** Shown instead of the chooser once the action is done (with its own buttons). */
  done?: ReactNode;
}) {
  const { choice } = props;
  const [dir, setDir] = useState<string | undefined>(() => startFolder(props.initialPath) || undefined);
  const [path, setPathState] = useState(props.initialPath);
  const listing = useChannelQuery('files.list', dir ? { dir } : {});
  // The default listing always works, so its places stay offered when a typed folder is refused.
  const start = useChannelQuery('files.list', {});
  const places = listing.data?.places ?? start.data?.places ?? [];
  const fieldId = useId();

  const setPath = (next: string) => {
    setPathState(next);
    props.onPathChange?.(next);
  };
  const shown = (e: FolderEntry) => e.kind === 'folder' || e.name.toLowerCase().endsWith(choice.extension);
  const entries = listing.data?.entries.filter(shown) ?? [];
  const hidden = (listing.data?.entries.length ?? 0) - entries.length;
  const finalPath = () => {
    // A bare name means a file in the folder shown; a file being created gets its extension.
    const typed = path.trim();
    const full = /[\\/]/.test(typed) || !listing.data ? typed : joinPath(listing.data.dir, typed);
    return choice.mode === 'save' ? withExtension(full, choice.extension) : full;
  };
  const goTo = (folder: string) => {
    setDir(folder);
    if (choice.mode === 'save') setPath(joinPath(folder, baseName(path) || `workspace${choice.extension}`));
  };

  const pathField = useShownWhen<HTMLDivElement>(props.error);
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md" aria-labelledby={`${fieldId}-title`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() && !props.confirmDisabled) props.onConfirm(finalPath());
        }}
      >
        <DialogTitle id={`${fieldId}-title`}>{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{props.explanation}</DialogContentText>
          {props.done ?? (
            <>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 1 }} aria-label="Places">
                {places.map((p) => (
                  <Chip key={p.path} label={p.label} icon={<FolderIcon />} variant={listing.data?.dir === p.path ? 'filled' : 'outlined'} onClick={() => goTo(p.path)} title={p.path} />
                ))}
              </Stack>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Tooltip title="Up one folder">
                  <span>
                    <IconButton aria-label="Up one folder" disabled={!listing.data?.parent} onClick={() => listing.data?.parent && goTo(listing.data.parent)}>
                      <UpIcon />
                    </IconButton>
                  </span>
                </Tooltip>
                <Typography variant="body2" color="text.secondary" noWrap title={listing.data?.dir} data-testid="chooser-folder">
                  {listing.data?.dir ?? dir ?? ''}
                </Typography>
              </Stack>
              {listing.error && (
                <Alert severity="warning" sx={{ my: 1 }} action={places[0] && <Button color="inherit" onClick={() => goTo(places[0]!.path)}>Go to {places[0].label}</Button>}>
                  {listing.error.message}
                </Alert>
              )}
              <Box sx={{ height: 'min(260px, 26vh)', overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, my: 1 }}>
                <List dense aria-label={`Folders and ${choice.extension} files in ${listing.data?.dir ?? 'this folder'}`}>
                  {entries.length === 0 && listing.isSuccess && (
                    <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                      No folders or {choice.extension} files here.
                    </Typography>
                  )}
                  {entries.map((e) => (
                    <ListItemButton
                      key={e.path}
                      selected={e.path === path}
                      onClick={() => (e.kind === 'folder' ? goTo(e.path) : setPath(e.path))}
                      onDoubleClick={() => e.kind !== 'folder' && !props.confirmDisabled && props.onConfirm(e.path)}
                    >
                      <ListItemIcon sx={{ minWidth: 36 }}>{e.kind === 'folder' ? <FolderIcon /> : e.kind === 'sealed' ? <LockIcon /> : <WorkspaceIcon />}</ListItemIcon>
                      <ListItemText primary={e.name} secondary={e.kind === 'folder' ? null : `${formatBytes(e.bytes ?? 0)}${e.modifiedAt ? ` · ${e.modifiedAt.slice(0, 10)}` : ''}`} />
                    </ListItemButton>
                  ))}
                </List>
                {listing.data?.truncated && <Typography variant="caption" sx={{ p: 1 }}>Only the first entries are shown; type the path for others.</Typography>}
              </Box>
              {hidden > 0 && (
                <Typography variant="caption" color="text.secondary">
                  {hidden === 1 ? '1 other file is' : `${hidden} other files are`} not shown.
                </Typography>
              )}
              <TextField
                ref={pathField}
                fullWidth
                sx={{ mt: 2 }}
                label={choice.mode === 'save' ? 'Save as (full path)' : 'File (full path)'}
                value={path}
                onChange={(e) => setPath(e.target.value)}
                error={props.error !== null}
                helperText={props.error ?? (choice.mode === 'save' ? `Choose a folder above and type a name, or type a full path; ${choice.extension} is added when missing.` : 'Choose a file above, or type its full path.')}
                slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'chooser-path' } }}
              />
              {props.children}
            </>
          )}
        </DialogContent>
        <DialogActions>
          {!props.done && props.error && props.errorAction && <Button onClick={() => props.errorAction!.run(finalPath())}>{props.errorAction.label}</Button>}
          <Button onClick={props.onClose}>{props.done ? 'Close' : 'Cancel'}</Button>
          {!props.done && (
            <Button type="submit" variant="contained" disabled={props.busy || !path.trim() || props.confirmDisabled}>
              {props.confirmLabel}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
