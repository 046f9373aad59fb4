import { MS_PER_DAY } from '../domain/time';
import { formatCalendarDate, utcDayStart } from '../metrics/utc-calendar';
import type { MsWindow } from '../metrics/metrics-scope';
import type { PlanData } from '../planning/plan-data';
import type { DayKind } from './forecast-calendar';
import type { PlanStartFrom } from './forecast-start';
import type { PlanConfidence } from './plan-confidence-schema';
import { simulatePlan, type PlanSimulationInput, type PlanSimulationResult } from './plan-simulation';

// An increment's stored plan turned into the plan simulation's input, and its odds back into what
// the Plan page and the CLI show. Choices (docs/FORECAST.md):
// - every planned item takes one unit of its team's throughput, whatever its size: throughput is
//   counted in items, and a size in points or days would not be in the same unit;
// - an item is due on the last day of the iteration it is planned in (a team's own sprint if it
//   has one); its team works its queue in iteration order, then board rank;
// - a feature is the parent (feature, epic) of planned items: it is done when the last of its
//   planned children is;
// - a dependency on work already done, or resolved before the forecast starts, is no risk and is
//   left out (the board shows it ✓); one on open work not planned in this increment, or on a team
//   with no item named for it, cannot be simulated and is listed as ignored (the board shows it as
//   unplanned);
// - per team and for the whole increment, "all planned done" is one more group: every item done
//   by the increment's last day in the same trial.

export interface PlanConfidenceRequest {
  readonly plan: PlanData;
  /** Each team's daily throughput over the history window, by team key. */
  readonly samples: ReadonlyMap<string, ArrayLike<number>>;
  /** The parent (feature, epic) of planned items that have one, with its title when known. */
  readonly parents: ReadonlyMap<string, { readonly parentKey: string; readonly parentTitle: string | null }>;
  readonly window: MsWindow;
  readonly dataLastDay: number;
  readonly start: number;
  /** Why it starts there (`defaultPlanStart`; 'given' for a start the person chose). */
  readonly startFrom: PlanStartFrom;
  readonly trials: number;
  readonly seed: number;
  readonly dayKind: DayKind;
  readonly uncommitBelow: number;
}

const day = (ms: number) => formatCalendarDate(ms);
const dayOrNull = (ms: number | null) => (ms === null ? null : formatCalendarDate(ms));
const TEAM_GROUP = 'team:';
const WHOLE_GROUP = 'increment';

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/** The plan's simulation input, and how its result becomes the answer: the simulation may run elsewhere (worker threads) in between. */
export interface PreparedPlanConfidence {
  readonly simulation: PlanSimulationInput;
  answer(result: PlanSimulationResult): PlanConfidence;
}

export function planConfidence(request: PlanConfidenceRequest): PlanConfidence {
  const prepared = preparePlanConfidence(request);
  return prepared.answer(simulatePlan(prepared.simulation));
}

