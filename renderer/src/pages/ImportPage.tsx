import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import { useEffect, useState, type ReactNode } from 'react';
import type { ImportReport, ImportStartInput } from '../../../shared/contract/import-channels';
import type { FileSource } from '../../../shared/contract/file-source';
import type { ImportFormatChoice } from '../../../shared/import/format-names';
import type { IssueCode } from '../../../shared/import/import-issues';
import { useChannelQuery } from '../api/channel-hooks';
import { fileSourceFor } from '../api/contract-client';
import { formatCount } from '../format';
import { ErrorNotice } from '../layout/ErrorNotice';
import { PageHeader } from '../layout/PageHeader';
import { FileMapping } from '../import/FileMapping';
import { ImportHistory } from '../import/ImportHistory';
import { describeCounts, totalOf } from '../import/import-labels';
import { IssueTable } from '../import/IssueTable';
import { JobProgress } from '../import/JobProgress';
import { RecordsPreview } from '../import/RecordsPreview';
import { StatusMapEditor } from '../import/StatusMapEditor';
import { TemplateDownloads } from '../import/TemplateDownloads';
import { useImportJob } from '../import/use-import-job';
import { AfterImportLinks, ImportTargetDialog } from '../import/ImportTargetDialog';
import { takePendingImport, useStartFromFiles } from '../workspace/start-from-files';

interface ChosenFile {
  source: FileSource;
  format: ImportFormatChoice;
  columns: Record<string, string | null>;
}

type DayOrder = 'auto' | 'dmy' | 'mdy';

/** Errors that stop a whole file: the import is refused until they are fixed or the file is left out. */
const FILE_ERRORS: IssueCode[] = ['unreadable-file', 'unknown-format', 'wrong-shape', 'missing-column', 'cell-too-large', 'risks-incomplete', 'plan-inconsistent'];

function Section({ title, children, subtitle }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h2" gutterBottom>
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </CardContent>
    </Card>
  );
}

function PreviewSummary({ report }: { report: ImportReport }) {
  const blocking = report.issues.filter((i) => i.severity === 'error' && FILE_ERRORS.includes(i.code));
  const total = totalOf(report.counts);
  // The backend says what would refuse the whole import (a bundle's reference too), as the import itself would.
  if (blocking.length > 0 || (report.refusal !== null && total > 0)) {
    return (
      <Alert severity="error" data-testid="preview-summary">
        <AlertTitle>These files cannot be imported as they are</AlertTitle>
        {/* Each reason read on its own, naming its file and row: an issue's message leaves the place to the Problems tab's columns. */}
        {(report.refusals.length > 0 ? report.refusals : blocking.length > 0 ? blocking.map((i) => i.message) : [report.refusal]).map((reason, n) => (
          <div key={n}>{reason}</div>
        ))}
      </Alert>
    );
  }
  return (
    <Alert severity={total === 0 ? 'error' : report.rejectedRows > 0 || report.warnings > 0 ? 'warning' : 'success'} data-testid="preview-summary">
      <AlertTitle>{total === 0 ? 'Nothing to import' : `Ready to import ${describeCounts(report.counts)}`}</AlertTitle>
      {report.rejectedRows > 0 && (
        <div>
          {report.rejectedRows === 1 ? '1 row is' : `${formatCount(report.rejectedRows)} rows are`} rejected and will be left out (see Problems).
        </div>
      )}
      {report.warnings > 0 && (
        <div>
          {report.warnings === 1 ? '1 warning' : `${formatCount(report.warnings)} warnings`} about suspect data; those records are imported as they are.
        </div>
      )}
      {report.createdTeams.length > 0 && <div>Teams that will be created: {report.createdTeams.slice(0, 12).join(', ')}{report.createdTeams.length > 12 ? ', …' : ''}.</div>}
      <div>Nothing has been written yet.</div>
    </Alert>
  );
}

