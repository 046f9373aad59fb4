import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { VictoryAxis, VictoryBar, VictoryChart, VictoryContainer, VictoryLine } from '../charts/victory';
import type { HowManyForecast, WhenForecast } from '../../../shared/forecast/forecast-schema';
import { axisStyle, useChartTheme, type ChartTheme } from '../charts/chart-theme';
import { ChartFrame } from '../charts/ChartFrame';
import { emptyForecastText } from './forecast-empty-text';
import { dateAxisTicks } from '../charts/date-axis';
import { countTick, formatNumber, formatUtcDay } from '../charts/format-metrics';
import { paddingXLabel } from '../flow/chart-parts';

const DAY = 86_400_000;
export const LEVELS = ['p50', 'p70', 'p85', 'p95'] as const;
export type Level = (typeof LEVELS)[number];

/** One colour and dash per confidence line, the Flow page's p50/p85/p95 ones included. */
export function levelStyle(t: ChartTheme): Record<Level, { color: string; dash: string }> {
  return {
    p50: { color: t.p50, dash: '2 0' },
    p70: { color: t.series[3]!, dash: '6 3' },
    p85: { color: t.p85, dash: '8 4' },
    p95: { color: t.p95, dash: '3 3' },
  };
}

interface Bar {
  x: number;
  width: number;
  trials: number;
  label: string;
}

/** The bars and confidence lines of a forecast, on a number axis (items) or a time axis (dates). */
function chartData(f: HowManyForecast | WhenForecast): { bars: Bar[]; lines: { level: Level; x: number; text: string }[]; time: boolean } {
  if ('howMany' in f) {
    return {
      time: false,
      bars: f.histogram.map((b) => ({ x: (b.from + b.to) / 2, width: b.to - b.from + 1, trials: b.trials, label: b.from === b.to ? `${b.from}` : `${b.from}–${b.to}` })),
      lines: LEVELS.map((level) => ({ level, x: f.howMany[level], text: `${level.slice(1)} %: ${f.howMany[level]} or more` })),
    };
  }
  const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  return {
    time: true,
    bars: f.histogram.map((b) => ({ x: (ms(b.from) + ms(b.to) + DAY) / 2, width: ms(b.to) - ms(b.from) + DAY, trials: b.trials, label: b.from === b.to ? b.from : `${b.from} – ${b.to}` })),
    lines: LEVELS.flatMap((level) => {
      const when = f.when[level];
      return when === null ? [] : [{ level, x: ms(when) + DAY / 2, text: `${level.slice(1)} %: by ${formatUtcDay(ms(when))}` }];
    }),
  };
}

/**
 * The outcomes of every trial as a histogram (at most 60 bars) with a line at each confidence:
 * for "how many" the bars right of a line hold at least that share of the trials; for "when" the
 * bars left of it.
 */
export function ForecastHistogram({ forecast }: { forecast: HowManyForecast | WhenForecast }) {
  const t = useChartTheme();
  const style = levelStyle(t);
  const { bars, lines, time } = chartData(forecast);
  const howMany = 'howMany' in forecast;
  const top = Math.max(1, ...bars.map((b) => b.trials));
  const lo = Math.min(...bars.map((b) => b.x - b.width / 2), ...lines.map((l) => l.x));
  const hi = Math.max(...bars.map((b) => b.x + b.width / 2), ...lines.map((l) => l.x));
  const unfinished = howMany ? 0 : forecast.unfinishedTrials;
  return (
    <ChartFrame
      name="forecast-histogram"
      title={howMany ? `Items done by ${forecast.by}` : `When ${forecast.items} items are done`}
      unit={howMany ? 'trials per number of items' : 'trials per finish date'}
      howToRead={
        howMany
          ? 'Each bar: how many of the trials finished that many items. Right of a line lie at least that share of the trials.'
          : 'Each bar: how many of the trials finished on those days. Left of a line lie at least that share of the trials.'
      }
      height={320}
      empty={bars.length === 0 && emptyForecastText(forecast)}
      csv={() => [[howMany ? 'items' : 'finish dates', 'trials'], ...bars.map((b) => [b.label, b.trials])]}
      footer={
        <>
          <Stack component="ul" direction="row" useFlexGap sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5 }} aria-label="Confidence lines">
            {lines.map((l) => (
              <Box component="li" key={l.level} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                <svg width="26" height="8" aria-hidden>
                  <line x1="0" y1="4" x2="26" y2="4" stroke={style[l.level].color} strokeWidth="3" strokeDasharray={style[l.level].dash} />
                </svg>
                <Typography variant="body2">{l.text}</Typography>
              </Box>
            ))}
          </Stack>
          {unfinished > 0 && (
            <Typography variant="body2" color="text.secondary">{`${unfinished.toLocaleString('en-US')} trials had not finished by ${(forecast as WhenForecast).horizon} and are not drawn.`}</Typography>
          )}
        </>
      }
    >
      {({ width, height, a11y }) => {
        const pad = paddingXLabel(t, { right: 24 });
        const plotWidth = width - pad.left - pad.right;
        // A little room either side of the outermost bars; each bar as wide as its days (or
        // numbers) on this scale, less a sliver, so that neighbours touch but never overlap.
        const margin = (hi - lo) * 0.02;
        const x: [number, number] = [lo - margin, hi + margin];
        const perUnit = plotWidth / Math.max(Number.EPSILON, x[1] - x[0]);
        const gap = Math.min(2, Math.max(1, perUnit * (bars[0]?.width ?? 0) * 0.1));
        return (
          <VictoryChart {...a11y} width={width} height={height} padding={pad} domain={{ x, y: [0, top * 1.08] }} containerComponent={<VictoryContainer responsive={false} />}>
            <VictoryAxis
              style={axisStyle(t)}
              label={howMany ? 'items done' : 'finish date'}
              tickValues={time ? dateAxisTicks(t, x[0], x[1], width, pad) : undefined}
              tickFormat={(v: number) => (time ? formatUtcDay(v) : formatNumber(v, 0))}
            />
            <VictoryAxis dependentAxis style={axisStyle(t, { grid: true })} tickFormat={countTick} />
            <VictoryBar data={bars.map((b) => ({ x: b.x, y: b.trials, w: b.width }))} barWidth={({ datum }: { datum?: { w: number } }) => Math.max(1, (datum?.w ?? 0) * perUnit - gap)} style={{ data: { fill: t.current, opacity: 0.85 } }} />
            {lines.map((l) => (
              <VictoryLine
                key={`line-${l.level}`}
                name={`line-${l.level}`}
                data={[
                  { x: l.x, y: 0 },
                  { x: l.x, y: top * 1.08 },
                ]}
                style={{ data: { stroke: style[l.level].color, strokeWidth: 2.5, strokeDasharray: style[l.level].dash } }}
              />
            ))}
          </VictoryChart>
        );
      }}
    </ChartFrame>
  );
}
