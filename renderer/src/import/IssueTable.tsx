import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportIssue } from '../../../shared/import/import-issues';
import { formatCount } from '../format';

const SHOWN = 500;

/** Rejected rows and warnings: file, line, column, value and reason, errors first. */
export function IssueTable({ issues, total }: { issues: readonly ImportIssue[]; total: number }) {
  if (issues.length === 0) return <Typography color="text.secondary">No problems found.</Typography>;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const shown = sorted.slice(0, SHOWN);
  return (
    <>
      <TableContainer sx={{ maxHeight: 440 }}>
        <Table size="small" stickyHeader aria-label="Problems found in the files">
          <TableHead>
            <TableRow>
              <TableCell>Kind</TableCell>
              <TableCell>File</TableCell>
              <TableCell align="right">Line</TableCell>
              <TableCell>Column</TableCell>
              <TableCell>Value</TableCell>
              <TableCell>Reason</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((issue, i) => (
              <TableRow key={i} data-testid={`issue-${issue.severity}`}>
                <TableCell>
                  <Chip size="small" label={issue.severity === 'error' ? 'Rejected' : 'Warning'} color={issue.severity === 'error' ? 'error' : 'warning'} variant="outlined" />
                </TableCell>
                <TableCell>{issue.file}</TableCell>
                <TableCell align="right">{issue.line ?? '—'}</TableCell>
                <TableCell>{issue.column ?? '—'}</TableCell>
                <TableCell sx={{ maxWidth: 220, overflowWrap: 'anywhere', fontFamily: 'monospace' }}>{issue.value ?? '—'}</TableCell>
                <TableCell sx={{ minWidth: 280 }}>{issue.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {total > shown.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Showing {formatCount(shown.length)} of {formatCount(total)} problems (at most 200 of each kind are listed).
        </Typography>
      )}
    </>
  );
}
