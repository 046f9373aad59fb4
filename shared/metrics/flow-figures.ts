import type { Distribution, FlowFigures } from './report-schema';
import { ITEM_TYPES } from '../domain/vocabulary';
import { ExclusionCounter, mergeExcluded, pickExcluded, type Excluded } from './exclusions';
import { dailyStates, openItemsAt, wipOfDay, type DailyStates, type OpenItems } from './flow-states';
import { iso, msToDays, type MetricsContext } from './metrics-context';
import { happenedByWindowInstant, inWindow, teamInScope, windowInstant, type MsWindow } from './metrics-scope';
import { CATEGORY, FLOW_ITEM_KINDS, type ExclusionReason, type FlowItemKind } from './metrics-vocabulary';
import { percentiles } from './percentiles';
import { weeklyCounts, withinData } from './week-slots';
import { MS_PER_DAY } from '../domain/time';

/** Flow Framework kind of each ITEM_TYPES entry: epics, features and stories are all "feature" work. */
export const FLOW_KIND_OF_TYPE: readonly FlowItemKind[] = ITEM_TYPES.map((t) =>
  t === 'defect' || t === 'risk' || t === 'debt' ? t : t === 'task' ? 'other' : 'feature',
);

/** The items in scope done in a window and what each figure can use of them. */
export interface DoneSample {
  readonly items: number[];
  readonly leadDays: number[];
  readonly cycleDays: number[];
  /** Items behind cycleDays, same order. */
  readonly cycleItems: number[];
  readonly efficiency: number[];
  readonly activeMs: number;
  readonly waitingMs: number;
  readonly dependencyWaitMs: number;
  readonly excluded: ExclusionCounter;
}

const LEAD_REASONS: readonly ExclusionReason[] = ['done-before-created', 'no-done-date', 'history-out-of-order'];
const CYCLE_REASONS: readonly ExclusionReason[] = ['no-active-date', 'started-after-done', 'no-done-date', 'history-out-of-order'];
const EFFICIENCY_REASONS: readonly ExclusionReason[] = ['no-active-date', 'started-after-done', 'no-status-history', 'zero-flow-time', 'no-done-date', 'history-out-of-order'];
// The waiting share is read from the same flow times as efficiency: what adjusts or leaves out those, says so here too.
const DEPENDENCY_REASONS: readonly ExclusionReason[] = ['no-active-date', 'started-after-done', 'no-status-history', 'zero-flow-time', 'no-done-date', 'history-out-of-order', 'dependency-resolved-before-created'];

/** Items in scope whose final done falls in `window`, with their lead, cycle and efficiency samples. */
export function doneSample(ctx: MetricsContext, window: MsWindow): DoneSample {
  const { dataset, flow, inScope } = ctx;
  const { items, transitions } = dataset;
  const sample: DoneSample = { items: [], leadDays: [], cycleDays: [], cycleItems: [], efficiency: [], activeMs: 0, waitingMs: 0, dependencyWaitMs: 0, excluded: new ExclusionCounter() };
  let activeMs = 0;
  let waitingMs = 0;
  let dependencyWaitMs = 0;
  for (let i = 0; i < items.count; i++) {
    if (!inScope[i]) continue;
    const end = flow.end[i]!;
    if (Number.isNaN(end)) {
      // Done, but with no date to place it in any window: said beside every window's figures.
      if (flow.final[i] === CATEGORY.done) sample.excluded.add('no-done-date');
      continue;
    }
    if (!inWindow(end, window)) continue;
    sample.items.push(i);
    if (transitions.clamped[i]) sample.excluded.add('history-out-of-order');
    const created = items.createdAt[i]!;
    if (end < created) sample.excluded.add('done-before-created');
    else sample.leadDays.push(msToDays(end - created));
    const start = flow.start[i]!;
    if (Number.isNaN(start)) {
      sample.excluded.add('no-active-date');
      continue;
    }
    if (start > end) {
      sample.excluded.add('started-after-done');
      continue;
    }
    sample.cycleDays.push(msToDays(end - start));
    sample.cycleItems.push(i);
    if (!transitions.hasHistory[i]) {
      sample.excluded.add('no-status-history');
      continue;
    }
    const active = flow.activeMs[i]!;
    const waiting = flow.waitingMs[i]!;
    if (active + waiting === 0) {
      sample.excluded.add('zero-flow-time');
      continue;
    }
    sample.efficiency.push(active / (active + waiting));
    activeMs += active;
    waitingMs += waiting;
    dependencyWaitMs += flow.dependencyWaitMs[i]!;
  }
  return { ...sample, activeMs, waitingMs, dependencyWaitMs };
}

export function distribution(values: ArrayLike<number>, ctx: MetricsContext, excluded: Excluded = {}): Distribution {
  return { ...percentiles(values, ctx.method), excluded };
}

export interface DependencySample {
  readonly open: number;
  readonly overdue: number;
  readonly openAgeDays: number[];
  /** Index into dataset.dependencies of each open dependency, same order as openAgeDays. */
  readonly openIndexes: number[];
  readonly resolutionDays: number[];
  readonly excluded: ExclusionCounter;
}

/** A dependency is in scope when the side that waits is: its item if known, else its team. */
export function dependencyInScope(ctx: MetricsContext, d: { fromItem: number; fromTeam: number }): boolean {
  if (d.fromItem >= 0) return ctx.inScope[d.fromItem] === 1;
  const anyTypeFilter = ctx.mask.types.includes(0);
  return !anyTypeFilter && teamInScope(ctx.mask, d.fromTeam);
}

