import { formatPercent, formatValue, listNames, plural } from './format';
import type { Grouping } from './grouping';
import type { PairMeasurement } from './pair-coupling';
import type { Finding, GroupRecommendation, PairCoupling } from './report-schema';
import type { CoordinationSettings } from './settings';

// Structural findings: what would remove coordination rather than organise it. The best forum is
// the one a team boundary or a self-service platform makes unnecessary.

export interface NamedTeams {
  name(key: string): string;
  valueStream(key: string): string | null;
}

export function bottleneckFindings(
  measurement: PairMeasurement,
  grouping: Grouping,
  settings: CoordinationSettings['bottleneck'],
  names: NamedTeams,
  windowDays: number,
): Finding[] {
  const findings: Finding[] = [];
  const keys = [...measurement.teams.keys()].sort();
  for (const key of keys) {
    const facts = measurement.teams.get(key)!;
    const waiting = [...facts.waitedOnBy].filter((k) => k !== key).sort();
    const provider = grouping.providers.get(key);
    // A shared provider always has its finding: its consumers' advice points to it, and without
    // status history no wait could ever reach the days asked of the others.
    if (!provider && (waiting.length < settings.minWaitingTeams || facts.blockedDaysCaused < settings.minBlockedDays)) continue;
    const name = names.name(key);
    findings.push({
      id: `bottleneck-${key}`,
      kind: 'bottleneck',
      title: `${plural(waiting.length, 'team')} wait on ${name}`,
      detail:
        `In the last ${windowDays} days ${plural(waiting.length, 'team')} had ${plural(facts.incoming, 'dependency', 'dependencies')} on ${name} ` +
        `(${facts.incomingOpen} still open); their items waited ${formatValue(facts.blockedDaysCaused, 'days', 0)} on it in total.` +
        (provider
          ? ` Of the ${plural(provider.waitingTeams.length, 'team')} coupled to it, only ${formatPercent(provider.cohesion)} of the pairs are coupled to each other: ${name} is a shared provider, so it is kept out of grouping.`
          : ''),
      suggestion: provider
        ? `Offer what these teams wait for as self-service (paved paths, documented interfaces, automation) instead of taking requests; ` +
          `until then keep ${name}’s queue visible on the dependency board. A forum seat for every consumer would not shorten the queue.`
        : `Look at what they keep waiting for: requests that recur are candidates for a self-service offering or a documented interface; ` +
          `the rest belongs on the dependency board of ${name}’s group.`,
      teamKeys: [key, ...waiting],
      groupIds: [grouping.groupOf.get(key)!].filter(Boolean),
      measures: [
        { label: 'Teams waiting', display: String(waiting.length) },
        { label: 'Dependencies', display: String(facts.incoming) },
        { label: 'Still open', display: String(facts.incomingOpen) },
        { label: 'Days waited', display: formatValue(facts.blockedDaysCaused, 'days', 0) },
      ],
    });
  }
  return findings;
}

export function boundaryFindings(
  pairs: readonly PairCoupling[],
  grouping: Grouping,
  settings: CoordinationSettings['boundary'],
  names: NamedTeams,
  groupName: (id: string) => string,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of pairs) {
    const [a, b] = p.teamKeys;
    if (p.coupling < settings.minCoupling) continue;
    if (grouping.providers.has(a) || grouping.providers.has(b)) continue;
    const ga = grouping.groupOf.get(a)!;
    const gb = grouping.groupOf.get(b)!;
    if (ga === gb) continue;
    const na = names.name(a);
    const nb = names.name(b);
    findings.push({
      id: `boundary-${a}-${b}`,
      kind: 'boundary',
      title: `${na} and ${nb} are coupled across group boundaries`,
      detail:
        `Coupling ${p.coupling.toFixed(2)} (≥ ${settings.minCoupling.toFixed(2)}) although ${na} sits in “${groupName(ga)}” and ${nb} in “${groupName(gb)}”: ` +
        `${plural(p.dependencies.total, 'dependency', 'dependencies')} between them, ${formatPercent(p.dependencyShare, 1)} of the items they completed.`,
      suggestion:
        `Redraw the boundary rather than add a forum: move the capability both keep touching into one team, or let one team join the other's group ` +
        `(try “move” in What-if). Every forum between them would only manage a dependency the boundary creates.`,
      teamKeys: [a, b],
      groupIds: [ga, gb].sort(),
      measures: [
        { label: 'Coupling', display: p.coupling.toFixed(2) },
        { label: 'Dependencies', display: String(p.dependencies.total) },
        { label: 'Dependency share', display: formatPercent(p.dependencyShare, 1) },
      ],
    });
  }
  return findings;
}