export function ImportPage() {
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [teamColumn, setTeamColumn] = useState('');
  const [dayOrder, setDayOrder] = useState<DayOrder>('auto');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<Error | null>(null);
  const [tab, setTab] = useState<'records' | 'problems' | 'statuses'>('records');
  const [dirty, setDirty] = useState(false);
  const preview = useImportJob();
  const run = useImportJob();
  const current = useChannelQuery('workspace.current', {});
  const [askingAbout, setAskingAbout] = useState<File[] | null>(null);
  const [intoDemo, setIntoDemo] = useState(false);
  const startFromFiles = useStartFromFiles();

  // Files chosen on the first screen ("Start from your files") wait here for this workspace.
  useEffect(() => {
    const pending = takePendingImport(current.data?.path ?? null);
    if (pending) void choose(pending);
    // Once, when the page opens for the workspace made for them.
  }, []);

  const input = (chosen: ChosenFile[], mode: 'preview' | 'import'): ImportStartInput => ({
    files: chosen.map((f) => ({ source: f.source, format: f.format, columns: f.columns })),
    mode,
    options: { teamColumn: teamColumn.trim() || null, dayOrder },
  });

  const choose = async (list: FileList | File[] | null, intoDemoConfirmed = false) => {
    if (!list || list.length === 0) return;
    if (current.data?.demo && !intoDemo && !intoDemoConfirmed) {
      // Imports into the demo ask first: most people want their own workspace.
      setAskingAbout([...list]);
      return;
    }
    run.reset();
    preview.reset();
    setUploadError(null);
    setUploading(true);
    try {
      const chosen = await Promise.all([...list].map(async (file) => ({ source: await fileSourceFor(file), format: 'auto' as const, columns: {} })));
      setFiles(chosen);
      setDirty(false);
      setTab('records');
      await preview.start(input(chosen, 'preview'));
    } catch (error) {
      setUploadError(error as Error);
    } finally {
      setUploading(false);
    }
  };

  // By position: two files chosen together may share a name (the report names them apart).
  const update = (input: number, change: Partial<ChosenFile>) => {
    setFiles((list) => list.map((f, i) => (i === input ? { ...f, ...change, columns: change.format ? {} : { ...f.columns, ...change.columns } } : f)));
    setDirty(true);
  };

  const clear = () => {
    setFiles([]);
    preview.reset();
    run.reset();
    setDirty(false);
  };

  const report = preview.status?.report ?? null;
  const done = run.status?.report ?? null;
  const importing = run.running;
  const blocked = report ? report.refusal !== null : true;

  return (
    <>
      <PageHeader title="Import" subtitle="Bring in the exports your teams already have: Jira, Azure DevOps, stage-date CSVs and Interlock's own templates." />
      <Stack spacing={3}>
        <Section
          title="Files"
          subtitle="Choose one or more files. Interlock reads them and shows what they will become, and every row it cannot read, before anything is written. An import is one transaction: a failure or a cancel writes nothing."
        >
          {/* One top edge: the team column's help hangs below instead of lifting its field. */}
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <Button variant="contained" component="label" startIcon={<UploadIcon />} disabled={uploading || importing}>
              Choose files…
              <input
                hidden
                type="file"
                multiple
                accept=".csv,.tsv,.txt,.json"
                data-testid="import-file-input"
                aria-label="Files to import"
                onChange={(e) => {
                  void choose(e.target.files);
                  e.target.value = '';
                }}
              />
            </Button>
            <TextField
              size="small"
              label="Team column (optional)"
              helperText="Header or Jira field naming each item's team"
              value={teamColumn}
              onChange={(e) => {
                setTeamColumn(e.target.value);
                if (files.length) setDirty(true);
              }}
            />
            <FormControl size="small" sx={{ minWidth: 220 }}>
              <InputLabel id="day-order">Dates like 01/02/24</InputLabel>
              <Select
                labelId="day-order"
                label="Dates like 01/02/24"
                value={dayOrder}
                onChange={(e) => {
                  setDayOrder(e.target.value as DayOrder);
                  if (files.length) setDirty(true);
                }}
              >
                <MenuItem value="auto">Tell from the file</MenuItem>
                <MenuItem value="dmy">Day first (01/02 = 1 Feb)</MenuItem>
                <MenuItem value="mdy">Month first (01/02 = Jan 2)</MenuItem>
              </Select>
            </FormControl>
          </Stack>
          {uploading && <LinearProgress sx={{ mt: 2 }} aria-label="Uploading" />}
          <ErrorNotice title="The files could not be read" error={uploadError ?? preview.error} />
          {preview.running && (
            <Box sx={{ mt: 2 }}>
              <JobProgress status={preview.status} label="Checking" onCancel={() => void preview.cancel().then(clear)} />
            </Box>
          )}
          {preview.status?.state === 'failed' && !report && <ErrorNotice title="The files could not be checked" error={preview.status.error} />}
        </Section>

        {report && !done && (
          <Section title="Preview" subtitle="The first records of each kind as they will be stored, and every problem found.">
            <Stack spacing={2}>
              {report.files.map((f) => {
                const chosen = files[f.input];
                return (
                  <FileMapping
                    key={f.input}
                    file={f}
                    format={chosen?.format ?? 'auto'}
                    columns={chosen?.columns ?? {}}
                    onFormat={(format) => update(f.input, { format })}
                    onColumn={(field, header) => update(f.input, { columns: { [field]: header } })}
                  />
                );
              })}
              <PreviewSummary report={report} />
              <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label="Preview">
                <Tab value="records" label="Records" />
                <Tab value="problems" label={`Problems (${formatCount(report.errors + report.warnings)})`} />
                <Tab value="statuses" label={`Statuses (${report.statuses.length})`} />
              </Tabs>
              {tab === 'records' && <RecordsPreview preview={report.preview} />}
              {tab === 'problems' && <IssueTable issues={report.issues} total={report.errors + report.warnings} />}
              {tab === 'statuses' && (
                <Typography component="div">
                  {report.statuses.length === 0
                    ? 'No statuses in these files.'
                    : report.statuses.map((s) => (
                        <div key={s.status}>
                          {s.status} → <strong>{s.category}</strong> ({s.source === 'user' ? 'your choice' : s.source === 'source' ? 'as the source says' : 'guessed from the name'}, {formatCount(s.uses)} uses)
                        </div>
                      ))}
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    Change a category below, under “Status categories”, after the import: it is re-applied to every record.
                  </Typography>
                </Typography>
              )}
              <Divider />
              {importing ? (
                <JobProgress status={run.status} label="Importing" onCancel={() => void run.cancel()} />
              ) : (
                <Stack direction="row" spacing={1}>
                  <Button variant="contained" disabled={blocked || dirty || preview.running} onClick={() => void run.start(input(files, 'import'))}>
                    {report ? `Import ${formatCount(totalOf(report.counts))} records` : 'Import'}
                  </Button>
                  {dirty && (
                    <Button variant="outlined" onClick={() => void preview.start(input(files, 'preview')).then(() => setDirty(false))}>
                      Preview again
                    </Button>
                  )}
                  <Button color="inherit" onClick={clear}>
                    Cancel
                  </Button>
                </Stack>
              )}
              {run.status?.state === 'failed' && <ErrorNotice title="Nothing was imported" error={run.status.error} />}
              {run.status?.state === 'cancelled' && <Alert severity="info">The import was cancelled; the workspace is exactly as it was.</Alert>}
              {run.lostWhileRunning ? (
                <ErrorNotice
                  title="Interlock stopped answering during the import"
                  error={
                    run.error && {
                      message: `${run.error.message} An import is all or nothing: unless it had finished, nothing of it was written, and the workspace holds what it held before (a write cut short is undone when the workspace is next opened). Start Interlock again and open the workspace to see which.`,
                    }
                  }
                />
              ) : (
                <ErrorNotice title="The import could not start" error={run.error} />
              )}
            </Stack>
          </Section>
        )}

        {done && (
          <Alert
            severity="success"
            data-testid="import-done"
            action={
              <Button color="inherit" onClick={clear}>
                Import more
              </Button>
            }
          >
            <AlertTitle>Imported {describeCounts(done.counts)}</AlertTitle>
            The workspace gained {describeCounts(done.added ?? done.counts)}; records already there were updated by their keys.
            {done.rejectedRows > 0 && ` ${formatCount(done.rejectedRows)} rejected rows were left out.`}
            <AfterImportLinks />
          </Alert>
        )}
        {askingAbout && (
          <ImportTargetDialog
            files={askingAbout}
            busy={startFromFiles.pending}
            error={startFromFiles.error}
            onChoose={(target) => {
              const files = askingAbout;
              if (target === 'demo') {
                setAskingAbout(null);
                setIntoDemo(true);
                void choose(files, true);
              } else startFromFiles.start(files, { copyOfOpen: target === 'copy' });
            }}
            onCancel={() => setAskingAbout(null)}
          />
        )}

        <Section
          title="Status categories"
          subtitle="How each status counts in flow metrics. Your choices are kept in the workspace, win over what imports say, and are re-applied to all history at once."
        >
          <StatusMapEditor disabled={importing} />
        </Section>

        <Section title="Past imports" subtitle="Each import is recorded with its file, content hash (SHA-256), time and counts.">
          <ImportHistory />
        </Section>

        <Section title="Templates" subtitle="Interlock's own formats, one CSV per kind of record or all of them in one JSON bundle (see docs/IMPORT.md).">
          <TemplateDownloads />
        </Section>
      </Stack>
    </>
  );
}
