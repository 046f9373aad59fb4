import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import TableIcon from '@mui/icons-material/TableChartOutlined';
import { useTheme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { downloadCsv, fileSlug, type CsvCell } from './csv';
import { cellClassName, DENSE_PADDING_X, PlainTableBody } from './plain-table-body';
import { usePrinting } from '../room/printing';

export interface Column<Row> {
  header: string;
  /** The cell as text for the CSV file. */
  value(row: Row): CsvCell;
  /** The cell on screen, when it differs from its value. */
  render?(row: Row): ReactNode;
  numeric?: boolean;
  /** In the CSV file only: a figure the screen says another way (a cost the screen shows as "–" within noise, and whether it is). */
  csvOnly?: boolean;
}

/** Presented, a long table's first rows, and what to say of the others (`rest`: the rows not shown). */
export interface PresentedRows<Row> {
  count: number;
  rest(rest: readonly Row[], all: number): string;
}

/**
 * A table with a title, a one-line explanation and CSV export of every row (not only those shown).
 * `dense` halves the cells' side padding, for a table in a side column (a third of a 1280 px page).
 * At a desk it scrolls in a box `maxHeight` high under its header row. Presented, it has no box: it
 * is as tall as its rows and the window's ↑ ↓ PageDown scroll them (a remote cannot scroll a box
 * inside the page), under its header row, which sticks to the window's top. `presented` shows only
 * the first rows there, and says what of the others.
 */
export function DataTable<Row>({
  title,
  description,
  rows: allRows,
  columns,
  rowKey,
  empty,
  testId,
  maxHeight = 420,
  dense: denseAtDesk = false,
  presented,
  csvName,
}: {
  title: string;
  description: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey(row: Row): string;
  empty: string;
  testId: string;
  maxHeight?: number;
  dense?: boolean;
  presented?: PresentedRows<Row>;
  /** The CSV file's name without ".csv" (what it is about, e.g. its increment, then the table); the title's otherwise. */
  csvName?: string;
}) {
  // In the room's type every table is dense (a wide one was cut at 1280 px).
  const { room } = useTheme();
  const printing = usePrinting();
  const presenting = room !== null && !printing;
  const dense = denseAtDesk || room !== null;
  const cut = presenting && presented !== undefined && allRows.length > presented.count;
  const rows = cut ? allRows.slice(0, presented.count) : allRows;
  const shownColumns = columns.filter((c) => c.csvOnly !== true);
  return (
    // Presented, neither the card nor the table's box is a scrolling box (Card hides its overflow,
    // which is one), so the header row sticks to the window rather than to them.
    <Card data-testid={testId} sx={presenting ? { overflow: 'visible' } : undefined}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <div>
            <Typography variant="h3" component="h3">
              {title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {description}
            </Typography>
          </div>
          <Button
            data-tool
            size="small"
            startIcon={<TableIcon />}
            disabled={rows.length === 0}
            // Every row, presented or not: the room sees the lowest odds, the file holds them all.
            onClick={() => downloadCsv(`${csvName ?? fileSlug(title)}.csv`, [columns.map((c) => c.header), ...allRows.map((r) => columns.map((c) => c.value(r)))])}
            aria-label={`Export ${title} as CSV`}
          >
            CSV
          </Button>
        </Stack>
        {rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            {empty}
          </Typography>
        ) : (
          <TableContainer sx={presenting ? { overflow: 'visible', mt: 1 } : { maxHeight, mt: 1 }}>
            <Table size="small" stickyHeader aria-label={title}>
              <TableHead>
                <TableRow>
                  {shownColumns.map((c) => (
                    <TableCell key={c.header} align={c.numeric ? 'right' : 'left'} sx={dense ? { px: `${DENSE_PADDING_X}px` } : undefined}>
                      {c.header}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <PlainTableBody dense={dense}>
                {rows.map((r) => (
                  <tr key={rowKey(r)}>
                    {shownColumns.map((c) => {
                      // Classed by what is shown: a rendered cell may say more than its CSV value.
                      const shown = c.render ? c.render(r) : String(c.value(r) ?? '');
                      return (
                        <td key={c.header} className={cellClassName(c.numeric === true, typeof shown === 'string' ? shown : null)}>
                          {shown}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </PlainTableBody>
            </Table>
          </TableContainer>
        )}
        {cut && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid={`${testId}-rest`}>
            {`The first ${rows.length} of ${allRows.length}. ${presented.rest(allRows.slice(rows.length), allRows.length)}`}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}
