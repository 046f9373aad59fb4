import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Stack from '@mui/material/Stack';
import type { ImportPreview } from '../../../shared/contract/import-channels';
import { formatDate } from '../format';

const date = (iso: string | null) => (iso ? formatDate(iso) : '—');
const text = (value: string | null) => value ?? '—';

interface Column<T> {
  label: string;
  value(row: T): string;
  /** Free text that may wrap (titles); keys, names and dates stay on one line. */
  wrap?: boolean;
}

function RecordTable<T>({ title, rows, columns }: { title: string; rows: readonly T[]; columns: Column<T>[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={title}>
      <Typography variant="h3" gutterBottom>
        {title}
      </Typography>
      <TableContainer>
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.label}>{c.label}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, i) => (
              <TableRow key={i}>
                {columns.map((c) => (
                  <TableCell key={c.label} sx={c.wrap ? { minWidth: 200, maxWidth: 360, overflowWrap: 'anywhere' } : { whiteSpace: 'nowrap' }}>
                    {c.value(row)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </section>
  );
}

/** The first records of each kind exactly as they will be stored. */
export function RecordsPreview({ preview }: { preview: ImportPreview }) {
  return (
    <Stack spacing={3}>
      <RecordTable
        title="Work items"
        rows={preview.items}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'Title', value: (r) => r.title, wrap: true },
          { label: 'Type', value: (r) => r.type },
          { label: 'Team', value: (r) => text(r.teamKey) },
          { label: 'Status', value: (r) => `${r.status} (${r.statusCategory})` },
          { label: 'Created', value: (r) => date(r.createdAt) },
          { label: 'Started', value: (r) => date(r.firstActiveAt) },
          { label: 'Finished', value: (r) => date(r.doneAt) },
          { label: 'Parent', value: (r) => text(r.parentKey) },
        ]}
      />
      <RecordTable
        title="Status changes"
        rows={preview.transitions}
        columns={[
          { label: 'Item', value: (r) => r.itemKey },
          { label: 'From', value: (r) => text(r.fromStatus) },
          { label: 'To', value: (r) => r.toStatus },
          { label: 'At', value: (r) => `${date(r.at)} ${r.at.slice(11, 16)} UTC` },
        ]}
      />
      <RecordTable
        title="Dependencies (from waits on to)"
        rows={preview.dependencies}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'From', value: (r) => [r.fromItemKey, r.fromTeamKey].filter(Boolean).join(' · ') || '—' },
          { label: 'To', value: (r) => [r.toItemKey, r.toTeamKey].filter(Boolean).join(' · ') || '—' },
          { label: 'Kind', value: (r) => r.kind },
          { label: 'Created', value: (r) => date(r.createdAt) },
          { label: 'Resolved', value: (r) => date(r.resolvedAt) },
        ]}
      />
      <RecordTable
        title="Teams"
        rows={preview.teams}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'Name', value: (r) => r.name },
          { label: 'Value stream', value: (r) => text(r.valueStream) },
        ]}
      />
      <RecordTable
        title="Objectives"
        rows={preview.objectives}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'Title', value: (r) => r.title, wrap: true },
          { label: 'Level', value: (r) => r.level },
          { label: 'Teams', value: (r) => r.teamKeys.join(', ') || '—' },
        ]}
      />
      <RecordTable
        title="Deployments"
        rows={preview.deployments}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'Team or service', value: (r) => r.teamKey ?? r.service ?? '—' },
          { label: 'At', value: (r) => date(r.at) },
          { label: 'Result', value: (r) => (r.succeeded ? 'succeeded' : 'failed') },
          { label: 'Release', value: (r) => text(r.release) },
        ]}
      />
      <RecordTable
        title="Incidents"
        rows={preview.incidents}
        columns={[
          { label: 'Key', value: (r) => r.key },
          { label: 'Team or service', value: (r) => r.teamKey ?? r.service ?? '—' },
          { label: 'Opened', value: (r) => date(r.openedAt) },
          { label: 'Resolved', value: (r) => date(r.resolvedAt) },
          { label: 'Caused by', value: (r) => text(r.causedByDeploymentKey) },
        ]}
      />
    </Stack>
  );
}
