import { VictoryArea, VictoryChart, VictoryContainer } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';

import { Legend, ms, padding, timeAxes } from './chart-parts';

const BANDS = ['done', 'waiting', 'active', 'todo'] as const;
const LABELS = { done: 'Done (since the start of the chart)', waiting: 'Waiting', active: 'Active', todo: 'To do' };

type Day = FlowReport['charts']['cumulativeFlow']['days'][number];

/**
 * Each band between the bands below it and itself, bottom (done) first: what VictoryStack drew, but
 * stacked here in one pass — VictoryStack compares every point with every point of the bands below
 * it, a few hundred thousand comparisons for half a year of days, more than the rest of the chart.
 */
export function stackedBands(days: readonly Day[]): { band: (typeof BANDS)[number]; points: { x: number; y: number; y0: number }[] }[] {
  const below = days.map(() => 0);
  return BANDS.map((band) => ({
    band,
    points: days.map((d, i) => {
      const y0 = below[i]!;
      below[i] = y0 + d[band];
      return { x: ms(d.day), y: below[i]!, y0 };
    }),
  }));
}

const FRAME: ChartFrameText = {
  name: 'cumulative-flow',
  title: 'Cumulative flow',
  unit: 'items per status category, end of each day',
  howToRead: 'Band widths are work in each state; a widening active or waiting band means work starts faster than it finishes.',
};

export function CumulativeFlowChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const { days, everyDays } = report.charts.cumulativeFlow;
  const from = days.length ? ms(days[0]!.day) : 0;
  const to = days.length ? ms(days[days.length - 1]!.day) : 1;
  return (
    <ChartFrame
      {...FRAME}
      empty={days.length === 0 && 'No days to show.'}
      csv={() => [['day (UTC)', 'to do', 'active', 'waiting', 'done'], ...days.map((d) => [d.day.slice(0, 10), d.todo, d.active, d.waiting, d.done])]}
      footer={
        <>
          <Legend items={[...BANDS].reverse().map((b) => ({ label: LABELS[b], color: t.bands[b], shape: 'box' as const }))} />
          {everyDays > 1 && <span>{`One point every ${everyDays} days.`}</span>}
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={padding(t)} domain={{ x: [from, to] }} containerComponent={<VictoryContainer responsive={false} />}>
          {timeAxes(t, from, to, width)}
          {stackedBands(days).map(({ band, points }) => (
            <VictoryArea key={band} data={points} style={{ data: { fill: t.bands[band], fillOpacity: 0.85, stroke: t.background, strokeWidth: 0.5 } }} />
          ))}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
