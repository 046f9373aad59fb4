import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { CoordinationSettings } from '../../../shared/coordination/settings';
import { useChannelMutation } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';

type Section = 'weights' | 'thresholds' | 'grouping' | 'bottleneck' | 'boundary' | 'trend';

interface Field {
  section: Section;
  key: string;
  label: string;
  /** Shares are edited in percent. */
  percent?: boolean;
  help?: string;
}

const FIELDS: readonly Field[] = [
  { section: 'weights', key: 'dependencies', label: 'Dependency share', percent: true },
  { section: 'weights', key: 'blocked', label: 'Time blocked', percent: true },
  { section: 'weights', key: 'undeclared', label: 'Dependencies without an interface', percent: true },
  { section: 'weights', key: 'objectives', label: 'Shared objectives', percent: true },
  { section: 'weights', key: 'integration', label: 'Joint integration', percent: true },
  { section: 'thresholds', key: 'sosDependencyShare', label: 'Scrum of Scrums from dependency share', percent: true },
  { section: 'thresholds', key: 'sosBlockedDaysPerItem', label: 'Scrum of Scrums from days waited per item' },
  { section: 'thresholds', key: 'totDependencyShare', label: 'Team-of-Teams from dependency share', percent: true },
  { section: 'thresholds', key: 'totSharedObjectives', label: 'Team-of-Teams from shared objectives', percent: true },
  { section: 'thresholds', key: 'totJointIntegration', label: 'Team-of-Teams from joint integration', percent: true },
  { section: 'thresholds', key: 'totInterfaceClarityBelow', label: 'Team-of-Teams when interface clarity is below', percent: true },
  { section: 'grouping', key: 'minEdgeCoupling', label: 'Least coupling that links two teams' },
  { section: 'grouping', key: 'resolution', label: 'Louvain resolution (higher: smaller groups)' },
  { section: 'bottleneck', key: 'minWaitingTeams', label: 'Bottleneck: teams waiting at least' },
  { section: 'bottleneck', key: 'minBlockedDays', label: 'Bottleneck: days waited at least' },
  { section: 'bottleneck', key: 'maxDependentCohesion', label: 'Shared provider: dependents coupled to each other below', percent: true },
  { section: 'boundary', key: 'minCoupling', label: 'Boundary finding from coupling across groups' },
  { section: 'trend', key: 'periods', label: 'Trend periods' },
  { section: 'trend', key: 'periodDays', label: 'Days per trend period' },
  { section: 'trend', key: 'minRelativeChange', label: 'Trend: relative change at least', percent: true },
  { section: 'trend', key: 'minAbsoluteChange', label: 'Trend: change in coupling at least' },
];

const TITLES: Record<Section, string> = {
  weights: 'Coupling weights (rescaled to sum 100 %)',
  thresholds: 'Model thresholds',
  grouping: 'Grouping',
  bottleneck: 'Bottlenecks and shared providers',
  boundary: 'Boundaries',
  trend: 'Trends',
};

function read(settings: CoordinationSettings, f: Field): number {
  return (settings[f.section] as Record<string, number>)[f.key]!;
}

/** Weights and thresholds, stored with the workspace; docs/COORDINATION.md explains every default. */
export function SettingsDialog({ settings, defaults, onClose }: { settings: CoordinationSettings; defaults: CoordinationSettings; onClose(): void }) {
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELDS.map((f) => [`${f.section}.${f.key}`, String(+(read(settings, f) * (f.percent ? 100 : 1)).toFixed(4))])),
  );
  const [windowDays, setWindowDays] = useState(String(settings.windowDays));
  const put = useChannelMutation('coordination.settings.put');
  const reset = useChannelMutation('coordination.settings.reset');

  const build = (): CoordinationSettings => {
    const next = structuredClone(settings);
    next.windowDays = Number(windowDays);
    for (const f of FIELDS) {
      const value = Number(text[`${f.section}.${f.key}`]) / (f.percent ? 100 : 1);
      (next[f.section] as Record<string, number>)[f.key] = value;
    }
    return next;
  };
  const save = async () => {
    await put.mutateAsync({ settings: build() });
    onClose();
  };
  const restore = async () => {
    await reset.mutateAsync({});
    onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="coordination-settings-title">
      <DialogTitle id="coordination-settings-title">Coordination settings</DialogTitle>
      <DialogContent>
        <TextField
          label="Window (days back from the end of the data)"
          value={windowDays}
          onChange={(e) => setWindowDays(e.target.value)}
          helperText={`Default ${defaults.windowDays}`}
          sx={{ mt: 1 }}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        {(Object.keys(TITLES) as Section[]).map((section) => (
          <div key={section}>
            <Typography variant="h3" sx={{ mt: 3, mb: 1 }}>
              {TITLES[section]}
            </Typography>
            <Grid container spacing={2}>
              {FIELDS.filter((f) => f.section === section).map((f) => {
                const id = `${f.section}.${f.key}`;
                const fallback = read(defaults, f) * (f.percent ? 100 : 1);
                return (
                  <Grid key={id} size={{ xs: 12, sm: 6, md: 4 }}>
                    <TextField
                      fullWidth
                      label={f.label}
                      value={text[id]}
                      onChange={(e) => setText({ ...text, [id]: e.target.value })}
                      helperText={`Default ${+fallback.toFixed(4)}${f.percent ? ' %' : ''}`}
                      slotProps={{
                        htmlInput: { inputMode: 'decimal' },
                        input: f.percent ? { endAdornment: <InputAdornment position="end">%</InputAdornment> } : undefined,
                      }}
                    />
                  </Grid>
                );
              })}
            </Grid>
          </div>
        ))}
        <ErrorNotice title="The settings were not saved" error={put.error ?? reset.error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void restore()} disabled={reset.isPending}>
          Restore defaults
        </Button>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={() => void save()} disabled={put.isPending}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
