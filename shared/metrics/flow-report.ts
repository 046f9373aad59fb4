import type { FlowReport } from './report-schema';
import { flowCharts } from './flow-charts';
import { doneSample, flowFigures } from './flow-figures';
import { dailyStates, openItemsAt } from './flow-states';
import { resolvedScope, type MetricsContext } from './metrics-context';

/** The whole Flow page: figures for the window and the comparison window, and every chart's data. */
export function computeFlowReport(ctx: MetricsContext): FlowReport {
  const { windows, dataset, inScope } = ctx;
  const states = dailyStates(dataset, inScope, windows.range);
  const current = doneSample(ctx, windows.current);
  const previous = windows.previous ? doneSample(ctx, windows.previous) : null;
  const open = openItemsAt(dataset, inScope, windows.current);
  return {
    scope: resolvedScope(ctx),
    current: flowFigures(ctx, windows.current, states, current, open),
    previous: windows.previous ? flowFigures(ctx, windows.previous, states, previous!) : null,
    charts: flowCharts(ctx, { states, current, previous, inRange: doneSample(ctx, windows.range), open }),
  };
}