/** Dependencies open at the window's instant (with their ages) and those resolved inside it. */
export function dependencySample(ctx: MetricsContext, window: MsWindow): DependencySample {
  const t = windowInstant(window, ctx.dataset.asOf);
  const sample: DependencySample = { open: 0, overdue: 0, openAgeDays: [], openIndexes: [], resolutionDays: [], excluded: new ExclusionCounter() };
  let open = 0;
  let overdue = 0;
  ctx.dataset.dependencies.forEach((d, k) => {
    if (!dependencyInScope(ctx, d)) return;
    const asOf = ctx.dataset.asOf;
    if (happenedByWindowInstant(d.createdAt, window, asOf) && (d.resolvedAt === null || !happenedByWindowInstant(d.resolvedAt, window, asOf))) {
      open++;
      sample.openAgeDays.push(msToDays(t - d.createdAt));
      sample.openIndexes.push(k);
      if (d.neededBy !== null && d.neededBy < t) overdue++;
    }
    if (d.resolvedAt !== null && inWindow(d.resolvedAt, window)) {
      if (d.resolvedAt < d.createdAt) sample.excluded.add('dependency-resolved-before-created');
      else sample.resolutionDays.push(msToDays(d.resolvedAt - d.createdAt));
    }
  });
  return { ...sample, open, overdue };
}

/**
 * Every figure of one window. `states` are the daily counts over the chart range (which covers the
 * window); the done sample and open items may be passed in when the caller already has them.
 */
export function flowFigures(
  ctx: MetricsContext,
  window: MsWindow,
  states: DailyStates = dailyStates(ctx.dataset, ctx.inScope, window),
  done: DoneSample = doneSample(ctx, window),
  open: OpenItems = openItemsAt(ctx.dataset, ctx.inScope, window),
): FlowFigures {
  const excluded = done.excluded.toObject();

  const doneTimes = done.items.map((i) => ctx.flow.end[i]!);
  const weekly = weeklyCounts(doneTimes, window, ctx.dataDays);
  const throughputExcluded = pickExcluded(excluded, ['no-done-date', 'history-out-of-order']);
  const cycle = distribution(done.cycleDays, ctx, pickExcluded(excluded, CYCLE_REASONS));

  // WIP: the window's days that hold data (none before its first day or after its last), and the
  // items open at its instant.
  const wipDays: number[] = [];
  const span = withinData(window, ctx.dataDays);
  const firstDay = Math.max(0, Math.floor((span.from - states.from) / MS_PER_DAY));
  const lastDay = Math.min(states.days, Math.ceil((span.to - states.from) / MS_PER_DAY));
  for (let d = firstDay; d < lastDay; d++) wipDays.push(wipOfDay(states, d));
  const instant = windowInstant(window, ctx.dataset.asOf);
  const p85 = cycle.p85;
  const olderThanCycleP85 = p85 === null ? 0 : open.since.filter((s) => msToDays(instant - s) > p85).length;

  const deps = dependencySample(ctx, window);
  const depExcluded = mergeExcluded(pickExcluded(excluded, DEPENDENCY_REASONS), deps.excluded.toObject());
  const flowMs = done.activeMs + done.waitingMs;

  const kinds = new Map<FlowItemKind, number>(FLOW_ITEM_KINDS.map((k) => [k, 0]));
  for (const i of done.items) {
    const kind = FLOW_KIND_OF_TYPE[ctx.dataset.items.type[i]!]!;
    kinds.set(kind, kinds.get(kind)! + 1);
  }
  const efficiencyExcluded = pickExcluded(excluded, EFFICIENCY_REASONS);

  return {
    throughputPerWeek: {
      ...distribution(weekly.counts, ctx, throughputExcluded),
      total: weekly.total,
      mean: weekly.counts.length === 0 ? null : weekly.counts.reduce((a, b) => a + b, 0) / weekly.counts.length,
    },
    leadTimeDays: distribution(done.leadDays, ctx, pickExcluded(excluded, LEAD_REASONS)),
    cycleTimeDays: cycle,
    flowEfficiency: {
      portfolio: flowMs === 0 ? null : done.activeMs / flowMs,
      perItem: distribution(done.efficiency, ctx, efficiencyExcluded),
      activeDays: msToDays(done.activeMs),
      waitingDays: msToDays(done.waitingMs),
      n: done.efficiency.length,
      excluded: efficiencyExcluded,
    },
    wip: {
      current: open.index.length,
      at: ctx.dataset.asOf === null ? null : iso(instant),
      perDay: distribution(wipDays, ctx),
      olderThanCycleP85,
    },
    dependencyAgeing: {
      open: deps.open,
      overdue: deps.overdue,
      openAgeDays: distribution(deps.openAgeDays, ctx),
      resolutionDays: distribution(deps.resolutionDays, ctx, deps.excluded.toObject()),
      waitingShare: flowMs === 0 ? null : done.dependencyWaitMs / flowMs,
      waitingDays: msToDays(done.dependencyWaitMs),
      flowDays: msToDays(flowMs),
      excluded: depExcluded,
    },
    flowDistribution: FLOW_ITEM_KINDS.map((kind) => ({
      kind,
      count: kinds.get(kind)!,
      share: done.items.length === 0 ? null : kinds.get(kind)! / done.items.length,
    })),
    excluded: mergeExcluded(excluded, deps.excluded.toObject()),
  };
}

