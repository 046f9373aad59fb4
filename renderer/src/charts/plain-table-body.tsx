import TableBody from '@mui/material/TableBody';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** The class of a body cell whose column holds numbers: right-aligned, in figures of one width. */
export const NUMERIC_CELL = 'numeric';

/**
 * The class of a cell that reads as one token (an item key, a date, an instant): kept on one line.
 * Browsers break such text after its hyphens ("PLT-" above "177", "2026-" above "11-03") when a
 * narrow table at 1280 px squeezes its column; a key split in two reads as two things.
 */
export const UNBROKEN_CELL = 'unbroken';

/**
 * A body cell's class from what it holds: numbers right-aligned (and unbroken), text without a space
 * unbroken; text with spaces (titles, team names) wraps at its spaces as usual.
 */
export function cellClassName(numeric: boolean, text: string | number | boolean | null | undefined): string | undefined {
  if (numeric) return NUMERIC_CELL;
  return typeof text === 'string' && text !== '' && !/\s/.test(text) ? UNBROKEN_CELL : undefined;
}

/**
 * The look of MUI's small body cells (TableCell, size small), given once to the whole body. MUI's
 * TableRow and TableCell are a styled component each, whose styles are worked out again on every
 * render: the Flow page's two tables alone were ≈ 660 of them, drawn in the same task as its charts.
 */
function bodyCells(theme: Theme) {
  const divider = theme.alpha(theme.palette.divider, 1);
  return {
    '& > tr': { color: 'inherit', verticalAlign: 'middle' },
    '& > tr > td': {
      ...theme.typography.body2,
      color: theme.palette.text.primary,
      // As TableCell draws its border: the divider without its transparency, lightened or darkened.
      borderBottom: `1px solid ${theme.palette.mode === 'light' ? theme.lighten(divider, 0.88) : theme.darken(divider, 0.68)}`,
      textAlign: 'left',
      padding: '6px 16px',
    },
    [`& > tr > td.${NUMERIC_CELL}`]: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
    [`& > tr > td.${UNBROKEN_CELL}`]: { whiteSpace: 'nowrap' },
  } as const;
}

/** A table body for many rows: plain `<tr>` and `<td>` children (numbers' cells with class NUMERIC_CELL). */
export function PlainTableBody({ children }: { children: ReactNode }) {
  return <TableBody sx={bodyCells}>{children}</TableBody>;
}
