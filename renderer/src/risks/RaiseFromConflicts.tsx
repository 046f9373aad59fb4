import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { dependencyProviderText, dependencyText } from '../../../shared/planning/dependency-state';
import { dependencyKeyText, displayKey } from '../../../shared/planning/local-keys';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { riskAddress } from './risk-address';

/**
 * "Raise as risk" for one open dependency: one action makes the risk (title, owner, scope and links
 * from the dependency), or names the one already raised from it. Usable wherever a dependency is
 * listed (the Plan page's conflicts list too).
 */
export function RaiseRiskButton({ dependencyKey, raisedAs, who }: { dependencyKey: string; raisedAs: string | null; who: string | null }) {
  const raise = useChannelMutation('risks.fromDependency');
  const key = raise.data?.risk.key ?? raisedAs;
  if (key) {
    return (
      <Button size="small" href={riskAddress(key)} aria-label={`${dependencyKeyText(dependencyKey)} is raised as ${key}: open it`}>
        Raised as {key}
      </Button>
    );
  }
  return (
    <>
      <Button size="small" variant="outlined" disabled={raise.isPending} onClick={() => raise.mutate({ dependencyKey, who })} aria-label={`Raise ${dependencyKeyText(dependencyKey)} as a risk`}>
        Raise as risk
      </Button>
      {raise.error && <Typography role="alert" variant="body2" color="error">{raise.error.message}</Typography>}
    </>
  );
}

/** The current increment's dependency conflicts, each one click away from being a risk on the board. */
export function RaiseFromConflictsDialog(props: { raised: ReadonlyMap<string, string>; who: string | null; teamName(key: string | null): string; onClose(): void }) {
  const conflicts = useChannelQuery('plan.conflicts', {});
  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="md" aria-labelledby="raise-title">
      <DialogTitle id="raise-title">Raise dependency conflicts as risks{conflicts.data ? ` (${conflicts.data.increment})` : ''}</DialogTitle>
      <DialogContent>
        {conflicts.isPending && <LinearProgress aria-label="Loading the conflicts" />}
        {conflicts.error && <Alert severity="info">{conflicts.error.message}</Alert>}
        {conflicts.data && conflicts.data.conflicts.length === 0 && <Typography>No conflicts and no unplanned dependencies in {conflicts.data.increment}.</Typography>}
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="raise-conflicts">
          {conflicts.data?.conflicts.map((c) => (
            <Box component="li" key={c.key} sx={{ display: 'flex', gap: 2, alignItems: 'center', justifyContent: 'space-between', py: 1, borderBottom: 1, borderColor: 'divider' }}>
              <Box>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {props.teamName(c.consumer.teamKey)} waits on {props.teamName(c.provider.teamKey)}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {dependencyKeyText(c.key)}: {displayKey(c.consumer.itemKey)} ({c.consumer.iterationName}) waits on {dependencyProviderText(c.provider, props.teamName)} · {dependencyText(c).label} · needed {c.needAt}
                </Typography>
              </Box>
              <Box sx={{ flexShrink: 0 }}>
                <RaiseRiskButton dependencyKey={c.key} raisedAs={props.raised.get(c.key) ?? null} who={props.who} />
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
