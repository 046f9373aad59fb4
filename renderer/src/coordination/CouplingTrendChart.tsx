import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { VictoryAxis, VictoryChart, VictoryContainer, VictoryLine, VictoryScatter } from '../charts/victory';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { chartPadding, useChartTheme } from '../charts/chart-theme';
import { useElementWidth } from '../charts/use-element-width';
import { Legend } from '../flow/chart-parts';
import { groupColors } from './coordination-style';
import { plural } from '../../../shared/domain/display-numbers';

/** Beyond eight lines a chart stops being readable (and the palette has eight colours). */
const SERIES_LIMIT = 8;
/** Labels at least this large at a desk. */
const DESK_LABEL = 16;

const dates = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Mean coupling inside each group of two or more teams, period by period (the recent half decides the trend findings). */
export function CouplingTrendChart({ report }: { report: CoordinationReport }) {
  const theme = useTheme();
  const chart = useChartTheme();
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const colors = useMemo(() => groupColors(report, theme), [report, theme]);
  const series = useMemo(
    () =>
      report.groups
        .filter((g) => g.teamKeys.length > 1)
        .slice(0, SERIES_LIMIT)
        .map((g) => ({ id: g.id, name: g.name, color: colors.get(g.id)!, points: g.trend.map((p) => ({ x: new Date(p.to), y: p.coupling })) })),
    [report.groups, colors],
  );
  if (series.length === 0) return <Typography color="text.secondary">No group of two or more teams to follow.</Typography>;
  const { periods, periodDays } = report.settings.trend;
  const shown = Math.max(...series.map((s) => s.points.length));
  // Periods that begin before the data's first day were dropped by the advisor: say so, so that a short line is not read as a short trend.
  const leftOut =
    shown < periods
      ? `${shown} of ${periods} periods of ${periodDays} days: the ${plural(periods - shown, 'period')} beginning before the data’s first day ${periods - shown === 1 ? 'is' : 'are'} left out (nothing recorded is no sample, not a coupling of 0)${shown < 2 ? '; a trend needs two periods' : ''}.`
      : null;
  // From the first period's start: one period alone would otherwise be a point on an axis of one instant ("Mar 30 Mar 30 Mar 30").
  const periodsShown = report.groups.flatMap((g) => g.trend);
  const xDomain: [Date, Date] = [new Date(Math.min(...periodsShown.map((p) => Date.parse(p.from)))), new Date(Math.max(...periodsShown.map((p) => Date.parse(p.to))))];
  if (shown === 0) return <Typography color="text.secondary" data-testid="coupling-trend-note">{leftOut}</Typography>;

  const text = { fill: theme.palette.text.primary, fontSize: Math.max(DESK_LABEL, chart.fontSize), fontFamily: chart.fontFamily };
  const axis = {
    axis: { stroke: theme.palette.divider },
    tickLabels: { ...text, fill: theme.palette.text.secondary, padding: 6 * chart.scale },
    grid: { stroke: theme.palette.divider, strokeDasharray: '3 4' },
    axisLabel: { ...text, padding: 44 * chart.scale },
  };
  return (
    <Box data-testid="coupling-trend" ref={ref}>
      {width > 0 && (
        <VictoryChart
          title="Coupling trend per group"
          desc="Mean coupling inside each group of two or more teams, period by period."
          height={Math.round(340 * chart.scale)}
          width={width}
          padding={chartPadding(chart, { top: 20, bottom: 50, left: 70, right: 24 })}
          domain={{ x: xDomain, y: [0, 1] }}
          scale={{ x: 'time' }}
          containerComponent={<VictoryContainer responsive={false} />}
        >
          <VictoryAxis tickFormat={(t: Date) => dates.format(t)} style={axis} />
          <VictoryAxis dependentAxis label="Mean coupling" tickValues={[0, 0.25, 0.5, 0.75, 1]} style={axis} />
          {series.map((s) => (
            <VictoryLine key={s.id} data={s.points} style={{ data: { stroke: s.color, strokeWidth: 3 } }} />
          ))}
          {series.map((s) => (
            <VictoryScatter key={`${s.id}-points`} data={s.points} size={4 * chart.scale} style={{ data: { fill: s.color } }} />
          ))}
        </VictoryChart>
      )}
      <Legend items={series.map((s) => ({ label: s.name, color: s.color, shape: 'dot' as const }))} />
      {leftOut && (
        <Typography variant="body2" color="text.secondary" data-testid="coupling-trend-note">
          {leftOut}
        </Typography>
      )}
      {report.groups.filter((g) => g.teamKeys.length > 1).length > SERIES_LIMIT && (
        <Typography variant="body2" color="text.secondary">
          The first {SERIES_LIMIT} groups as ordered on the Groups tab; each group card holds its own trend finding.
        </Typography>
      )}
    </Box>
  );
}
