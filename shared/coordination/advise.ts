import { fromEpochMs, MS_PER_DAY } from '../domain/time';
import type { CoordinationData, Interval } from './coordination-data';
import { measureCongruence } from './congruence';
import { formatPercent, listNames, plural } from './format';
import {
  bottleneckFindings,
  boundaryFindings,
  compareValueStreams,
  trendFindings,
  valueStreamFindings,
  type NamedTeams,
} from './findings';
import { judgeEvidence } from './confidence';
import { groupEvidence, groupTrendNumbers, integrationsByGroup, parentsByGroup, type GroupEvidence } from './group-evidence';
import { groupTeams, moveTeam, type Grouping, type TeamGroup } from './grouping';
import { measureIntervals, measuredCouplings, namesOnlyWorkspaceTeams, pairKey, scoreMeasurement, type PairMeasurement, type ScoredPairs } from './pair-coupling';
import { decideModel, describeCues, practicesFor, reasonsFor, robustnessOf, whatWouldChange } from './recommendation';
import {
  COORDINATION_MODELS,
  PAIR_LIMIT,
  type CoordinationReport,
  type GroupLink,
  type GroupRecommendation,
  type PairCoupling,
  type TrendPoint,
} from './report-schema';
import type { CoordinationSettings } from './settings';

export interface TeamMove {
  readonly teamKey: string;
  /** The team whose group it joins; null to stand alone. */
  readonly toTeamKey: string | null;
}

export interface AdviseOptions {
  readonly window: Interval;
  readonly settings: CoordinationSettings;
  /** Moves applied after grouping (what-if). */
  readonly moves?: readonly TeamMove[];
}

/** The last `periods` periods of `periodDays` ending where the window ends, oldest first. */
export function trendIntervals(window: Interval, settings: CoordinationSettings['trend']): Interval[] {
  const length = settings.periodDays * MS_PER_DAY;
  return Array.from({ length: settings.periods }, (_, i) => {
    const to = window.to - (settings.periods - 1 - i) * length;
    return { from: to - length, to };
  });
}

/**
 * The periods that begin on or after the data's first day. One that begins earlier is, in part or
 * whole, time nobody recorded: no sample, not a coupling of 0 (as the metrics' weeks, withinData).
 */
export function periodsWithData(periods: readonly Interval[], dataFrom: number | null | undefined): Interval[] {
  if (dataFrom === null || dataFrom === undefined) return [...periods];
  const firstDay = Math.floor(dataFrom / MS_PER_DAY) * MS_PER_DAY;
  return periods.filter((p) => p.from >= firstDay);
}

/** The largest bin of whole days that both the window and the trend periods are made of. */
export function completionBinDays(window: Interval, settings: CoordinationSettings): number {
  let a = Math.max(1, Math.round((window.to - window.from) / MS_PER_DAY));
  let b = settings.trend.periodDays;
  while (b !== 0) [a, b] = [b, a % b];
  return (window.to - window.from) % MS_PER_DAY === 0 ? a : 1;
}

