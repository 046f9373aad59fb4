import type { Board, BoardDependency } from '../planning/board-schema';
import { displayKey } from '../planning/local-keys';
import { providerWithoutItemText } from '../planning/dependency-state';
import type { Risk, RiskStatus } from '../risks/risk-schema';
import { ROAM_TEXT } from '../risks/roam';

// The risks of the ROAM board as the program board shows them (docs/PLANNING.md, "Risks on the
// board"). shared/joins holds what takes two domains: planning never learns about risks, nor risks
// about the board, so the join of the two lives apart from both, here, where the Plan page, the
// board's CSV, the report and `plan board` all take it from (each read both domains' channels): a
// risk links items and dependencies by key, and the board holds both.

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
  const onBoard = cardKeys(board);

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

function cardKeys(board: Pick<Board, 'cells'>): Set<string> {
  const keys = new Set<string>();
  for (const cell of board.cells) for (const card of cell.cards) keys.add(card.key);
  return keys;
}

/** A ROAM status inside a sentence: "owned", "not yet ROAMed". */
export function riskStatusWord(status: RiskStatus): string {
  const label = ROAM_TEXT[status].label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
/**
 * How an open risk bears on a dependency: raised from it (what *Raise dependency conflicts* made
 * of it), linked to it, or linked to the item of one of its ends on the board (`items`).
 */
export interface RiskOnDependency {
  risk: BoardRisk;
  how: 'raised' | 'linked' | 'item';
  /** The ends' items it links, when `how` is 'item'. */
  items: string[];
}

/**
 * The open risks of each dependency on the board, as the markers of its ends' cards count them,
 * less what reaches those cards through their other dependencies: those raised from it or linking
 * it, and those linking the item of an end that is a card on the board. In key order; a
 * dependency with none has no entry.
 */
export function dependencyRisks(board: Pick<Board, 'cells' | 'dependencies'>, risks: readonly BoardRisk[]): ReadonlyMap<string, readonly RiskOnDependency[]> {
  const open = risks.filter(isOpenRisk);
  const out = new Map<string, RiskOnDependency[]>();
  if (open.length === 0) return out;
  const onBoard = cardKeys(board);
  for (const d of board.dependencies) {
    const list = open.flatMap((risk) => bearingOn(d, risk, onBoard) ?? []).sort((a, b) => byKey(a.risk.key, b.risk.key));
    if (list.length > 0) out.set(d.key, list);
  }
  return out;
}

function bearingOn(d: Pick<BoardDependency, 'key' | 'consumer' | 'provider'>, risk: BoardRisk, onBoard: ReadonlySet<string>): RiskOnDependency | null {
  if (risk.raisedFromDependency === d.key) return { risk, how: 'raised', items: [] };
  if (risk.links.dependencies.includes(d.key)) return { risk, how: 'linked', items: [] };
  const ends = [d.consumer.itemKey, d.provider.itemKey].filter((k): k is string => k !== null && onBoard.has(k));
  const items = ends.filter((k) => risk.links.items.includes(k));
  return items.length > 0 ? { risk, how: 'item', items } : null;
}

/** Open risks with their ROAM status, as the board's CSV and `plan board` list a card's: "RISK-2 not yet ROAMed; RISK-8 owned". */
export function risksWithStatus(list: readonly Pick<BoardRisk, 'key' | 'status'>[]): string {
  return list.map((r) => `${r.key} ${riskStatusWord(r.status)}`).join('; ');
}

/** A planned card with open risks, where it sits on the board. */
export interface PlannedCardRisks {
  item: string;
  teamKey: string;
  columnId: number;
  risks: readonly RiskOnCard[];
}

/** The planned cards that carry a marker, in the board's order: team by team as its rows, then iterations, then each cell's own order. */
export function plannedCardRisks(board: Pick<Board, 'teams' | 'columns' | 'cells'>, cards: BoardRisks['cards']): PlannedCardRisks[] {
  if (cards.size === 0) return [];
  const teamAt = new Map(board.teams.map((t, i) => [t.key, i]));
  const columnAt = new Map(board.columns.map((c, i) => [c.id, i]));
  const cells = [...board.cells].sort((a, b) => teamAt.get(a.teamKey)! - teamAt.get(b.teamKey)! || columnAt.get(a.columnId)! - columnAt.get(b.columnId)!);
  return cells.flatMap((cell) => cell.cards.flatMap((card) => {
    const risks = cards.get(card.key);
    return risks ? [{ item: card.key, teamKey: cell.teamKey, columnId: cell.columnId, risks }] : [];
  }));
}
