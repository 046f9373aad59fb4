import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { VictoryAxis, VictoryChart, VictoryContainer, VictoryLine, VictoryScatter } from '../charts/victory';
import { comparisonName } from '../charts/comparison-name';
import type { DeliveryReport, Distribution } from '../../../shared/contract/metrics-channels';
import { DORA_BUCKETS, type DoraBucket } from '../../../shared/metrics/metrics-vocabulary';
import { axisStyle, chartPadding, useChartTheme } from '../charts/chart-theme';
import { ChartFrame } from '../charts/ChartFrame';
import { ExclusionNote } from '../charts/ExclusionNote';
import { dateAxisTicks } from '../charts/date-axis';
import { formatUtcDay } from '../charts/format-metrics';

type TrendKey = 'deployDays' | 'leadTimeHours' | 'changeFailureRate' | 'timeToRestoreHours';
export type DoraMetric = keyof DeliveryReport['benchmarks']['rules'];

const BUCKET_COLOR: Record<DoraBucket, 'success' | 'info' | 'warning' | 'error'> = { elite: 'success', high: 'info', medium: 'warning', low: 'error' };
const WEEK = 7 * 86_400_000;
/** Room around a tile's small plot for its labels, at a desk. */
const TILE_PADDING = { top: 10, right: 20, bottom: 32, left: 50 };

export interface DoraTileProps {
  report: DeliveryReport;
  metric: DoraMetric;
  name: string;
  title: string;
  unit: string;
  howToRead: string;
  value: string;
  detail: string;
  previous: string | null;
  bucket: DoraBucket | null;
  trend: TrendKey;
  /** The trend's column in the data table and CSV, in words with its unit (as the axis shows it). */
  trendColumn: string;
  /** Trend values as shown on the axis (e.g. a rate as %). */
  scale?: (v: number) => number;
  tickFormat: (v: number) => string;
  excluded?: Distribution['excluded'];
}

/** One of DORA's four keys: the figure, its benchmark bucket with the rules beside it, and its weekly trend. */
export function DoraTile(props: DoraTileProps) {
  const t = useChartTheme();
  const { report, metric } = props;
  const rules = report.benchmarks.rules[metric];
  const weeks = report.trend;
  const scale = props.scale ?? ((v: number) => v);
  const shown = (w: DeliveryReport['trend'][number]) => (w[props.trend] === null ? null : scale(w[props.trend] as number));
  const points = weeks.filter((w) => w[props.trend] !== null).map((w) => ({ x: Date.parse(w.weekStart) + WEEK / 2, y: shown(w) as number, window: w.window }));
  const from = weeks.length ? Date.parse(weeks[0]!.weekStart) : 0;
  const to = weeks.length ? Date.parse(weeks[weeks.length - 1]!.weekStart) + WEEK : 1;
  return (
    <ChartFrame
      name={props.name}
      title={props.title}
      unit={props.unit}
      howToRead={props.howToRead}
      height={150}
      empty={points.length === 0 && 'No data for a trend in this scope.'}
      csv={() => [['week', 'week start (UTC)', 'window', props.trendColumn], ...weeks.map((w) => [w.label, w.weekStart, w.window ?? '', shown(w)])]}
      header={
        <Stack sx={{ mt: 1.5 }} data-testid={`dora-${metric}`}>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography variant="figure">
              {props.value}
            </Typography>
            {props.bucket ? (
              <Chip data-testid={`dora-bucket-${metric}`} color={BUCKET_COLOR[props.bucket]} label={`${props.bucket} · DORA ${report.benchmarks.report}`} sx={{ fontWeight: 600, textTransform: 'capitalize' }} />
            ) : (
              <Chip data-testid={`dora-bucket-${metric}`} variant="outlined" label="no bucket: no data" />
            )}
          </Stack>
          <Typography variant="body2">{props.detail}</Typography>
          {props.previous && (
            <Typography variant="body2" color="text.secondary">
              {comparisonName(props.report.scope)}: {props.previous}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" data-testid={`dora-rules-${metric}`}>
            {DORA_BUCKETS.map((b) => (
              <span key={b} style={{ fontWeight: b === props.bucket ? 700 : 400, marginRight: 10 }}>
                {b} {rules[b]}
              </span>
            ))}
          </Typography>
        </Stack>
      }
      footer={<ExclusionNote excluded={props.excluded ?? {}} />}
    >
      {({ width, height, a11y }) => (
        <VictoryChart {...a11y} width={width} height={height} padding={chartPadding(t, TILE_PADDING)} domain={{ x: [from, to] }} minDomain={{ y: 0 }} domainPadding={{ y: [0, 8] }} containerComponent={<VictoryContainer responsive={false} />}>
          <VictoryAxis tickValues={dateAxisTicks(t, from, to, width, chartPadding(t, TILE_PADDING))} tickFormat={(x: number) => formatUtcDay(x)} style={axisStyle(t)} />
          <VictoryAxis dependentAxis tickCount={3} tickFormat={props.tickFormat} style={axisStyle(t, { grid: true })} />
          <VictoryLine data={points} style={{ data: { stroke: t.current, strokeWidth: 2 } }} />
          <VictoryScatter data={points} size={3} style={{ data: { fill: ({ datum }: { datum?: { window: string | null } }) => (datum?.window === 'previous' ? t.previous : t.current) } }} />
        </VictoryChart>
      )}
    </ChartFrame>
  );
}
