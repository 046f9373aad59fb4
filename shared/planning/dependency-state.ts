import { displayKey } from './local-keys';

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

/**
 * What a dependency is said and counted as: its state, except that an unplanned one whose provider
 * was cancelled is `provider-cancelled` (the plan forecast's reason for leaving it out has the same
 * name). Planning the provider will not help there: the waiting work is planned without it, or the
 * dependency dropped. It is drawn as unplanned (colour, pattern, symbol: `stateOfKind`), but told
 * apart wherever dependencies are described or counted — "3 providers not planned" sent a
 * coordinator looking for work to plan that had been cancelled.
 */
export const DEPENDENCY_KINDS = [...DEPENDENCY_STATES, 'provider-cancelled'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export function dependencyKind(d: { state: DependencyState; provider: { cancelled: boolean } }): DependencyKind {
  return d.state === 'unplanned' && d.provider.cancelled ? 'provider-cancelled' : d.state;
}

/** The state a kind is drawn as: a cancelled provider's dependency as unplanned. */
export function stateOfKind(kind: DependencyKind): DependencyState {
  return kind === 'provider-cancelled' ? 'unplanned' : kind;
}

/** Words and a symbol for each kind: a state's own, and "provider cancelled" with the unplanned symbol. */
export const DEPENDENCY_KIND_TEXT: Record<DependencyKind, { label: string; symbol: string }> = {
  ...DEPENDENCY_STATE_TEXT,
  'provider-cancelled': { label: 'provider cancelled', symbol: DEPENDENCY_STATE_TEXT.unplanned.symbol },
};

/** Words and a symbol for one dependency: its kind's ("provider cancelled" where that is what it is). */
export function dependencyText(d: { state: DependencyState; provider: { cancelled: boolean } }): { label: string; symbol: string } {
  return DEPENDENCY_KIND_TEXT[dependencyKind(d)];
}

/**
 * How many dependencies there are of each kind, every kind present (0 when none): the legend, the
 * report's and the CLI's totals and the PNG's subtitle all count with it, so they agree with each
 * other and with the words of each dependency.
 */
export function countDependencyKinds(dependencies: readonly { state: DependencyState; provider: { cancelled: boolean } }[]): Record<DependencyKind, number> {
  const counts = Object.fromEntries(DEPENDENCY_KINDS.map((k) => [k, 0])) as Record<DependencyKind, number>;
  for (const d of dependencies) counts[dependencyKind(d)]++;
  return counts;
}

/**
 * The dependencies not in order, in one line (the PNG's subtitle): conflicts, providers not
 * planned, providers cancelled — "2 conflicts, 1 provider not planned, 1 provider cancelled".
 */
export function dependencyTroubleText(counts: Record<DependencyKind, number>): string {
  const conflicts = `${counts.conflict} ${counts.conflict === 1 ? 'conflict' : 'conflicts'}`;
  // Cancelled providers are rare: named when there are some, not as "0 provider cancelled" under every board.
  const cancelled = counts['provider-cancelled'] > 0 ? [`${counts['provider-cancelled']} ${DEPENDENCY_KIND_TEXT['provider-cancelled'].label}`] : [];
  return [conflicts, `${counts.unplanned} ${DEPENDENCY_KIND_TEXT.unplanned.label}`, ...cancelled].join(', ');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Per card, the kinds of the dependencies it is an end of (waiting or waited on), sorted by the
 * state they are drawn in, then by kind: the order of its badges. A provider team with no item
 * named has no card: only its consumer's badge counts the dependency.
 */
export function dependencyKindsByCard(dependencies: readonly { state: DependencyState; consumer: { itemKey: string }; provider: { itemKey: string | null; cancelled: boolean } }[]): Map<string, DependencyKind[]> {
  const kinds = new Map<string, DependencyKind[]>();
  for (const d of dependencies) {
    const kind = dependencyKind(d);
    for (const key of [d.consumer.itemKey, d.provider.itemKey]) if (key !== null) (kinds.get(key) ?? kinds.set(key, []).get(key)!).push(kind);
  }
  const order = (a: DependencyKind, b: DependencyKind) => compare(stateOfKind(a), stateOfKind(b)) || compare(a, b);
  for (const list of kinds.values()) list.sort(order);
  return kinds;
}

/**
 * A card's badges: one per state its dependencies are drawn in, in the order of `kinds`, with the
 * state's symbol, how many, and a title counting each kind in it — a card waiting on one provider
 * not planned and one cancelled shows ?2, titled "1 provider not planned, 1 provider cancelled".
 */
export function dependencyBadges(kinds: readonly DependencyKind[]): { state: DependencyState; symbol: string; count: number; title: string }[] {
  const byState = new Map<DependencyState, DependencyKind[]>();
  for (const kind of kinds) {
    const state = stateOfKind(kind);
    (byState.get(state) ?? byState.set(state, []).get(state)!).push(kind);
  }
  return [...byState].map(([state, list]) => ({
    state,
    symbol: DEPENDENCY_STATE_TEXT[state].symbol,
    count: list.length,
    title: DEPENDENCY_KINDS.filter((k) => list.includes(k))
      .map((k) => `${list.filter((x) => x === k).length} ${DEPENDENCY_KIND_TEXT[k].label}`)
      .join(', '),
  }));
}

/** Where one end of a dependency is planned, as lists say it: its iteration, else "cancelled" (a provider) or "not planned". */
export function dependencyEndPlace(end: { iterationName: string | null; cancelled?: boolean }): string {
  return end.iterationName ?? (end.cancelled ? 'cancelled' : 'not planned');
}

/**
 * Where a list would name the provider's item, a dependency on a team alone names the team and says
 * no item is named ("Pricing — no item named"): who the room must ask, and that there is nothing of
 * theirs to plan yet.
 */
export function providerWithoutItemText(teamName: string): string {
  return `${teamName} — no item named`;
}

/**
 * The provider as a conflict's line names it after "waits on": its item and where it is planned
 * ("PAY-1 (Iteration 3)", "PAY-1 (not planned)"), or its team when no item is named.
 */
export function dependencyProviderText(
  provider: { itemKey: string | null; teamKey: string | null; iterationName: string | null; cancelled: boolean },
  teamName: (key: string | null) => string,
): string {
  return provider.itemKey === null ? providerWithoutItemText(teamName(provider.teamKey)) : `${displayKey(provider.itemKey)} (${dependencyEndPlace(provider)})`;
}

/**
 * Where an imported dependency's need date is changed: not in Interlock, since each import writes
 * the date it carries (or none) over the one stored; only Interlock's dependencies template and
 * bundle carry one. `key` names the dependency where nothing around the text does (the lint).
 */
export function importedNeedDateFix(key?: string): string {
  return `needed_by${key === undefined ? '' : ` of ${key}`} in the file it was imported from, then import that again`;
}
