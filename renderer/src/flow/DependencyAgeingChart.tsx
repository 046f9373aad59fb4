import { VictoryAxis, VictoryChart, VictoryLine } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { axisStyle, useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { dotTooltips, NUMERIC_SCALE } from '../charts/DotCloud';
import { ExclusionNote } from '../charts/ExclusionNote';
import { formatDays, formatNumber, formatShare, formatUtcDateTime } from '../charts/format-metrics';
import { FigureLine, jitter, Legend, paddingXLabel, withPrevious, dots } from './chart-parts';

const LANES = { interface: 2, direct: 1 } as const;

const FRAME: ChartFrameText = {
  name: 'dependency-ageing',
  title: 'Dependency ageing',
  unit: 'days each open dependency has been open',
  howToRead: 'Dots right of the orange line have been open longer than 85 % of resolved dependencies took. Red dots are past their needed-by date.',
};

/** Open dependencies by age, against how long resolved ones took: through a declared interface or direct. */
export function DependencyAgeingChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const d = report.charts.dependencyAgeing;
  const cur = report.current.dependencyAgeing;
  const prev = report.previous?.dependencyAgeing ?? null;
  const maxBin = Math.max(1, ...d.bins.map((b) => b.count));
  const data = d.binned
    ? d.bins.map((b) => ({ x: b.ageDays, y: LANES[b.lane], size: 2 + 10 * Math.sqrt(b.count / maxBin), overdue: false, tip: `${b.count} dependencies about ${formatDays(b.ageDays)} old` }))
    : d.points.map((p) => ({
        x: p.ageDays,
        y: LANES[p.lane] + jitter(p.key) * 0.5,
        size: 5,
        overdue: p.overdue,
        tip: `${p.key}: ${p.fromItem ?? p.fromTeam ?? '?'} waits on ${p.toTeam ?? '?'}${p.interfaceName ? ` via ${p.interfaceName}` : ''}\nopen ${formatDays(p.ageDays)}${p.overdue ? ', past its needed-by date' : ''}`,
      }));
  const xMax = Math.max(1, ...data.map((p) => p.x), d.resolution?.p95 ?? 0) * 1.05;
  const r = d.resolution;
  return (
    <ChartFrame
      {...FRAME}
      empty={cur.open === 0 && 'No dependency is open at the end of the period.'}
      csv={() => [['dependency', 'waiting item', 'waiting team', 'waited-on team', 'interface', 'open (days)', 'overdue'], ...(d.binned ? d.oldest : d.points).map((p) => [p.key, p.fromItem, p.fromTeam, p.toTeam, p.interfaceName, p.ageDays, p.overdue])]}
      footer={
        <>
          <FigureLine>
            {`${cur.open} open (${cur.overdue} overdue) at ${d.at ? formatUtcDateTime(d.at) : '–'} · resolved in p50 ${withPrevious(formatDays(cur.resolutionDays.p50), prev ? formatDays(prev.resolutionDays.p50) : null)}, p85 ${formatDays(cur.resolutionDays.p85)} · ${withPrevious(formatShare(cur.waitingShare), prev ? formatShare(prev.waitingShare) : null)} of flow time was spent waiting while a dependency was open`}
          </FigureLine>
          <Legend
            items={[
              { label: 'Open', color: t.current, shape: 'dot' },
              { label: 'Past needed-by', color: t.p95, shape: 'dot' },
              { label: 'Resolution time 50 / 85 / 95 %', color: t.p85, shape: 'line' },
            ]}
          />
          <ExclusionNote excluded={cur.excluded} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={paddingXLabel(t, { left: 110 })} domain={{ x: [0, xMax], y: [0.4, 2.6] }} scale={NUMERIC_SCALE} containerComponent={dotTooltips(t)}>
          <VictoryAxis style={axisStyle(t, { grid: true })} tickFormat={(x: number) => formatNumber(x, 0)} label="days open" />
          <VictoryAxis dependentAxis tickValues={[1, 2]} tickFormat={(y: number) => (y === 2 ? 'Via interface' : 'Direct')} style={axisStyle(t)} />
          {dots(data, (d) => (d.overdue ? t.p95 : t.current), 0.85)}
          {r
            ? ([
                ['p50', r.p50, t.p50, '2 0'],
                ['p85', r.p85, t.p85, '8 4'],
                ['p95', r.p95, t.p95, '3 3'],
              ] as const).map(([name, value, color, dash]) => (
                <VictoryLine
                  key={name}
                  name={`line-${name}`}
                  data={[
                    { x: value, y: 0.4 },
                    { x: value, y: 2.6 },
                  ]}
                  style={{ data: { stroke: color, strokeWidth: 2.5, strokeDasharray: dash } }}
                />
              ))
            : []}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
