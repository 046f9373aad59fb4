// A view's address names what it shows (a team, a scope, a card, a page). Once the workspace no
// longer holds that thing (renamed, removed, taken off the board), the view says so above what it
// shows instead, as the Plan and Confidence pages say of an increment that is gone: a deck's view
// must never show other figures under its old title without a word.

/** One choice of an address that the workspace does not hold: `{ kind: 'team', value: 'ghost' }`. */
export interface StaleChoice {
  readonly kind: string;
  readonly value: string;
}

function listed(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * "There is no team “ghost” in this workspace: it was renamed or removed since this address was
 * made. Shown instead: all teams." `instead` says what the view shows in its place; null when the
 * sentence says enough on its own. `where`: "on this board" for a card. Null for no stale choice.
 */
export function staleViewText(stale: readonly StaleChoice[], instead: string | null, where = 'in this workspace'): string | null {
  if (stale.length === 0) return null;
  const named = listed(stale.map((s) => `${s.kind} “${s.value}”`));
  const it = stale.length === 1 ? 'it was' : 'they were';
  return `There is no ${named} ${where}: ${it} renamed or removed since this address was made.${instead ? ` Shown instead: ${instead}.` : ''}`;
}
