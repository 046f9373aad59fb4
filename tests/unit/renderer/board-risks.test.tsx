import { ThemeProvider } from '@mui/material/styles';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardMenu, CardRisksDialog } from '../../../renderer/src/planning/BoardDialogs';
import { boardCsvRows, boardPngSubtitle, boardSvg } from '../../../renderer/src/planning/board-export';
import { boardRisks, type BoardRisk } from '../../../shared/joins/board-risks';
import { BoardSidePanel } from '../../../renderer/src/planning/BoardSidePanel';
import { BoardLegend } from '../../../renderer/src/planning/PlanToolbar';
import { ProgramBoard } from '../../../renderer/src/planning/ProgramBoard';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import type { Board, BoardCard } from '../../../shared/planning/board-schema';
import { boardRisk, conflictBoard } from '../joins/board-risk-fixtures';
import { teamName } from './checkout-board';

// Risks on the program board (docs/PLANNING.md, "Risks on the board"): a card linked to an open
// risk, itself or through a dependency it is an end of, carries a marker (a symbol and a count)
// naming each risk, its ROAM status and how it is linked; the marker leads to the card's risks
// and each to the Risks page; a conflict with an open risk says so; the legend counts them.

afterEach(cleanup);

const board = conflictBoard;
const risk = boardRisk;

/** As *Raise dependency conflicts* makes it: linking the dependency and both its items, owned by the provider's team. */
const RAISED = risk('RISK-8', 'owned', { items: ['CHK-26', 'PAY-2'], dependencies: ['DEP-C'] }, { title: 'Checkout waits on Payments: Title PAY-2', ownerTeamKey: 'pay', ownerPerson: 'Mara Lind', raisedFromDependency: 'DEP-C' });

const noop = () => undefined;
const themed = (node: React.ReactNode) => render(<ThemeProvider theme={appTheme('dark')}>{node}</ThemeProvider>);

function showBoard(b: Board, risks: readonly BoardRisk[]) {
  const joined = boardRisks(b, risks, teamName);
  themed(
    <>
      <BoardLegend counts={b.dependencyCounts} capacityUnit="items" linesByOdds={false} simulating={false} showAllLines={false} sideShown focus={{ card: null, team: null }} teamName={teamName} setParams={noop} openRisks={joined.count} />
      <ProgramBoard board={b} focus={{ card: null, team: null }} showAllLines={false} changed={new Map()} onFocus={noop} onPlace={noop} onCardMenu={noop} onAddToCell={noop} onCapacity={noop} cardRisks={joined.cards} sidePanel={null} />
      <BoardSidePanel board={b} changes={null} tab="conflicts" onTab={noop} onFocusCard={noop} teamName={teamName} dependencyRisks={joined.dependencies} />
    </>,
  );
  return joined;
}

const cardOf = (key: string) => document.querySelector<HTMLElement>(`[data-card="${key}"]`)!;
/** The card's marker: its text and its title. */
const marker = (key: string) => {
  const m = cardOf(key).querySelector('.ilk-risk');
  return m ? { text: m.textContent, title: m.getAttribute('title') } : null;
};
const conflictRows = () => within(screen.getByTestId('conflicts-list')).getAllByRole('button').map((r) => r.textContent);