export function preparePlanConfidence(request: PlanConfidenceRequest): PreparedPlanConfidence {
  const { plan, start } = request;
  const iterations = new Map(plan.iterations.map((i) => [i.id, i]));
  const incrementLastDay = plan.increment.end - MS_PER_DAY;
  const planned = [...plan.planned].sort((a, b) => {
    const ia = iterations.get(a.iterationId)!;
    const ib = iterations.get(b.iterationId)!;
    return a.teamKey.localeCompare(b.teamKey) || ia.start - ib.start || ia.end - ib.end || a.rank - b.rank;
  });
  const plannedKeys = new Set(planned.map((p) => p.itemKey));
  const dueOf = (p: PlanData['planned'][number]) => iterations.get(p.iterationId)!.end - MS_PER_DAY;
  const teamKeys = [...new Set(planned.map((p) => p.teamKey))].sort();

  const items = planned.map((p, order) => ({ key: p.itemKey, teamKey: p.teamKey, due: dueOf(p), order, done: p.doneAt !== null && p.doneAt < start }));
  const doneBeforeStart = new Set(items.filter((i) => i.done).map((i) => i.key));
  // As the simple forecasts: a window without one day to sample (a weekend of business days) is refused, not read as nobody finishing anything.
  if (teamKeys.length > 0 && teamKeys.every((key) => (request.samples.get(key)?.length ?? 0) === 0)) {
    throw new RangeError('The history window holds no business day to sample: widen it or count calendar days.');
  }
  const firstDayOf = new Map(planned.map((p) => [p.itemKey, utcDayStart(iterations.get(p.iterationId)!.start)]));
  const ignored: PlanConfidence['ignoredDependencies'] = [];
  const dependencies: PlanSimulationInput['dependencies'][number][] = [];
  const cancelled = new Set(plan.cancelledProviders);
  for (const d of plan.dependencies) {
    if (!plannedKeys.has(d.consumerKey)) continue;
    // Resolved: the consumer waits no more, whether or not the provider's item is closed.
    if (d.resolvedAt !== null && d.resolvedAt < start) continue;
    // On a team alone, no item named: nothing of that team is planned for it, as for a provider
    // not planned (the board counts it so), and there is no item whose odds a trial could draw.
    if (d.providerKey === null) {
      ignored.push({ key: d.key, reason: 'provider-not-planned' });
      continue;
    }
    // Cancelled: nothing will come, and no trial can say when the consumer gets it instead; the
    // board calls it unplanned, a conversation for the room, and the forecast says so too.
    if (cancelled.has(d.providerKey)) {
      ignored.push({ key: d.key, reason: 'provider-cancelled' });
      continue;
    }
    if (!plannedKeys.has(d.providerKey)) {
      const doneAt = plan.providerDoneAt[d.providerKey];
      if (doneAt === undefined || doneAt >= start) ignored.push({ key: d.key, reason: 'provider-not-planned' });
      continue;
    }
    // A planned provider done before the start: nothing to wait for, and no odds for its line
    // (it keeps the board's colour), as for one done outside the plan.
    if (doneBeforeStart.has(d.providerKey)) continue;
    dependencies.push({ key: d.key, providerKey: d.providerKey, consumerKey: d.consumerKey, needBy: d.neededBy === null ? firstDayOf.get(d.consumerKey)! : utcDayStart(d.neededBy) });
  }

  const featureMembers = new Map<string, { title: string; itemKeys: string[] }>();
  for (const p of planned) {
    const parent = request.parents.get(p.itemKey);
    if (!parent || plannedKeys.has(parent.parentKey)) continue;
    const feature = featureMembers.get(parent.parentKey) ?? { title: parent.parentTitle ?? parent.parentKey, itemKeys: [] };
    feature.itemKeys.push(p.itemKey);
    featureMembers.set(parent.parentKey, feature);
  }
  const featureKeys = [...featureMembers.keys()].sort();
  const teamGroups = teamKeys.map((t) => ({ key: `${TEAM_GROUP}${t}`, itemKeys: planned.filter((p) => p.teamKey === t).map((p) => p.itemKey), due: incrementLastDay }));
  const wholeGroup = { key: WHOLE_GROUP, itemKeys: planned.map((p) => p.itemKey), due: incrementLastDay };

  const simulation: PlanSimulationInput = {
    start,
    teams: teamKeys.map((key) => ({ key, samples: request.samples.get(key) ?? [] })),
    items,
    dependencies,
    features: [...featureKeys.map((key) => ({ key, itemKeys: featureMembers.get(key)!.itemKeys })), ...teamGroups, wholeGroup],
    objectives: plan.objectives.map((o) => ({ key: o.key, itemKeys: o.itemKeys.filter((k) => plannedKeys.has(k)), committed: o.committed })),
    trials: request.trials,
    seed: request.seed,
    dayKind: request.dayKind,
    uncommitBelow: request.uncommitBelow,
  };

  return { simulation, answer: answerFrom };

  function answerFrom(result: PlanSimulationResult): PlanConfidence {
    const odds = (o: (typeof result.items)[number]) => ({
      key: o.key,
      // A group without planned items (an objective whose work is all elsewhere) is due on no day.
      due: o.probability === null ? null : day(o.due),
      probability: o.probability,
      p85Date: dayOrNull(o.p85Date),
      probabilityWithoutDependencies: o.probabilityWithoutDependencies,
      dependencyCost: o.dependencyCost,
      costliestDependency: o.costliestDependency,
    });
    const byKey = new Map(planned.map((p) => [p.itemKey, p]));
    const teamOfItem = (k: string) => byKey.get(k)!.teamKey;
    const groupOdds = new Map(result.features.map((f) => [f.key, f]));
    const objectives = result.objectives.map((o, k) => {
      const source = plan.objectives[k]!;
      return {
        ...odds(o),
        title: source.title,
        teamKeys: source.teamKeys.length > 0 ? source.teamKeys : [...new Set(source.itemKeys.filter((i) => byKey.has(i)).map(teamOfItem))].sort(),
        committed: o.committed,
        suggestUncommitted: o.suggestUncommitted,
        unplannedItemKeys: source.itemKeys.filter((i) => !plannedKeys.has(i)),
      };
    });
    const committedOdds = (team: string | null) =>
      mean(objectives.filter((o) => o.committed && o.probability !== null && (team === null || o.teamKeys.includes(team))).map((o) => o.probability!));
    const teamSamples = new Map(result.provenance.teams.map((t) => [t.key, t]));
    return {
      increment: { name: plan.increment.name, start: day(plan.increment.start), end: day(incrementLastDay) },
      allPlannedDone: groupOdds.get(WHOLE_GROUP)!.probability,
      expectedCommittedMet: committedOdds(null),
      items: result.items.map((o) => {
        const p = byKey.get(o.key)!;
        const done = doneBeforeStart.has(o.key);
        // Done before the start: no day "by which" it is done (the tally would say the start).
        return { ...odds(o), ...(done ? { p85Date: null } : {}), title: p.title, teamKey: p.teamKey, iterationName: iterations.get(p.iterationId)!.name, done };
      }),
      features: featureKeys.map((key) => {
        const member = featureMembers.get(key)!;
        return { ...odds(groupOdds.get(key)!), title: member.title, teamKeys: [...new Set(member.itemKeys.map(teamOfItem))].sort(), itemKeys: member.itemKeys };
      }),
      objectives,
      dependencies: result.dependencies.map((d) => ({ key: d.key, providerKey: d.providerKey, consumerKey: d.consumerKey, needBy: day(d.needBy), onTimeProbability: d.onTimeProbability })),
      teams: teamKeys.map((key) => ({
        key,
        samples: teamSamples.get(key)!.samples,
        meanPerDay: teamSamples.get(key)!.meanPerDay,
        plannedItems: planned.filter((p) => p.teamKey === key).length,
        allPlannedDone: groupOdds.get(`${TEAM_GROUP}${key}`)!.probability,
        expectedCommittedMet: committedOdds(key),
      })),
      suggestedUncommitted: [...result.suggestedUncommitted],
      ignoredDependencies: [...ignored, ...result.ignoredDependencies],
      provenance: {
        window: { from: day(request.window.from), to: day(request.window.to - MS_PER_DAY), days: Math.round((request.window.to - request.window.from) / MS_PER_DAY) },
        trials: result.provenance.trials,
        seed: result.provenance.seed,
        start: day(result.provenance.start),
        startFrom: request.startFrom,
        dayKind: result.provenance.dayKind,
        uncommitBelow: result.provenance.uncommitBelow,
        dataLastDay: day(request.dataLastDay),
      },
    };
  }
}
