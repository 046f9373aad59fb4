import { ThemeProvider } from '@mui/material/styles';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardDependenciesDialog } from '../../../renderer/src/planning/BoardDialogs';
import { appTheme } from '../../../renderer/src/theme/app-theme';
import type { Board } from '../../../shared/planning/board-schema';
import type { PlanDependency } from '../../../shared/planning/plan-data';
import { checkoutBoard, day, teamName, work } from './checkout-board';

// A dependency's need date in its card's dependencies: one made in Interlock in a date field to
// change or clear, one from the tracker read-only, saying where it changes. The round trip (the
// date stored, the board and its lint patched) is tests/e2e/plan.spec.ts's.

afterEach(cleanup);

const dep = (key: string, consumerKey: string, providerKey: string, neededBy: string | null): PlanDependency => ({
  key,
  consumerKey,
  providerKey,
  consumerTeamKey: 'checkout',
  providerTeamKey: 'pay',
  createdAt: 0,
  neededBy: neededBy === null ? null : day(neededBy),
  resolvedAt: null,
});

/** CHK-26 (Iteration 2) waits on PAY-1 (made here, needed by Jan 21) and on PAY-2 (from the tracker, no date stated); CHK-27 on PAY-1 (made here, no date). */
function board(neededBy: string | null = '2026-01-21'): Board {
  return checkoutBoard({
    planned: [work('CHK-26', 'checkout', 2, 1), work('CHK-27', 'checkout', 2, 2), work('PAY-1', 'pay', 1, 1), work('PAY-2', 'pay', 1, 2)],
    dependencies: [dep('interlock:dep:1', 'CHK-26', 'PAY-1', neededBy), dep('DEP-9', 'CHK-26', 'PAY-2', null), dep('interlock:dep:2', 'CHK-27', 'PAY-1', null)],
  });
}

const noop = () => undefined;
const dialog = (b: Board, cardKey: string, needByError: { key: string; message: string } | null = null) => (
  <ThemeProvider theme={appTheme('dark')}>
    <CardDependenciesDialog board={b} card={b.cells.flatMap((c) => c.cards).find((c) => c.key === cardKey)!} teamName={teamName} busy={false} error={null} needByError={needByError} onRemove={noop} onNeedBy={noop} onClose={noop} />
  </ThemeProvider>
);
const group = (name: RegExp) => within(screen.getByRole('group', { name }));
const field = (name: RegExp) => group(name).getByLabelText('Needed by') as HTMLInputElement;
const button = (name: RegExp, label: string) => group(name).queryByRole('button', { name: label }) as HTMLButtonElement | null;

describe('a need date in the card’s dependencies', () => {
  it('one made in Interlock is in a date field, changed once another day is typed, and can be cleared', () => {
    render(dialog(board(), 'CHK-26'));
    expect(field(/Waits on PAY-1/).value).toBe('2026-01-21');
    // The date it has is no change.
    expect(button(/Waits on PAY-1/, 'Change date')!.disabled).toBe(true);
    expect(button(/Waits on PAY-1/, 'Clear date')!.disabled).toBe(false);
    fireEvent.change(field(/Waits on PAY-1/), { target: { value: '2026-01-12' } });
    expect(button(/Waits on PAY-1/, 'Change date')!.disabled).toBe(false);
  });

  it('one from the tracker shows its date read-only and where to change it', () => {
    render(dialog(board(), 'CHK-26'));
    expect(group(/Waits on PAY-2/).queryByLabelText('Needed by')).toBeNull();
    expect(button(/Waits on PAY-2/, 'Remove')).toBeNull();
    expect(screen.getByRole('group', { name: /Waits on PAY-2/ }).textContent).toContain(
      'No need date stated: needed from 2026-01-19, the first day of CHK-26’s iteration (Iteration 2). It comes from your tracker: change its need date there (needed_by in the file it was imported from, then import that again).',
    );
  });

  describe('edge cases', () => {
    it('without a date stated the field is empty, says what the need is then, and offers no clearing', () => {
      render(dialog(board(), 'CHK-27'));
      expect(field(/Waits on PAY-1/).value).toBe('');
      expect(screen.getByRole('group', { name: /Waits on PAY-1/ }).textContent).toContain('None stated: needed from 2026-01-19, the first day of CHK-27’s iteration (Iteration 2).');
      expect(button(/Waits on PAY-1/, 'Change date')!.disabled).toBe(true);
      expect(button(/Waits on PAY-1/, 'Clear date')).toBeNull();
    });

    it('a refusal is shown at the date it was asked for, not at the others', () => {
      render(dialog(board(), 'PAY-1', { key: 'interlock:dep:2', message: 'There is no dependency "interlock:dep:2".' }));
      expect(field(/waited on by CHK-27/).getAttribute('aria-invalid')).toBe('true');
      // Read out with the field it belongs to.
      expect(document.getElementById(field(/waited on by CHK-27/).getAttribute('aria-describedby')!)!.textContent).toBe('There is no dependency "interlock:dep:2".');
      expect(screen.getByRole('group', { name: /waited on by CHK-27/ }).textContent).toContain('There is no dependency "interlock:dep:2".');
      expect(field(/waited on by CHK-26/).getAttribute('aria-invalid')).toBe('false');
      expect(screen.getByRole('group', { name: /waited on by CHK-26/ }).textContent).not.toContain('There is no dependency');
    });

    it('the field follows the date the board holds: after the change, and after its undo, whatever was typed', () => {
      const { rerender } = render(dialog(board(), 'CHK-26'));
      fireEvent.change(field(/Waits on PAY-1/), { target: { value: '2026-01-12' } });
      fireEvent.submit(field(/Waits on PAY-1/).closest('form')!);
      rerender(dialog(board('2026-01-12'), 'CHK-26'));
      expect(field(/Waits on PAY-1/).value).toBe('2026-01-12');
      expect(button(/Waits on PAY-1/, 'Change date')!.disabled).toBe(true);
      fireEvent.change(field(/Waits on PAY-1/), { target: { value: '2026-01-30' } });
      // Undone meanwhile (Ctrl+Z): the date back is what shows.
      rerender(dialog(board('2026-01-21'), 'CHK-26'));
      expect(field(/Waits on PAY-1/).value).toBe('2026-01-21');
      rerender(dialog(board(null), 'CHK-26'));
      expect(field(/Waits on PAY-1/).value).toBe('');
      expect(button(/Waits on PAY-1/, 'Clear date')).toBeNull();
    });
  });
});
