import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { forecastFor, oddsFromPlanForecast } from '../../../shared/confidence/felt-vs-forecast';
import { roundsByScope, stillToVote, stillToVoteText, voteDistribution } from '../../../shared/confidence/vote-distribution';
import type { VoteRound } from '../../../shared/confidence/vote-schema';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { FeltVsForecast } from '../confidence/FeltVsForecast';
import { VoteDistributionCard } from '../confidence/VoteDistributionCard';
import { VoteForm } from '../confidence/VoteForm';
import { formatDateTime } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { useViewPins, useViewTitle } from '../layout/view-title';
import { ExportReportButton } from '../report/ExportReportButton';
import { usePresentation } from '../room/presentation';

export function ConfidencePage() {
  const [params, setParams] = useViewParams();
  const scopes = useChannelQuery('votes.list', {});
  const increments = scopes.data?.increments ?? [];
  const increment = params.increment || scopes.data?.currentIncrement || increments[0] || 'This increment';
  const unknown = increments.length > 0 && !increments.includes(increment);
  useViewTitle(increments.includes(increment) ? increment : null);
  useViewPins({ increment: increments.includes(increment) ? increment : null });
  const votes = useChannelQuery('votes.list', { increment }, { enabled: scopes.isSuccess });
  // Felt vs forecast: the plan's odds (the Plan page's Confidence tab) beside each vote; without a
  // plan for this increment, or while it is simulated, the slot says there is no forecast yet.
  const planned = useChannelQuery('forecast.plan', { increment }, { enabled: increments.includes(increment) });
  const forecasts = useMemo(() => (planned.data ? oddsFromPlanForecast(planned.data) : null), [planned.data]);
  const record = useChannelMutation('votes.record');
  const remove = useChannelMutation('votes.delete');
  const [deleting, setDeleting] = useState<{ round: VoteRound; label: string } | null>(null);
  const teamName = useMemo(() => {
    const names = new Map((scopes.data?.teams ?? []).map((t) => [t.key, t.name]));
    return (key: string) => names.get(key) ?? key;
  }, [scopes.data?.teams]);
  const byScope = useMemo(() => roundsByScope(votes.data?.rounds ?? [], teamName), [votes.data?.rounds, teamName]);
  const missing = useMemo(() => (votes.data ? stillToVoteText(stillToVote(scopes.data?.teams ?? [], votes.data.rounds)) : ''), [votes.data, scopes.data?.teams]);
  // Presented, the room sees the results first: the entry form (an empty form, "0 votes in this
  // round" in room type) pushed the latest round below the fold. It opens on demand above them.
  const { presenting } = usePresentation();
  const [entering, setEntering] = useState(false);

  if (scopes.isPending) return <LinearProgress aria-label="Loading the confidence vote" />;
  const whole = byScope.find((s) => s.scope.kind === 'increment') ?? null;
  const teams = byScope.filter((s) => s.scope.kind === 'team');
  const askDelete = (round: VoteRound) => setDeleting({ round, label: round.scope.kind === 'increment' ? `the whole increment` : teamName(round.scope.key) });

  return (
    <>
      <PageHeader
        title="Confidence vote"
        subtitle="Fist of five: how confident is each team, and the whole room, that this plan holds? Shown as how many gave each vote — never as a ranking of teams."
        actions={<ExportReportButton input={{ increment: increments.includes(increment) ? increment : undefined }} />}
      />
      <ErrorNotice title="The votes could not be loaded" error={scopes.error ?? votes.error} />
      {remove.error && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {remove.error.message}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        {presenting && (
          <Button variant={entering ? 'outlined' : 'contained'} aria-expanded={entering} aria-controls="vote-form" onClick={() => setEntering((e) => !e)} sx={{ order: 1 }}>
            {entering ? 'Close the entry form' : 'Enter a round'}
          </Button>
        )}
        {increments.length > 0 ? (
          <TextField select label="Increment" value={increment} onChange={(e) => setParams({ increment: e.target.value })} sx={{ minWidth: 220 }}>
            {increments.map((name) => (
              <MenuItem key={name} value={name}>
                {name}
              </MenuItem>
            ))}
            {/* Named by the address (a link or deck view from before a rename): shown, not a blank box. */}
            {unknown && (
              <MenuItem value={increment} disabled>
                {increment} (no such increment)
              </MenuItem>
            )}
          </TextField>
        ) : (
          <Alert severity="info">This workspace has no increment yet: votes are kept under “This increment”. Create increments on the Plan page.</Alert>
        )}
      </Box>
      {unknown && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="unknown-increment">
          There is no increment named “{increment}”: it was renamed or deleted since this address was made. Pick one above; votes recorded here are kept under “{increment}”.
        </Alert>
      )}
      {(!presenting || entering) && (
        <VoteForm
          increment={increment}
          teams={scopes.data?.teams ?? []}
          busy={record.isPending}
          error={record.error?.message ?? null}
          onRecord={({ scope, counts, note }, done) =>
            record.mutate(
              { scope, increment, counts, note },
              {
                onSuccess: () => {
                  done();
                  setEntering(false);
                },
              },
            )
          }
        />
      )}
      {votes.isPending && <LinearProgress aria-label="Loading the rounds" />}
      {votes.data && byScope.length === 0 && <Typography color="text.secondary">No vote for {increment} yet. {presenting ? 'Enter a round records the first.' : 'Enter the first round above.'}</Typography>}
      {whole && (
        <Grid container spacing={2} sx={{ mb: 3 }}>
          <Grid size={{ xs: 12, md: 7 }} sx={{ display: 'flex', flexDirection: 'column' }}>
            <VoteDistributionCard rounds={whole} onDelete={askDelete} large />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <FeltVsForecast distribution={voteDistribution(whole.latest.counts)} forecast={forecastFor(forecasts, whole.scope)} />
          </Grid>
        </Grid>
      )}
      {missing && (
        <Typography data-testid="still-to-vote" sx={{ mb: 2 }}>
          {missing}
        </Typography>
      )}
      {teams.length > 0 && (
        <>
          <Typography variant="h2" component="h2" sx={{ mb: 1.5 }}>
            Teams, by name
          </Typography>
          <Grid container spacing={2}>
            {teams.map((s) => (
              // A column: the card grows to the row's height, its felt-vs-forecast stays under it.
              <Grid key={s.scope.key} size={{ xs: 12, sm: 6, lg: 4 }} sx={{ display: 'flex', flexDirection: 'column' }}>
                <VoteDistributionCard rounds={s} onDelete={askDelete} />
                {forecastFor(forecasts, s.scope) && (
                  <Box sx={{ mt: 1 }}>
                    <FeltVsForecast distribution={voteDistribution(s.latest.counts)} forecast={forecastFor(forecasts, s.scope)} />
                  </Box>
                )}
              </Grid>
            ))}
          </Grid>
        </>
      )}
      {deleting && (
        <Dialog open onClose={() => setDeleting(null)} aria-labelledby="delete-round-title">
          <DialogTitle id="delete-round-title">Delete this round?</DialogTitle>
          <DialogContent>
            <DialogContentText>
              The round of {formatDateTime(deleting.round.at)} for {deleting.label} ({deleting.round.counts.reduce((a, b) => a + b, 0)} votes) is deleted. Delete only a round entered by mistake.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(null)} autoFocus>
              Keep it
            </Button>
            <Button color="error" variant="contained" onClick={() => remove.mutate({ id: deleting.round.id }, { onSuccess: () => setDeleting(null) })}>
              Delete
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
