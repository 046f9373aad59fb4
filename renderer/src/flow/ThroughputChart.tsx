import { VictoryChart, VictoryContainer } from '../charts/victory';
import { comparisonName } from '../charts/comparison-name';
import { BarPaths } from '../charts/BarPaths';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { ExclusionNote } from '../charts/ExclusionNote';
import { formatNumber } from '../charts/format-metrics';
import { FigureLine, Legend, medianLine, ms, padding, windowSpans, withPrevious, timeAxes } from './chart-parts';

const WEEK = 7 * 86_400_000;

const FRAME: ChartFrameText = {
  name: 'throughput',
  title: 'Throughput',
  unit: 'items done per week',
  howToRead: 'Each bar is one ISO week (UTC); faded bars are partial weeks. Read the trend and the spread, not one week.',
};

export function ThroughputChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const weeks = report.charts.throughput;
  const spans = windowSpans(report.scope);
  const cur = report.current.throughputPerWeek;
  const prev = report.previous?.throughputPerWeek ?? null;
  const from = weeks.length ? ms(weeks[0]!.weekStart) : 0;
  const to = weeks.length ? ms(weeks[weeks.length - 1]!.weekStart) + WEEK : 1;
  // No whole week yet: a dash, not a median of 0.
  const perWeek = (v: number | null) => (v === null ? '–' : `${formatNumber(v)}/wk`);
  const onLine = (v: number) => formatNumber(v);
  return (
    <ChartFrame
      {...FRAME}
      empty={weeks.every((w) => w.count === 0) && 'Nothing was done in this scope and period.'}
      csv={() => [['week', 'week start (UTC)', 'window', 'partial', 'items done'], ...weeks.map((w) => [w.label, w.weekStart, w.window ?? '', w.partial, w.count])]}
      footer={
        <>
          <FigureLine>
            {`Median ${withPrevious(perWeek(cur.p50), prev ? perWeek(prev.p50) : null)} · 85th percentile ${perWeek(cur.p85)} · ${cur.total} done in the period (${cur.n} whole weeks)`}
          </FigureLine>
          <Legend
            items={[
              { label: 'This period', color: t.current, shape: 'box' },
              ...(report.previous ? [{ label: comparisonName(report.scope), color: t.previous, shape: 'box' as const }] : []),
              { label: 'Median week', color: t.p50, shape: 'line' },
            ]}
          />
          <ExclusionNote excluded={cur.excluded} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={padding(t)} domain={{ x: [from, to] }} containerComponent={<VictoryContainer responsive={false} />}>
          {timeAxes(t, from, to, width)}
          <BarPaths
            data={weeks.map((w) => ({ x: ms(w.weekStart) + WEEK / 2, y: w.count, fill: w.window === 'previous' ? t.previous : t.current, opacity: w.partial ? 0.45 : 1 }))}
            barWidth={Math.max(2, ((width - padding(t).left - padding(t).right) / Math.max(1, weeks.length)) * 0.7)}
          />
          {medianLine(t, cur.p50, spans.current, onLine, { key: 'current' })}
          {medianLine(t, prev?.p50 ?? null, spans.previous, onLine, { key: 'previous', faint: true })}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
