import { VictoryChart, VictoryContainer } from '../charts/victory';
import type { FlowReport } from '../../../shared/contract/metrics-channels';
import { FLOW_ITEM_KINDS, type FlowItemKind } from '../../../shared/metrics/metrics-vocabulary';
import { BarPaths } from '../charts/BarPaths';
import { useChartTheme } from '../charts/chart-theme';
import { ChartFrame, type ChartFrameText } from '../charts/ChartFrame';
import { formatShare } from '../charts/format-metrics';
import { FigureLine, Legend, ms, padding, timeAxes } from './chart-parts';

const WEEK = 7 * 86_400_000;
const LABELS: Record<FlowItemKind, string> = { feature: 'Features (incl. epics, stories)', defect: 'Defects', risk: 'Risks', debt: 'Debt', other: 'Other (tasks)' };

const FRAME: ChartFrameText = {
  name: 'flow-distribution',
  title: 'Flow distribution',
  unit: 'items done per week, by kind',
  howToRead: 'The mix of what gets delivered: features against defects, risks and debt (Flow Framework).',
};

export function FlowDistributionChart({ report }: { report: FlowReport | undefined }) {
  const t = useChartTheme();
  if (!report) return <ChartFrame {...FRAME} pending />;
  const weeks = report.charts.flowDistribution;
  const colour: Record<FlowItemKind, string> = { feature: t.series[0]!, defect: t.series[5]!, risk: t.series[3]!, debt: t.series[1]!, other: t.series[7]! };
  const from = weeks.length ? ms(weeks[0]!.weekStart) : 0;
  const to = weeks.length ? ms(weeks[weeks.length - 1]!.weekStart) + WEEK : 1;
  const shares = report.current.flowDistribution;
  return (
    <ChartFrame
      {...FRAME}
      empty={weeks.every((w) => FLOW_ITEM_KINDS.every((k) => w.counts[k] === 0)) && 'Nothing was done in this scope and period.'}
      csv={() => [['week', 'week start (UTC)', 'window', ...FLOW_ITEM_KINDS], ...weeks.map((w) => [w.label, w.weekStart, w.window ?? '', ...FLOW_ITEM_KINDS.map((k) => w.counts[k])])]}
      footer={
        <>
          <FigureLine>{`This period: ${shares.map((s) => `${s.kind} ${formatShare(s.share)}`).join(' · ')}`}</FigureLine>
          <Legend items={FLOW_ITEM_KINDS.map((k) => ({ label: LABELS[k], color: colour[k], shape: 'box' as const }))} />
        </>
      }
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={padding(t)} domain={{ x: [from, to] }} containerComponent={<VictoryContainer responsive={false} />}>
          {timeAxes(t, from, to, width)}
          {/* Drawn top kind first, as VictoryStack drew them (where two bars meet, the lower one's edge is on top). */}
          {[...FLOW_ITEM_KINDS.entries()].reverse().map(([k, kind]) => (
            <BarPaths
              key={kind}
              data={weeks.map((w) => {
                // Stacked in the order of the kinds, as VictoryStack stacked them (the first at the bottom).
                const y0 = FLOW_ITEM_KINDS.slice(0, k).reduce((sum, below) => sum + w.counts[below], 0);
                return { x: ms(w.weekStart) + WEEK / 2, y0, y: y0 + w.counts[kind], fill: colour[kind] };
              })}
              barWidth={Math.max(2, ((width - padding(t).left - padding(t).right) / Math.max(1, weeks.length)) * 0.7)}
            />
          ))}
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
