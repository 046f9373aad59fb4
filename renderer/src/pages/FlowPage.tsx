import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import { keepPreviousData } from '@tanstack/react-query';
import type { AgeingPoint, DependencyPoint } from '../../../shared/contract/metrics-channels';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { ChartsDrawnProvider } from '../charts/charts-drawn';
import { comparisonName } from '../charts/comparison-name';
import { DataTable } from '../charts/DataTable';
import { formatDays } from '../charts/format-metrics';
import { AgeingWipChart } from '../flow/AgeingWipChart';
import { CumulativeFlowChart } from '../flow/CumulativeFlowChart';
import { CycleTimeScatter } from '../flow/CycleTimeScatter';
import { DependencyAgeingChart } from '../flow/DependencyAgeingChart';
import { FlowDistributionChart } from '../flow/FlowDistributionChart';
import { FlowEfficiencyChart } from '../flow/FlowEfficiencyChart';
import { FlowFigureTiles } from '../flow/FlowFigureTiles';
import { MetricsLoading, MetricsPageHeader, NoDataYet, useMetricsScope } from '../flow/MetricsPageFrame';
import { FLOW_CHARTS } from '../charts/chart-names';
import { DEFAULT_TEAM_PICKERS } from '../flow/scope-state';
import { ThroughputChart } from '../flow/ThroughputChart';
import { TimeHistogram } from '../flow/TimeHistogram';
import { WipRunChart } from '../flow/WipRunChart';

/** The team pickers of the metrics pages: teams, value streams and coordination groups. */
const PICKERS = DEFAULT_TEAM_PICKERS;


export function FlowPage() {
  const { input, ready, options, filters, optionsError } = useMetricsScope(PICKERS);
  const report = useChannelQuery('metrics.flow', input, { enabled: ready, placeholderData: keepPreviousData });
  const saveSettings = useChannelMutation('metrics.saveSettings');
  const r = report.data;
  // The frames are drawn while the first report is computed (unless it cannot come: no data, an
  // error), each saying so, so that when it arrives only the charts are left to draw, into frames
  // already measured.
  const framesFirst = !r && !report.error && !optionsError && options?.asOf !== null;
  return (
    <>
      <MetricsPageHeader
        title="Flow"
        scope={r?.scope}
        allTypes={options?.itemTypes.length ?? 0}
        actions={
          options && (
            <Tooltip title="How percentiles are taken: linear interpolation (R type 7, numpy's default) or nearest rank (ActionableAgile)">
              <ToggleButtonGroup
                size="small"
                exclusive
                value={options.settings.percentileMethod}
                onChange={(_e, method) => method && saveSettings.mutate({ percentileMethod: method })}
                aria-label="Percentile method"
                data-tool
              >
                <ToggleButton value="linear">Interpolated</ToggleButton>
                <ToggleButton value="nearest-rank">Nearest rank</ToggleButton>
              </ToggleButtonGroup>
            </Tooltip>
          )
        }
      />
      {filters}
      <MetricsLoading loading={report.isFetching} error={report.error ?? optionsError ?? saveSettings.error} title="The flow metrics could not be computed" />
      {options && options.asOf === null && <NoDataYet />}
      {(r || framesFirst) && (
        <ChartsDrawnProvider mark="interlock:flow-charts-drawn" expected={FLOW_CHARTS} dataKey={r}>
          <FlowFigureTiles report={r} />
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, lg: 6 }}>
              <ThroughputChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <CycleTimeScatter report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <TimeHistogram
                name="lead-time-histogram"
                title="Lead time"
                howToRead="From created to done: how long people wait for what they asked for. The tail on the right is the risk."
                data={r && { histogram: r.charts.leadTimeHistogram, current: r.current.leadTimeDays, previous: r.previous?.leadTimeDays ?? null, previousName: comparisonName(r.scope) }}
                emptyText="No item was done in this scope and period."
              />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <TimeHistogram
                name="cycle-time-histogram"
                title="Cycle time"
                howToRead="From first active to done (reopened items count to their final done). Compare the shape with the period before."
                data={r && { histogram: r.charts.cycleTimeHistogram, current: r.current.cycleTimeDays, previous: r.previous?.cycleTimeDays ?? null, previousName: comparisonName(r.scope) }}
                emptyText="No item was done in this scope and period."
              />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <CumulativeFlowChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <WipRunChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <AgeingWipChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <FlowEfficiencyChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <FlowDistributionChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <DependencyAgeingChart report={r} />
            </Grid>
            <Grid size={{ xs: 12, lg: 6 }}>
              <TimeHistogram
                name="dependency-resolution"
                title="Dependency resolution time"
                howToRead="How long dependencies resolved in the period stayed open, from raised to resolved."
                data={r && { histogram: r.charts.dependencyResolution, current: r.current.dependencyAgeing.resolutionDays, previous: r.previous?.dependencyAgeing.resolutionDays ?? null, previousName: comparisonName(r.scope) }}
                emptyText="No dependency was resolved in this period."
              />
            </Grid>
          </Grid>
          {r && (
            // Side by side only where each gets 42 rem, what the dependencies' six columns need
            // (at 1440 px they would scroll by 111 px): one above the other on a laptop or projector.
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 42rem), 1fr))', mt: 2 }}>
              <DataTable<AgeingPoint>
                testId="table-oldest-wip"
                title="Oldest work in progress"
                description="The 50 items in progress the longest, oldest first."
                rows={r.charts.ageingWip.oldest}
                rowKey={(p) => p.key}
                empty="Nothing is in progress."
                columns={[
                  { header: 'Item', value: (p) => p.key },
                  { header: 'Title', value: (p) => p.title },
                  { header: 'Team', value: (p) => p.team },
                  { header: 'Status', value: (p) => p.status },
                  { header: 'Age (days)', value: (p) => Number(p.ageDays.toFixed(2)), render: (p) => formatDays(p.ageDays), numeric: true },
                ]}
              />
              <DataTable<DependencyPoint>
                testId="table-oldest-dependencies"
                title="Oldest open dependencies"
                description="The 50 dependencies open the longest; the waiting side is the team in scope."
                rows={r.charts.dependencyAgeing.oldest}
                rowKey={(p) => p.key}
                empty="No dependency is open."
                columns={[
                  { header: 'Dependency', value: (p) => p.key },
                  { header: 'Waiting item', value: (p) => p.fromItem },
                  { header: 'Waiting team', value: (p) => p.fromTeam },
                  { header: 'Waits on', value: (p) => p.toTeam },
                  { header: 'Interface', value: (p) => p.interfaceName },
                  { header: 'Open (days)', value: (p) => Number(p.ageDays.toFixed(2)), render: (p) => `${formatDays(p.ageDays)}${p.overdue ? ' · overdue' : ''}`, numeric: true },
                ]}
              />
            </Box>
          )}
        </ChartsDrawnProvider>
      )}
    </>
  );
}
