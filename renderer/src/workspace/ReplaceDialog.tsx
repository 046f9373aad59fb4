import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { FileInspection } from '../../../shared/contract/workspace-channels';

/**
 * "Replace …?": names the workspace that would be lost and what takes its place (`replacement`: "a
 * copy of “Interlock demo”").
 */
export function ReplaceDialog(props: { target: FileInspection; replacement: string; busy: boolean; onReplace(): void; onCancel(): void }) {
  const { target } = props;
  return (
    <Dialog open onClose={props.onCancel} aria-labelledby="replace-title" aria-describedby="replace-text">
      <DialogTitle id="replace-title">Replace “{target.name}”?</DialogTitle>
      <DialogContent>
        <DialogContentText id="replace-text">
          {target.path} already holds the workspace “{target.name}”. Replacing it puts {props.replacement} there instead, and “{target.name}” is
          gone from that file; it is kept as an automatic backup (Restore a backup…). Choose another name to keep both.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={props.onCancel}>
          Keep it
        </Button>
        <Button color="error" variant="contained" disabled={props.busy} onClick={props.onReplace}>
          Replace
        </Button>
      </DialogActions>
    </Dialog>
  );
}
