import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardDependenciesDialog } from '../../../renderer/src/planning/BoardDialogs';
import { boardCsvRows, boardSvg } from '../../../renderer/src/planning/board-export';
import { BoardSidePanel } from '../../../renderer/src/planning/BoardSidePanel';
import { BoardLegend } from '../../../renderer/src/planning/PlanToolbar';
import { ProgramBoard } from '../../../renderer/src/planning/ProgramBoard';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import type { Board } from '../../../shared/planning/board-schema';
import { baselineOf, changesSince } from '../../../shared/planning/baseline';
import type { PlanData } from '../../../shared/planning/plan-data';
import { checkoutBoard, day as d, TEAM_NAMES as NAMES, teamName } from './checkout-board';

// A dependency on a team alone ("CHK-26 needs something from Pricing", no item named yet) as the
// Plan page shows it: counted with the providers not planned, on the waiting card's badge, and in
// the conflicts list, the card's dependencies and the board's exports naming the team. And the
// changes since a baseline as the Changes tab shows them: dependencies on a team alone an older
// baseline did not keep, and providers cancelled since.

afterEach(cleanup);

/** CHK-26 (Iteration 2) waits on Pricing, no item named, from Jan 21; CHK-27 on PAY-1 (Iteration 1: in order). Pricing plans nothing. */
function board(overrides: Partial<PlanData> = {}): Board {
  return checkoutBoard({
    dependencies: [
      { key: 'DEP-T', consumerKey: 'CHK-26', providerKey: null, consumerTeamKey: 'checkout', providerTeamKey: 'pricing', createdAt: 0, neededBy: d('2026-01-21'), resolvedAt: null },
      { key: 'DEP-OK', consumerKey: 'CHK-27', providerKey: 'PAY-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
    ],
    ...overrides,
  });
}

const noop = () => undefined;
const themed = (node: React.ReactNode) => render(<ThemeProvider theme={appTheme('light')}>{node}</ThemeProvider>);

describe('a dependency on a team alone on the Plan page', () => {
  it('the conflicts list names the team, that no item is named, its state and the need date', () => {
    themed(<BoardSidePanel board={board()} changes={null} tab="conflicts" onTab={noop} onFocusCard={noop} teamName={teamName} />);
    expect(screen.getByRole('tab', { name: 'Conflicts (1)' })).toBeTruthy();
    const rows = within(screen.getByTestId('conflicts-list')).getAllByRole('button');
    expect(rows.map((r) => r.textContent)).toEqual(['? Checkout ↔ PricingCHK-26 (Iteration 2) waits on Pricing — no item named · provider not planned · needed 2026-01-21']);
  });

  it('the legend counts it with the providers not planned; the waiting card has its badge', () => {
    const b = board();
    themed(<BoardLegend counts={b.dependencyCounts} capacityUnit="items" linesByOdds={false} simulating={false} showAllLines={false} sideShown focus={{ card: null, team: null }} teamName={teamName} setParams={noop} />);
    const legend = screen.getByTestId('dependency-legend').textContent ?? '';
    expect(legend).toContain('1 in order');
    expect(legend).toContain('1 provider not planned');
    cleanup();
    themed(<ProgramBoard board={b} focus={{ card: null, team: null }} showAllLines={false} changed={new Map()} onFocus={noop} onPlace={noop} onCardMenu={noop} onAddToCell={noop} onCapacity={noop} sidePanel={null} />);
    const badges = [...document.querySelector('[data-card="CHK-26"]')!.querySelectorAll('.ilk-state')].map((e) => [e.textContent, e.getAttribute('title')]);
    expect(badges).toEqual([['?', '1 provider not planned']]);
  });

  it('the card’s dependencies say whom it waits on', () => {
    const b = board();
    const card = b.cells.flatMap((c) => c.cards).find((c) => c.key === 'CHK-26')!;
    themed(<CardDependenciesDialog board={b} card={card} teamName={teamName} busy={false} error={null} needByError={null} onRemove={noop} onNeedBy={noop} onClose={noop} />);
    expect(screen.getByRole('dialog').textContent).toContain('? Waits on Pricing — no item named: provider not planned');
  });

  it('the board’s CSV names the team where it names a provider item; the PNG draws a stub at the waiting card', () => {
    const b = board();
    const rows = boardCsvRows(b, (k) => NAMES[k] ?? k);
    expect(rows.filter((r) => r[4] === 'CHK-26' || r[4] === 'CHK-27').map((r) => r.slice(9))).toEqual([
      ['Pricing — no item named', 'provider not planned', ''],
      ['PAY-1', 'in order', ''],
    ]);
    const { source } = boardSvg(b, { teamName: (k) => NAMES[k] ?? k, color: '#000', muted: '#666', line: '#ccc', card: '#fff' });
    // One line not in order, drawn as a stub (a path going left from the card's edge) with the "?" symbol.
    expect(source.match(/ h -16"/g)).toHaveLength(1);
    expect(source).toContain('>?</text>');
  });

  describe('edge cases', () => {
    it('resolved, it is in order: no conflict, no stub, counted in order', () => {
      const b = board({ dependencies: [{ key: 'DEP-T', consumerKey: 'CHK-26', providerKey: null, consumerTeamKey: 'checkout', providerTeamKey: 'pricing', createdAt: 0, neededBy: null, resolvedAt: d('2026-01-10') }] });
      themed(<BoardSidePanel board={b} changes={null} tab="conflicts" onTab={noop} onFocusCard={noop} teamName={teamName} />);
      expect(screen.getByRole('tab', { name: 'Conflicts (0)' })).toBeTruthy();
      expect(b.dependencyCounts).toMatchObject({ ok: 1, unplanned: 0 });
      expect(boardSvg(b, { teamName: (k) => k, color: '#000', muted: '#666', line: '#ccc', card: '#fff' }).source).not.toContain(' h -16"');
    });

    it('two teams waited on by one card: the PNG draws two stubs apart, each with its symbol', () => {
      const b = board({
        dependencies: [
          { key: 'DEP-A', consumerKey: 'CHK-26', providerKey: null, consumerTeamKey: 'checkout', providerTeamKey: 'pricing', createdAt: 0, neededBy: null, resolvedAt: null },
          { key: 'DEP-B', consumerKey: 'CHK-26', providerKey: 'GONE-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
        ],
      });
      const { source } = boardSvg(b, { teamName: (k) => NAMES[k] ?? k, color: '#000', muted: '#666', line: '#ccc', card: '#fff' });
      const heights = [...source.matchAll(/<path d="M [\d.]+ ([\d.]+) h -16"/g)].map((m) => Number(m[1]));
      expect(heights).toHaveLength(2);
      // A symbol (12 px) and 2 px apart, about the card's middle.
      expect(Math.abs(heights[1]! - heights[0]!)).toBe(14);
      const symbols = [...source.matchAll(/<text x="[\d.]+" y="([\d.]+)" font-size="12" font-weight="700"[^>]*>\?<\/text>/g)].map((m) => Number(m[1]));
      expect(symbols).toEqual(heights.map((h) => h + 4));
    });

    it('with several providers in one cell of the CSV, "; " keeps a team’s name with spaces whole', () => {
      const b = board({
        teams: [{ key: 'checkout', name: 'Checkout', valueStream: null, group: 'G' }],
        dependencies: [
          { key: 'DEP-A', consumerKey: 'CHK-26', providerKey: null, consumerTeamKey: 'checkout', providerTeamKey: 'risk', createdAt: 0, neededBy: null, resolvedAt: null },
          { key: 'DEP-B', consumerKey: 'CHK-26', providerKey: 'PAY-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
        ],
      });
      const row = boardCsvRows(b, (k) => (k === 'risk' ? 'Fraud and Risk' : k)).find((r) => r[4] === 'CHK-26')!;
      expect(row.slice(9)).toEqual(['Fraud and Risk — no item named; PAY-1', 'provider not planned; in order', '']);
    });
  });
});

describe('the changes since a baseline committed before dependencies on a team alone were kept', () => {
  /** As a build before the marker wrote it: the board without CHK-26's dependency on Pricing, which it left out. */
  const withoutPricing = () => board({ dependencies: [{ key: 'DEP-OK', consumerKey: 'CHK-27', providerKey: 'PAY-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null }] });
  const older = () => {
    const body = baselineOf(withoutPricing());
    return { cards: body.cards, dependencies: body.dependencies.map(({ key, state }) => ({ key, state })) };
  };
  const shown = (changes: ReturnType<typeof changesSince>) => {
    const b = board();
    themed(<BoardSidePanel board={b} changes={{ baseline: { id: 1, name: 'Committed', takenAt: '2026-12-01T09:00:00Z' }, ...changes }} tab="changes" onTab={noop} onFocusCard={noop} teamName={teamName} />);
    return screen.getByTestId('baseline-changes');
  };

  it('does not call the open one new: it says once that it is not compared, and where it is listed', () => {
    const b = board();
    const list = shown(changesSince(older(), baselineOf(b), b.increment.iterations));
    expect(list.textContent).not.toContain('New conflicts');
    // Nothing else changed: said of what was compared, not of everything.
    expect(list.textContent).toContain('Nothing compared has changed since.');
    expect(list.textContent).not.toContain('Nothing has changed since.');
    expect(within(list).getByTestId('baseline-not-compared').textContent).toBe(
      'This baseline was committed before dependencies on a team alone were kept: 1 open now is not compared (the Conflicts tab lists it).',
    );
  });

  it('against a baseline that kept them, it is a new conflict and nothing is said about comparing', () => {
    const b = board();
    const list = shown(changesSince(baselineOf(withoutPricing()), baselineOf(b), b.increment.iterations));
    expect(list.textContent).toContain('New conflicts (1)');
    // Said by who waits on whom, as in the conflicts list: a key means nothing to the room.
    expect(list.textContent).toContain('CHK-26 waits on Pricing — no item named: provider not planned');
    expect(within(list).queryByTestId('baseline-not-compared')).toBeNull();
  });
});

describe('the changes since a baseline: providers cancelled since', () => {
  // Then: CHK-26 waits on PAY-9, planned nowhere (DEP-X); CHK-27 on PAY-1, in order (DEP-OK). Now both providers are cancelled.
  const rows = [
    { key: 'DEP-X', consumerKey: 'CHK-26', providerKey: 'PAY-9', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
    { key: 'DEP-OK', consumerKey: 'CHK-27', providerKey: 'PAY-1', consumerTeamKey: 'checkout', providerTeamKey: 'pay', createdAt: 0, neededBy: null, resolvedAt: null },
  ];
  const now = () => board({ dependencies: rows, cancelledProviders: ['PAY-9', 'PAY-1'] });
  const lines = (then: ReturnType<typeof baselineOf>) => {
    const b = now();
    const changes = changesSince(then, baselineOf(b), b.increment.iterations);
    themed(<BoardSidePanel board={b} changes={{ baseline: { id: 1, name: 'Committed', takenAt: '2026-12-01T09:00:00Z' }, ...changes }} tab="changes" onTab={noop} onFocusCard={noop} teamName={teamName} />);
    const list = screen.getByTestId('baseline-changes');
    return [...list.querySelectorAll('h6, li')].map((e) => e.textContent);
  };

  it('one not planned then and cancelled now is listed as cancelled since; one in order then is a new conflict said cancelled', () => {
    expect(lines(baselineOf(board({ dependencies: rows })))).toEqual([
      'New conflicts (1)',
      'CHK-27 waits on PAY-1 (Iteration 1): provider cancelled (was in order)',
      'Providers cancelled since (1)',
      'CHK-26 waits on PAY-9 (cancelled): provider cancelled (was provider not planned)',
    ]);
  });

  it('against a baseline that kept no kinds, it says the provider was not planned then, or already cancelled', () => {
    const body = baselineOf(board({ dependencies: rows }));
    const older = { cards: body.cards, dependencies: body.dependencies.map(({ key, state }) => ({ key, state })) };
    expect(lines(older)).toContain('CHK-26 waits on PAY-9 (cancelled): provider cancelled (at the baseline: provider not planned, or already cancelled)');
  });
});
