import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useState } from 'react';
import type { IncidentAttribution } from '../../../shared/contract/metrics-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { formatUtcDateTime } from '../charts/format-metrics';
import { ErrorNotice } from '../layout/ErrorNotice';

const NONE = '\u0000none';
const AUTOMATIC = '\u0000automatic';

/** Lets a person say which deployment caused an incident (or none); kept across re-imports. */
export function AttributionDialog({ incident, onClose }: { incident: IncidentAttribution; onClose(): void }) {
  const candidates = useChannelQuery('metrics.incidentCandidates', { incidentKey: incident.key });
  const attribute = useChannelMutation('metrics.attributeIncident');
  const initial = incident.source === 'user' ? (incident.deploymentKey ?? NONE) : AUTOMATIC;
  const [choice, setChoice] = useState(initial);
  const save = () => {
    const cause = choice === NONE ? { kind: 'none' as const } : choice === AUTOMATIC ? { kind: 'automatic' as const } : { kind: 'deployment' as const, deploymentKey: choice };
    attribute.mutate({ incidentKey: incident.key, cause }, { onSuccess: onClose });
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="attribution-title">
      <DialogTitle id="attribution-title">Which deployment caused {incident.key}?</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>
          Opened {formatUtcDateTime(incident.openedAt)}{incident.teamName ? ` for ${incident.teamName}` : ''}. Your choice is kept when the data is imported again.
        </DialogContentText>
        {candidates.isPending && <LinearProgress aria-label="Loading deployments" />}
        <ErrorNotice title="The deployments could not be listed" error={candidates.error ?? attribute.error} />
        <RadioGroup value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Cause">
          <FormControlLabel value={AUTOMATIC} control={<Radio />} label="Automatic: what the data says, else the team's last successful deployment before the incident" />
          <FormControlLabel value={NONE} control={<Radio />} label="No deployment caused it (not a change failure)" />
          {candidates.data?.candidates.map((d) => (
            <FormControlLabel
              key={d.key}
              value={d.key}
              control={<Radio />}
              label={`${d.key} · ${d.teamKey ?? d.service ?? 'no team'} · ${formatUtcDateTime(d.at)}${d.release ? ` · ${d.release}` : ''}${d.succeeded ? '' : ' · failed'}`}
            />
          ))}
        </RadioGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={save} disabled={attribute.isPending}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
