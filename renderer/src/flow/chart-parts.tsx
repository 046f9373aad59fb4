import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { VictoryAxis, VictoryLabel, VictoryLine, type D3Scale } from '../charts/victory';
import type { ResolvedScope } from '../../../shared/contract/metrics-channels';
import { axisStyle, chartPadding, type ChartTheme } from '../charts/chart-theme';
import { countTick, formatUtcDay } from '../charts/format-metrics';
import { dateAxisTicks } from '../charts/date-axis';
import { spreadLabels } from '../charts/label-layout';
import { DotCloud } from '../charts/DotCloud';

/** Room on the right for the labels of level lines (percentiles, medians), outside the plot. */
const BASE_PADDING = { top: 20, right: 92, bottom: 44, left: 58 };

/** The plot's padding for this chart type (a room's larger labels get more). */
export function padding(t: ChartTheme, patch: Partial<typeof BASE_PADDING> = {}) {
  return chartPadding(t, { ...BASE_PADDING, ...patch });
}

/** The same, with room for a label under the x axis. */
export const paddingXLabel = (t: ChartTheme, patch: Partial<typeof BASE_PADDING> = {}) => padding(t, { bottom: 60, ...patch });

export const ms = (iso: string) => Date.parse(iso);

/** The x-extent of each window on a time axis. */
export function windowSpans(scope: ResolvedScope): { current: [number, number]; previous: [number, number] | null } {
  return {
    current: [ms(scope.window.from), ms(scope.window.to)],
    previous: scope.compare ? [ms(scope.compare.from), ms(scope.compare.to)] : null,
  };
}

export interface Lines {
  p50: number;
  p85: number;
  p95: number;
}

/**
 * One horizontal line over an x-span, labelled just right of its end unless faint (the comparison
 * window) or unlabelled.
 */
export function levelLine(t: ChartTheme, o: { key: string; value: number; span: [number, number]; color: string; dash: string; label: string; faint?: boolean }) {
  const line = (
    <VictoryLine
      key={o.key}
      name={`line-${o.key}`}
      data={[
        { x: o.span[0], y: o.value },
        { x: o.span[1], y: o.value },
      ]}
      style={{ data: { stroke: o.color, strokeWidth: o.faint ? 1.5 : 2.5, strokeDasharray: o.dash, opacity: o.faint ? 0.6 : 1 } }}
    />
  );
  if (o.faint || !o.label) return [line];
  return [line, <LineLabels key={`${o.key}-label`} t={t} x={o.span[1]} labels={[{ value: o.value, text: o.label, color: o.color }]} />];
}

interface LineLabel {
  value: number;
  text: string;
  color: string;
}

/**
 * The labels of level lines that end at `x`, right of that end, each at its line's height unless
 * it would be drawn over another ("p95 9.8 d" over "p85 9.3 d"): then they are set apart, a line
 * of type each (label-layout.ts). A child of VictoryChart, which gives it the plot's scales; not
 * clipped to the plot, as the labels stand in its right margin.
 */
export function LineLabels({ t, x, labels, scale, height }: { t: ChartTheme; x: number; labels: readonly LineLabel[]; scale?: { x: D3Scale; y: D3Scale }; height?: number }) {
  if (!scale || !height) return null;
  const ys = spreadLabels(
    labels.map((l) => scale.y(l.value)),
    Math.ceil(t.fontSize * 1.25),
    [0, height],
  );
  return (
    <g role="presentation">
      {labels.map((l, i) => (
        <VictoryLabel key={l.text} x={scale.x(x)} y={ys[i]} dx={6} text={l.text} textAnchor="start" verticalAnchor="middle" style={{ fill: l.color, fontSize: t.fontSize, fontFamily: t.fontFamily, fontWeight: 600 }} />
      ))}
    </g>
  );
}

/** The 50th, 85th and 95th percentile lines of one window (Victory children, so an array), labelled together so that close values do not overwrite each other. */
export function percentileLines(t: ChartTheme, lines: Lines | null, span: [number, number], format: (v: number) => string, options: { faint?: boolean; key: string }) {
  if (!lines) return [];
  const entries = [
    ['p50', lines.p50, t.p50, '2 0'],
    ['p85', lines.p85, t.p85, '8 4'],
    ['p95', lines.p95, t.p95, '3 3'],
  ] as const;
  const drawn = entries.map(([label, value, color, dash]) => levelLine(t, { key: `${options.key}-${label}`, value, span, color, dash, label: '', faint: options.faint })).flat();
  if (options.faint) return drawn;
  const labels = entries.map(([label, value, color]) => ({ value, color, text: `${label} ${format(value)}` }));
  return [...drawn, <LineLabels key={`${options.key}-labels`} t={t} x={span[1]} labels={labels} />];
}

/** The median line of one window, when there is one. */
export function medianLine(t: ChartTheme, value: number | null, span: [number, number] | null, format: (v: number) => string, options: { faint?: boolean; key: string }) {
  if (value === null || span === null) return [];
  return levelLine(t, { key: options.key, value, span, color: t.p50, dash: '2 0', label: format(value), faint: options.faint });
}

/** The figures under a chart, one line, with the comparison window's values beside them. */
export function FigureLine({ children }: { children: string }) {
  return (
    <Typography variant="body2" sx={{ mt: 1 }} data-testid="figures">
      {children}
    </Typography>
  );
}

/** A small legend as HTML (legible, wraps, never overlaps the plot). */
export function Legend({ items }: { items: { label: string; color: string; shape?: 'line' | 'dot' | 'box' }[] }) {
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 2, mt: 0.5 }} aria-label="Legend">
      {items.map((i) => (
        <Stack key={i.label} direction="row" sx={{ alignItems: 'center', gap: 0.75 }}>
          <span
            aria-hidden
            style={{
              display: 'inline-block',
              width: i.shape === 'line' ? 18 : 11,
              height: i.shape === 'line' ? 3 : 11,
              borderRadius: i.shape === 'dot' ? '50%' : 2,
              background: i.color,
            }}
          />
          <Typography variant="body2" color="text.secondary">
            {i.label}
          </Typography>
        </Stack>
      ))}
    </Stack>
  );
}

/** "58 (was 52)": a figure beside its comparison window's value. */
export function withPrevious(current: string, previous: string | null): string {
  return previous === null ? current : `${current} (before: ${previous})`;
}

/** Small stable jitter in [−0.5, 0.5) from a key, so dots in one column do not sit on each other. */
export function jitter(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 1000) / 1000 - 0.5;
}

/**
 * A UTC time x-axis and a gridded y-axis (Victory wants them as direct children, hence an array),
 * for a chart `width` px wide with this module's padding: as many date labels as fit.
 */
export function timeAxes(t: ChartTheme, from: number, to: number, width: number, yFormat: (y: number) => string = countTick) {
  return [
    <VictoryAxis key="x" tickValues={dateAxisTicks(t, from, to, width, padding(t))} tickFormat={(x: number) => formatUtcDay(x)} style={axisStyle(t)} />,
    <VictoryAxis key="y" dependentAxis style={axisStyle(t, { grid: true })} tickFormat={yFormat} />,
  ];
}

/**
 * Dots ({x, y, size, tip}) coloured by `fill`; a datum flagged `clipped` (pinned to the axis'
 * ceiling) is drawn as a triangle. Their tips show through the chart's `dotTooltips` container.
 */
export function dots<D extends { x: number; y: number; size: number; tip: string; clipped?: boolean }>(data: D[], fill: (datum: D) => string, opacity = 0.85) {
  return <DotCloud data={data.map((d) => ({ ...d, fill: fill(d) }))} opacity={opacity} />;
}
