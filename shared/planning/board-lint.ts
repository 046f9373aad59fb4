import type { BoardCell, BoardDependency, BoardObjective, LintFinding } from './board-schema';
import { dependencyEndPlace, dependencyProviderText, importedNeedDateFix } from './dependency-state';
import { displayKey, isLocalKey } from './local-keys';
import type { CapacityUnit } from './plan-data';

/** What the Plan page's Lint tab and the report say of a board the lint finds nothing on. */
export const NOTHING_TO_FLAG = 'Nothing to flag: every objective has work, no team is over capacity or bunched at the end, no long chains, no need date outside the increment.';

/** A team has bunched its work when more than this share of its load sits in the last iteration… */
export const BUNCHING_SHARE = 0.4;
/** …and it plans at least this many items (two or three items prove nothing). */
export const BUNCHING_MIN_ITEMS = 4;
/** Chains of more dependencies than this between planned items are flagged. */
export const MAX_CHAIN = 3;

export interface LintInput {
  /** The increment's first and last day, both included ("2026-11-09", "2027-01-17"). */
  increment: { start: string; end: string };
  columnIds: readonly number[];
  cells: readonly BoardCell[];
  dependencies: readonly BoardDependency[];
  objectives: readonly BoardObjective[];
  capacityUnit: CapacityUnit;
  teamName(key: string): string;
  columnName(id: number): string;
}

/**
 * Whether a dependency is needed before the increment's first day or after its last (both days are
 * inside), or null. Without a stated date the need is the first day of the waiting item's
 * iteration, which lies inside the increment: only a stated date can be outside. A settled
 * dependency (provider done, or resolved) asks nothing of anyone any more, whatever its date said:
 * null too. Calendar dates as the board writes them compare as strings.
 */
export function needOutsideIncrement(d: Pick<BoardDependency, 'needAt' | 'provider'>, increment: { start: string; end: string }): 'before' | 'after' | null {
  if (d.provider.done) return null;
  return d.needAt < increment.start ? 'before' : d.needAt > increment.end ? 'after' : null;
}

/**
 * The board's lint (docs/PLANNING.md): objectives with no planned work, work bunched into the last
 * iteration, cells over capacity, dependency chains longer than MAX_CHAIN (and cycles), open
 * dependencies needed before or after the increment, and, when capacity counts points, planned
 * items without a size.
 */
