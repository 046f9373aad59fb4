import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { STATUS_CATEGORIES, type StatusCategory } from '../../../shared/domain/vocabulary';
import { useChannelMutation, useChannelQuery } from '../api/channel-hooks';
import { formatCount } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';

const SOURCE_LABELS = { user: 'chosen by you', source: 'from the source', default: 'guessed from the name' } as const;

/**
 * The workspace's status → category mapping. A change is stored as the user's choice (no import
 * overwrites it) and re-applied at once to every item and status change in that status.
 */
export function StatusMapEditor({ disabled }: { disabled: boolean }) {
  const map = useChannelQuery('import.statusMap', {});
  const set = useChannelMutation('import.setStatusCategory');
  if (map.error) return <ErrorNotice title="The status mapping could not be read" error={map.error} />;
  const rows = map.data ?? [];
  if (map.isSuccess && rows.length === 0) return <Typography color="text.secondary">No statuses yet: they appear with the first import.</Typography>;
  return (
    <>
      <ErrorNotice title="The category could not be changed" error={set.error} />
      <TableContainer sx={{ maxHeight: 480 }}>
        <Table size="small" stickyHeader aria-label="Status to category mapping">
          <TableHead>
            <TableRow>
              <TableCell>Status</TableCell>
              <TableCell>Category</TableCell>
              <TableCell>Set by</TableCell>
              <TableCell align="right">Items now</TableCell>
              <TableCell align="right">Status changes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.status}>
                <TableCell>{row.status}</TableCell>
                <TableCell>
                  <Select
                    size="small"
                    value={row.category}
                    disabled={disabled || set.isPending}
                    inputProps={{ 'aria-label': `Category of ${row.status}` }}
                    onChange={(e) => set.mutate({ status: row.status, category: e.target.value as StatusCategory })}
                  >
                    {STATUS_CATEGORIES.map((c) => (
                      <MenuItem key={c} value={c}>
                        {c}
                      </MenuItem>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" label={SOURCE_LABELS[row.source]} color={row.source === 'user' ? 'primary' : 'default'} />
                </TableCell>
                <TableCell align="right">{formatCount(row.items)}</TableCell>
                <TableCell align="right">{formatCount(row.transitions)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
