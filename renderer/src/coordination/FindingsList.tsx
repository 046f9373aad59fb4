import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Finding } from '../../../shared/coordination/report-schema';

const KIND_LABELS: Record<Finding['kind'], string> = {
  bottleneck: 'Bottleneck',
  boundary: 'Boundary',
  trend: 'Trend',
  'value-stream': 'Value stream',
};

/** Structural findings: what would remove coordination rather than organise it. */
export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) {
    return <Typography color="text.secondary">No structural findings in this window.</Typography>;
  }
  return (
    <Stack spacing={1.5} data-testid="findings">
      {findings.map((f) => (
        <Alert key={f.id} severity={f.kind === 'value-stream' ? 'info' : 'warning'} variant="outlined" data-testid={`finding-${f.kind}`}>
          <AlertTitle>
            {KIND_LABELS[f.kind]}: {f.title}
          </AlertTitle>
          <Typography variant="body2">{f.detail}</Typography>
          <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
            {f.suggestion}
          </Typography>
        </Alert>
      ))}
    </Stack>
  );
}
