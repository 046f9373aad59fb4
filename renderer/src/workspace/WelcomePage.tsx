import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { desktopBridge } from '../api/desktop-bridge';
import { useState } from 'react';
import { ErrorNotice } from '../layout/ErrorNotice';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { StartFromFilesButton } from './start-from-files';

/** Shown when no workspace is open. */
export function WelcomePage() {
  const recent = useChannelQuery('workspace.recent', {});
  const openDemo = useChannelMutation('workspace.openDemo');
  const open = useChannelMutation('workspace.open');
  const [restoring, setRestoring] = useState<string | null>(null);
  return (
    <Stack spacing={3} sx={{ maxWidth: 720 }}>
      <Typography variant="h1">No workspace is open</Typography>
      <Typography color="text.secondary">
        A workspace is one file holding your teams’ data. Start from your own exports (Jira, Azure DevOps, CSV), or look around the demo first.
        {desktopBridge() ? ' The File menu opens and creates workspaces too.' : ' The Workspace menu above opens and creates workspaces too.'}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <StartFromFilesButton />
        <Button variant="outlined" onClick={() => openDemo.mutate({})} disabled={openDemo.isPending}>
          Open the demo workspace
        </Button>
      </Stack>
      <ErrorNotice title="The demo could not be opened" error={openDemo.error} />
      <ErrorNotice title="That workspace could not be opened" error={open.error} />
      {open.error?.code === 'workspace-corrupt' && open.variables?.path && (
        <div>
          <Button variant="outlined" onClick={() => setRestoring(open.variables!.path)}>
            Restore a backup of it…
          </Button>
        </div>
      )}
      {restoring && <RestoreBackupDialog path={restoring} onClose={() => setRestoring(null)} />}
      {(recent.data ?? []).length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="h2" gutterBottom>
              Recent workspaces
            </Typography>
            <List dense>
              {recent.data!.map((r) => (
                <ListItemButton key={r.path} disabled={!r.exists} onClick={() => open.mutate({ path: r.path })}>
                  <ListItemText primary={r.name} secondary={r.exists ? r.folder : `${r.folder} (missing)`} />
                </ListItemButton>
              ))}
            </List>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
}
