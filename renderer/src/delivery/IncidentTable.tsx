import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useState } from 'react';
import type { DeliveryReport, IncidentAttribution } from '../../../shared/contract/metrics-channels';
import { DataTable } from '../charts/DataTable';
import { formatHours, formatUtcDateTime } from '../charts/format-metrics';
import { AttributionDialog } from './AttributionDialog';

const SOURCE_LABEL: Record<IncidentAttribution['source'], string> = { data: 'from the data', user: 'set by a person', rule: 'by rule', none: 'no earlier deployment' };

/** Every incident in the periods with the deployment it counts against, and a way to correct that. */
export function IncidentTable({ report }: { report: DeliveryReport }) {
  const [editing, setEditing] = useState<IncidentAttribution | null>(null);
  const more = report.incidentsTotal - report.incidents.length;
  return (
    <>
      <DataTable<IncidentAttribution>
        testId="table-incidents"
        title="Incidents and the deployments they count against"
        description={`Newest first${more > 0 ? ` (the latest ${report.incidents.length} of ${report.incidentsTotal})` : ''}. The change failure rate counts a deployment once, whatever the number of its incidents.`}
        rows={report.incidents}
        rowKey={(i) => i.key}
        empty="No incident opened in these periods."
        columns={[
          { header: 'Incident', value: (i) => i.key },
          { header: 'Team', value: (i) => i.teamName ?? i.service },
          { header: 'Opened (UTC)', value: (i) => i.openedAt, render: (i) => formatUtcDateTime(i.openedAt) },
          { header: 'Restored in', value: (i) => i.restoreHours, render: (i) => (i.restoreHours === null ? 'not yet' : formatHours(i.restoreHours)), numeric: true },
          { header: 'Caused by', value: (i) => i.deploymentKey, render: (i) => i.deploymentKey ?? '—' },
          { header: 'Attribution', value: (i) => i.source, render: (i) => <Chip size="small" variant={i.source === 'user' ? 'filled' : 'outlined'} label={SOURCE_LABEL[i.source]} /> },
          { header: 'Period', value: (i) => i.window ?? '', render: (i) => (i.window === 'previous' ? 'before' : i.window === 'current' ? 'this' : '') },
          {
            header: 'Correct',
            value: () => '',
            render: (i) => (
              <Button size="small" onClick={() => setEditing(i)} aria-label={`Change what caused ${i.key}`}>
                Change…
              </Button>
            ),
          },
        ]}
      />
      {editing && <AttributionDialog incident={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
