import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { CoordinationTeam } from './coordination-data';
import { sortedSum } from './group-evidence';
import type { PairMeasurement } from './pair-coupling';
import type { GroupRole, PairCoupling } from './report-schema';
import type { CoordinationSettings } from './settings';

// Groups of coupled teams. Two choices make the result depend on the data only:
// - shared providers (a platform many unrelated teams wait on) are kept out of the clustering, so
//   their consumers are not glued into one group by the queue in front of the platform;
// - Louvain runs with a seeded random walk over nodes in a canonical order built from the data
//   (strength, degree, throughput), so input order never matters and names only break exact ties.

export interface ProviderFacts {
  /** Teams coupled to the provider that wait on it. */
  readonly waitingTeams: readonly string[];
  /** Share of pairs among the waiting teams that are coupled to each other. */
  readonly cohesion: number;
}

export interface TeamGroup {
  readonly id: string;
  readonly teamKeys: readonly string[];
  readonly role: GroupRole;
}

export interface Grouping {
  readonly groups: readonly TeamGroup[];
  readonly groupOf: ReadonlyMap<string, string>;
  readonly providers: ReadonlyMap<string, ProviderFacts>;
}

/** Pairs strong enough to link teams: adjacency lists, each sorted by team key. */
export function strongAdjacency(scores: Iterable<PairCoupling>, minCoupling: number): Map<string, Map<string, number>> {
  const adjacency = new Map<string, Map<string, number>>();
  const link = (x: string, y: string, weight: number) => {
    let m = adjacency.get(x);
    if (!m) adjacency.set(x, (m = new Map()));
    m.set(y, weight);
  };
  for (const p of scores) {
    if (p.coupling < minCoupling) continue;
    link(p.teamKeys[0], p.teamKeys[1], p.coupling);
    link(p.teamKeys[1], p.teamKeys[0], p.coupling);
  }
  return adjacency;
}

/**
 * Shared providers: many teams that are coupled to them wait on them, and those teams are mostly
 * not coupled to each other. A team whose dependents all work together (a member of a tight group)
 * is not one, and neither is a team a few strays happen to wait on.
 */
export function findProviders(
  measurement: PairMeasurement,
  adjacency: Map<string, Map<string, number>>,
  settings: CoordinationSettings['bottleneck'],
): Map<string, ProviderFacts> {
  const providers = new Map<string, ProviderFacts>();
  for (const [key, facts] of measurement.teams) {
    const strong = adjacency.get(key);
    const waiting = [...facts.waitedOnBy].filter((t) => t !== key && strong?.has(t)).sort();
    if (waiting.length < settings.minWaitingTeams) continue;
    const members = new Set(waiting);
    let linked = 0;
    for (const u of waiting) {
      const neighbours = adjacency.get(u);
      if (!neighbours) continue;
      // Walk whichever side is shorter: the waiting list or u's neighbours.
      if (neighbours.size < waiting.length) {
        for (const v of neighbours.keys()) if (v > u && members.has(v)) linked++;
      } else {
        for (const v of waiting) if (v > u && neighbours.has(v)) linked++;
      }
    }
    const possible = (waiting.length * (waiting.length - 1)) / 2;
    const cohesion = possible === 0 ? 0 : linked / possible;
    if (cohesion < settings.maxDependentCohesion) providers.set(key, { waitingTeams: waiting, cohesion });
  }
  return providers;
}

/** Orders teams by what the data says about them; keys only break exact ties. */
export function canonicalOrder(keys: readonly string[], adjacency: Map<string, Map<string, number>>, completed: (key: string) => number): string[] {
  const signature = new Map(
    keys.map((k) => {
      const weights = [...(adjacency.get(k)?.values() ?? [])];
      return [k, { strength: sortedSum(weights), degree: weights.length, completed: completed(k) }] as const;
    }),
  );
  return [...keys].sort((x, y) => {
    const a = signature.get(x)!;
    const b = signature.get(y)!;
    return b.strength - a.strength || b.degree - a.degree || b.completed - a.completed || (x < y ? -1 : x > y ? 1 : 0);
  });
}

