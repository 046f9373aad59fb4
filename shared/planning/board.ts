import { formatCalendarDate } from '../domain/calendar-date';
import { fromEpochMs, MS_PER_DAY } from '../domain/time';
import type { Board, BoardCard, BoardCell, BoardDependency, BoardObjective, IterationView } from './board-schema';
import { lintBoard } from './board-lint';
import { countDependencyKinds, dependencyState } from './dependency-state';
import { isLocalKey } from './local-keys';
import type { PlanData, PlanIteration } from './plan-data';
import { predictability } from './predictability';

export type BoardGrouping = 'coordination' | 'value-stream';

/** Iteration as people write it: both days included. */
export function iterationView(iteration: PlanIteration, columnId: number | null): IterationView {
  return {
    id: iteration.id,
    name: iteration.name,
    start: formatCalendarDate(iteration.start),
    end: formatCalendarDate(iteration.end - MS_PER_DAY),
    teamKey: iteration.teamKey,
    columnId,
  };
}

/**
 * The board column a team's own sprint sits in: the shared iteration holding its last day, else
 * the one it overlaps most, else the nearest. Columns are the increment's shared iterations.
 */
export function columnFor(iteration: PlanIteration, columns: readonly PlanIteration[]): number | null {
  if (iteration.teamKey === null) return iteration.id;
  if (columns.length === 0) return null;
  const lastDay = iteration.end - 1;
  const holding = columns.find((c) => c.start <= lastDay && lastDay < c.end);
  if (holding) return holding.id;
  let best = columns[0]!;
  let bestOverlap = -Infinity;
  for (const c of columns) {
    const overlap = Math.min(c.end, iteration.end) - Math.max(c.start, iteration.start);
    const distance = overlap > 0 ? overlap : -Math.min(Math.abs(c.start - iteration.end), Math.abs(iteration.start - c.end));
    if (distance > bestOverlap) {
      bestOverlap = distance;
      best = c;
    }
  }
  return best.id;
}

/** Where the board draws a milestone: a column, and whether its day lies before or after that column's days (null: inside them). */
export interface MilestonePlace {
  columnId: number;
  outside: 'before' | 'after' | null;
}

/**
 * The column a milestone is drawn in: the shared iteration holding its day; on a day none holds (a
 * gap between two, before the first or after the last) the nearest one by days, at the edge facing
 * the day — drawn in no column, it was out of everyone's sight. Equally near two, the later one:
 * a day between two iterations is usually a deadline for the one to come. Null without columns.
 */
export function milestonePlace(at: number, columns: readonly Pick<PlanIteration, 'id' | 'start' | 'end'>[]): MilestonePlace | null {
  const holding = columns.find((c) => c.start <= at && at < c.end);
  if (holding) return { columnId: holding.id, outside: null };
  let best: MilestonePlace | null = null;
  let bestDays = Infinity;
  for (const c of [...columns].sort((a, b) => a.start - b.start)) {
    // Days from the column's first day back to the milestone's, or from its last day on.
    const before = at < c.start;
    const days = before ? c.start - at : at - (c.end - MS_PER_DAY);
    if (days <= bestDays) {
      bestDays = days;
      best = { columnId: c.id, outside: before ? 'before' : 'after' };
    }
  }
  return best;
}

/**
 * Where a milestone drawn outside its column's days lies, in words: "between Iteration 2 and
 * Iteration 3", "before Iteration 1", "after IP iteration"; null for one inside its column's days.
 */
export function milestoneGapText(milestone: { columnId: number | null; outside?: 'before' | 'after' | null }, columns: readonly { id: number; name: string }[]): string | null {
  if (!milestone.outside) return null;
  const at = columns.findIndex((c) => c.id === milestone.columnId);
  if (at < 0) return null;
  const [first, second] = milestone.outside === 'before' ? [columns[at - 1], columns[at]!] : [columns[at]!, columns[at + 1]];
  if (first && second) return `between ${first.name} and ${second.name}`;
  return first ? `after ${first.name}` : `before ${second!.name}`;
}

/**
 * The program board of one increment (docs/PLANNING.md): teams × the shared iterations, each
 * cell's cards in plan order with load against capacity, milestones, every dependency whose
 * waiting item is planned here with its state, objectives, predictability and lint.
 */
