export const DEPENDENCY_STATES = ['ok', 'same-iteration', 'conflict', 'unplanned'] as const;
export type DependencyState = (typeof DEPENDENCY_STATES)[number];

export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * Where a dependency stands on the board, from the dates of the two planned iterations (teams on
 * different cadences compare by date, never by column number). See docs/PLANNING.md.
 * - ok: the provider's iteration ends no later than the consumer's starts, or the provider is done;
 * - conflict: the provider's iteration ends after the consumer's ends — it is planned after the
 *   work that needs it;
 * - same-iteration: otherwise — the two overlap, and the provider must deliver inside the
 *   consumer's iteration;
 * - unplanned: the provider is not on the board and not done.
 */
export function dependencyState(provider: Span | null, consumer: Span, providerDone: boolean): DependencyState {
  if (providerDone) return 'ok';
  if (!provider) return 'unplanned';
  if (provider.end <= consumer.start) return 'ok';
  if (provider.end > consumer.end) return 'conflict';
  return 'same-iteration';
}

/** Words and a symbol for each state: the board never tells them apart by colour alone. */
export const DEPENDENCY_STATE_TEXT: Record<DependencyState, { label: string; symbol: string }> = {
  ok: { label: 'in order', symbol: '✓' },
  'same-iteration': { label: 'same iteration', symbol: '≈' },
  conflict: { label: 'conflict', symbol: '✕' },
  unplanned: { label: 'provider not planned', symbol: '?' },
};

const PROVIDER_CANCELLED_TEXT = { label: 'provider cancelled', symbol: DEPENDENCY_STATE_TEXT.unplanned.symbol };

/**
 * Words and a symbol for one dependency: its state's, except that an unplanned one whose provider
 * was cancelled says so. Planning the provider will not help there: the waiting work is planned
 * without it, or the dependency dropped. It stays unplanned (its colour, pattern and symbol).
 */
export function dependencyText(d: { state: DependencyState; provider: { cancelled: boolean } }): { label: string; symbol: string } {
  return d.state === 'unplanned' && d.provider.cancelled ? PROVIDER_CANCELLED_TEXT : DEPENDENCY_STATE_TEXT[d.state];
}

/** Where one end of a dependency is planned, as lists say it: its iteration, else "cancelled" (a provider) or "not planned". */
export function dependencyEndPlace(end: { iterationName: string | null; cancelled?: boolean }): string {
  return end.iterationName ?? (end.cancelled ? 'cancelled' : 'not planned');
}