export function trendFindings(groups: readonly GroupRecommendation[], settings: CoordinationSettings['trend']): Finding[] {
  const findings: Finding[] = [];
  for (const g of groups) {
    if (g.teamKeys.length < 2 || g.trend.length < 2) continue;
    const half = Math.floor(g.trend.length / 2);
    const mean = (points: typeof g.trend) => points.reduce((s, p) => s + p.coupling, 0) / points.length;
    const earlier = mean(g.trend.slice(0, g.trend.length - half));
    const recent = mean(g.trend.slice(g.trend.length - half));
    const change = recent - earlier;
    if (Math.abs(change) < settings.minAbsoluteChange) continue;
    const rising = change > 0 && recent >= earlier * (1 + settings.minRelativeChange);
    const falling = change < 0 && recent <= earlier * (1 - settings.minRelativeChange);
    if (!rising && !falling) continue;
    const span = `from ${earlier.toFixed(2)} to ${recent.toFixed(2)} (mean of the earlier and the recent ${plural(half, 'period')})`;
    // A coupling mean over a handful of dependencies or items swings with each one. The sample: every
    // period's completed items, and the dependencies of the half where coupling is higher (the other
    // half may rightly hold none: that is what a fall to zero looks like).
    const higher = rising ? g.trend.slice(g.trend.length - half) : g.trend.slice(0, g.trend.length - half);
    const higherDependencies = higher.reduce((s, p) => s + p.dependencies, 0);
    const fewestItems = Math.min(...g.trend.map((p) => p.completedItems));
    const tooFewDependencies = higherDependencies < settings.minDependenciesPerPeriod * higher.length;
    if (tooFewDependencies || fewestItems < settings.minItemsPerPeriod) {
      const why = tooFewDependencies
        ? `its ${rising ? 'recent' : 'earlier'} ${plural(higher.length, 'period')} held only ${plural(higherDependencies, 'dependency', 'dependencies')} between members (at least ${settings.minDependenciesPerPeriod} a period are needed)`
        : `a period of ${settings.periodDays} days held only ${plural(fewestItems, 'completed item')} (at least ${settings.minItemsPerPeriod} are needed)`;
      findings.push({
        id: `trend-${g.id}`,
        kind: 'trend',
        title: `Too small a sample to call a trend in “${g.name}”`,
        detail: `Mean coupling of its member pairs went ${span}, but ${why}: the sample is too small to tell a trend from noise.`,
        suggestion: 'Do not resize the forum on this: import a longer history, or look again when more dependencies have been recorded.',
        teamKeys: [...g.teamKeys],
        groupIds: [g.id],
        measures: [
          { label: 'Earlier', display: earlier.toFixed(2) },
          { label: 'Recent', display: recent.toFixed(2) },
          { label: tooFewDependencies ? 'Dependencies' : 'Fewest items in a period', display: String(tooFewDependencies ? higherDependencies : fewestItems) },
        ],
      });
      continue;
    }
    findings.push({
      id: `trend-${g.id}`,
      kind: 'trend',
      title: `Coupling ${rising ? 'rose' : 'fell'} in “${g.name}”`,
      detail: `Mean coupling of its member pairs went ${span}.`,
      suggestion: rising
        ? g.model === 'none'
          ? 'Coupling is growing: watch whether the cues reach a Scrum of Scrums, and look for the dependency that keeps recurring before adding a forum.'
          : 'Scale the forum up while coupling stays high: meet more often, add the teams that joined the dependencies, or move to the heavier model the cues ask for.'
        : g.model === 'none'
          ? 'The teams are decoupling further: no forum is needed.'
          : 'Scale the forum down: meet less often or with fewer people, and dissolve it when the cues no longer call for it.',
      teamKeys: [...g.teamKeys],
      groupIds: [g.id],
      measures: [
        { label: 'Earlier', display: earlier.toFixed(2) },
        { label: 'Recent', display: recent.toFixed(2) },
      ],
    });
  }
  return findings;
}

