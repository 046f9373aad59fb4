import type { AgeingPoint, DependencyPoint, FlowCharts } from './report-schema';
import { MS_PER_DAY } from '../domain/time';
import { ITEM_TYPES } from '../domain/vocabulary';
import { binPoints, histogram, sampledIndexes } from './downsampling';
import { dependencySample, FLOW_KIND_OF_TYPE, type DoneSample } from './flow-figures';
import { wipOfDay, type DailyStates, type OpenItems } from './flow-states';
import { iso, msToDays, type MetricsContext } from './metrics-context';
import { windowInstant } from './metrics-scope';
import { CATEGORY, FLOW_ITEM_KINDS, MAX_CHART_MARKS, type FlowItemKind } from './metrics-vocabulary';
import { percentiles } from './percentiles';
import { roleOfInstant, weekSlots, withinData, type WeekSlot } from './week-slots';
import { MS_PER_WEEK } from './utc-calendar';

const OLDEST_LISTED = 50;
/** Bands of the cumulative flow diagram: each sampled day is one point of each band. */
const CFD_BANDS = 4;

function weekPoint(slot: WeekSlot) {
  return { weekStart: iso(slot.weekStart), label: slot.label, window: slot.window, partial: slot.partial };
}

/** The slot holding instant t, or −1; slots are consecutive ISO weeks. */
function slotIndex(slots: readonly WeekSlot[], t: number): number {
  if (slots.length === 0) return -1;
  const k = Math.floor((t - slots[0]!.weekStart) / MS_PER_WEEK);
  return k >= 0 && k < slots.length && t >= slots[k]!.from && t < slots[k]!.to ? k : -1;
}

