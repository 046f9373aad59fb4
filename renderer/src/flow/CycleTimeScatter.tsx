import { VictoryAxis, VictoryChart } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { axisStyle, useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { dotTooltips, NUMERIC_SCALE } from '../charts/DotCloud';
import { ExclusionNote } from '../charts/ExclusionNote';
import { dateAxisTicks } from '../charts/date-axis';
import { formatDays, formatNumber, formatUtcDate, formatUtcDay } from '../charts/format-metrics';
import { FigureLine, Legend, ms, padding, percentileLines, windowSpans, withPrevious, dots } from './chart-parts';
import { outlierCeiling, pinAboveCeiling } from './outlier-ceiling';

const FRAME: ChartFrameText = {
  name: 'cycle-time-scatter',
  title: 'Cycle time scatterplot',
  unit: 'days from first active to done',
  howToRead: 'Each dot is an item, placed on the day it was done; lines mark the percentiles: 85 % of items finished within the orange line.',
};

export function CycleTimeScatter({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const s = report.charts.cycleTimeScatter;
  const spans = windowSpans(report.scope);
  const from = spans.previous?.[0] ?? spans.current[0];
  const to = Math.min(spans.current[1], report.scope.asOf ? ms(report.scope.asOf) + 86_400_000 : spans.current[1]);
  const cur = report.current.cycleTimeDays;
  const prev = report.previous?.cycleTimeDays ?? null;
  const maxBin = Math.max(1, ...s.bins.map((b) => b.count));
  const data = s.binned
    ? s.bins.map((b) => ({ x: ms(b.doneAt), y: b.days, count: b.count, size: 2 + 9 * Math.sqrt(b.count / maxBin), window: b.window, tip: `${b.count} items around ${formatUtcDay(b.doneAt)}, ${formatDays(b.days)}` }))
    : s.points.map((p) => ({ x: ms(p.doneAt), y: p.days, count: 1, size: 3.5, window: p.window, tip: `${p.key} · ${formatDays(p.days)}\n${p.title.slice(0, 60)}\ndone ${formatUtcDate(p.doneAt)}` }));
  const ceiling = outlierCeiling(
    data.map((d) => d.y),
    [cur.p95, prev?.p95 ?? null],
  );
  const shown = pinAboveCeiling(data, ceiling);
  const pinned = data.filter((d) => ceiling !== null && d.y > ceiling);
  return (
    <ChartFrame
      {...FRAME}
      howToRead={`Each dot is an item, placed on the day it was done; lines mark the percentiles: 85 % of items finished within the orange line.${s.binned ? ' So many items that dots are grouped: bigger dots hold more items.' : ''}`}
      empty={s.total === 0 && 'No item was done in this scope and period.'}
      csv={() =>
        s.binned
          ? [['done around (UTC)', 'cycle time around (days)', 'items', 'window'], ...s.bins.map((b) => [b.doneAt, b.days, b.count, b.window ?? ''])]
          : [['item', 'title', 'type', 'done (UTC)', 'cycle time (days)', 'window'], ...s.points.map((p) => [p.key, p.title, p.type, p.doneAt, p.days, p.window ?? ''])]
      }
      footer={
        <>
          <FigureLine>
            {`p50 ${withPrevious(formatDays(cur.p50), prev ? formatDays(prev.p50) : null)} · p85 ${withPrevious(formatDays(cur.p85), prev ? formatDays(prev.p85) : null)} · p95 ${formatDays(cur.p95)} · n = ${cur.n}`}
          </FigureLine>
          <Legend
            items={[
              { label: 'Done this period', color: t.current, shape: 'dot' },
              ...(report.previous ? [{ label: 'Done in the period before', color: t.previous, shape: 'dot' as const }] : []),
              { label: '50th percentile', color: t.p50, shape: 'line' },
              { label: '85th', color: t.p85, shape: 'line' },
              { label: '95th', color: t.p95, shape: 'line' },
            ]}
          />
          {ceiling !== null && (
            <FigureLine>
              {`${pinnedNote(pinned.reduce((n, d) => n + d.count, 0))} longer than ${formatDays(ceiling)} (the longest ${formatDays(Math.max(...pinned.map((d) => d.y)))}): drawn as triangles on the top edge, so that the rest stay readable.`}
            </FigureLine>
          )}
          <ExclusionNote excluded={cur.excluded} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart
          {...a11y}
          width={width}
          height={height}
          padding={padding(t)}
          domain={ceiling === null ? { x: [from, to] } : { x: [from, to], y: [0, ceiling] }}
          domainPadding={{ y: [0, 10] }}
          scale={NUMERIC_SCALE}
          containerComponent={dotTooltips(t)}
        >
          <VictoryAxis tickValues={dateAxisTicks(t, from, to, width, padding(t))} tickFormat={(x: number) => formatUtcDay(x)} style={axisStyle(t)} />
          <VictoryAxis dependentAxis style={axisStyle(t, { grid: true })} tickFormat={(y: number) => formatNumber(y)} label="days" />
          {dots(shown, (d) => (d.window === 'previous' ? t.previous : t.current), 0.8)}
          {percentileLines(t, s.current, spans.current, formatDays, { key: 'cur' }).map((l) => l)}
          {spans.previous ? percentileLines(t, s.previous, spans.previous, formatDays, { key: 'prev', faint: true }) : []}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}

function pinnedNote(count: number): string {
  return count === 1 ? '1 item took' : `${formatNumber(count)} items took`;
}