export interface ValueStreamView {
  name: string;
  teamKeys: string[];
  groupIds: string[];
  agrees: boolean;
}

/** Declared value streams against the groups coupling draws; a stream agrees when its teams are exactly one group's. */
export function compareValueStreams(teamKeys: readonly string[], grouping: Grouping, names: NamedTeams): ValueStreamView[] {
  const streams = new Map<string, string[]>();
  for (const key of teamKeys) {
    const stream = names.valueStream(key);
    if (stream === null) continue;
    const list = streams.get(stream) ?? [];
    list.push(key);
    streams.set(stream, list);
  }
  const groupMembers = new Map(grouping.groups.map((g) => [g.id, g.teamKeys]));
  return [...streams.entries()]
    .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
    .map(([name, keys]) => {
      const groupIds = [...new Set(keys.map((k) => grouping.groupOf.get(k)!))].sort();
      const agrees =
        groupIds.length === 1 && (groupMembers.get(groupIds[0]!) ?? []).every((k) => names.valueStream(k) === name || names.valueStream(k) === null);
      return { name, teamKeys: [...keys].sort(), groupIds, agrees };
    });
}

export function valueStreamFindings(views: readonly ValueStreamView[], groups: readonly GroupRecommendation[], names: NamedTeams): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(groups.map((g) => [g.id, g]));
  for (const v of views) {
    if (v.agrees || v.teamKeys.length < 2) continue;
    const parts = v.groupIds.map((id) => byId.get(id)!).filter(Boolean);
    if (parts.length < 2) continue;
    const describe = parts.map((g) => {
      const inStream = g.teamKeys.filter((k) => names.valueStream(k) === v.name).map((k) => names.name(k));
      return g.teamKeys.length === 1 ? `${inStream[0]} on its own` : `${listNames(inStream)} in “${g.name}”`;
    });
    const allApart = parts.every((g) => g.teamKeys.length === 1);
    findings.push({
      id: `value-stream-${v.name}`,
      kind: 'value-stream',
      title: allApart ? `The teams of “${v.name}” barely depend on each other` : `Coupling splits the value stream “${v.name}”`,
      detail: allApart
        ? `Its ${plural(v.teamKeys.length, 'team')} share no group: each stands alone or serves others as a shared provider.`
        : `Its teams fall into ${parts.length} groups by coupling: ${describe.join('; ')}.`,
      suggestion: allApart
        ? 'A value-stream forum for these teams would be ceremony: keep asynchronous updates and the dependency board.'
        : 'Coordinate along the coupling, not the org chart: teams of one stream that barely depend on each other need no forum together.',
      teamKeys: v.teamKeys,
      groupIds: v.groupIds,
      measures: [{ label: 'Groups', display: String(parts.length) }],
    });
  }
  for (const g of groups) {
    if (g.teamKeys.length < 2 || g.valueStreams.length < 2) continue;
    findings.push({
      id: `value-stream-group-${g.id}`,
      kind: 'value-stream',
      title: `“${g.name}” crosses value streams`,
      detail: `Its teams are declared in ${listNames(g.valueStreams.map((s) => `“${s}”`))}, yet they are coupled enough to coordinate together.`,
      suggestion: 'Check whether the line between these value streams cuts through one capability; redrawing it would remove the need for a cross-stream forum.',
      teamKeys: [...g.teamKeys],
      groupIds: [g.id],
      measures: [{ label: 'Value streams', display: String(g.valueStreams.length) }],
    });
  }
  return findings;
}
