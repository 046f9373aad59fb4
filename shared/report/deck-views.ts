import { parseScopeId, type RiskFilter } from '../risks/risk-scope';
import { pageIdOfAddress, type PageId } from '../room/page-ids';

// What a deck's views narrow, read from their addresses, so that "Export report → the views of
// deck X" reports what the deck shows (its increment, its risk board's scope) and says plainly
// what it does not reproduce (a Flow view of one team), rather than widen it without a word.

export interface DeckView {
  title: string;
  address: string;
}

/** A Flow or Delivery view's narrowing, as its address holds it (keys; the report names them). */
export interface FlowNarrowing {
  page: 'flow' | 'delivery';
  teams: string[];
  valueStreams: string[];
  groups: string[];
  types: string[];
  window: { from: string; to: string } | null;
}

export interface DeckReading {
  /** The increment the report is about: the first one a view names; null when none does. */
  increment: string | null;
  /** Increments other views name, which the report is not about, with those views' titles. */
  otherIncrements: { increment: string; views: string[] }[];
  /** The Risks views' filters; null when a Risks view shows every risk, or the deck has none. */
  riskFilters: RiskFilter[] | null;
  /** Flow and Delivery views narrowed in ways the report's one flow summary does not reproduce. */
  flowNarrowings: FlowNarrowing[];
}

/** An address's query as its pairs, decoded as a browser's URLSearchParams does ("+" is a space). */
function queryOf(address: string): [string, string][] {
  const at = address.indexOf('?');
  if (at < 0) return [];
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  return address
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

/** The increment a view names: Plan's and Confidence's `increment`, a Risks board scoped to one. */
function incrementOf(page: PageId | null, query: [string, string][]): string | null {
  const get = (key: string) => query.find(([k]) => k === key)?.[1]?.trim() || null;
  if (page === 'plan' || page === 'confidence') return get('increment');
  if (page === 'risks') {
    const scope = parseScopeId(get('scope'));
    return scope?.kind === 'increment' ? scope.key : null;
  }
  return null;
}

export function readDeckViews(views: readonly DeckView[]): DeckReading {
  const named = new Map<string, string[]>();
  const riskFilters: RiskFilter[] = [];
  let everyRisk = false;
  let riskViews = 0;
  const flowNarrowings: FlowNarrowing[] = [];
  for (const view of views) {
    const page = pageIdOfAddress(view.address);
    const query = queryOf(view.address);
    const all = (key: string) => [...new Set(query.filter(([k, v]) => k === key && v.trim() !== '').map(([, v]) => v.trim()))];
    const increment = incrementOf(page, query);
    if (increment !== null) named.set(increment, [...(named.get(increment) ?? []), view.title]);
    if (page === 'risks') {
      riskViews += 1;
      const scope = parseScopeId(all('scope')[0]);
      if (scope === null) everyRisk = true;
      else riskFilters.push({ scope, withTeams: all('teams')[0] !== '0' });
    }
    if (page === 'flow' || page === 'delivery') {
      const [from, to] = [all('from')[0], all('to')[0]];
      const narrowing: FlowNarrowing = {
        page,
        teams: all('teams'),
        valueStreams: all('valueStreams'),
        groups: all('coordinationGroups'),
        types: all('type'),
        window: from && to ? { from, to } : null,
      };
      if (narrowing.teams.length + narrowing.valueStreams.length + narrowing.groups.length + narrowing.types.length > 0 || narrowing.window) flowNarrowings.push(narrowing);
    }
  }
  const [first, ...others] = [...named.entries()];
  return {
    increment: first?.[0] ?? null,
    otherIncrements: others.map(([increment, titles]) => ({ increment, views: titles })),
    riskFilters: riskViews === 0 || everyRisk ? null : riskFilters,
    flowNarrowings,
  };
}
