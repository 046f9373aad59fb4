import { VictoryArea, VictoryChart, VictoryContainer, VictoryStack } from 'victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame } from '../charts/ChartFrame';

import { Legend, ms, padding, timeAxes } from './chart-parts';

const BANDS = ['done', 'waiting', 'active', 'todo'] as const;
const LABELS = { done: 'Done (since the start of the chart)', waiting: 'Waiting', active: 'Active', todo: 'To do' };

export function CumulativeFlowChart({ report }: { report: FlowReport }) {
  const t = useChartTheme();
  const { days, everyDays } = report.charts.cumulativeFlow;
  const from = days.length ? ms(days[0]!.day) : 0;
  const to = days.length ? ms(days[days.length - 1]!.day) : 1;
  return (
    <ChartFrame
      name="cumulative-flow"
      title="Cumulative flow"
      unit="items per status category, end of each day"
      howToRead="Band widths are work in each state; a widening active or waiting band means work starts faster than it finishes."
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
          {timeAxes(t, from, to)}
          <VictoryStack>
            {BANDS.map((band) => (
              <VictoryArea
                key={band}
                data={days.map((d) => ({ x: ms(d.day), y: d[band] }))}
                style={{ data: { fill: t.bands[band], fillOpacity: 0.85, stroke: t.background, strokeWidth: 0.5 } }}
              />
            ))}
          </VictoryStack>
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
