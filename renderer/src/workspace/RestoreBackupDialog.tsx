import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/contract/workspace-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { formatBytes } from '../format';
import { backupsKeptSentence } from '../../../shared/domain/backups-kept';

const REASON_TEXT: Record<BackupEntry['reason'], string> = {
  'before-migration': 'before an upgrade',
  'before-import': 'before an import',
  'before-restore': 'before a restore',
  'before-replace': 'before it was replaced',
};

/** To the second: backups taken within a minute (several small imports) read alike otherwise. */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

function holding(b: BackupEntry): string {
  return b.holds ? ` · ${b.holds.teams.toLocaleString('en-US')} teams, ${b.holds.items.toLocaleString('en-US')} items` : '';
}

/**
 * The automatic backups of a workspace (the open one, or `path` — e.g. a damaged file that could
 * not be opened), and putting one back. What the workspace holds now is backed up first, and a
 * damaged file is moved aside, never deleted.
 */
export function RestoreBackupDialog({ path, onClose }: { path?: string; onClose(): void }) {
  const list = useChannelQuery('workspace.backups.list', path ? { path } : {});
  const restore = useChannelMutation('workspace.backups.restore');
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const backups = list.data?.backups ?? [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="restore-title">
      <DialogTitle id="restore-title">Restore a backup</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          The backups of {list.data ? <strong>{list.data.workspace}</strong> : 'this workspace'}. {list.data && backupsKeptSentence(list.data)} Restoring one
          puts it in the workspace’s place; what the workspace holds now is kept as a backup first.
        </DialogContentText>
        {list.error && <Alert severity="error">{list.error.message}</Alert>}
        {list.isSuccess && backups.length === 0 && <Alert severity="info">There are no backups of this workspace yet.</Alert>}
        <List aria-label="Backups, newest first">
          {backups.map((b) => (
            <ListItemButton key={b.path} selected={chosen?.path === b.path} onClick={() => setChosen(b)}>
              <ListItemText
                primary={`${b.number}. ${when(b.takenAt)} — ${REASON_TEXT[b.reason]}`}
                secondary={`${b.name ?? 'unnamed'}${holding(b)} · ${formatBytes(b.bytes)}${list.data && b.takenOf !== list.data.workspace ? ` · taken when it was ${b.takenOf}` : ''}`}
              />
            </ListItemButton>
          ))}
        </List>
        {restore.error && <Alert severity="error">{restore.error.message}</Alert>}
        {restore.data && (
          <Alert severity="success">
            Restored backup {restore.data.restored.number}, taken {when(restore.data.restored.takenAt)} {REASON_TEXT[restore.data.restored.reason]} (“
            {restore.data.restored.name ?? 'unnamed'}”{holding(restore.data.restored)}).
            {restore.data.damagedKeptAt && ` The damaged file was moved aside, not deleted: ${restore.data.damagedKeptAt}`}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{restore.data ? 'Close' : 'Cancel'}</Button>
        {!restore.data && (
          <Button variant="contained" disabled={!chosen || restore.isPending} onClick={() => chosen && restore.mutate({ ...(path ? { path } : {}), number: chosen.number })}>
            {chosen ? `Restore backup ${chosen.number}` : 'Restore'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