function seededRng(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** Splits a set of teams into the connected pieces of the strong-pair graph restricted to them. */
function connectedPieces(members: readonly string[], adjacency: Map<string, Map<string, number>>): string[][] {
  const inside = new Set(members);
  const seen = new Set<string>();
  const pieces: string[][] = [];
  for (const start of members) {
    if (seen.has(start)) continue;
    const piece: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const u = stack.pop()!;
      piece.push(u);
      for (const v of adjacency.get(u)?.keys() ?? []) {
        if (inside.has(v) && !seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      }
    }
    pieces.push(piece.sort());
  }
  return pieces;
}

export function groupTeams(
  teams: readonly CoordinationTeam[],
  measurement: PairMeasurement,
  scores: Iterable<PairCoupling>,
  settings: CoordinationSettings,
): Grouping {
  const adjacency = strongAdjacency(scores, settings.grouping.minEdgeCoupling);
  const providers = findProviders(measurement, adjacency, settings.bottleneck);
  // Providers leave the graph: their links say "we queue for the same platform", not "we build one thing".
  for (const p of providers.keys()) {
    for (const v of adjacency.get(p)?.keys() ?? []) adjacency.get(v)?.delete(p);
    adjacency.delete(p);
  }
  const keys = teams.map((t) => t.key).filter((k) => !providers.has(k));
  const order = canonicalOrder(keys, adjacency, (k) => measurement.teams.get(k)?.completed ?? 0);
  const index = new Map(order.map((k, i) => [k, i]));

  const graph = new Graph({ type: 'undirected' });
  for (const k of order) graph.addNode(k);
  const edges: [number, number, number][] = [];
  for (const [u, neighbours] of adjacency) {
    for (const [v, weight] of neighbours) {
      const iu = index.get(u)!;
      const iv = index.get(v)!;
      if (iu < iv) edges.push([iu, iv, weight]);
    }
  }
  edges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [iu, iv, weight] of edges) graph.addEdge(order[iu]!, order[iv]!, { weight });

  const communities =
    edges.length === 0
      ? Object.fromEntries(order.map((k, i) => [k, i]))
      : louvain(graph, { rng: seededRng(settings.grouping.seed), resolution: settings.grouping.resolution, getEdgeWeight: 'weight' });
  const byCommunity = new Map<number, string[]>();
  for (const k of order) {
    const c = communities[k]!;
    const list = byCommunity.get(c) ?? [];
    list.push(k);
    byCommunity.set(c, list);
  }
  // Louvain can leave a community in pieces; a forum only makes sense for teams linked to each other.
  const pieces = [...byCommunity.values()].flatMap((members) => connectedPieces(members, adjacency));
  const groups: TeamGroup[] = pieces.map((members) => ({
    id: `g-${members[0]}`,
    teamKeys: members,
    role: members.length > 1 ? 'group' : 'single',
  }));
  for (const p of [...providers.keys()].sort()) groups.push({ id: `g-${p}`, teamKeys: [p], role: 'provider' });
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const k of g.teamKeys) groupOf.set(k, g.id);
  return { groups, groupOf, providers };
}

/** Applies "this team joins that team's group" (or stands alone when `toTeamKey` is null) to a grouping. */
export function moveTeam(grouping: Grouping, teamKey: string, toTeamKey: string | null): Grouping {
  const members = new Map<string, string[]>();
  for (const g of grouping.groups) members.set(g.id, g.teamKeys.filter((k) => k !== teamKey));
  if (toTeamKey === null || toTeamKey === teamKey || !grouping.groupOf.has(toTeamKey)) {
    members.set(`solo-${teamKey}`, [teamKey]);
  } else {
    members.get(grouping.groupOf.get(toTeamKey)!)!.push(teamKey);
  }
  const groups: TeamGroup[] = [];
  for (const keys of members.values()) {
    if (keys.length === 0) continue;
    const sorted = [...keys].sort();
    // A shared provider standing alone (again, or still) serves the groups as before: its role
    // comes from what it is, not from the group it leaves (which may be one it had joined).
    const provider = sorted.length === 1 && grouping.providers.has(sorted[0]!);
    groups.push({ id: `g-${sorted[0]}`, teamKeys: sorted, role: provider ? 'provider' : sorted.length > 1 ? 'group' : 'single' });
  }
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const k of g.teamKeys) groupOf.set(k, g.id);
  return { groups, groupOf, providers: grouping.providers };
}
