import type { Board } from '../../../shared/planning/board-schema';
import { displayKey } from '../../../shared/planning/local-keys';
import { providerWithoutItemText } from '../../../shared/planning/dependency-state';
import type { Risk, RiskStatus } from '../../../shared/risks/risk-schema';
import { ROAM_TEXT } from '../../../shared/risks/roam';

// The risks of the ROAM board as the program board shows them (docs/PLANNING.md, "Risks on the
// board"). The Plan page reads them from the risks domain's own channel (`risks.board`) and joins
// them to the board here, so that the planning domain never learns about risks: a risk links items
// and dependencies by key, and the board holds both.

/** What the board needs of a risk. */
export type BoardRisk = Pick<Risk, 'key' | 'title' | 'status' | 'ownerTeamKey' | 'ownerPerson' | 'links' | 'raisedFromDependency'>;

/**
 * Still a risk to the plan: not yet ROAMed, Owned, Accepted (taken as it is, it may still bite) and
 * Mitigated (lowered, not gone). Resolved is no longer a risk, so the room is not sent after it.
 */
export function isOpenRisk(risk: { status: RiskStatus }): boolean {
  return risk.status !== 'resolved';
}

/** One open risk on a card, and every way it reaches the card, said: "this item", "its dependency on PAY-12". */
export interface RiskOnCard {
  risk: BoardRisk;
  via: string[];
}

export interface BoardRisks {
  /** Card (item key) → its open risks, by key. */
  cards: ReadonlyMap<string, readonly RiskOnCard[]>;
  /** Dependency on the board → the open risks that link it or were raised from it, by key. */
  dependencies: ReadonlyMap<string, readonly BoardRisk[]>;
  /** Open risks on at least one card of the board. */
  count: number;
}

export const NO_BOARD_RISKS: BoardRisks = { cards: new Map(), dependencies: new Map(), count: 0 };

const byKey = new Intl.Collator('en', { numeric: true }).compare;

/**
 * The open risks on each card of the board: linked to its item, or to a dependency the card is an
 * end of (waiting or waited on). A dependency's risks are those linking it and the one raised from
 * it, as the report and *Raise dependency conflicts* name it even when its link was edited away.
 * A risk on an item that is not on the board, or on an objective, marks no card.
 */
export function boardRisks(board: Pick<Board, 'cells' | 'dependencies'>, risks: readonly BoardRisk[], teamName: (key: string | null) => string): BoardRisks {
  const open = risks.filter(isOpenRisk);
  if (open.length === 0) return NO_BOARD_RISKS;
  const onBoard = new Set<string>();
  for (const cell of board.cells) for (const card of cell.cards) onBoard.add(card.key);

  const cards = new Map<string, Map<string, RiskOnCard>>();
  const mark = (cardKey: string | null, risk: BoardRisk, via: string) => {
    if (cardKey === null || !onBoard.has(cardKey)) return;
    const mine = cards.get(cardKey) ?? cards.set(cardKey, new Map()).get(cardKey)!;
    const entry = mine.get(risk.key) ?? mine.set(risk.key, { risk, via: [] }).get(risk.key)!;
    if (!entry.via.includes(via)) entry.via.push(via);
  };
  for (const risk of open) for (const item of risk.links.items) mark(item, risk, 'this item');

  const touching = new Map<string, BoardRisk[]>();
  for (const risk of open) {
    for (const dep of new Set([...risk.links.dependencies, ...(risk.raisedFromDependency === null ? [] : [risk.raisedFromDependency])])) {
      (touching.get(dep) ?? touching.set(dep, []).get(dep)!).push(risk);
    }
  }
  const dependencies = new Map<string, BoardRisk[]>();
  for (const d of board.dependencies) {
    const list = touching.get(d.key);
    if (!list) continue;
    dependencies.set(d.key, [...list].sort((a, b) => byKey(a.key, b.key)));
    const provider = d.provider.itemKey === null ? providerWithoutItemText(teamName(d.provider.teamKey)) : displayKey(d.provider.itemKey);
    for (const risk of list) {
      mark(d.consumer.itemKey, risk, `its dependency on ${provider}`);
      mark(d.provider.itemKey, risk, `${displayKey(d.consumer.itemKey)}’s dependency on it`);
    }
  }

  const out = new Map<string, RiskOnCard[]>();
  const counted = new Set<string>();
  for (const [card, mine] of cards) {
    out.set(card, [...mine.values()].sort((a, b) => byKey(a.risk.key, b.risk.key)));
    for (const key of mine.keys()) counted.add(key);
  }
  return { cards: out, dependencies, count: counted.size };
}

/** A ROAM status inside a sentence: "owned", "not yet ROAMed". */
export function riskStatusWord(status: RiskStatus): string {
  const label = ROAM_TEXT[status].label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

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
