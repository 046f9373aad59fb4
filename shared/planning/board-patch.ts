import { boardSummaries } from './board';
import type { BoardCell, BoardDependency } from './board-schema';
import type { BoardPatch, BoardView } from './board-patch-schema';

// A board edit answers with what it changed instead of the page fetching the whole board again
// (at 2,000 cards and 1,000 dependencies that is 600 KB built, sent and drawn for two cells).
// A move changes the cells of the teams the item left and joined and the states of the item's own
// dependencies; the small parts (teams, objectives, the baseline's changes) come whole, and what
// the cells and dependencies imply (counts, lint) is summed up again where the patch is applied,
// by the function that sums up a board built whole (boardSummaries).

const touches = (d: BoardDependency, itemKey: string | null) => itemKey !== null && (d.consumer.itemKey === itemKey || d.provider.itemKey === itemKey);

/**
 * What an edit of `itemKey` that may have moved it between `teamKeys` (or, with a null itemKey, an
 * edit of those teams' rows alone) changed on `board` (which may be built from only that part of the plan).
 */
export function boardPatch(board: BoardView, itemKey: string | null, teamKeys: readonly string[]): BoardPatch {
  const { cells, dependencies, dependencyCounts: _counts, lint: _lint, ...rest } = board;
  const teams = new Set(teamKeys);
  return {
    ...rest,
    itemKey,
    teamKeys: [...teams],
    cells: cells.filter((c) => teams.has(c.teamKey)),
    dependencies: dependencies.filter((d) => touches(d, itemKey)),
  };
}

/**
 * The board with a patch applied, keeping every unchanged cell and dependency as the same object
 * (so what draws them can skip them); null when the patch does not fit this board (another
 * increment, or a cell it should keep is missing) and the board must be fetched again.
 */
export function applyBoardPatch(board: BoardView, patch: BoardPatch): BoardView | null {
  if (board.increment.id !== patch.increment.id) return null;
  const changed = new Set(patch.teamKeys);
  const key = (teamKey: string, columnId: number) => `${teamKey}\u0000${columnId}`;
  const before = new Map(board.cells.map((c) => [key(c.teamKey, c.columnId), c]));
  const after = new Map(patch.cells.map((c) => [key(c.teamKey, c.columnId), c]));
  const cells: BoardCell[] = [];
  // The board's own order: teams as listed, then columns.
  for (const team of patch.teams) {
    for (const column of patch.columns) {
      const cell = (changed.has(team.key) ? after : before).get(key(team.key, column.id));
      if (!cell) return null;
      cells.push(cell);
    }
  }
  // In place, in the board's order (by key); only dependencies new to the board (an item planned
  // from the backlog brings its own) need a sort.
  const fresh = new Map(patch.dependencies.map((d) => [d.key, d]));
  const dependencies = board.dependencies.flatMap((d) => {
    if (!touches(d, patch.itemKey)) return [d];
    const now = fresh.get(d.key);
    fresh.delete(d.key);
    return now ? [now] : [];
  });
  if (fresh.size > 0) {
    dependencies.push(...fresh.values());
    dependencies.sort((a, b) => a.key.localeCompare(b.key));
  }
  const { itemKey: _item, teamKeys: _teams, cells: _cells, dependencies: _deps, ...rest } = patch;
  const { dependencyCounts, lint } = boardSummaries({ ...rest, cells, dependencies });
  // Keys in the order a board built whole has them.
  const { increment, columns, teams, milestones, objectives, predictability, changes } = rest;
  return { increment, columns, teams, cells, milestones, dependencies, dependencyCounts, objectives, predictability, lint, changes };
}