export function lintBoard(input: LintInput): LintFinding[] {
  const findings: LintFinding[] = [];
  const finding = (f: Partial<LintFinding> & Pick<LintFinding, 'rule' | 'message'>): void => {
    findings.push({ teamKey: null, itemKeys: [], objectiveKey: null, ...f });
  };

  for (const objective of input.objectives) {
    if (objective.plannedItemKeys.length === 0) {
      finding({
        rule: 'objective-without-work',
        objectiveKey: objective.key,
        teamKey: objective.teamKeys[0] ?? null,
        message: `“${objective.title}” has no planned work in this increment${objective.itemKeys.length > 0 ? ` (${objective.itemKeys.length} linked items, none planned)` : ''}.`,
      });
    }
  }

  const last = input.columnIds[input.columnIds.length - 1];
  const byTeam = new Map<string, BoardCell[]>();
  for (const cell of input.cells) byTeam.set(cell.teamKey, [...(byTeam.get(cell.teamKey) ?? []), cell]);
  const threshold = Math.max(BUNCHING_SHARE, 1.5 / Math.max(1, input.columnIds.length));
  for (const [teamKey, cells] of byTeam) {
    const items = cells.reduce((n, c) => n + c.cards.length, 0);
    const load = cells.reduce((n, c) => n + c.load, 0);
    const lastLoad = cells.find((c) => c.columnId === last)?.load ?? 0;
    if (input.columnIds.length > 1 && items >= BUNCHING_MIN_ITEMS && load > 0 && lastLoad / load > threshold) {
      finding({
        rule: 'last-iteration-bunching',
        teamKey,
        message: `${input.teamName(teamKey)} plans ${Math.round((100 * lastLoad) / load)} % of its load in the last iteration.`,
      });
    }
  }

  for (const cell of input.cells) {
    if (cell.over) {
      finding({
        rule: 'over-capacity',
        teamKey: cell.teamKey,
        itemKeys: cell.cards.map((c) => c.key),
        message: `${input.teamName(cell.teamKey)} is over capacity in ${input.columnName(cell.columnId)}: ${round(cell.load)} ${input.capacityUnit === 'points' ? 'points' : 'items'} planned, capacity ${round(cell.capacity ?? 0)}.`,
      });
    }
  }

  const { chains, cycles } = dependencyChains(input.dependencies.filter((d) => d.provider.columnId !== null));
  // Items made in Interlock by the names their cards show (New-12), not their stored keys.
  for (const chain of chains) {
    finding({ rule: 'long-chain', itemKeys: chain, message: `A chain of ${chain.length - 1} dependencies: ${chain.map(displayKey).join(' → ')}.` });
  }
  for (const cycle of cycles) {
    finding({ rule: 'dependency-cycle', itemKeys: cycle, message: `These items wait on each other in a circle: ${[...cycle, cycle[0]!].map(displayKey).join(' → ')}.` });
  }

  for (const d of input.dependencies) {
    // A provider not planned, cancelled or named by its team alone is flagged as any: the room
    // talks about its date all the same.
    const side = needOutsideIncrement(d, input.increment);
    if (side === null) continue;
    const provider = dependencyProviderText(d.provider, (key) => d.provider.teamName ?? (key === null ? 'its team' : input.teamName(key)));
    // One made here is changed where the card's dependencies are listed; an imported one where it
    // came from, since the next import would write its date over one changed here.
    const fix = isLocalKey(d.key) ? ' in the card’s dependencies (its menu: Its dependencies…)' : ` (${importedNeedDateFix(d.key)})`;
    finding({
      rule: 'need-date-outside-increment',
      teamKey: d.consumer.teamKey,
      itemKeys: d.provider.itemKey === null ? [d.consumer.itemKey] : [d.consumer.itemKey, d.provider.itemKey],
      message: `${displayKey(d.consumer.itemKey)} (${dependencyEndPlace(d.consumer)}) waits on ${provider}, needed ${d.needAt}: ${side} the increment, ${input.increment.start} – ${input.increment.end}. Change its need date${fix}.`,
    });
  }

  if (input.capacityUnit === 'points') {
    for (const cell of input.cells) {
      const unsized = cell.cards.filter((c) => c.size === null && !c.done).map((c) => c.key);
      if (unsized.length > 0) {
        // Per cell, as over-capacity: named by its iteration, or a team's lines read alike.
        const which = unsized.length === 1 ? '1 planned item has no size, so it counts' : `${unsized.length} planned items have no size, so they count`;
        finding({ rule: 'unsized-work', teamKey: cell.teamKey, itemKeys: unsized, message: `${input.teamName(cell.teamKey)} in ${input.columnName(cell.columnId)}: ${which} 0 points.` });
      }
    }
  }
  return findings;
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * The longest chain (provider → … → consumer) from each item that waits on nothing, when it holds
 * more than MAX_CHAIN dependencies, and every cycle.
 */
export function dependencyChains(dependencies: readonly Pick<BoardDependency, 'consumer' | 'provider'>[]): { chains: string[][]; cycles: string[][] } {
  const next = new Map<string, Set<string>>();
  const hasIncoming = new Set<string>();
  for (const d of dependencies) {
    const from = d.provider.itemKey;
    // A provider team with no item named is no link of a chain between planned items.
    if (from === null) continue;
    const to = d.consumer.itemKey;
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
    hasIncoming.add(to);
  }
  const nodes = [...new Set([...next.keys(), ...hasIncoming])].sort();
  // Longest path from each node, memoised; a node met again on the current path closes a cycle.
  const longest = new Map<string, string[]>();
  const onPath = new Set<string>();
  const cycles: string[][] = [];
  const seenCycles = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string[] => {
    const memo = longest.get(node);
    if (memo) return memo;
    onPath.add(node);
    path.push(node);
    let best: string[] = [node];
    for (const child of [...(next.get(node) ?? [])].sort()) {
      if (onPath.has(child)) {
        const cycle = path.slice(path.indexOf(child));
        const id = [...cycle].sort().join('\u0000');
        if (!seenCycles.has(id)) {
          seenCycles.add(id);
          cycles.push(cycle);
        }
        continue;
      }
      const tail = visit(child);
      if (tail.length + 1 > best.length) best = [node, ...tail];
    }
    path.pop();
    onPath.delete(node);
    longest.set(node, best);
    return best;
  };
  const chains: string[][] = [];
  for (const node of nodes) {
    if (hasIncoming.has(node)) continue;
    const chain = visit(node);
    if (chain.length - 1 > MAX_CHAIN) chains.push(chain);
  }
  // Cycles no chain start reaches.
  for (const node of nodes) visit(node);
  return { chains, cycles };
}