describe('risks on the program board', () => {
  it('a raised, owned risk marks both ends of its dependency, once each, naming it, its status and how it is linked', () => {
    showBoard(board(), [RAISED]);
    expect(marker('CHK-26')).toEqual({ text: '⚠1', title: '1 open risk:\nRISK-8 (Owned): Checkout waits on Payments: Title PAY-2 — linked to this item and its dependency on PAY-2\n(click to list them)' });
    expect(marker('PAY-2')).toEqual({ text: '⚠1', title: '1 open risk:\nRISK-8 (Owned): Checkout waits on Payments: Title PAY-2 — linked to this item and CHK-26’s dependency on it\n(click to list them)' });
    // Heard with the card: what it shows, then the risk said in full.
    expect(screen.getByRole('button', { name: /^CHK-26/ }).textContent).toContain(', 1 open risk: RISK-8 (Owned): Checkout waits on Payments: Title PAY-2 — linked to this item and its dependency on PAY-2');
    expect(marker('CHK-27')).toBeNull();
    expect(marker('PAY-1')).toBeNull();
  });

  it('the conflicts list says which conflict already has an open risk, and its ROAM status', () => {
    showBoard(board(), [RAISED]);
    expect(conflictRows()).toEqual(['✕ Checkout ↔ PaymentsCHK-26 (Iteration 1) waits on PAY-2 (Iteration 2) · conflict · needed 2026-01-05 · risk RISK-8 owned']);
  });

  it('the board as CSV has each card’s open risks with their ROAM status, as its marker counts them', () => {
    const b = board();
    const joined = boardRisks(b, [RAISED, risk('RISK-2', 'unroamed', { items: ['CHK-26'] }), risk('RISK-3', 'resolved', { items: ['CHK-27'] })], teamName);
    const rows = boardCsvRows(b, (k) => k, joined.cards);
    expect(rows[0]!.at(-1)).toBe('Open risks');
    expect(Object.fromEntries(rows.slice(1).map((r) => [r[4], r.at(-1)]))).toEqual({ 'CHK-26': 'RISK-2 not yet ROAMed; RISK-8 owned', 'CHK-27': '', 'PAY-1': '', 'PAY-2': 'RISK-8 owned' });
  });

  it('the board as PNG carries each card’s marker as on screen (⚠ and its count, outlined, whole on its card’s first line), and its subtitle counts them as the legend does', () => {
    const b = board();
    const joined = boardRisks(b, [RAISED, risk('RISK-12', 'accepted', { items: ['CHK-26'] }), risk('RISK-3', 'resolved', { items: ['CHK-27'] })], teamName);
    const { source } = boardSvg(b, { teamName, color: '#000', muted: '#666', line: '#ccc', card: '#fff', risks: { cards: joined.cards, outline: '#ed6c02' } });
    // Walk the drawing in order: a card's box, its key, then whatever is drawn on it.
    const svg = new DOMParser().parseFromString(source, 'image/svg+xml').documentElement;
    const num = (e: Element, name: string) => Number(e.getAttribute(name));
    const markers: Record<string, string> = {};
    let card: { key: string; x: number; y: number; width: number; height: number } | null = null;
    for (const e of Array.from(svg.children)) {
      if (e.tagName === 'rect' && e.getAttribute('fill') === '#fff') card = { key: '', x: num(e, 'x'), y: num(e, 'y'), width: num(e, 'width'), height: num(e, 'height') };
      else if (e.tagName === 'text' && card && card.key === '') card.key = e.textContent!;
      else if (e.tagName === 'rect' && e.getAttribute('stroke') === '#ed6c02' && card) {
        const marker = e.nextElementSibling!;
        expect([marker.tagName, num(marker, 'x') - num(e, 'x')]).toEqual(['text', num(e, 'width') / 2]);
        // Whole on the card, on its first line (the key's, 14 px down).
        expect(num(e, 'x')).toBeGreaterThan(card.x);
        expect(num(e, 'x') + num(e, 'width')).toBeLessThan(card.x + card.width);
        expect(num(e, 'y')).toBeGreaterThan(card.y);
        expect(num(e, 'y') + num(e, 'height')).toBeLessThanOrEqual(card.y + 18);
        markers[card.key] = marker.textContent!;
      }
    }
    expect(markers).toEqual({ 'CHK-26': '⚠2', 'PAY-2': '⚠1' });
    expect(boardPngSubtitle(b, joined.count)).toBe('2026-01-05 – 2026-02-01 · 1 conflict, 0 provider not planned · ⚠ 2 open risks on planned cards');
    expect(boardPngSubtitle(b, 0)).toBe('2026-01-05 – 2026-02-01 · 1 conflict, 0 provider not planned');
    // Without risks given, as before: no marker.
    expect(boardSvg(b, { teamName, color: '#000', muted: '#666', line: '#ccc', card: '#fff' }).source).not.toContain('⚠');
  });

  it('the legend counts the open risks on planned cards, each once however many cards it marks', () => {
    showBoard(board(), [RAISED, risk('RISK-2', 'unroamed', { items: ['PAY-1'] })]);
    expect(screen.getByTestId('risk-legend').textContent).toBe('⚠2 open risks on planned cards');
  });

  it('the marker leads to the card’s risks, each with its status, owner, how it is linked and a link to it on the Risks page', () => {
    const b = board();
    const joined = boardRisks(b, [RAISED], teamName);
    // As the Plan page wires them: a click on the marker opens the card's risks.
    function Page() {
      const [open, setOpen] = useState<BoardCard | null>(null);
      return (
        <>
          <ProgramBoard board={b} focus={{ card: null, team: null }} showAllLines={false} changed={new Map()} onFocus={noop} onPlace={noop} onCardMenu={noop} onAddToCell={noop} onCapacity={noop} cardRisks={joined.cards} onCardRisks={setOpen} sidePanel={null} />
          {open && <CardRisksDialog card={open} risks={joined.cards.get(open.key) ?? []} teamName={teamName} onClose={() => setOpen(null)} />}
        </>
      );
    }
    themed(<Page />);
    // A click elsewhere on the card focuses it, as before.
    fireEvent.click(cardOf('CHK-26').querySelector('.ilk-title')!);
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(cardOf('CHK-26').querySelector('.ilk-risk')!);
    const dialog = screen.getByRole('dialog', { name: 'Open risks on CHK-26 Title CHK-26' });
    expect(within(dialog).getByTestId('card-risks').textContent).toBe('RISK-8 Checkout waits on Payments: Title PAY-2Owned · owner Payments, Mara Lind · linked to this item and its dependency on PAY-2Open RISK-8');
    expect(within(dialog).getByRole('link', { name: 'Open RISK-8' }).getAttribute('href')).toBe('#/risks?risk=RISK-8');
  });

  it('the card’s menu has "Its risks…" with their count when it has some, for the keyboard', () => {
    const card = board().cells.flatMap((c) => c.cards).find((c) => c.key === 'CHK-26')!;
    const anchor = document.body.appendChild(document.createElement('div'));
    themed(<CardMenu anchor={anchor} card={card} risks={2} onAction={noop} onClose={noop} />);
    expect(screen.getByRole('menuitem', { name: 'Its risks (2)…' })).toBeTruthy();
    cleanup();
    themed(<CardMenu anchor={anchor} card={card} risks={0} onAction={noop} onClose={noop} />);
    expect(screen.queryByRole('menuitem', { name: /Its risks/ })).toBeNull();
  });

  describe('edge cases', () => {
    it('a resolved risk is no longer a risk: no marker, nothing said in the conflicts list, nothing counted', () => {
      const joined = showBoard(board(), [{ ...RAISED, status: 'resolved' }, risk('RISK-3', 'resolved', { items: ['CHK-27'] })]);
      expect(document.querySelectorAll('.ilk-risk')).toHaveLength(0);
      expect(conflictRows()[0]).not.toContain('risk');
      expect(screen.queryByTestId('risk-legend')).toBeNull();
      expect(joined.count).toBe(0);
    });

    it('not yet ROAMed, Accepted and Mitigated are still risks', () => {
      showBoard(board(), [risk('RISK-1', 'unroamed', { items: ['CHK-27'] }), risk('RISK-2', 'accepted', { items: ['PAY-1'] }), risk('RISK-4', 'mitigated', { items: ['PAY-2'] })]);
      expect([marker('CHK-27')?.title, marker('PAY-1')?.title, marker('PAY-2')?.title].map((t) => t?.split('\n')[1])).toEqual([
        'RISK-1 (Not yet ROAMed): Title of RISK-1 — linked to this item',
        'RISK-2 (Accepted): Title of RISK-2 — linked to this item',
        'RISK-4 (Mitigated): Title of RISK-4 — linked to this item',
      ]);
    });

    it('a risk linked to the dependency alone shows on its waiting card, on its provider’s, and in the conflicts list', () => {
      showBoard(board(), [risk('RISK-5', 'unroamed', { dependencies: ['DEP-C'] })]);
      expect(marker('CHK-26')?.title).toContain('RISK-5 (Not yet ROAMed): Title of RISK-5 — linked to its dependency on PAY-2');
      expect(marker('PAY-2')?.title).toContain('RISK-5 (Not yet ROAMed): Title of RISK-5 — linked to CHK-26’s dependency on it');
      expect(conflictRows()[0]).toMatch(/ · risk RISK-5 not yet ROAMed$/);
    });

    it('two risks on one card count two, a risk linked to the card twice (item and dependency) counts once', () => {
      showBoard(board(), [RAISED, risk('RISK-12', 'accepted', { items: ['CHK-26'] })]);
      const m = marker('CHK-26')!;
      expect(m.text).toBe('⚠2');
      expect(m.title!.split('\n').slice(0, 3)).toEqual(['2 open risks:', 'RISK-8 (Owned): Checkout waits on Payments: Title PAY-2 — linked to this item and its dependency on PAY-2', 'RISK-12 (Accepted): Title of RISK-12 — linked to this item']);
      expect(screen.getByRole('button', { name: /^CHK-26/ }).textContent).toContain(', 2 open risks: RISK-8');
      // Two risks on one dependency: both named, in key order.
      cleanup();
      showBoard(board(), [risk('RISK-10', 'owned', { dependencies: ['DEP-C'] }), risk('RISK-9', 'unroamed', { dependencies: ['DEP-C'] })]);
      expect(conflictRows()[0]).toMatch(/ · risks RISK-9 not yet ROAMed, RISK-10 owned$/);
    });

    it('a risk linked to an item not on the board, or to a dependency not on it, changes nothing', () => {
      const joined = showBoard(board(), [risk('RISK-6', 'owned', { items: ['OUT-1'], dependencies: ['DEP-GONE'], objectives: ['OBJ-1'] })]);
      expect(document.querySelectorAll('.ilk-risk')).toHaveLength(0);
      expect(screen.queryByTestId('risk-legend')).toBeNull();
      expect(conflictRows()[0]).not.toContain('risk');
      expect(joined).toMatchObject({ count: 0 });
      expect(joined.cards.size + joined.dependencies.size).toBe(0);
    });

    it('a risk raised from a conflict whose link was edited away still says so there, as the report and Raise dependency conflicts do', () => {
      showBoard(board(), [risk('RISK-8', 'owned', { items: [] }, { raisedFromDependency: 'DEP-C' })]);
      expect(conflictRows()[0]).toMatch(/ · risk RISK-8 owned$/);
      expect(marker('CHK-26')?.text).toBe('⚠1');
    });

    it('a dependency on a team alone names the team where its provider item would be', () => {
      const b = board({
        dependencies: [{ key: 'DEP-T', consumerKey: 'CHK-27', providerKey: null, consumerTeamKey: 'checkout', providerTeamKey: 'pricing', createdAt: 0, neededBy: null, resolvedAt: null }],
      });
      showBoard(b, [risk('RISK-7', 'owned', { dependencies: ['DEP-T'] })]);
      expect(marker('CHK-27')?.title).toContain('RISK-7 (Owned): Title of RISK-7 — linked to its dependency on Pricing — no item named');
    });

    it('a title with line breaks stays one risk, one line', () => {
      showBoard(board(), [risk('RISK-1', 'owned', { items: ['PAY-1'] }, { title: 'Two\nlines' })]);
      expect(marker('PAY-1')).toEqual({ text: '⚠1', title: '1 open risk:\nRISK-1 (Owned): Two lines — linked to this item\n(click to list them)' });
    });

    it('a card whose risks are gone has none listed in its dialog (opened before the risk was resolved)', () => {
      const card = board().cells.flatMap((c) => c.cards).find((c) => c.key === 'CHK-26')!;
      themed(<CardRisksDialog card={card} risks={[]} teamName={teamName} onClose={noop} />);
      expect(screen.getByRole('dialog').textContent).toContain('No open risk is linked to it or to its dependencies (any longer).');
    });
  });
});