/** The full range the advisor reads: the window and the trend periods. */
export function analysisRange(window: Interval, settings: CoordinationSettings): Interval {
  const periods = trendIntervals(window, settings.trend);
  return { from: Math.min(window.from, periods[0]!.from), to: window.to };
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

function groupName(group: TeamGroup, names: NamedTeams): string {
  const sorted = group.teamKeys.map((k) => names.name(k)).sort(compareText);
  if (sorted.length <= 4) return listNames(sorted);
  return `${sorted.slice(0, 3).join(', ')} and ${sorted.length - 3} more`;
}

/** For each team, the indexes of the non-portfolio objectives it contributes to (each once, in objective order). */
export function objectivesByTeam(data: CoordinationData): Map<string, number[]> {
  const byTeam = new Map<string, number[]>();
  data.objectives.forEach((o, i) => {
    if (o.level === 'portfolio') return;
    for (const k of o.teamKeys) {
      let list = byTeam.get(k);
      if (!list) byTeam.set(k, (list = []));
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return byTeam;
}

/**
 * The objective most members contribute to (the mission a Team-of-Teams would own); ties go to the
 * smaller key. Counts only the objectives the members name, rather than scanning every objective per group.
 */
export function missionOf(
  teamKeys: readonly string[],
  data: CoordinationData,
  byTeam: ReadonlyMap<string, readonly number[]> = objectivesByTeam(data),
): { title: string; members: number } | null {
  const counts = new Map<number, number>();
  for (const k of new Set(teamKeys)) for (const i of byTeam.get(k) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
  let best: { title: string; members: number; key: string } | null = null;
  for (const i of [...counts.keys()].sort((x, y) => x - y)) {
    const count = counts.get(i)!;
    if (count < 2) continue;
    const o = data.objectives[i]!;
    if (!best || count > best.members || (count === best.members && o.key < best.key)) best = { title: o.title, members: count, key: o.key };
  }
  return best ? { title: best.title, members: best.members } : null;
}

/** Facts about keys that are not teams of the workspace (dangling references) are left out; copies only when there are some. */
function withKnownTeams(data: CoordinationData, known: ReadonlySet<string>): CoordinationData {
  const all = (keys: readonly string[]) => keys.every((k) => known.has(k));
  // The pair measurement indexes every key the facts name anyway (and keeps the indexes for the data).
  if (namesOnlyWorkspaceTeams(data)) return data;
  return {
    ...data,
    dependencies: data.dependencies.filter((d) => known.has(d.fromTeamKey) && known.has(d.toTeamKey)),
    completions: data.completions.filter((c) => known.has(c.teamKey)),
    integrations: data.integrations.map((e) => (all(e.teamKeys) ? e : { ...e, teamKeys: e.teamKeys.filter((k) => known.has(k)) })),
    objectives: data.objectives.map((o) => (all(o.teamKeys) ? o : { ...o, teamKeys: o.teamKeys.filter((k) => known.has(k)) })),
    parents: data.parents.map((p) => (all(p.teamKeys) ? p : { ...p, teamKeys: p.teamKeys.filter((k) => known.has(k)) })),
  };
}

const MODEL_RANK = Object.fromEntries(COORDINATION_MODELS.map((m, i) => [m, i])) as Record<(typeof COORDINATION_MODELS)[number], number>;
const ROLE_RANK = { group: 0, provider: 1, single: 2 } as const;

export interface Advice {
  readonly report: CoordinationReport;
  readonly grouping: Grouping;
  readonly scored: ScoredPairs;
}

export function adviseCoordination(data: CoordinationData, options: AdviseOptions): Advice {
  const { window, settings } = options;
  const windowDays = Math.max(1, Math.round((window.to - window.from) / MS_PER_DAY));
  const teamByKey = new Map(data.teams.map((t) => [t.key, t]));
  const names: NamedTeams = {
    name: (key) => teamByKey.get(key)?.name ?? key,
    valueStream: (key) => teamByKey.get(key)?.valueStream ?? null,
  };
  const teamKeys = [...teamByKey.keys()].sort(compareText);
  const known = new Set(teamKeys);
  const scoped = withKnownTeams(data, known);

  const scored = scoreMeasurement(measureIntervals(scoped, [window])[0]!, scoped.recorded, settings);
  const sortedPairs = [...scored.scores.values()].sort(
    (x, y) => y.coupling - x.coupling || compareText(x.teamKeys[0], y.teamKeys[0]) || compareText(x.teamKeys[1], y.teamKeys[1]),
  );
  let grouping = groupTeams(
    teamKeys.map((k) => teamByKey.get(k)!),
    scored.measurement,
    sortedPairs,
    settings,
  );
  for (const move of options.moves ?? []) if (known.has(move.teamKey)) grouping = moveTeam(grouping, move.teamKey, move.toTeamKey);

  // Trends read only the pairs inside groups, and of their scores only the coupling: measure and
  // score just those, all periods in one pass.
  const periods = periodsWithData(trendIntervals(window, settings.trend), data.dataFrom);
  const periodMeasurements = measureIntervals(scoped, periods, { sameGroupIn: grouping.groupOf, skipWaiting: true });
  const periodScores = periods.map((p, i) => ({
    interval: p,
    measurement: periodMeasurements[i]!,
    couplings: measuredCouplings(periodMeasurements[i]!, scoped.recorded, settings),
  }));
  const integrations = integrationsByGroup(scoped, window, grouping.groupOf);
  const parents = parentsByGroup(scoped, grouping.groupOf);
  let windowDependencies = 0;
  for (const facts of scored.measurement.pairs.values()) windowDependencies += facts.aWaitsOnB + facts.bWaitsOnA;

  const nameOf = new Map(grouping.groups.map((g) => [g.id, groupName(g, names)]));
  // Strong links to shared providers do not make groups, but a team standing alone should say they exist.
  const providerLinks = new Map<string, string[]>();
  for (const p of sortedPairs) {
    if (p.coupling < settings.grouping.minEdgeCoupling) break;
    const [a, b] = p.teamKeys;
    if (grouping.providers.has(b) && !grouping.providers.has(a)) providerLinks.set(a, [...(providerLinks.get(a) ?? []), names.name(b)]);
    if (grouping.providers.has(a) && !grouping.providers.has(b)) providerLinks.set(b, [...(providerLinks.get(b) ?? []), names.name(a)]);
  }
  const missionIndex = objectivesByTeam(scoped);
  const groups: GroupRecommendation[] = grouping.groups.map((group) => {
    const evidence = groupEvidence(group.teamKeys, scored, integrations.get(group.id), scoped, parents.get(group.id));
    const links = providerLinks.get(group.teamKeys[0]!) ?? [];
    const mission = missionOf(group.teamKeys, scoped, missionIndex);
    return recommendGroup(group, evidence, nameOf.get(group.id)!, mission, grouping, names, settings, windowDays, periodScores, links, windowDependencies);
  });
  groups.sort(
    (x, y) =>
      ROLE_RANK[x.role] - ROLE_RANK[y.role] ||
      MODEL_RANK[y.model] - MODEL_RANK[x.model] ||
      y.teamKeys.length - x.teamKeys.length ||
      y.coupling - x.coupling ||
      compareText(x.name, y.name),
  );

  const valueStreams = compareValueStreams(teamKeys, grouping, names);
  const findings = [
    ...bottleneckFindings(scored.measurement, grouping, settings.bottleneck, names, windowDays),
    ...boundaryFindings(sortedPairs, grouping, settings.boundary, names, (id) => nameOf.get(id) ?? id),
    ...trendFindings(groups, settings.trend),
    ...valueStreamFindings(valueStreams, groups, names),
  ];

  const congruence = measureCongruence(scored.measurement, scoped.forums, {
    groupOf: grouping.groupOf,
    providers: new Set(grouping.providers.keys()),
    knownTeams: known,
  });

  const teams = teamKeys.map((key) => {
    const t = teamByKey.get(key)!;
    const facts = scored.measurement.teams.get(key);
    return {
      key,
      name: t.name,
      valueStream: t.valueStream,
      groupId: grouping.groupOf.get(key)!,
      provider: grouping.providers.has(key),
      completedItems: facts?.completed ?? 0,
      waitsOnTeams: facts ? [...facts.waitsOn].filter((k) => k !== key).length : 0,
      waitedOnByTeams: facts ? [...facts.waitedOnBy].filter((k) => k !== key).length : 0,
    };
  });

  const report: CoordinationReport = {
    window: { from: fromEpochMs(window.from), to: fromEpochMs(window.to), days: windowDays },
    recorded: { ...data.recorded },
    settings,
    teams,
    groups,
    pairs: sortedPairs.slice(0, PAIR_LIMIT),
    pairCount: sortedPairs.length,
    groupLinks: linkGroups(sortedPairs, grouping),
    findings,
    congruence,
    valueStreams,
  };
  return { report, grouping, scored };
}

function recommendGroup(
  group: TeamGroup,
  evidence: GroupEvidence,
  name: string,
  mission: { title: string; members: number } | null,
  grouping: Grouping,
  names: NamedTeams,
  settings: CoordinationSettings,
  windowDays: number,
  periodScores: { interval: Interval; measurement: PairMeasurement; couplings: ReadonlyMap<string, number> }[],
  providerLinks: readonly string[],
  windowDependencies: number,
): GroupRecommendation {
  const { thresholds } = settings;
  const model = decideModel(evidence.cues, thresholds, evidence.size);
  const memberNames = group.teamKeys.map((k) => names.name(k)).sort(compareText);
  const context = {
    dependencies: evidence.measures.dependencies,
    completed: evidence.measures.completedItems,
    blockedDays: evidence.measures.blockedDays,
    interfaced: evidence.measures.interfaced,
    integrations: evidence.measures.integrations,
    jointIntegrations: evidence.measures.jointIntegrations,
    sources: evidence.sources,
    parents: evidence.parents,
  };
  const cues = describeCues(evidence.cues, thresholds, context);
  let reasons: string[];
  let changes: string[];
  const provider = grouping.providers.get(group.teamKeys[0]!);
  if (group.role === 'provider' && provider) {
    reasons = [
      `${memberNames[0]} is a shared provider: ${plural(provider.waitingTeams.length, 'team')} coupled to it wait on it, and only ${formatPercent(provider.cohesion)} of the pairs among them are coupled to each other (below ${formatPercent(settings.bottleneck.maxDependentCohesion)}).`,
      'Serve them through a self-service offering and a visible dependency board rather than a seat in each consumer’s forum.',
    ];
    changes = [
      `If ${formatPercent(settings.bottleneck.maxDependentCohesion)} or more of the teams that wait on it were coupled to each other, it would be grouped with them.`,
    ];
  } else if (evidence.size < 2) {
    reasons = [
      `${memberNames[0]} is coupled to no other team above ${settings.grouping.minEdgeCoupling.toFixed(2)}` +
        (providerLinks.length > 0 ? ` apart from the shared provider ${listNames(providerLinks)} (see its finding)` : '') +
        ': nothing to coordinate in a standing forum.',
    ];
    changes = [`If its coupling with another team reached ${settings.grouping.minEdgeCoupling.toFixed(2)}, it would join that team’s group.`];
  } else {
    reasons = reasonsFor(model, evidence.cues, thresholds, context);
    changes = whatWouldChange(model, evidence.cues, thresholds);
  }
  // A trend point reads coupling and dependency share only: the period's integrations are not needed.
  const trend: TrendPoint[] = periodScores.map(({ interval, measurement, couplings }) => {
    const e = groupTrendNumbers(group.teamKeys, measurement, couplings);
    return {
      from: fromEpochMs(interval.from),
      to: fromEpochMs(interval.to),
      coupling: e.coupling,
      dependencyShare: e.dependencyShare,
      dependencies: e.dependencies,
      completedItems: e.completedItems,
    };
  });
  const judged = judgeEvidence(
    {
      model,
      role: group.role,
      size: evidence.size,
      cues: evidence.cues,
      sources: evidence.sources,
      dependencies: group.role === 'group' ? evidence.measures.dependencies : windowDependencies,
      items: evidence.measures.completedItems,
      days: windowDays,
    },
    robustnessOf(model, evidence.cues, thresholds, evidence.size),
    thresholds,
    settings.evidence.minDependencies,
  );
  return {
    id: group.id,
    name,
    teamKeys: [...group.teamKeys],
    valueStreams: [...new Set(group.teamKeys.map((k) => names.valueStream(k)).filter((s): s is string => s !== null))].sort(compareText),
    role: group.role,
    coupling: evidence.coupling,
    measures: evidence.measures,
    model,
    cues,
    reasons,
    whatWouldChange: changes,
    robustness: judged.robustness,
    evidence: judged.evidence,
    practices: practicesFor(model, evidence, { memberNames, windowDays, mission }),
    trend,
  };
}

/** Coupling between groups: the mean over every cross pair (pairs with nothing between them count as 0). */
function linkGroups(pairs: readonly PairCoupling[], grouping: Grouping): GroupLink[] {
  const size = new Map(grouping.groups.map((g) => [g.id, g.teamKeys.length]));
  const links = new Map<string, { groupIds: [string, string]; sum: number; dependencies: number }>();
  for (const p of pairs) {
    const ga = grouping.groupOf.get(p.teamKeys[0])!;
    const gb = grouping.groupOf.get(p.teamKeys[1])!;
    if (ga === gb) continue;
    const key = pairKey(ga, gb);
    let link = links.get(key);
    if (!link) links.set(key, (link = { groupIds: ga < gb ? [ga, gb] : [gb, ga], sum: 0, dependencies: 0 }));
    link.sum += p.coupling;
    link.dependencies += p.dependencies.total;
  }
  // Ordered by the ids' text, made once per link rather than once per comparison.
  const ordered = [...links.values()].map((l) => ({ l, text: l.groupIds.join() })).sort((x, y) => compareText(x.text, y.text));
  return ordered.map(({ l }) => ({ groupIds: l.groupIds, coupling: Math.min(1, l.sum / (size.get(l.groupIds[0])! * size.get(l.groupIds[1])!)), dependencies: l.dependencies }));
}


