import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowIcon from '@mui/icons-material/ArrowForward';
import type { DependencyRow } from '../../../shared/contract/coordination-channels';
import { DENSE_PADDING_X } from '../charts/plain-table-body';
import { formatDate } from '../format';

export function formatAge(days: number): string {
  return `${days.toFixed(1)} days`;
}

/** The dependency board: who waits on whom, for how long; oldest first, as the backend sorts it. */
export function DependencyTable({ rows }: { rows: readonly DependencyRow[] }) {
  if (rows.length === 0) return <Typography color="text.secondary">No dependency matches these filters.</Typography>;
  return (
    // Wider than the screen in a room's type: the keyboard can reach and scroll it too.
    <TableContainer tabIndex={0} role="region" aria-label="Dependencies, scrolls sideways when wider than the screen">
      {/* Half the side padding of a small table: seven columns fit a projector's 1280 px. */}
      <Table size="small" aria-label="Dependencies" stickyHeader sx={{ '& .MuiTableCell-root': { px: `${DENSE_PADDING_X}px` } }}>
        <TableHead>
          <TableRow>
            <TableCell>Who waits on whom</TableCell>
            <TableCell>Waiting item</TableCell>
            <TableCell>Interface</TableCell>
            <TableCell>State</TableCell>
            <TableCell align="right">Age</TableCell>
            <TableCell align="right">Blocked</TableCell>
            <TableCell>Opened · needed by</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((d) => (
            <TableRow key={d.key} data-testid="dependency-row" hover>
              <TableCell>
                {/* Names stay whole; the pair breaks before the arrow where the table needs the room. */}
                <Stack direction="row" useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', columnGap: 0.75 }}>
                  <Typography component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {d.waitingTeam?.name ?? 'Unknown team'}
                  </Typography>
                  <Stack component="span" direction="row" spacing={0.75} sx={{ alignItems: 'center', whiteSpace: 'nowrap' }}>
                    <ArrowIcon fontSize="small" aria-label="waits on" />
                    <Typography component="span">{d.providingTeam?.name ?? 'Unknown team'}</Typography>
                  </Stack>
                </Stack>
              </TableCell>
              <TableCell sx={{ maxWidth: 240 }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {d.fromItemKey ?? '—'}
                </Typography>
                <Typography variant="body2" color="text.secondary" noWrap title={d.fromItemTitle ?? undefined}>
                  {d.fromItemTitle ?? ''}
                </Typography>
              </TableCell>
              <TableCell sx={{ maxWidth: 180 }}>{d.interfaceName ?? <Typography color="text.secondary">none</Typography>}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={0.5}>
                  <Chip size="small" label={d.state} color={d.state === 'open' ? 'primary' : 'default'} variant={d.state === 'open' ? 'filled' : 'outlined'} />
                  {d.overdue && <Chip size="small" color="warning" label="late" title="Still open after its needed-by date" />}
                </Stack>
              </TableCell>
              <TableCell align="right" data-testid="dependency-age" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {formatAge(d.ageDays)}
              </TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {d.blockedDays > 0 ? formatAge(d.blockedDays) : '—'}
              </TableCell>
              <TableCell>
                <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.createdAt)}</span>
                {/* Dates stay whole; "needed by" goes above its date when the column is narrow. */}
                <Typography variant="body2" color="text.secondary">
                  {d.neededBy ? (
                    <>
                      needed by <span style={{ whiteSpace: 'nowrap' }}>{formatDate(d.neededBy)}</span>
                    </>
                  ) : (
                    'no date needed'
                  )}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
