import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import TuneIcon from '@mui/icons-material/TuneOutlined';
import { useState, type ReactNode } from 'react';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { useChannelQuery } from '../api/channel-hooks';
import { CouplingGraph } from '../coordination/CouplingGraph';
import { CouplingMatrix } from '../coordination/CouplingMatrix';
import { CouplingTrendChart } from '../coordination/CouplingTrendChart';
import { teamNames } from '../coordination/coordination-style';
import { FindingsList } from '../coordination/FindingsList';
import { ForumsPanel } from '../coordination/ForumsPanel';
import { GroupCard } from '../coordination/GroupCard';
import { SettingsDialog } from '../coordination/SettingsDialog';
import { StandaloneTeamsCard } from '../coordination/StandaloneTeamsCard';
import { WhatIfPanel } from '../coordination/WhatIfPanel';
import { formatDate } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { useViewParams } from '../layout/view-params';
import { useViewTitle } from '../layout/view-title';
import { usePrinting } from '../room/printing';

const WINDOWS = [30, 60, 90, 180, 365];
const TABS = [
  { id: 'groups', label: 'Groups' },
  { id: 'map', label: 'Coupling map' },
  { id: 'forums', label: 'Forums & congruence' },
  { id: 'what-if', label: 'What-if' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function MissingEvidence({ report }: { report: CoordinationReport }) {
  const missing: string[] = [];
  if (!report.recorded.statusHistory) missing.push('status history (time blocked)');
  if (!report.recorded.interfaces) missing.push('interfaces on dependencies (interface clarity)');
  if (!report.recorded.integration && !report.recorded.releases) missing.push('releases or deployment contents (joint integration)');
  if (!report.recorded.objectives && !report.recorded.parents) missing.push('objectives or items with parents (shared outcomes)');
  if (missing.length === 0) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      This workspace holds no {missing.join(', ')}. Those cues are left out of coupling and cannot raise a recommendation; import them to let Interlock weigh them.
    </Alert>
  );
}

function GroupsTab({ report }: { report: CoordinationReport }) {
  const names = teamNames(report);
  const teamName = (k: string) => names.get(k) ?? k;
  const groups = report.groups.filter((g) => g.role === 'group');
  return (
    <>
      <Grid container spacing={3} component="section" aria-label="Groups and their coordination model">
        {groups.map((g) => (
          <Grid key={g.id} size={{ xs: 12, xl: 6 }}>
            <GroupCard group={g} teamName={teamName} findings={report.findings.filter((f) => f.groupIds.includes(g.id) && f.kind !== 'value-stream')} />
          </Grid>
        ))}
        <Grid size={{ xs: 12, xl: 6 }}>
          <StandaloneTeamsCard groups={report.groups} />
        </Grid>
      </Grid>
      <Box component="section" aria-label="Structural findings" sx={{ mt: 4 }}>
        <Typography variant="h2" gutterBottom>
          Structural findings
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          What would remove coordination rather than organise it: boundaries to redraw, bottlenecks to turn into self-service, forums to scale.
        </Typography>
        <FindingsList findings={report.findings} />
      </Box>
    </>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

function MapTab({ report }: { report: CoordinationReport }) {
  return (
    <Grid container spacing={3}>
      <Grid size={12}>
        <Panel title="Teams by coupling">
          <CouplingGraph report={report} />
        </Panel>
      </Grid>
      {/* Side by side only on wide screens: a matrix in half of a projector's width would be too small to read. */}
      <Grid size={{ xs: 12, xl: 6 }}>
        <Panel title="Design structure matrix">
          <CouplingMatrix report={report} />
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, xl: 6 }}>
        <Panel title="Coupling trend per group">
          <CouplingTrendChart report={report} />
        </Panel>
      </Grid>
    </Grid>
  );
}

export function CoordinationPage() {
  const [params, setParams] = useViewParams();
  const printing = usePrinting();
  const tab: TabId = TABS.find((t) => t.id === params.tab)?.id ?? 'groups';
  const days = /^\d+$/.test(params.window ?? '') ? Number(params.window) : null;
  const [editing, setEditing] = useState(false);
  const window = days === null ? {} : { days };
  useViewTitle(TABS.find((t) => t.id === tab)!.label);
  const report = useChannelQuery('coordination.recommend', { window });
  const settings = useChannelQuery('coordination.settings.get', {});
  const r = report.data;

  return (
    <>
      <PageHeader
        title="Coordination"
        subtitle={
          // An empty workspace has no window of data to speak of; the notice below says what to do.
          r && r.teams.length > 0
            ? `Which forum each group of coupled teams needs: the lightest that works. Last ${r.window.days} days of the data (${formatDate(r.window.from)} to ${formatDate(r.window.to)}).`
            : 'Which forum each group of coupled teams needs: the lightest that works.'
        }
        actions={
          <>
            <TextField
              select
              size="small"
              label="Window"
              value={days ?? r?.window.days ?? 90}
              onChange={(e) => setParams({ window: String(e.target.value) })}
              sx={{ minWidth: 130 }}
            >
              {[...new Set([...WINDOWS, r?.window.days ?? 90])].sort((a, b) => a - b).map((d) => (
                <MenuItem key={d} value={d}>
                  {d} days
                </MenuItem>
              ))}
            </TextField>
            <Button startIcon={<TuneIcon />} variant="outlined" onClick={() => setEditing(true)} disabled={!settings.data} data-tool>
              Settings
            </Button>
          </>
        }
      />
      {report.isPending && <LinearProgress aria-label="Measuring coupling" />}
      <ErrorNotice title="The coordination advice could not be computed" error={report.error} />
      {r && r.teams.length === 0 && <Alert severity="info">This workspace holds no teams yet: import your teams’ exports on the Import page.</Alert>}
      {r && r.teams.length > 0 && (
        <>
          <MissingEvidence report={r} />
          <Tabs value={tab} onChange={(_e, value: TabId) => setParams({ tab: value === 'groups' ? null : value })} sx={{ mb: 3 }} aria-label="Coordination views">
            {TABS.map((t) => (
              <Tab key={t.id} value={t.id} label={t.label} />
            ))}
          </Tabs>
          {TABS.filter((t) => printing || t.id === tab).map((t) => (
            <Box key={t.id} data-print-section>
              <Typography variant="h2" data-print-only sx={{ mb: 2 }}>
                {t.label}
              </Typography>
              {t.id === 'groups' && <GroupsTab report={r} />}
              {t.id === 'map' && <MapTab report={r} />}
              {t.id === 'forums' && <ForumsPanel report={r} />}
              {t.id === 'what-if' && <WhatIfPanel report={r} window={window} />}
            </Box>
          ))}
        </>
      )}
      {editing && settings.data && <SettingsDialog settings={settings.data.settings} defaults={settings.data.defaults} onClose={() => setEditing(false)} />}
    </>
  );
}
