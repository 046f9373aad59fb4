import { alpha, lighten, useTheme, type Theme } from '@mui/material/styles';
import { useMemo } from 'react';
import { SERIES_COLORS } from '../theme/app-theme';

/**
 * Chart colours and type, derived from the MUI theme so that every chart follows light and dark
 * mode. Okabe–Ito colours (colour-blind safe), lightened in dark mode so that they keep their
 * contrast against a dark background on a projector; sizes in real pixels, readable from the back.
 */
export interface ChartTheme {
  readonly text: string;
  readonly mutedText: string;
  readonly axis: string;
  readonly grid: string;
  readonly background: string;
  readonly fontFamily: string;
  /** Every label in a chart: 13 px at a desk, the room's chart size while presenting. */
  readonly fontSize: number;
  /** fontSize against the desk's: paddings, ticks and heights grow with it, so labels keep their room. */
  readonly scale: number;
  /** The window being looked at, and the one compared with. */
  readonly current: string;
  readonly previous: string;
  /** Percentile lines p50, p85, p95. */
  readonly p50: string;
  readonly p85: string;
  readonly p95: string;
  readonly series: readonly string[];
  readonly bands: { readonly todo: string; readonly active: string; readonly waiting: string; readonly done: string };
}

/** Chart labels at a desk, in px. */
export const DESK_CHART_FONT = 13;

export function chartTheme(theme: Theme): ChartTheme {
  const dark = theme.palette.mode === 'dark';
  const fontSize = theme.room?.chart ?? DESK_CHART_FONT;
  const tone = (c: string) => (dark ? lighten(c, 0.25) : c);
  const series = SERIES_COLORS.map(tone);
  return {
    text: theme.palette.text.primary,
    mutedText: theme.palette.text.secondary,
    axis: alpha(theme.palette.text.primary, 0.5),
    grid: alpha(theme.palette.text.primary, dark ? 0.14 : 0.1),
    background: theme.palette.background.paper,
    fontFamily: String(theme.typography.fontFamily),
    fontSize,
    scale: fontSize / DESK_CHART_FONT,
    current: series[0]!,
    // Solid, not translucent: a thousand overlapping dots must not add up to white (or black).
    previous: dark ? theme.palette.grey[600] : theme.palette.grey[400],
    p50: series[2]!,
    p85: series[1]!,
    p95: series[5]!,
    series,
    bands: { todo: alpha(theme.palette.text.primary, dark ? 0.3 : 0.22), active: series[0]!, waiting: series[1]!, done: series[2]! },
  };
}

export function useChartTheme(): ChartTheme {
  const theme = useTheme();
  return useMemo(() => chartTheme(theme), [theme]);
}

/** Room around a plot for its labels (at a desk: `base`), grown with the chart's type. */
export function chartPadding(t: ChartTheme, base: { top: number; right: number; bottom: number; left: number }) {
  return { top: base.top * t.scale, right: base.right * t.scale, bottom: base.bottom * t.scale, left: base.left * t.scale };
}

/** Victory axis styles from the chart theme: ticks and labels in text colours, light grid. */
export function axisStyle(t: ChartTheme, options: { grid?: boolean } = {}) {
  return {
    axis: { stroke: t.axis },
    ticks: { stroke: t.axis, size: 4 * t.scale },
    tickLabels: { fill: t.mutedText, fontSize: t.fontSize, fontFamily: t.fontFamily, padding: 4 * t.scale },
    axisLabel: { fill: t.mutedText, fontSize: t.fontSize, fontFamily: t.fontFamily, padding: 34 * t.scale },
    grid: options.grid ? { stroke: t.grid, strokeDasharray: 'none' } : { stroke: 'none' },
  };
}
