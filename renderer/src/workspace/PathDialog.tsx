import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';

/**
 * Asks for a workspace file path. The browser host cannot show the machine's file dialogs, so the
 * path is typed; the desktop app uses native dialogs from its menu instead.
 */
export function PathDialog(props: {
  open: boolean;
  title: string;
  explanation: string;
  confirmLabel: string;
  initialPath: string;
  busy: boolean;
  error: string | null;
  onConfirm(path: string): void;
  onClose(): void;
  /** A further way out shown with the error (e.g. "Restore a backup…" for a damaged file). */
  errorAction?: { label: string; run(path: string): void } | null;
}) {
  const [path, setPath] = useState(props.initialPath);
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim()) props.onConfirm(path.trim());
        }}
      >
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{props.explanation}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label="Workspace file"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            error={props.error !== null}
            helperText={props.error ?? 'A full path ending in .interlock'}
            slotProps={{ htmlInput: { spellCheck: false } }}
          />
        </DialogContent>
        <DialogActions>
          {props.error && props.errorAction && <Button onClick={() => props.errorAction!.run(path.trim())}>{props.errorAction.label}</Button>}
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={props.busy || !path.trim()}>
            {props.confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
