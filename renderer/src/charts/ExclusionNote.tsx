import Typography from '@mui/material/Typography';
import { exclusionText, type ExclusionReason } from '../../../shared/metrics/metrics-vocabulary';

/** What a figure left out, by reason, in words: never dropped silently. */
export function ExclusionNote({ excluded, prefix = 'Not counted' }: { excluded: Partial<Record<ExclusionReason, number>>; prefix?: string }) {
  const entries = Object.entries(excluded) as [ExclusionReason, number][];
  if (entries.length === 0) return null;
  const adjusted = entries.filter(([r]) => r === 'history-out-of-order');
  const left = entries.filter(([r]) => r !== 'history-out-of-order');
  return (
    <Typography variant="body2" color="text.secondary" data-testid="exclusions" sx={{ mt: 0.5 }}>
      {left.length > 0 && `${prefix}: ${left.map(([reason, n]) => exclusionText(reason, n)).join(' · ')}`}
      {left.length > 0 && adjusted.length > 0 && ' · '}
      {adjusted.map(([reason, n]) => exclusionText(reason, n))}
    </Typography>
  );
}
