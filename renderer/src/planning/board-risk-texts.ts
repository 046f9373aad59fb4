import { riskStatusWord, type BoardRisk, type RiskOnCard } from '../../../shared/joins/board-risks';
import { ROAM_TEXT } from '../../../shared/risks/roam';

// How the Plan page says the open risks on its board (docs/PLANNING.md, "Risks on the board"): the
// join of risks and board is shared (shared/joins/board-risks.ts), the sentences are the page's.

/** How a risk reaches a card, said: "linked to this item and its dependency on PAY-12". */
export function linkedText(via: readonly string[]): string {
  return `linked to ${via.length < 2 ? (via[0] ?? '') : `${via.slice(0, -1).join(', ')} and ${via.at(-1)!}`}`;
}

/** One line per risk of a card, for its marker's title and what a screen reader hears: key, ROAM status, title, and how it is linked. */
export function cardRiskLines(list: readonly RiskOnCard[]): string[] {
  // One risk, one line: a title imported with line breaks would read as two risks.
  return list.map(({ risk, via }) => `${risk.key} (${ROAM_TEXT[risk.status].label}): ${risk.title} — ${linkedText(via)}`.replace(/\s+/g, ' '));
}

/** The open risks of a dependency as the conflicts list says them: "risk RISK-8 owned". */
export function dependencyRiskText(list: readonly BoardRisk[]): string {
  if (list.length === 0) return '';
  return `${list.length === 1 ? 'risk' : 'risks'} ${list.map((r) => `${r.key} ${riskStatusWord(r.status)}`).join(', ')}`;
}

/** How many open risks, said. */
export function openRisksText(count: number): string {
  return `${count} open ${count === 1 ? 'risk' : 'risks'}`;
}
