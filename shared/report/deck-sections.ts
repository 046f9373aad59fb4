import { pageIdOfAddress } from '../room/page-ids';
import { REPORT_SECTION_IDS } from './report-sections';

// "Export report" with the chosen deck's views: each view's page brings the sections that print
// what it shows, in the report's own order (a report reads top to bottom, a deck is stepped).

const SECTIONS_OF_PAGE: Readonly<Record<string, readonly string[]>> = {
  overview: ['workspace'],
  teams: ['coordination'],
  coordination: ['coordination', 'findings'],
  plan: ['board', 'objectives'],
  flow: ['flow'],
  delivery: ['flow'],
  risks: ['risks'],
  confidence: ['confidence'],
};


/**
 * The report sections for a deck's views (their addresses), in the report's order. Views with no
 * section of their own (decks, import, forecast) add none; a deck with none at all gets the
 * workspace summary, so the report is never empty.
 */
export function reportSectionsForDeck(addresses: readonly string[]): string[] {
  const wanted = new Set(addresses.flatMap((a) => SECTIONS_OF_PAGE[pageIdOfAddress(a) ?? ''] ?? []));
  const sections = REPORT_SECTION_IDS.filter((id) => wanted.has(id));
  return sections.length > 0 ? sections : ['workspace'];
}
