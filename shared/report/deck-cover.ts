import type { Risk } from '../risks/risk-schema';
import { filterRisks, scopeLabel, type RiskFilter, type ScopeNames } from '../risks/risk-scope';
import type { FlowNarrowing } from './deck-views';
import { html, type Html } from './html';
import type { ReportInput } from './report-input';
import type { ReportNames } from './report-sections';
import { day } from './report-format';

// What a deck's report says of the deck on its cover: which deck, which increment and why, and
// which views' narrowing it does not reproduce. A stakeholder reads the file without the deck.

const quoted = (titles: readonly string[]) => titles.map((t) => `“${t}”`).join(', ');

/** "Flow for Checkout and Basket, value stream Payments, stories, 2026-09-01 to 2026-10-31". */
export function flowNarrowingText(n: FlowNarrowing, names: ReportNames): string {
  const parts = [
    n.teams.length > 0 ? n.teams.map((k) => names.team(k)).join(' and ') : null,
    ...n.valueStreams.map((v) => `value stream ${v}`),
    ...n.groups.map((g) => `coordination group ${names.scopes.groups.get(g)?.name ?? g}`),
    n.types.length > 0 ? `${n.types.join(' and ')} items` : null,
    n.window ? `${day(n.window.from)} to ${day(n.window.to)}` : null,
  ].filter((p): p is string => p !== null);
  return `${n.page === 'flow' ? 'Flow' : 'Delivery'} for ${parts.join(', ')}`;
}

/** "Team: Search", "Coordination group: Basket, Checkout and Pricing with its teams' own risks". */
export function riskFilterText(filter: RiskFilter, names: ScopeNames): string {
  if (filter.scope === null) return 'every risk';
  return scopeLabel(filter.scope, names) + (filter.scope.kind === 'group' && filter.withTeams ? ' with its teams’ own risks' : '');
}

/** The risks a deck's Risks views show (those of any of them); every risk when the deck does not narrow. */
export function risksOfDeck<R extends Pick<Risk, 'scope'>>(risks: readonly R[], input: ReportInput, names: ReportNames): R[] {
  const filters = input.deck?.reading.riskFilters ?? null;
  if (filters === null) return [...risks];
  return risks.filter((r) => filters.some((f) => filterRisks([r], f, names.scopes).length > 0));
}

/** The cover's lines about the deck; nothing for the standard report. */
export function deckCover(input: ReportInput, names: ReportNames): Html | null {
  const deck = input.deck;
  if (!deck) return null;
  const { reading } = deck;
  const increment = input.plan.available ? input.plan.value.increment.name : null;
  const about =
    increment === null
      ? null
      : deck.incrementFrom === 'views'
        ? html`About ${increment}, as the deck’s views name it.`
        : deck.incrementFrom === 'chosen'
          ? html`About ${increment}, the increment chosen: the deck’s views name none.`
          : html`About ${increment}, the current increment: the deck’s views name none.`;
  // Flow and Delivery narrowing matters only where the report prints their section.
  const flowShown = input.flow.available;
  const notNarrowed = flowShown ? reading.flowNarrowings.map((n) => flowNarrowingText(n, names)) : [];
  return html`
    ${about ? html`<p class="deck">${about}</p>` : ''}
    ${reading.otherIncrements.map(
      (o) => html`<p class="deck-note">The deck’s views also name ${o.increment} (${quoted(o.views)}): this report is about ${increment ?? 'the first named'}, the first named; it does not show ${o.increment}.</p>`,
    )}
    ${notNarrowed.length > 0 ? html`<p class="deck-note">Not narrowed as in the deck: ${notNarrowed.join('; ')}. The flow summary below is of all teams and the default window.</p>` : ''}`;
}
