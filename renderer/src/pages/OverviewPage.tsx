import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { EntityCounts } from '../../../shared/domain/entities';
import { useChannelQuery } from '../api/channel-hooks';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { ExportReportButton } from '../report/ExportReportButton';
import { formatBytes, formatCount, formatDate } from '../format';

const ENTITY_LABELS: Record<keyof EntityCounts, string> = {
  teams: 'Teams',
  items: 'Work items',
  transitions: 'Status changes',
  dependencies: 'Dependencies',
  deployments: 'Deployments',
  incidents: 'Incidents',
  objectives: 'Objectives',
  plans: 'Planning rows',
  releases: 'Releases',
  risks: 'Risks',
};

export function OverviewPage() {
  const theme = useTheme();
  const overview = useChannelQuery('workspace.overview', {});
  if (overview.error) return <ErrorNotice title="The workspace could not be read" error={overview.error} />;
  const o = overview.data;
  return (
    <>
      <PageHeader
        title={o?.name ?? 'Overview'}
        subtitle={
          o?.dateRange
            ? `Data from ${formatDate(o.dateRange.from)} to ${formatDate(o.dateRange.to)}`
            : o
              ? 'This workspace holds no delivery data yet: import your teams’ exports on the Import page.'
              : ' '
        }
        actions={o ? <ExportReportButton /> : undefined}
      />
      <Grid container spacing={2} component="section" aria-label="Counts per entity">
        {(Object.keys(ENTITY_LABELS) as (keyof EntityCounts)[]).map((entity) => (
          // In the room four to a row: a headline figure's size fits "100,000", not seven across a projector.
          <Grid key={entity} size={{ xs: 6, sm: 4, md: 3, lg: theme.room ? 3 : 12 / 7 }}>
            <Card data-testid={`count-${entity}`}>
              <CardContent>
                <Typography variant="body2" color="text.secondary">
                  {ENTITY_LABELS[entity]}
                </Typography>
                <Typography variant="figure">
                  {o ? formatCount(o.counts[entity]) : <Skeleton width="60%" />}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      {o && (
        <Box component="section" aria-label="About this workspace" sx={{ mt: 4 }}>
          <Typography variant="h2" gutterBottom>
            Value streams
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 3 }}>
            {o.valueStreams.length === 0 ? (
              <Typography color="text.secondary">None declared.</Typography>
            ) : (
              o.valueStreams.map((v) => <Chip key={v} label={v} />)
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary" data-no-print>
            File {o.path} · {formatBytes(o.fileBytes)} · schema version {o.schemaVersion}
          </Typography>
        </Box>
      )}
    </>
  );
}
