import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useMemo } from 'react';
import { VictoryAxis, VictoryChart, VictoryLegend, VictoryLine, VictoryScatter } from 'victory';
import type { CoordinationReport } from '../../../shared/coordination/report-schema';
import { groupColors } from './coordination-style';

/** Beyond eight lines a chart stops being readable (and the palette has eight colours). */
const SERIES_LIMIT = 8;

const dates = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Mean coupling inside each group of two or more teams, period by period (the recent half decides the trend findings). */
export function CouplingTrendChart({ report }: { report: CoordinationReport }) {
  const theme = useTheme();
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

  const text = { fill: theme.palette.text.primary, fontSize: 16, fontFamily: theme.typography.fontFamily };
  const axis = {
    axis: { stroke: theme.palette.divider },
    tickLabels: { ...text, fill: theme.palette.text.secondary, padding: 6 },
    grid: { stroke: theme.palette.divider, strokeDasharray: '3 4' },
    axisLabel: { ...text, padding: 44 },
  };
  return (
    <Box data-testid="coupling-trend" role="img" aria-label="Coupling trend per group" sx={{ maxWidth: 640, width: '100%' }}>
      <VictoryChart
        height={340}
        width={640}
        padding={{ top: 20, bottom: 50, left: 70, right: 24 }}
        domain={{ y: [0, 1] }}
        scale={{ x: 'time' }}
      >
        <VictoryAxis tickFormat={(t: Date) => dates.format(t)} style={axis} />
        <VictoryAxis dependentAxis label="Mean coupling" tickValues={[0, 0.25, 0.5, 0.75, 1]} style={axis} />
        {series.map((s) => (
          <VictoryLine key={s.id} data={s.points} style={{ data: { stroke: s.color, strokeWidth: 3 } }} />
        ))}
        {series.map((s) => (
          <VictoryScatter key={`${s.id}-points`} data={s.points} size={4} style={{ data: { fill: s.color } }} />
        ))}
      </VictoryChart>
      <VictoryLegend
        height={30 * series.length + 10}
        width={640}
        orientation="vertical"
        gutter={10}
        style={{ labels: text }}
        data={series.map((s) => ({ name: s.name, symbol: { fill: s.color, type: 'circle' } }))}
      />
      {report.groups.filter((g) => g.teamKeys.length > 1).length > SERIES_LIMIT && (
        <Typography variant="body2" color="text.secondary">
          The first {SERIES_LIMIT} groups as ordered on the Groups tab; each group card holds its own trend finding.
        </Typography>
      )}
    </Box>
  );
}
