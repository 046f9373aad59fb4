import { PlannedPage } from '../layout/PlannedPage';

export function ImportPage() {
  return (
    <PlannedPage
      title="Import"
      summary="Bring in the exports your teams already have."
      willShow={[
        'Jira (CSV and JSON), Azure DevOps, stage-date CSVs and Interlock’s own templates.',
        'A preview of the records before anything is written, with every rejected row by file, line and column.',
        'The status → category mapping, and the list of past imports.',
      ]}
    />
  );
}
