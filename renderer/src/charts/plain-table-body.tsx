import TableBody from '@mui/material/TableBody';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** The class of a body cell whose column holds numbers: right-aligned, in figures of one width. */
export const NUMERIC_CELL = 'numeric';

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
    [`& > tr > td.${NUMERIC_CELL}`]: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  } as const;
}

/** A table body for many rows: plain `<tr>` and `<td>` children (numbers' cells with class NUMERIC_CELL). */
export function PlainTableBody({ children }: { children: ReactNode }) {
  return <TableBody sx={bodyCells}>{children}</TableBody>;
}
