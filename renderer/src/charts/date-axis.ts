import type { ChartTheme } from './chart-theme';
import { formatUtcDay } from './format-metrics';
import { dateTicks } from './label-layout';
import { textWidth } from './measure-text';

/**
 * The ticks of every date axis: whole UTC days, weeks, months or years, as many as fit a chart
 * `width` px wide with this `padding` around its plot, in the chart's type, almost a character's
 * room between labels and none cut off at the chart's edge.
 */
export function dateAxisTicks(t: ChartTheme, from: number, to: number, width: number, padding: { left: number; right: number }): number[] {
  return dateTicks(from, to, {
    plotWidth: width - padding.left - padding.right,
    format: formatUtcDay,
    measure: (s) => textWidth(s, t.fontSize, t.fontFamily),
    gap: Math.round(t.fontSize * 0.8),
    margins: [padding.left - 2, padding.right - 2],
  });
}