export function buildBoard(data: PlanData, grouping: BoardGrouping = 'coordination'): Board {
  const columns = data.iterations.filter((i) => i.teamKey === null).sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  const iterations = new Map(data.iterations.map((i) => [i.id, i]));
  const columnOf = new Map(data.iterations.map((i) => [i.id, columnFor(i, columns)]));
  const groupOf = (team: PlanData['teams'][number]) =>
    (grouping === 'value-stream' ? team.valueStream : team.group) ?? (grouping === 'value-stream' ? 'No value stream' : 'Not in a group');

  // Teams on the board: with planned work, capacity or sprints of their own (sets: 50 teams × 2,000 items is a hot path).
  const boardTeams = new Set(data.boardTeams ?? [...data.planned.map((p) => p.teamKey), ...data.capacity.map((c) => c.teamKey), ...data.iterations.flatMap((i) => (i.teamKey === null ? [] : [i.teamKey]))]);
  const teams = data.teams
    .filter((t) => boardTeams.has(t.key))
    .map((t) => ({ key: t.key, name: t.name, group: groupOf(t) }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));

  // Cells: cards in the order of their iteration's start (a team's sprints within one column), then rank.
  const cellMap = new Map<string, { teamKey: string; columnId: number; cards: (BoardCard & { start: number; rank: number })[] }>();
  const cellKey = (teamKey: string, columnId: number) => `${teamKey}\u0000${columnId}`;
  for (const team of teams) for (const column of columns) cellMap.set(cellKey(team.key, column.id), { teamKey: team.key, columnId: column.id, cards: [] });
  const placed = new Map<string, { teamKey: string; columnId: number | null; iteration: PlanIteration }>();
  for (const work of data.planned) {
    const iteration = iterations.get(work.iterationId);
    if (!iteration) continue;
    const columnId = columnOf.get(iteration.id) ?? null;
    placed.set(work.itemKey, { teamKey: work.teamKey, columnId, iteration });
    if (columnId === null) continue;
    const cell = cellMap.get(cellKey(work.teamKey, columnId));
    cell?.cards.push({
      key: work.itemKey,
      title: work.title,
      type: work.type,
      size: work.size,
      iterationId: iteration.id,
      iterationName: iteration.name,
      done: work.doneAt !== null,
      local: isLocalKey(work.itemKey),
      start: iteration.start,
      rank: work.rank,
    });
  }
  // A cell's capacity: the sum of the team's own sprints' in the column when any is set (a team on
  // its own cadence plans by its sprints), else the column's own for the team.
  const shared = new Map<string, number>();
  const ofSprints = new Map<string, number>();
  const capacityOf = new Map<string, number>();
  for (const c of data.capacity) {
    capacityOf.set(`${c.teamKey}\u0000${c.iterationId}`, c.amount);
    const columnId = columnOf.get(c.iterationId);
    if (columnId === null || columnId === undefined) continue;
    const key = cellKey(c.teamKey, columnId);
    const sums = (iterations.get(c.iterationId)?.teamKey ?? null) === null ? shared : ofSprints;
    sums.set(key, (sums.get(key) ?? 0) + c.amount);
  }
  const capacity = new Map([...shared, ...ofSprints]);
  // A team's own sprints, per cell: its capacity is set per sprint (one box for the cell added to them).
  const sprintsOf = new Map<string, { iterationId: number; name: string; capacity: number | null; start: number }[]>();
  for (const i of data.iterations) {
    const columnId = columnOf.get(i.id);
    if (i.teamKey === null || columnId === null || columnId === undefined) continue;
    const key = cellKey(i.teamKey, columnId);
    (sprintsOf.get(key) ?? sprintsOf.set(key, []).get(key)!).push({ iterationId: i.id, name: i.name, capacity: capacityOf.get(`${i.teamKey}\u0000${i.id}`) ?? null, start: i.start });
  }
  const unit = data.increment.capacityUnit;
  const cells: BoardCell[] = [...cellMap.entries()].map(([key, cell]) => {
    const cards = cell.cards.sort((a, b) => a.start - b.start || a.rank - b.rank).map(({ start: _s, rank: _r, ...card }) => card);
    const load = cards.reduce((sum, c) => sum + (unit === 'items' ? 1 : (c.size ?? 0)), 0);
    const cap = capacity.get(key) ?? null;
    const sprints = sprintsOf.get(key)?.sort((a, b) => a.start - b.start).map(({ start: _s, ...sprint }) => sprint);
    return { teamKey: cell.teamKey, columnId: cell.columnId, cards, load, capacity: cap, over: cap !== null && load > cap, ...(sprints ? { sprints } : {}) };
  });

  const plannedDoneAt = new Map(data.planned.map((p) => [p.itemKey, p.doneAt]));
  const cancelled = new Set(data.cancelledProviders);
  const teamNames = new Map(data.teams.map((t) => [t.key, t.name]));
  const dependencies: BoardDependency[] = [];
  for (const d of data.dependencies) {
    const consumer = placed.get(d.consumerKey);
    if (!consumer) continue;
    // A dependency on a team alone (no provider item named yet) has nothing of that team planned
    // for it: no placement, no done date, never cancelled — unplanned until it is resolved.
    const key = d.providerKey;
    const provider = key === null ? null : (placed.get(key) ?? null);
    const isCancelled = key !== null && cancelled.has(key);
    // A cancelled item's close is not a delivery (its planned work carries the day it was closed).
    const providerDoneAt = key === null || isCancelled ? null : (data.providerDoneAt[key] ?? plannedDoneAt.get(key) ?? null);
    const done = d.resolvedAt !== null || providerDoneAt !== null;
    // A provider planned in another increment is planned: its iteration's dates judge the order as any.
    const elsewhere = provider === null ? (d.providerElsewhere ?? null) : null;
    const span = provider ? { start: provider.iteration.start, end: provider.iteration.end } : elsewhere;
    const providerTeam = provider?.teamKey ?? (key === null ? null : data.providerTeams[key]) ?? d.providerTeamKey;
    // A cancelled provider delivers nothing wherever it is still placed: its consumer's need is
    // open until the dependency is settled (resolved) or dropped.
    const state = isCancelled && !done ? 'unplanned' : dependencyState(span, consumer.iteration, done);
    dependencies.push({
      key: d.key,
      consumer: { itemKey: d.consumerKey, teamKey: consumer.teamKey, columnId: consumer.columnId, iterationName: consumer.iteration.name },
      provider: {
        itemKey: key,
        teamKey: providerTeam,
        teamName: providerTeam === null ? null : (teamNames.get(providerTeam) ?? null),
        columnId: provider?.columnId ?? null,
        iterationName: provider?.iteration.name ?? (elsewhere ? `${elsewhere.iteration} of ${elsewhere.increment}` : null),
        done,
        cancelled: isCancelled,
      },
      state,
      needAt: formatCalendarDate(d.neededBy ?? consumer.iteration.start),
      neededBy: d.neededBy === null ? null : formatCalendarDate(d.neededBy),
      createdAt: fromEpochMs(d.createdAt),
      local: isLocalKey(d.key),
    });
  }
  dependencies.sort((a, b) => a.key.localeCompare(b.key));

  const objectives: BoardObjective[] = data.objectives
    .map((o) => ({ ...o, plannedItemKeys: o.plannedItemKeys ?? o.itemKeys.filter((k) => plannedDoneAt.has(k)) }))
    .sort((a, b) => (a.teamKeys[0] ?? '').localeCompare(b.teamKeys[0] ?? '') || Number(b.committed) - Number(a.committed) || a.title.localeCompare(b.title));

  const columnViews = columns.map((c) => iterationView(c, c.id));
  const increment = {
    id: data.increment.id,
    name: data.increment.name,
    start: formatCalendarDate(data.increment.start),
    end: formatCalendarDate(data.increment.end - MS_PER_DAY),
    capacityUnit: unit,
    iterations: [...data.iterations].sort((a, b) => a.start - b.start || (a.teamKey ?? '').localeCompare(b.teamKey ?? '')).map((i) => iterationView(i, columnOf.get(i.id) ?? null)),
  };
  const { dependencyCounts, lint } = boardSummaries({ increment, columns: columnViews, teams: data.teams, cells, dependencies, objectives });
  return {
    increment,
    columns: columnViews,
    teams,
    cells,
    milestones: [...data.milestones]
      .sort((a, b) => a.at - b.at)
      .map((m) => {
        const place = milestonePlace(m.at, columns);
        return { id: m.id, name: m.name, date: formatCalendarDate(m.at), teamKey: m.teamKey, columnId: place?.columnId ?? null, outside: place?.outside ?? null };
      }),
    dependencies,
    dependencyCounts,
    objectives,
    // Every team's objectives count, planned work or not: a team that committed and planned nothing still missed.
    predictability: predictability(data.objectives, data.teams.map((t) => t.key)),
    lint,
  };
}

