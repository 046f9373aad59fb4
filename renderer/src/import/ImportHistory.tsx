import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useChannelQuery } from '../api/channel-hooks';
import { formatCount } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { describeCounts } from './import-labels';

// When *you* imported, unlike the data's dates (UTC): in your own time zone, and named as such.
const when = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });

/** Every import into this workspace: file, content hash, time and counts, newest first. */
export function ImportHistory() {
  const history = useChannelQuery('import.history', {});
  if (history.error) return <ErrorNotice title="The list of imports could not be read" error={history.error} />;
  const rows = history.data ?? [];
  if (history.isSuccess && rows.length === 0) return <Typography color="text.secondary">Nothing has been imported into this workspace yet.</Typography>;
  return (
    <TableContainer sx={{ maxHeight: 400 }}>
      <Table size="small" stickyHeader aria-label="Past imports">
        <TableHead>
          <TableRow>
            <TableCell>When</TableCell>
            <TableCell>File</TableCell>
            <TableCell>Format</TableCell>
            <TableCell>Records</TableCell>
            <TableCell align="right">Warnings</TableCell>
            <TableCell align="right">Rejected rows</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{when.format(new Date(r.importedAt))}</TableCell>
              <TableCell title={`SHA-256 ${r.contentHash}`}>{r.fileName}</TableCell>
              <TableCell>{r.format}</TableCell>
              <TableCell>{describeCounts(r.counts)}</TableCell>
              <TableCell align="right">{formatCount(r.warnings)}</TableCell>
              <TableCell align="right">{formatCount(r.rejected)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
