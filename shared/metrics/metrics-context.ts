import type { ResolvedScope } from './report-schema';
import { MS_PER_DAY } from '../domain/time';
import { ITEM_TYPES } from '../domain/vocabulary';
import { computeItemFlow, type ItemFlow } from './item-flow';
import type { MetricsDataset } from './metrics-dataset';
import { itemInScope, resolveWindows, scopeMask, type CompareChoice, type DateWindow, type MsWindow, type ResolvedWindows, type ScopeFilter, type ScopeMask } from './metrics-scope';
import type { PercentileMethod } from './metrics-vocabulary';
import { formatCalendarDate } from './utc-calendar';
import { dataDaysOf } from './week-slots';

/** What a report is asked for, after the workspace settings filled the gaps. */
export interface MetricsRequest extends ScopeFilter {
  readonly window?: DateWindow | undefined;
  readonly compare: CompareChoice;
  readonly percentileMethod: PercentileMethod;
  readonly defaultWindowWeeks: number;
  /** Used only when the workspace has no data, to place the default window somewhere. */
  readonly fallbackNow: number;
}

/** Everything one report needs, resolved once. */
export interface MetricsContext {
  readonly dataset: MetricsDataset;
  readonly flow: ItemFlow;
  readonly mask: ScopeMask;
  /** 1 for items in scope. */
  readonly inScope: Uint8Array;
  readonly windows: ResolvedWindows;
  /** The data's days, from the midnight its first day starts to the one after its last: no figure counts days outside them. */
  readonly dataDays: MsWindow;
  readonly method: PercentileMethod;
}

export function metricsContext(dataset: MetricsDataset, request: MetricsRequest, flow: ItemFlow = computeItemFlow(dataset)): MetricsContext {
  const mask = scopeMask(dataset.teams, request);
  const { items } = dataset;
  const inScope = new Uint8Array(items.count);
  for (let i = 0; i < items.count; i++) if (itemInScope(mask, items.team[i]!, items.type[i]!)) inScope[i] = 1;
  const windows = resolveWindows(request, dataset.asOf, request.fallbackNow, request.defaultWindowWeeks);
  return { dataset, flow, mask, inScope, windows, dataDays: dataDaysOf(dataset.firstAt, dataset.asOf, windows.current.to), method: request.percentileMethod };
}

function describeWindow(w: MsWindow) {
  return {
    from: new Date(w.from).toISOString(),
    to: new Date(w.to).toISOString(),
    label: `${formatCalendarDate(w.from)} – ${formatCalendarDate(w.to - MS_PER_DAY)}`,
    days: (w.to - w.from) / MS_PER_DAY,
  };
}

export function resolvedScope(ctx: MetricsContext): ResolvedScope {
  const { dataset, mask, windows } = ctx;
  return {
    teams: dataset.teams.filter((_, i) => mask.teams[i] === 1).map((t) => ({ key: t.key, name: t.name, valueStream: t.valueStream })),
    allTeams: mask.allTeams,
    itemTypes: ITEM_TYPES.filter((_, i) => mask.types[i] === 1),
    window: describeWindow(windows.current),
    compare: windows.previous ? describeWindow(windows.previous) : null,
    asOf: dataset.asOf === null ? null : new Date(dataset.asOf).toISOString(),
    dataFrom: dataset.firstAt === null ? null : new Date(dataset.firstAt).toISOString(),
    percentileMethod: ctx.method,
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const msToDays = (ms: number) => ms / MS_PER_DAY;
