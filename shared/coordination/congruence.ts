import type { DeclaredForum } from './coordination-data';
import { formatPercent, plural } from './format';
import { pairKey, type PairMeasurement } from './pair-coupling';
import type { Congruence } from './report-schema';

// Socio-technical congruence (Cataldo, Herbsleb & Carley) at team level: the coordination the work
// requires is every pair of teams with a dependency between them; the coordination that happens
// is every pair that sits together in a declared forum. Congruence = covered ÷ required.

export function measureCongruence(
  measurement: PairMeasurement,
  forums: readonly DeclaredForum[],
  context: { groupOf: ReadonlyMap<string, string>; providers: ReadonlySet<string>; knownTeams: ReadonlySet<string> },
): Congruence {
  const required: { key: string; a: string; b: string; dependencies: number }[] = [];
  for (const [key, p] of measurement.pairs) {
    const dependencies = p.aWaitsOnB + p.bWaitsOnA;
    if (dependencies > 0) required.push({ key, a: p.a, b: p.b, dependencies });
  }
  required.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

  const covered = new Set<string>();
  const forumViews: Congruence['forums'] = [];
  const tax: Congruence['coordinationTax'] = [];
  for (const forum of [...forums].sort((x, y) => x.id - y.id)) {
    const members = [...new Set(forum.teamKeys)].filter((k) => context.knownTeams.has(k)).sort();
    let requiredPairs = 0;
    const engaged = new Set<string>();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const key = pairKey(members[i]!, members[j]!);
        covered.add(key);
        const p = measurement.pairs.get(key);
        if (p && p.aWaitsOnB + p.bWaitsOnA > 0) {
          requiredPairs++;
          engaged.add(members[i]!);
          engaged.add(members[j]!);
        }
      }
    }
    const taxTeamKeys = members.filter((k) => !engaged.has(k));
    for (const teamKey of taxTeamKeys) tax.push({ forumId: forum.id, forumName: forum.name, teamKey });
    forumViews.push({ id: forum.id, name: forum.name, cadence: forum.cadence, teamKeys: members, requiredPairs, taxTeamKeys });
  }

  let coveredPairs = 0;
  let coveredDependencies = 0;
  let allDependencies = 0;
  const uncovered: Congruence['uncoveredPairs'] = [];
  for (const r of required) {
    allDependencies += r.dependencies;
    if (covered.has(r.key)) {
      coveredPairs++;
      coveredDependencies += r.dependencies;
    } else {
      uncovered.push({
        teamKeys: [r.a, r.b],
        dependencies: r.dependencies,
        sameGroup: context.groupOf.get(r.a) === context.groupOf.get(r.b),
        withProvider: context.providers.has(r.a) || context.providers.has(r.b),
      });
    }
  }
  // The tie-break's text is made once per pair, not once per comparison (nor looked up in a map).
  const ordered = uncovered.map((u) => ({ u, tieBreak: u.teamKeys.join() }));
  ordered.sort((x, y) => y.u.dependencies - x.u.dependencies || (x.tieBreak < y.tieBreak ? -1 : 1));
  for (let i = 0; i < ordered.length; i++) uncovered[i] = ordered[i]!.u;
  const congruence = required.length === 0 ? null : coveredPairs / required.length;
  const weightedCongruence = allDependencies === 0 ? null : coveredDependencies / allDependencies;
  let summary: string;
  if (forums.length === 0) {
    summary = `No forums declared yet. ${plural(required.length, 'pair')} of teams depend on each other; declare the forums you run to see how many of them meet.`;
  } else if (congruence === null) {
    summary = 'No team depends on another in this window, so no forum is required by the work.';
  } else {
    summary =
      `Your forums bring together ${coveredPairs} of the ${plural(required.length, 'pair')} of teams that depend on each other ` +
      `(${formatPercent(congruence)}; ${formatPercent(weightedCongruence ?? 0)} of the dependencies)` +
      (tax.length > 0 ? `; ${plural(tax.length, 'seat')} in forums ${tax.length === 1 ? 'has' : 'have'} no dependency on anyone there.` : '.');
  }
  return {
    forums: forumViews,
    requiredPairs: required.length,
    coveredPairs,
    congruence,
    weightedCongruence,
    uncoveredPairs: uncovered,
    coordinationTax: tax,
    summary,
  };
}
