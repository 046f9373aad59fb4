import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { ErrorNotice } from '../layout/ErrorNotice';
import { goToPage } from '../workspace/start-from-files';

export type ImportTarget = 'new' | 'copy' | 'demo';

const CHOICES: { target: ImportTarget; primary: string; secondary: string }[] = [
  { target: 'new', primary: 'A new workspace for these files', secondary: 'Named after them, in your Interlock workspaces folder. The demo stays as it is.' },
  { target: 'copy', primary: 'A copy of the demo', secondary: 'The demo’s data and yours together, in a new file. The demo stays as it is.' },
  { target: 'demo', primary: 'The demo itself', secondary: 'Your data mixed into the demo workspace.' },
];

/** Importing into the demo asks first: where should these files go? */
export function ImportTargetDialog(props: { files: File[]; busy: boolean; error: { message: string } | null; onChoose(target: ImportTarget): void; onCancel(): void }) {
  const names = props.files.map((f) => f.name);
  return (
    <Dialog open onClose={props.onCancel} fullWidth maxWidth="sm" aria-labelledby="import-target-title">
      <DialogTitle id="import-target-title">Import into the demo?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The open workspace is the demo. Where should {names.length === 1 ? `“${names[0]}”` : `these ${names.length} files`} go?
        </DialogContentText>
        <List aria-label="Where to import">
          {CHOICES.map((c) => (
            <ListItemButton key={c.target} disabled={props.busy} onClick={() => props.onChoose(c.target)} autoFocus={c.target === 'new'}>
              <ListItemText primary={c.primary} secondary={c.secondary} />
            </ListItemButton>
          ))}
        </List>
        <ErrorNotice title="No workspace could be made for these files" error={props.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * Where to look once data is in: the advice, flow and the plan. The Plan page shows the increments
 * the data brought (or lets one be set up).
 */
export function AfterImportLinks() {
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }} aria-label="See the results">
      <Button variant="contained" size="small" onClick={() => goToPage('coordination')}>
        See the coordination advice
      </Button>
      <Button variant="outlined" size="small" color="inherit" onClick={() => goToPage('flow')}>
        Flow metrics
      </Button>
      <Button variant="outlined" size="small" color="inherit" onClick={() => goToPage('plan')}>
        Plan
      </Button>
    </Stack>
  );
}
