import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardLegend } from '../../../renderer/src/planning/PlanToolbar';
import { ProgramBoard } from '../../../renderer/src/planning/ProgramBoard';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import type { Board } from '../../../shared/planning/board-schema';
import { buildBoard } from '../../../shared/planning/board';
import type { PlanData } from '../../../shared/planning/plan-data';
import { planData } from '../planning/plan-data-fixture';

// What the Plan page counts of a board: a provider cancelled apart from one not planned, in the
// legend and in a card's badge, though both are drawn alike.

afterEach(cleanup);

const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const work = (itemKey: string, teamKey: string, iterationId: number, rank: number) => ({ itemKey, title: `Title ${itemKey}`, type: 'feature', teamKey, iterationId, rank, size: null, doneAt: null });
const dep = (key: string, consumerKey: string, providerKey: string) => ({ key, consumerKey, providerKey, consumerTeamKey: 'a', providerTeamKey: 'b', createdAt: 0, neededBy: null, resolvedAt: null });

/** A-1 waits on X-9 (cancelled, Won't Do) and on X-8 (open, planned nowhere); A-2 on B-1 (in order). */
function board(overrides: Partial<PlanData> = {}): Board {
  const plan = planData({
    increment: { id: 1, name: 'PI', start: d('2026-01-05'), end: d('2026-02-02'), capacityUnit: 'items' },
    iterations: [
      { id: 1, name: 'I1', start: d('2026-01-05'), end: d('2026-01-19'), teamKey: null },
      { id: 2, name: 'I2', start: d('2026-01-19'), end: d('2026-02-02'), teamKey: null },
    ],
    teams: [
      { key: 'a', name: 'Alpha', valueStream: null, group: 'G' },
      { key: 'b', name: 'Bravo', valueStream: null, group: 'G' },
    ],
    planned: [work('A-1', 'a', 2, 1), work('A-2', 'a', 2, 2), work('B-1', 'b', 1, 1)],
    dependencies: [dep('D-gone', 'A-1', 'X-9'), dep('D-none', 'A-1', 'X-8'), dep('D-ok', 'A-2', 'B-1')],
    providerTeams: { 'X-9': 'b', 'X-8': 'b' },
    cancelledProviders: ['X-9'],
    ...overrides,
  });
  return buildBoard(plan);
}

const noop = () => undefined;

function legend(b: Board) {
  render(
    <ThemeProvider theme={appTheme('light')}>
      <BoardLegend counts={b.dependencyCounts} capacityUnit="items" linesByOdds={false} simulating={false} showAllLines={false} sideShown focus={{ card: null, team: null }} teamName={(k) => k ?? ''} setParams={noop} />
    </ThemeProvider>,
  );
  return screen.getByTestId('dependency-legend').textContent ?? '';
}

function programBoard(b: Board) {
  render(
    <ThemeProvider theme={appTheme('light')}>
      <ProgramBoard board={b} focus={{ card: null, team: null }} showAllLines={false} changed={new Map()} onFocus={noop} onPlace={noop} onCardMenu={noop} onAddToCell={noop} onCapacity={noop} sidePanel={null} />
    </ThemeProvider>,
  );
  return (key: string) => {
    const card = document.querySelector(`[data-card="${key}"]`);
    if (!card) throw new Error(`${key} is not on the board`);
    return [...card.querySelectorAll('.ilk-state')].map((e) => [e.textContent, e.getAttribute('title')]);
  };
}

describe('the Plan page counts a cancelled provider apart', () => {
  it('the legend: 1 provider not planned and 1 provider cancelled, not 2 and 0', () => {
    const text = legend(board());
    expect(text).toContain('1 in order');
    expect(text).toContain('1 provider not planned');
    expect(text).toContain('1 provider cancelled');
  });

  it('a card’s badge: ?2 (both drawn as unplanned), titled "1 provider not planned, 1 provider cancelled"', () => {
    const badges = programBoard(board());
    expect(badges('A-1')).toEqual([['?2', '1 provider not planned, 1 provider cancelled']]);
    expect(badges('A-2')).toEqual([['✓', '1 in order']]);
  });

  describe('edge cases', () => {
    it('a board without dependencies: every state at 0 in the legend, no "provider cancelled" entry; no badge', () => {
      const b = board({ dependencies: [] });
      const text = legend(b);
      expect(text).toContain('0 in order');
      expect(text).toContain('0 conflict');
      expect(text).toContain('0 provider not planned');
      expect(text).not.toContain('cancelled');
      cleanup();
      expect(programBoard(b)('A-1')).toEqual([]);
    });

    it('providers not planned, none cancelled: "2 provider not planned", and no "0 provider cancelled"', () => {
      const text = legend(board({ cancelledProviders: [] }));
      expect(text).toContain('2 provider not planned');
      expect(text).not.toContain('cancelled');
    });
  });
});
