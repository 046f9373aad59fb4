import { VictoryChart, VictoryContainer, VictoryLine } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { formatNumber, formatUtcDateTime } from '../charts/format-metrics';
import { FigureLine, Legend, medianLine, ms, padding, windowSpans, withPrevious, timeAxes } from './chart-parts';

const FRAME: ChartFrameText = {
  name: 'wip',
  title: 'Work in progress',
  unit: 'items active or waiting, end of each day',
  howToRead: "Flow load: more work started at once usually means each item takes longer (Little's law).",
};

export function WipRunChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const { days } = report.charts.wip;
  const spans = windowSpans(report.scope);
  const cur = report.current.wip;
  const prev = report.previous?.wip ?? null;
  const from = days.length ? ms(days[0]!.day) : 0;
  // A day's point stands for the whole day: the axis runs to the end of the last one, where the window ends.
  const to = days.length ? ms(days[days.length - 1]!.day) + 86_400_000 : 1;
  const items = (v: number) => `${formatNumber(v)} items`;
  return (
    <ChartFrame
      {...FRAME}
      empty={days.length === 0 && 'No days to show.'}
      csv={() => [['day (UTC)', 'items in progress', 'window'], ...days.map((d) => [d.day.slice(0, 10), d.wip, d.window ?? ''])]}
      footer={
        <>
          <FigureLine>
            {`${cur.current} in progress at ${cur.at ? formatUtcDateTime(cur.at) : '–'} · daily median ${withPrevious(items(cur.perDay.p50 ?? 0), prev ? items(prev.perDay.p50 ?? 0) : null)} · ${cur.olderThanCycleP85} older than the cycle-time 85th percentile`}
          </FigureLine>
          <Legend items={[{ label: 'Items in progress', color: t.current, shape: 'line' }, { label: 'Median day', color: t.p50, shape: 'line' }]} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={padding(t)} domain={{ x: [from, to] }} minDomain={{ y: 0 }} containerComponent={<VictoryContainer responsive={false} />}>
          {timeAxes(t, from, to, width)}
          <VictoryLine data={days.map((d) => ({ x: ms(d.day), y: d.wip }))} style={{ data: { stroke: t.current, strokeWidth: 2.5 } }} />
          {medianLine(t, cur.perDay.p50, spans.current, (v) => formatNumber(v), { key: 'current' })}
          {medianLine(t, prev?.perDay.p50 ?? null, spans.previous, (v) => formatNumber(v), { key: 'previous', faint: true })}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
