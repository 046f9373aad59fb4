import { VictoryAxis, VictoryChart, VictoryContainer, VictoryLine } from '../charts/victory';
import type { Distribution, FlowCharts } from '../../../shared/contract/metrics-channels';
import { BarPaths } from '../charts/BarPaths';
import { axisStyle, useChartTheme } from '../charts/chart-theme';
import { ChartFrame } from '../charts/ChartFrame';
import { ExclusionNote } from '../charts/ExclusionNote';
import { formatDays, formatNumber, countTick } from '../charts/format-metrics';
import { FigureLine, Legend, padding, paddingXLabel, withPrevious } from './chart-parts';

type HistogramData = FlowCharts['leadTimeHistogram'];

const UNIT = 'items per range of days';

/** A distribution of durations in days: this period's bars, the period before as a step outline (a frame alone while `data` is computed). */
export function TimeHistogram({
  name,
  title,
  howToRead,
  data,
  emptyText,
}: {
  name: string;
  title: string;
  howToRead: string;
  /** `previousName`: what the comparison window is called (comparisonName). */
  data: { histogram: HistogramData; current: Distribution; previous: Distribution | null; previousName: string } | undefined;
  emptyText: string;
}) {
  const t = useChartTheme();
  if (!data) return <ChartFrame name={name} title={title} unit={UNIT} howToRead={howToRead} pending />;
  const { histogram, current, previous, previousName } = data;
  const bins = histogram.bins;
  const last = bins[bins.length - 1];
  const xMax = last ? (last.to ?? last.from + histogram.binDays) : 1;
  const label = (b: (typeof bins)[number]) => (b.to === null ? `≥ ${formatDays(b.from)}` : `${formatDays(b.from)}–${formatDays(b.to)}`);
  const showPrevious = previous !== null && bins.some((b) => b.previous > 0);
  return (
    <ChartFrame
      name={name}
      title={title}
      unit={UNIT}
      howToRead={howToRead}
      empty={bins.length === 0 && emptyText}
      csv={() => [['from (days)', 'to (days)', 'this period', 'period before'], ...bins.map((b) => [b.from, b.to ?? '', b.current, b.previous])]}
      footer={
        <>
          <FigureLine>
            {`p50 ${withPrevious(formatDays(current.p50), previous ? formatDays(previous.p50) : null)} · p85 ${withPrevious(formatDays(current.p85), previous ? formatDays(previous.p85) : null)} · p95 ${formatDays(current.p95)} · n = ${current.n}${last?.to === null ? ` · last bar: ${label(last)}` : ''}`}
          </FigureLine>
          <Legend items={[{ label: 'This period', color: t.current, shape: 'box' }, ...(showPrevious ? [{ label: previousName, color: t.previous, shape: 'line' as const }] : [])]} />
          <ExclusionNote excluded={current.excluded} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={paddingXLabel(t)} domain={{ x: [0, xMax] }} containerComponent={<VictoryContainer responsive={false} />}>
          <VictoryAxis tickFormat={(x: number) => (last?.to === null && x >= last.from ? `≥${formatNumber(last.from)}` : formatNumber(x))} style={axisStyle(t)} label="days" />
          <VictoryAxis dependentAxis style={axisStyle(t, { grid: true })} tickFormat={countTick} />
          <BarPaths
            data={bins.map((b) => ({ x: b.from + histogram.binDays / 2, y: b.current, fill: t.current }))}
            barWidth={Math.max(2, ((width - padding(t).left - padding(t).right) / Math.max(1, bins.length)) * 0.85)}
          />
          {showPrevious ? (
            <VictoryLine
              interpolation="stepAfter"
              data={[...bins.map((b) => ({ x: b.from, y: b.previous })), { x: xMax, y: bins[bins.length - 1]!.previous }]}
              style={{ data: { stroke: t.previous, strokeWidth: 2.5 } }}
            />
          ) : (
            []
          )}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
