import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { ThemeProvider } from '@mui/material/styles';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { cellClassName, DENSE_PADDING_X, KEY_CELL, NUMERIC_CELL, PlainTableBody } from '../../../renderer/src/charts/plain-table-body';
import { appTheme } from '../../../renderer/src/theme/app-theme';

// Long tables draw plain cells under one style rule; they must look like MUI's small body cells.

afterEach(cleanup);

const LOOK = ['padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-bottom-width', 'border-bottom-style', 'border-bottom-color', 'font-family', 'font-size', 'font-weight', 'line-height', 'letter-spacing', 'color', 'text-align', 'vertical-align'] as const;

function look(element: HTMLElement): Record<string, string> {
  const style = getComputedStyle(element);
  return Object.fromEntries(LOOK.map((p) => [p, style.getPropertyValue(p)]));
}

function both(mode: 'light' | 'dark') {
  render(
    <ThemeProvider theme={appTheme(mode)}>
      <Table size="small">
        <TableBody>
          <TableRow>
            <TableCell>mui text</TableCell>
            <TableCell align="right">mui number</TableCell>
          </TableRow>
        </TableBody>
        <PlainTableBody>
          <tr>
            <td>plain text</td>
            <td className={NUMERIC_CELL}>plain number</td>
          </tr>
          <tr>
            <td className={KEY_CELL}>PLT-177</td>
            <td>Fix the login page</td>
          </tr>
        </PlainTableBody>
      </Table>
    </ThemeProvider>,
  );
  return (text: string) => look(screen.getByText(text));
}

describe('plain table body', () => {
  it.each(['light', 'dark'] as const)('draws its cells as MUI draws a small table’s body cells (%s theme)', (mode) => {
    const of = both(mode);
    const mui = of('mui text');
    expect(mui['padding-left']).toBe('16px');
    expect(mui['border-bottom-color']).not.toBe('');
    expect(of('plain text')).toEqual(mui);
  });

  it('aligns numbers right, as MUI’s right-aligned cells', () => {
    const of = both('light');
    expect(of('plain number')['text-align']).toBe('right');
    expect(of('plain number')).toEqual(of('mui number'));
  });

  it('keeps a key on one line, and lets numbers and text wrap as MUI’s cells do', () => {
    both('dark');
    expect(getComputedStyle(screen.getByText('PLT-177')).whiteSpace).toBe('nowrap');
    expect(getComputedStyle(screen.getByText('plain number')).whiteSpace).not.toBe('nowrap');
    expect(getComputedStyle(screen.getByText('Fix the login page')).whiteSpace).not.toBe('nowrap');
  });

  it('classes a cell by what it shows: trackers’ keys and numbers', () => {
    expect(cellClassName(false, 'PLT-177')).toBe(KEY_CELL);
    expect(cellClassName(false, 'RISK-3')).toBe(KEY_CELL);
    expect(cellClassName(false, 'Fix the login page')).toBeUndefined();
    // Dates wrap: kept whole, they made the Plan page's tables wider than the page at 1280 px.
    expect(cellClassName(false, '2026-11-03')).toBeUndefined();
    expect(cellClassName(true, 12.5)).toBe(NUMERIC_CELL);
    expect(cellClassName(true, '12.5 d')).toBe(NUMERIC_CELL);
  });

  describe('edge cases', () => {
    it('a dense body halves only the side padding', () => {
      render(
        <ThemeProvider theme={appTheme('dark')}>
          <Table size="small">
            <PlainTableBody dense>
              <tr>
                <td>dense text</td>
              </tr>
            </PlainTableBody>
          </Table>
        </ThemeProvider>,
      );
      const style = getComputedStyle(screen.getByText('dense text'));
      expect([style.paddingLeft, style.paddingRight, style.paddingTop]).toEqual([`${DENSE_PADDING_X}px`, `${DENSE_PADDING_X}px`, '6px']);
    });

    it('leaves alone what only looks like a key, and empty or non-text cells', () => {
      for (const text of ['PLT-', '-177', '12345', 'PLT-177 Fix login', 'PLT-177\u00a0', 'a-b', '', null, undefined, true]) expect(cellClassName(false, text), String(text)).toBeUndefined();
    });

    it('is a table body: its rows and cells are what a screen reader reads', () => {
      both('light');
      const cell = screen.getByText('plain text');
      expect(cell.closest('tbody')).not.toBeNull();
      expect(screen.getAllByRole('cell').map((c) => c.textContent)).toEqual(['mui text', 'mui number', 'plain text', 'plain number', 'PLT-177', 'Fix the login page']);
    });
  });
});
