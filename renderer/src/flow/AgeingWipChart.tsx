import { VictoryAxis, VictoryChart, VictoryLabel, type VictoryLabelProps } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { axisStyle, useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { dotTooltips, NUMERIC_SCALE } from '../charts/DotCloud';
import { formatDays, formatNumber, formatUtcDateTime } from '../charts/format-metrics';
import { columnLabels } from '../charts/label-layout';
import { textWidth } from '../charts/measure-text';
import { FigureLine, jitter, Legend, padding, percentileLines, dots } from './chart-parts';

const FRAME: ChartFrameText = {
  name: 'ageing-wip',
  title: 'Ageing work in progress',
  unit: 'days since each open item started',
  howToRead: 'Dots above the orange line are older than 85 % of finished items took: the ones to talk about first.',
};

/** ActionableAgile's ageing WIP: each open item by its current status, its age against the cycle-time percentiles. */
export function AgeingWipChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const a = report.charts.ageingWip;
  const columns = a.columns.map((c) => c.status);
  const x = (status: string) => columns.indexOf(status) + 1;
  const lines = a.cycleTime;
  const colour = (age: number) => (!lines ? t.current : age > lines.p85 ? t.p95 : age > lines.p50 ? t.p85 : t.p50);
  const maxBin = Math.max(1, ...a.bins.map((b) => b.count));
  const data = a.binned
    ? a.bins.map((b) => ({ x: x(b.status), y: b.ageDays, size: 2 + 10 * Math.sqrt(b.count / maxBin), fill: colour(b.ageDays), tip: `${b.count} items, about ${formatDays(b.ageDays)} old` }))
    : a.points.map((p) => ({ x: x(p.status) + jitter(p.key) * 0.6, y: p.ageDays, size: 4, fill: colour(p.ageDays), tip: `${p.key} · ${formatDays(p.ageDays)} in progress\n${p.title.slice(0, 60)}` }));
  const open = a.columns.reduce((n, c) => n + c.count, 0);
  return (
    <ChartFrame
      {...FRAME}
      empty={open === 0 && 'No item is in progress at the end of the period.'}
      csv={() => [['item', 'title', 'team', 'type', 'status', 'age (days)'], ...(a.binned ? a.oldest : a.points).map((p) => [p.key, p.title, p.team, p.type, p.status, p.ageDays])]}
      footer={
        <>
          <FigureLine>{`${open} in progress at ${a.at ? formatUtcDateTime(a.at) : '–'}; compared with the cycle times of the period (p50 ${formatDays(lines?.p50)}, p85 ${formatDays(lines?.p85)}, p95 ${formatDays(lines?.p95)})`}</FigureLine>
          <Legend
            items={[
              { label: 'Younger than the median', color: t.p50, shape: 'dot' },
              { label: 'Older than the median', color: t.p85, shape: 'dot' },
              { label: 'Older than the 85th percentile', color: t.p95, shape: 'dot' },
            ]}
          />
        </>
      }
    >
      {({ width, height, a11y }) => {
        // Each status name under its column: wrapped between words, every other one a row lower
        // when the columns are too narrow even so, cut with "…" only as a last resort (the full
        // name is the label's tooltip, and in the data).
        const slot = (width - padding(t).left - padding(t).right) / (columns.length + 0.2);
        const { lines: names, staggered } = columnLabels(columns, slot, (s) => textWidth(s, t.fontSize, t.fontFamily), Math.round(t.fontSize * 0.8));
        const linesOf = (i: number) => (names[i]?.length ?? 0) + 1;
        const upper = Math.max(1, ...columns.map((_, i) => (i % 2 === 0 || !staggered ? linesOf(i) : 0)));
        const lower = staggered ? Math.max(1, ...columns.map((_, i) => (i % 2 === 1 ? linesOf(i) : 0))) : 0;
        const lineHeight = Math.round(t.fontSize * 1.2);
        return (
          <VictoryChart {...a11y} width={width} height={height} padding={padding(t, { bottom: 60 + 16 * (upper + lower - 2) })} domain={{ x: [0.4, columns.length + 0.6] }} domainPadding={{ y: [0, 12] }} scale={NUMERIC_SCALE} containerComponent={dotTooltips(t)}>
            <VictoryAxis
              tickValues={columns.map((_, i) => i + 1)}
              tickFormat={(i: number) => [...(names[i - 1] ?? []), `(${a.columns[i - 1]?.count ?? 0})`].join('\n')}
              tickLabelComponent={<ColumnLabel names={columns} lower={staggered ? upper * lineHeight : 0} />}
              style={axisStyle(t)}
            />
            <VictoryAxis dependentAxis style={axisStyle(t, { grid: true })} tickFormat={(y: number) => formatNumber(y)} label="days" />
            {dots(data, (d) => d.fill, 0.85)}
            {percentileLines(t, lines, [0.4, columns.length + 0.6], formatDays, { key: 'cycle' })}
          </VictoryChart>
        );
      }}
    </ChartFrame>
  );
}

/** A column's label, with the status' full name as its tooltip (the label may be wrapped or cut); every other one `lower` px down. */
function ColumnLabel({ names, lower, ...props }: VictoryLabelProps & { names: readonly string[]; lower: number; index?: number }) {
  const i = props.index ?? 0;
  return <VictoryLabel {...props} y={typeof props.y === 'number' && i % 2 === 1 ? props.y + lower : props.y} title={names[i]} />;
}