/** Math.max without spreading (a spread of 100,000 arguments overflows the stack). */
function maxOf(values: readonly number[], floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

function lines(values: number[], ctx: MetricsContext) {
  const p = percentiles(values, ctx.method);
  return p.p50 === null ? null : { p50: p.p50, p85: p.p85!, p95: p.p95! };
}

/** What the charts are drawn from, computed once by the report. */
export interface ChartInputs {
  readonly states: DailyStates;
  readonly current: DoneSample;
  readonly previous: DoneSample | null;
  /** Items done anywhere in the chart range. */
  readonly inRange: DoneSample;
  /** Items open at the current window's instant. */
  readonly open: OpenItems;
}

/** Chart data over the range (comparison window through current window), aggregated below MAX_CHART_MARKS. */
export function flowCharts(ctx: MetricsContext, inputs: ChartInputs): FlowCharts {
  const { windows } = ctx;
  const { states, current, previous, inRange } = inputs;
  // Weeks before the data's first day (or after its last) are no samples: not drawn as weeks with nothing done.
  const slots = weekSlots(withinData(windows.range, ctx.dataDays), windows);
  return {
    throughput: throughputChart(ctx, slots, inRange),
    cycleTimeScatter: cycleScatter(ctx, inRange, current, previous),
    leadTimeHistogram: histogramChart([current.leadDays, previous?.leadDays ?? []]),
    cycleTimeHistogram: histogramChart([current.cycleDays, previous?.cycleDays ?? []]),
    ...dailyCharts(ctx, states),
    ageingWip: ageingWip(ctx, current, inputs.open),
    flowEfficiency: efficiencyTrend(ctx, slots, inRange),
    flowDistribution: distributionTrend(ctx, slots, inRange),
    ...dependencyCharts(ctx),
  };
}

function throughputChart(ctx: MetricsContext, slots: WeekSlot[], done: DoneSample) {
  const counts = slots.map(() => 0);
  for (const i of done.items) {
    const k = slotIndex(slots, ctx.flow.end[i]!);
    if (k >= 0) counts[k]!++;
  }
  return slots.map((slot, k) => ({ ...weekPoint(slot), count: counts[k]! }));
}

function cycleScatter(ctx: MetricsContext, inRange: DoneSample, current: DoneSample, previous: DoneSample | null): FlowCharts['cycleTimeScatter'] {
  const { dataset, flow, windows } = ctx;
  const total = inRange.cycleItems.length;
  const result = { total, current: lines(current.cycleDays, ctx), previous: previous ? lines(previous.cycleDays, ctx) : null };
  if (total <= MAX_CHART_MARKS) {
    const described = dataset.describeItems(inRange.cycleItems);
    const points = inRange.cycleItems.map((i, k) => ({
      doneAt: iso(flow.end[i]!),
      days: inRange.cycleDays[k]!,
      key: described[k]!.key,
      title: described[k]!.title,
      type: ITEM_TYPES[dataset.items.type[i]!]!,
      window: roleOfInstant(flow.end[i]!, windows),
    }));
    return { ...result, binned: false, points, bins: [] };
  }
  // Too many dots to tell apart: count them in cells about a day wide (or wider) and 1/30 of the height.
  const rangeDays = (windows.range.to - windows.range.from) / MS_PER_DAY;
  const xBins = Math.min(60, Math.max(1, Math.ceil(rangeDays)));
  const yBins = Math.floor(MAX_CHART_MARKS / xBins / 1.1);
  const xs = inRange.cycleItems.map((i) => flow.end[i]!);
  const groups = xs.map((x) => ['current', 'previous', null].indexOf(roleOfInstant(x, windows)));
  const yMax = maxOf(inRange.cycleDays, 1);
  const cells = binPoints(xs, inRange.cycleDays, groups, { xMin: windows.range.from, xMax: windows.range.to, yMin: 0, yMax, xBins, yBins });
  const roles = ['current', 'previous', null] as const;
  const bins = cells.map((c) => ({ doneAt: iso(c.x), days: c.y, count: c.count, window: roles[c.group]! }));
  return { ...result, binned: true, points: [], bins };
}

function histogramChart(series: number[][]) {
  const h = histogram(series);
  return { binDays: h.binWidth, bins: h.bins.map((b) => ({ from: b.from, to: b.to, current: b.counts[0]!, previous: b.counts[1]! })) };
}

function dailyCharts(ctx: MetricsContext, states: DailyStates): Pick<FlowCharts, 'cumulativeFlow' | 'wip'> {
  const days = sampledIndexes(states.days, Math.floor(MAX_CHART_MARKS / CFD_BANDS));
  const everyDays = days.length > 1 ? days[1]! - days[0]! : 1;
  const dayStart = (d: number) => states.from + d * MS_PER_DAY;
  return {
    cumulativeFlow: {
      everyDays,
      days: days.map((d) => ({
        day: iso(dayStart(d)),
        todo: states.counts[CATEGORY.todo]![d]!,
        active: states.counts[CATEGORY.active]![d]!,
        waiting: states.counts[CATEGORY.waiting]![d]!,
        done: states.counts[CATEGORY.done]![d]!,
      })),
    },
    wip: {
      everyDays,
      days: days.map((d) => ({ day: iso(dayStart(d)), wip: wipOfDay(states, d), window: roleOfInstant(dayStart(d), ctx.windows) })),
    },
  };
}

function ageingWip(ctx: MetricsContext, current: DoneSample, open: OpenItems): FlowCharts['ageingWip'] {
  const { dataset } = ctx;
  const instant = windowInstant(ctx.windows.current, dataset.asOf);
  // Status names are the items' current ones, true only when the window ends at the data's end.
  const atDataEnd = dataset.asOf !== null && instant === dataset.asOf;
  const described = dataset.describeItems(open.index);
  const points: AgeingPoint[] = open.index.map((i, k) => ({
    key: described[k]!.key,
    title: described[k]!.title,
    status: atDataEnd ? described[k]!.status : open.category[k] === CATEGORY.active ? 'Active' : 'Waiting',
    ageDays: msToDays(instant - open.since[k]!),
    type: ITEM_TYPES[dataset.items.type[i]!]!,
    team: dataset.teams[dataset.items.team[i]!]?.name ?? null,
  }));
  const columnCategory = new Map<string, 'active' | 'waiting'>();
  const columnCount = new Map<string, number>();
  points.forEach((p, k) => {
    columnCategory.set(p.status, open.category[k] === CATEGORY.active ? 'active' : 'waiting');
    columnCount.set(p.status, (columnCount.get(p.status) ?? 0) + 1);
  });
  const columns = [...columnCategory]
    .map(([status, category]) => ({ status, category, count: columnCount.get(status)! }))
    .sort((a, b) => (a.category === b.category ? a.status.localeCompare(b.status) : a.category === 'active' ? -1 : 1));
  const oldest = [...points].sort((a, b) => b.ageDays - a.ageDays || a.key.localeCompare(b.key)).slice(0, OLDEST_LISTED);
  const result = { at: dataset.asOf === null ? null : iso(instant), columns, oldest, cycleTime: lines(current.cycleDays, ctx) };
  if (points.length <= MAX_CHART_MARKS) return { ...result, binned: false, points, bins: [] };
  const bins = ageBins(points.map((p) => ({ group: p.status, ageDays: p.ageDays })), columns.length).map((b) => ({ status: b.group, ageDays: b.ageDays, count: b.count }));
  return { ...result, binned: true, points: [], bins };
}

/** Ages binned per group (column or lane) on shared edges, so that groups × bins stays under the mark budget. */
function ageBins(values: { group: string; ageDays: number }[], groups: number): { group: string; ageDays: number; count: number }[] {
  const binsPerGroup = Math.max(5, Math.min(40, Math.floor(MAX_CHART_MARKS / Math.max(1, groups))));
  const max = maxOf(values.map((v) => v.ageDays), 1);
  const width = max / binsPerGroup;
  const cells = new Map<string, { group: string; ageDays: number; count: number }>();
  for (const v of values) {
    const b = Math.min(binsPerGroup - 1, Math.floor(v.ageDays / width));
    const id = `${v.group}\u0000${b}`;
    const cell = cells.get(id) ?? { group: v.group, ageDays: (b + 0.5) * width, count: 0 };
    cell.count++;
    cells.set(id, cell);
  }
  return [...cells.values()].sort((a, b) => a.group.localeCompare(b.group) || a.ageDays - b.ageDays);
}

function efficiencyTrend(ctx: MetricsContext, slots: WeekSlot[], inRange: DoneSample) {
  const active = slots.map(() => 0);
  const flowTime = slots.map(() => 0);
  const items = slots.map(() => 0);
  for (const i of inRange.cycleItems) {
    if (!ctx.dataset.transitions.hasHistory[i]) continue;
    const a = ctx.flow.activeMs[i]!;
    const w = ctx.flow.waitingMs[i]!;
    if (a + w === 0) continue;
    const k = slotIndex(slots, ctx.flow.end[i]!);
    if (k < 0) continue;
    active[k]! += a;
    flowTime[k]! += a + w;
    items[k]!++;
  }
  return slots.map((slot, k) => ({ ...weekPoint(slot), efficiency: flowTime[k] === 0 ? null : active[k]! / flowTime[k]!, items: items[k]! }));
}

function distributionTrend(ctx: MetricsContext, slots: WeekSlot[], inRange: DoneSample) {
  const counts = slots.map(() => Object.fromEntries(FLOW_ITEM_KINDS.map((k) => [k, 0])) as Record<FlowItemKind, number>);
  for (const i of inRange.items) {
    const k = slotIndex(slots, ctx.flow.end[i]!);
    if (k >= 0) counts[k]![FLOW_KIND_OF_TYPE[ctx.dataset.items.type[i]!]!]++;
  }
  return slots.map((slot, k) => ({ ...weekPoint(slot), counts: counts[k]! }));
}

function dependencyCharts(ctx: MetricsContext): Pick<FlowCharts, 'dependencyAgeing' | 'dependencyResolution'> {
  const { dataset, windows } = ctx;
  const current = dependencySample(ctx, windows.current);
  const previous = windows.previous ? dependencySample(ctx, windows.previous) : null;
  const instant = windowInstant(windows.current, dataset.asOf);
  const teamName = (t: number) => dataset.teams[t]?.name ?? null;
  const points: DependencyPoint[] = current.openIndexes.map((k, j) => {
    const d = dataset.dependencies[k]!;
    return {
      key: d.key,
      fromItem: d.fromItemKey,
      fromTeam: teamName(d.fromTeam),
      toTeam: teamName(d.toTeam),
      interfaceName: d.interfaceName,
      ageDays: current.openAgeDays[j]!,
      overdue: d.neededBy !== null && d.neededBy < instant,
      lane: d.interfaceName ? 'interface' : 'direct',
    };
  });
  const oldest = [...points].sort((a, b) => b.ageDays - a.ageDays || a.key.localeCompare(b.key)).slice(0, OLDEST_LISTED);
  const resolution = lines(current.resolutionDays, ctx);
  const base = { at: dataset.asOf === null ? null : iso(instant), oldest, resolution };
  const dependencyAgeing =
    points.length <= MAX_CHART_MARKS
      ? { ...base, binned: false, points, bins: [] }
      : {
          ...base,
          binned: true,
          points: [],
          bins: ageBins(points.map((p) => ({ group: p.lane, ageDays: p.ageDays })), 2).map((b) => ({ lane: b.group as 'interface' | 'direct', ageDays: b.ageDays, count: b.count })),
        };
  return { dependencyAgeing, dependencyResolution: histogramChart([current.resolutionDays, previous?.resolutionDays ?? []]) };
}