/**
 * What a board's cells and dependencies imply: how many dependencies are of each kind (a state,
 * a cancelled provider's apart from the unplanned), and the lint. Its own function so that a board patched after a move (board-patch.ts) is summed up
 * exactly as one built whole. `teams` names the teams in lint messages.
 */
export function boardSummaries(board: {
  increment: Pick<Board['increment'], 'start' | 'end' | 'capacityUnit'>;
  columns: readonly Pick<IterationView, 'id' | 'name'>[];
  teams: readonly { key: string; name: string }[];
  cells: readonly BoardCell[];
  dependencies: readonly BoardDependency[];
  objectives: readonly BoardObjective[];
}): Pick<Board, 'dependencyCounts' | 'lint'> {
  const dependencyCounts = countDependencyKinds(board.dependencies);
  const teamNames = new Map(board.teams.map((t) => [t.key, t.name]));
  const lint = lintBoard({
    increment: { start: board.increment.start, end: board.increment.end },
    columnIds: board.columns.map((c) => c.id),
    cells: board.cells,
    dependencies: board.dependencies,
    objectives: board.objectives,
    capacityUnit: board.increment.capacityUnit,
    teamName: (key) => teamNames.get(key) ?? key,
    columnName: (id) => board.columns.find((c) => c.id === id)?.name ?? 'an iteration',
  });
  return { dependencyCounts, lint };
}

/**
 * Every conflict and unplanned dependency, the oldest need first (then the oldest raised): the
 * teams who must talk before the plan holds.
 */
export function boardConflicts(board: Pick<Board, 'dependencies'>): BoardDependency[] {
  return board.dependencies
    .filter((d) => d.state === 'conflict' || d.state === 'unplanned')
    .sort((a, b) => a.needAt.localeCompare(b.needAt) || a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
}
