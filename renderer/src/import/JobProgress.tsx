import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImportJobStatus } from '../../../shared/contract/import-channels';
import { formatBytes, formatCount } from '../format';

/** Rows and percent of a running job, with a way out. */
export function JobProgress({ status, label, onCancel }: { status: ImportJobStatus | null; label: string; onCancel(): void }) {
  // Once every byte is read, the records are being stored in one transaction that reports no progress.
  const finishing = status?.phase === 'finishing' || (status !== null && status.totalBytes > 0 && status.bytesRead >= status.totalBytes);
  const text = !status
    ? 'Starting…'
    : finishing
      ? `Finishing: ${formatCount(status.rows)} rows read, storing…`
      : `${status.file ?? ''}: ${formatCount(status.rows)} rows, ${formatBytes(status.bytesRead)} of ${formatBytes(status.totalBytes)} (${Math.floor(status.percent)}%)`;
  return (
    <Stack spacing={1} role="status" aria-live="polite" aria-label={label}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>
          {label} — {text}
        </Typography>
        <Button color="inherit" onClick={onCancel}>
          Cancel
        </Button>
      </Stack>
      <Box>
        <LinearProgress variant={status && !finishing ? 'determinate' : 'indeterminate'} value={status?.percent ?? 0} aria-label={`${label} progress`} />
      </Box>
    </Stack>
  );
}
