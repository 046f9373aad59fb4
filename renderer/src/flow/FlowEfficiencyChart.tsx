import { VictoryChart, VictoryContainer, VictoryLine, VictoryScatter } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { ExclusionNote } from '../charts/ExclusionNote';
import { formatShare } from '../charts/format-metrics';
import { FigureLine, Legend, levelLine, ms, padding, windowSpans, withPrevious, timeAxes } from './chart-parts';

const WEEK = 7 * 86_400_000;

const FRAME: ChartFrameText = {
  name: 'flow-efficiency',
  title: 'Flow efficiency',
  unit: '% of flow time spent active, items done each week',
  howToRead: 'The rest of the time items waited: in queues, blocked, or back in the backlog. Low values point at waits, not at people.',
};

export function FlowEfficiencyChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const weeks = report.charts.flowEfficiency;
  const spans = windowSpans(report.scope);
  const cur = report.current.flowEfficiency;
  const prev = report.previous?.flowEfficiency ?? null;
  const points = weeks.filter((w) => w.efficiency !== null).map((w) => ({ x: ms(w.weekStart) + WEEK / 2, y: w.efficiency! * 100, window: w.window }));
  const from = weeks.length ? ms(weeks[0]!.weekStart) : 0;
  const to = weeks.length ? ms(weeks[weeks.length - 1]!.weekStart) + WEEK : 1;
  return (
    <ChartFrame
      {...FRAME}
      empty={points.length === 0 && 'No item with a status history was done in this period.'}
      csv={() => [['week', 'week start (UTC)', 'window', 'flow efficiency', 'items'], ...weeks.map((w) => [w.label, w.weekStart, w.window ?? '', w.efficiency, w.items])]}
      footer={
        <>
          <FigureLine>
            {`Portfolio ${withPrevious(formatShare(cur.portfolio), prev ? formatShare(prev.portfolio) : null)} (Σ active ÷ Σ active + waiting of ${cur.n} items) · median item ${formatShare(cur.perItem.p50)}`}
          </FigureLine>
          <Legend items={[{ label: 'Week', color: t.current, shape: 'line' }, { label: 'Whole period', color: t.p50, shape: 'line' }]} />
          <ExclusionNote excluded={cur.excluded} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={padding(t)} domain={{ x: [from, to], y: [0, 100] }} containerComponent={<VictoryContainer responsive={false} />}>
          {timeAxes(t, from, to, width, (y: number) => `${y} %`)}
          <VictoryLine data={points} style={{ data: { stroke: t.current, strokeWidth: 2.5 } }} />
          <VictoryScatter data={points} size={3.5} style={{ data: { fill: ({ datum }: { datum?: { window: string | null } }) => (datum?.window === 'previous' ? t.previous : t.current) } }} />
          {cur.portfolio !== null ? levelLine(t, { key: 'cur', value: cur.portfolio * 100, span: spans.current, color: t.p50, dash: '2 0', label: formatShare(cur.portfolio) }) : []}
          {prev?.portfolio != null && spans.previous ? levelLine(t, { key: 'prev', value: prev.portfolio * 100, span: spans.previous, color: t.p50, dash: '2 0', label: '', faint: true }) : []}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
