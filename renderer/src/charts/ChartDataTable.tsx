import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { usePrinting } from '../room/printing';
import type { CsvCell } from './csv';
import { cellClassName, PlainTableBody } from './plain-table-body';

/** Rows drawn on screen at most; the CSV export holds every row. */
export const MAX_TABLE_ROWS = 500;

/**
 * A chart's data (its CSV rows, header first) as a table a keyboard can scroll and a screen reader
 * can read: what the hover tooltips show, for everyone. Presented, it has no scroll box, as
 * DataTable: a remote cannot scroll a box inside the page, so its rows run the page's height under
 * a header row that sticks to the window's top.
 */
export function ChartDataTable({ id, title, rows }: { id: string; title: string; rows: readonly (readonly CsvCell[])[] }) {
  const { room } = useTheme();
  const presenting = room !== null && !usePrinting();
  const [header = [], ...body] = rows;
  const shown = body.slice(0, MAX_TABLE_ROWS);
  const numeric = header.map((_, c) => shown.length > 0 && shown.every((r) => r[c] === null || r[c] === undefined || r[c] === '' || typeof r[c] === 'number'));
  return (
    <div id={id}>
      {/* At a desk, focusable so that a keyboard can scroll it. */}
      <TableContainer sx={presenting ? { overflow: 'visible', mt: 1 } : { maxHeight: 320, mt: 1 }} {...(presenting ? {} : { tabIndex: 0, role: 'region', 'aria-label': `${title}: data table, scrollable` })}>
        <Table size="small" stickyHeader aria-label={`${title}: data`}>
          <TableHead>
            <TableRow>
              {header.map((h, c) => (
                <TableCell key={c} align={numeric[c] ? 'right' : 'left'}>
                  {String(h ?? '')}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <PlainTableBody>
            {shown.map((row, r) => (
              <tr key={r}>
                {header.map((_, c) => {
                  const text = formatCell(row[c]);
                  return (
                    <td key={c} className={cellClassName(numeric[c] === true, text)}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </PlainTableBody>
        </Table>
      </TableContainer>
      {body.length > shown.length && (
        <Typography variant="body2" color="text.secondary">
          The first {MAX_TABLE_ROWS.toLocaleString('en-US')} of {body.length.toLocaleString('en-US')} rows; the CSV holds them all.
        </Typography>
      )}
      {body.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No rows.
        </Typography>
      )}
    </div>
  );
}

/** As a person reads it: grouped digits, two decimals, yes/no, dates without a midnight time. */
export function formatCell(cell: CsvCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toLocaleString('en-US') : cell.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(cell) ? cell.slice(0, 10) : cell;
}
