import type { Board } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import type { StaleChoice } from '../layout/stale-view';

// The card or team whose lines the board's address asks for. One the board no longer holds (the
// card taken off it since a deck's view was made) would draw no line at all under "Showing
// BSK-86's lines" and hide the conflicts: the board shows every line instead, and says why.

export interface FocusRequest {
  readonly card: string | null;
  readonly team: string | null;
}

/** The focus the board can show, and what of the asked one it cannot (empty while nothing is stale). */
export function resolveBoardFocus(board: Pick<Board, 'cells' | 'dependencies' | 'teams'> | undefined, asked: FocusRequest): { focus: FocusRequest; stale: StaleChoice[] } {
  if (!board) return { focus: asked, stale: [] };
  const stale: StaleChoice[] = [];
  let { card, team } = asked;
  // A provider not planned on the board still has its lines (a stub), so it counts as shown.
  if (card !== null && !board.cells.some((c) => c.cards.some((k) => k.key === card)) && !board.dependencies.some((d) => d.consumer.itemKey === card || d.provider.itemKey === card)) {
    stale.push({ kind: 'card', value: displayKey(card) });
    card = null;
  }
  if (team !== null && !board.teams.some((t) => t.key === team) && !board.dependencies.some((d) => d.provider.teamKey === team)) {
    stale.push({ kind: 'team', value: team });
    team = null;
  }
  return { focus: stale.length === 0 ? asked : { card, team }, stale };
}
