import TableBody from '@mui/material/TableBody';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';

/** The class of a body cell whose column holds numbers: right-aligned, in figures of one width. */
export const NUMERIC_CELL = 'numeric';

/**
 * The class of a cell that holds a tracker's key ("PLT-177", "RISK-3"): kept on one line. Browsers
 * break a key after its hyphen ("PLT-" above "177") when a narrow table squeezes its column, and a
 * key split in two reads as two things. Other text, dates included, wraps as usual: kept whole
 * too, the dates of the Plan page's tables made them wider than the page at 1280 px (and, in the
 * room's type, the plan's objectives 31 px wider than the screen).
 */
export const KEY_CELL = 'key';

/** A project's letters, a hyphen, a number: how Jira, Azure DevOps exports and Interlock name things. */
const TRACKER_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

/** A body cell's class from what it holds: numbers right-aligned, keys unbroken. */
export function cellClassName(numeric: boolean, text: string | number | boolean | null | undefined): string | undefined {
  if (numeric) return NUMERIC_CELL;
  return typeof text === 'string' && TRACKER_KEY.test(text) ? KEY_CELL : undefined;
}

/**
 * The look of MUI's small body cells (TableCell, size small), given once to the whole body. MUI's
 * TableRow and TableCell are a styled component each, whose styles are worked out again on every
 * render: the Flow page's two tables alone were ≈ 660 of them, drawn in the same task as its charts.
 */
function bodyCells(theme: Theme, dense: boolean) {
  const divider = theme.alpha(theme.palette.divider, 1);
  return {
    '& > tr': { color: 'inherit', verticalAlign: 'middle' },
    '& > tr > td': {
      ...theme.typography.body2,
      color: theme.palette.text.primary,
      // As TableCell draws its border: the divider without its transparency, lightened or darkened.
      borderBottom: `1px solid ${theme.palette.mode === 'light' ? theme.lighten(divider, 0.88) : theme.darken(divider, 0.68)}`,
      textAlign: 'left',
      padding: dense ? `6px ${DENSE_PADDING_X}px` : '6px 16px',
    },
    [`& > tr > td.${NUMERIC_CELL}`]: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    [`& > tr > td.${KEY_CELL}`]: { whiteSpace: 'nowrap' },
  } as const;
}

/** A dense table's cells' side padding, px: half of MUI's, for a table in a side column. */
export const DENSE_PADDING_X = 8;

/**
 * A table body for many rows: plain `<tr>` and `<td>` children (numbers' cells with class
 * NUMERIC_CELL). `dense` halves the cells' side padding.
 */
export function PlainTableBody({ children, dense = false }: { children: ReactNode; dense?: boolean }) {
  return <TableBody sx={(theme) => bodyCells(theme, dense)}>{children}</TableBody>;
}
