import type { Board } from '../../../shared/planning/board-schema';
import type { PlaceRequest } from './ProgramBoard';

/**
 * The board as it will look once a move is stored: shown at once, so a drag never waits on the
 * round trip. Loads are recounted; states and lint come with the stored answer a moment later.
 */
export function applyMove(board: Board, move: PlaceRequest): Board {
  const iteration = board.increment.iterations.find((i) => i.id === move.iterationId);
  const columnId = iteration?.columnId ?? null;
  if (columnId === null) return board;
  let moving = board.cells.flatMap((c) => c.cards).find((c) => c.key === move.itemKey);
  if (!moving) return board;
  moving = { ...moving, iterationId: move.iterationId, iterationName: iteration!.name };
  const unit = board.increment.capacityUnit;
  const cells = board.cells.map((cell) => {
    let cards = cell.cards.filter((c) => c.key !== move.itemKey);
    if (cell.teamKey === move.teamKey && cell.columnId === columnId) {
      const at = move.beforeItemKey === null ? -1 : cards.findIndex((c) => c.key === move.beforeItemKey);
      cards = at === -1 ? [...cards, moving!] : [...cards.slice(0, at), moving!, ...cards.slice(at)];
    }
    if (cards.length === cell.cards.length && cards.every((c, i) => c === cell.cards[i])) return cell;
    const load = cards.reduce((sum, c) => sum + (unit === 'items' ? 1 : (c.size ?? 0)), 0);
    return { ...cell, cards, load, over: cell.capacity !== null && load > cell.capacity };
  });
  return { ...board, cells };
}
