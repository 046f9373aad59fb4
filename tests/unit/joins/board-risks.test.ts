import { describe, expect, it } from 'vitest';
import { boardRisks, dependencyRisks, isOpenRisk, plannedCardRisks, risksWithStatus, riskStatusWord, type BoardRisk } from '../../../shared/joins/board-risks';
import type { Board } from '../../../shared/planning/board-schema';
import { teamName } from '../renderer/checkout-board';
import { boardRisk, conflictBoard } from './board-risk-fixtures';

// The join of the ROAM board's risks to the program board (docs/PLANNING.md, "Risks on the board"),
// pure and shared: the Plan page's markers, the board's CSV, the report and `plan board` all read it.

const board = conflictBoard;
const risk = (key: string, status: BoardRisk['status'], links: Partial<BoardRisk['links']>, raisedFromDependency: string | null = null) => boardRisk(key, status, links, { raisedFromDependency });

/** What each card's marker holds: risk keys with how they reach it. */
const marked = (joined: ReturnType<typeof boardRisks>) => Object.fromEntries([...joined.cards].map(([card, list]) => [card, list.map((r) => `${r.risk.key}: ${r.via.join(' + ')}`)]));

describe('the board’s open risks (shared/joins/board-risks)', () => {
  it('a risk raised from a conflict reaches both its cards, once each, and its dependency; counted once', () => {
    const joined = boardRisks(board(), [risk('RISK-8', 'owned', { items: ['CHK-26', 'PAY-2'], dependencies: ['DEP-C'] }, 'DEP-C')], teamName);
    expect(marked(joined)).toEqual({ 'CHK-26': ['RISK-8: this item + its dependency on PAY-2'], 'PAY-2': ['RISK-8: this item + CHK-26’s dependency on it'] });
    expect([...joined.dependencies].map(([d, list]) => [d, list.map((r) => r.key)])).toEqual([['DEP-C', ['RISK-8']]]);
    expect(joined.count).toBe(1);
  });

  it('open is every status but Resolved', () => {
    expect((['unroamed', 'owned', 'accepted', 'mitigated', 'resolved'] as const).filter((status) => isOpenRisk({ status }))).toEqual(['unroamed', 'owned', 'accepted', 'mitigated']);
    const joined = boardRisks(board(), [risk('RISK-3', 'resolved', { items: ['CHK-27'] })], teamName);
    expect(joined.count).toBe(0);
    expect(joined.cards.size + joined.dependencies.size).toBe(0);
  });

  it('a risk on an item or a dependency not on the board, or on an objective alone, marks nothing', () => {
    const joined = boardRisks(board(), [risk('RISK-6', 'owned', { items: ['OUT-1'], dependencies: ['DEP-GONE'], objectives: ['OBJ-1'] })], teamName);
    expect(joined).toMatchObject({ count: 0 });
    expect(joined.cards.size + joined.dependencies.size).toBe(0);
  });

  it('a dependency’s risks are in key order, numbers read as numbers', () => {
    const joined = boardRisks(board(), [risk('RISK-10', 'owned', { dependencies: ['DEP-C'] }), risk('RISK-9', 'unroamed', { dependencies: ['DEP-C'] })], teamName);
    expect(joined.dependencies.get('DEP-C')!.map((r) => r.key)).toEqual(['RISK-9', 'RISK-10']);
    expect(joined.count).toBe(2);
  });

  it('a ROAM status inside a sentence', () => {
    expect([riskStatusWord('owned'), riskStatusWord('unroamed')]).toEqual(['owned', 'not yet ROAMed']);
  });

  it('leaves its inputs as they were', () => {
    const b = board();
    const risks = [risk('RISK-8', 'owned', { items: ['CHK-26'], dependencies: ['DEP-C'] }, 'DEP-C')];
    const before = JSON.stringify([b, risks]);
    boardRisks(b, risks, teamName);
    expect(JSON.stringify([b, risks])).toBe(before);
  });
});

describe('a dependency’s open risks (dependencyRisks), as its ends’ markers count them', () => {
  it('raised from it, linked to it, or linked to a card at one of its ends; not what reaches those cards through other dependencies', () => {
    const b = conflictBoard({
      dependencies: [
        { key: 'DEP-C', consumerKey: 'CHK-26', providerKey: 'PAY-2', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
        { key: 'DEP-N', consumerKey: 'CHK-26', providerKey: 'OUT-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
      ],
    });
    const said = (risks: BoardRisk[]) => Object.fromEntries([...dependencyRisks(b, risks)].map(([d, list]) => [d, list.map((r) => `${r.risk.key} ${r.how}${r.items.length > 0 ? ` ${r.items.join('+')}` : ''}`)]));
    expect(
      said([
        // Raised from DEP-C, and linking it and both its items: said once, as raised.
        risk('RISK-8', 'owned', { items: ['CHK-26', 'PAY-2'], dependencies: ['DEP-C'] }, 'DEP-C'),
        risk('RISK-9', 'unroamed', { dependencies: ['DEP-N'] }),
        risk('RISK-10', 'accepted', { items: ['PAY-2', 'CHK-26'] }),
        // OUT-1 is on no card: a risk on it alone is on no marker.
        risk('RISK-11', 'mitigated', { items: ['OUT-1'] }),
        risk('RISK-12', 'resolved', { dependencies: ['DEP-C'] }),
      ]),
    ).toEqual({ 'DEP-C': ['RISK-8 raised', 'RISK-10 item CHK-26+PAY-2'], 'DEP-N': ['RISK-8 item CHK-26', 'RISK-9 linked', 'RISK-10 item CHK-26'] });
    expect(dependencyRisks(b, []).size).toBe(0);
  });
});

describe('the planned cards with open risks (plannedCardRisks), as `plan board` lists them', () => {
  it('in the board’s order: team by team as its rows, then iteration by iteration, whatever order the cells come in', () => {
    const b = conflictBoard();
    const joined = boardRisks(b, [risk('RISK-8', 'owned', { dependencies: ['DEP-C'] }), risk('RISK-2', 'unroamed', { items: ['CHK-27', 'PAY-1'] })], teamName);
    const listed = (cells: Board['cells']) => plannedCardRisks({ ...b, cells }, joined.cards).map((c) => `${c.item} ${c.teamKey}/${c.columnId}: ${risksWithStatus(c.risks.map(({ risk: r }) => r))}`);
    const inOrder = ['CHK-26 checkout/1: RISK-8 owned', 'CHK-27 checkout/2: RISK-2 not yet ROAMed', 'PAY-1 pay/1: RISK-2 not yet ROAMed', 'PAY-2 pay/2: RISK-8 owned'];
    expect(listed(b.cells)).toEqual(inOrder);
    expect(listed([...b.cells].reverse())).toEqual(inOrder);
    expect(plannedCardRisks(b, boardRisks(b, [], teamName).cards)).toEqual([]);
  });
});
