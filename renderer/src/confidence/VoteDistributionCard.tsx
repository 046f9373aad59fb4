import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { voteDistribution, type ScopeRounds } from '../../../shared/confidence/vote-distribution';
import { FIST_MEANINGS, FIST_VALUES } from '../../../shared/confidence/fist-scale';
import type { VoteRound } from '../../../shared/confidence/vote-schema';
import { formatDateTime } from '../format';

function countsText(round: VoteRound): string {
  return round.counts.map((n, i) => `${n} × ${i + 1}`).join(', ');
}

/**
 * One scope's latest round as a distribution: how many showed 1 … 5, as a table with bars (the
 * numbers are written, the bars only repeat them), the median and the votes to hear first. Earlier
 * rounds are kept below it.
 */
export function VoteDistributionCard({ rounds, onDelete, large = false }: { rounds: ScopeRounds; onDelete(round: VoteRound): void; large?: boolean }) {
  const { latest, earlier, label } = rounds;
  const d = voteDistribution(latest.counts);
  const max = Math.max(...d.counts, 1);
  const headingId = `vote-${rounds.scope.kind}-${rounds.scope.key}`.replace(/[^a-zA-Z0-9_-]/g, '-');
  return (
    <Box component="section" aria-labelledby={headingId} data-testid="vote-card" data-scope={`${rounds.scope.kind}:${rounds.scope.key}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper', flex: 1 }}>
      <Typography id={headingId} variant={large ? 'h2' : 'h3'} component="h3">
        {label}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Round of {formatDateTime(latest.at)}
        {latest.note ? ` · ${latest.note}` : ''}
      </Typography>
      {/* Fixed columns: a card a third of the page wide gave the bars what the labels left, 4–12 px. */}
      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} aria-label={`Votes of ${label}: how many showed each number of fingers`}>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={{ textAlign: 'left', fontWeight: 600, pb: 0.5, width: '45%' }}>
              Fingers
            </Box>
            <Box component="th" scope="col" sx={{ width: '38%' }}>
              <Box component="span" sx={visuallyHidden}>
                Share
              </Box>
            </Box>
            <Box component="th" scope="col" sx={{ textAlign: 'right', fontWeight: 600, pb: 0.5, width: '17%' }}>
              Votes
            </Box>
          </tr>
        </thead>
        <tbody>
          {[...FIST_VALUES].reverse().map((value) => {
            const n = d.counts[value - 1]!;
            return (
              <tr key={value} data-value={value}>
                <Box component="th" scope="row" sx={{ textAlign: 'left', fontWeight: 400, py: 0.25, pr: 1, overflowWrap: 'anywhere' }}>
                  <strong>{value}</strong> {FIST_MEANINGS[value]}
                </Box>
                <td aria-hidden>
                  <Box sx={{ height: large ? 22 : 16, width: `${(n / max) * 100}%`, minWidth: n > 0 ? 4 : 0, bgcolor: 'text.secondary', borderRadius: 0.5 }} />
                </td>
                <Box component="td" sx={{ textAlign: 'right', fontWeight: 700, fontVariantNumeric: 'tabular-nums', pl: 1, fontSize: (t) => (large ? t.typography.h3.fontSize : t.typography.body1.fontSize) }}>
                  {n}
                </Box>
              </tr>
            );
          })}
        </tbody>
      </Box>
      <Typography variant="body1" sx={{ mt: 1 }} data-testid="vote-summary">
        {d.total} {d.total === 1 ? 'vote' : 'votes'} · median {d.median.toLocaleString(undefined, { maximumFractionDigits: 1 })}. {d.reading}
      </Typography>
      {earlier.length > 0 && (
        <Box component="details" sx={{ mt: 1 }}>
          <Box component="summary" sx={{ cursor: 'pointer' }}>
            <Typography component="span" variant="body2">
              Earlier rounds ({earlier.length})
            </Typography>
          </Box>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {earlier.map((r) => (
              <li key={r.id}>
                <Typography variant="body2" component="span">
                  {formatDateTime(r.at)}: {countsText(r)}
                  {r.note ? ` (${r.note})` : ''}
                </Typography>{' '}
                <Button data-tool size="small" onClick={() => onDelete(r)} aria-label={`Delete the round of ${formatDateTime(r.at)} (${label})`}>
                  Delete
                </Button>
              </li>
            ))}
          </Box>
        </Box>
      )}
      <Button data-tool size="small" sx={{ mt: 0.5 }} onClick={() => onDelete(latest)} aria-label={`Delete this round (${label})`}>
        Delete this round
      </Button>
    </Box>
  );
}
