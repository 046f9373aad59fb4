import { z } from 'zod';
import { BaselineChanges } from './baseline';
import { Board, BoardCell } from './board-schema';

// A board as the Plan page shows it, and a board edit's patch to it, as they cross the contract
// (what they are for: board-patch.ts). Apart from the functions that make and apply a patch, so
// that the Plan page applies one without loading zod.

export const BoardView = Board.extend({ changes: BaselineChanges.nullable() });
export type BoardView = z.infer<typeof BoardView>;

export const BoardPatch = BoardView.omit({ cells: true, dependencies: true, dependencyCounts: true, lint: true }).extend({
  /** The item the edit was about: its dependencies below replace every one it had. Null: the edit changed no dependency (a capacity). */
  itemKey: z.string().nullable(),
  /** Teams whose every cell is below; the other cells are as they were. */
  teamKeys: z.array(z.string()),
  cells: z.array(BoardCell),
  dependencies: BoardView.shape.dependencies,
});
export type BoardPatch = z.infer<typeof BoardPatch>;
