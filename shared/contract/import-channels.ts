import { z } from 'zod';
import { EntityCounts, Portfolio, StatusCategory } from '../domain/entities';
import { UtcTimestamp } from '../domain/date-schemas';
import { ImportIssue, IssueCode } from '../import/import-issues';
import { INTERLOCK_ENTITIES } from '../import/format-names';
import { ImportFormat, ImportFormatChoice } from '../import/import-formats';
import { channel } from './channel';
import { FileSource } from './file-source';

const Count = z.number().int().nonnegative();

/** One file of an import, with the format to read it as ('auto' = tell from the headers) and any column choices. */
export const ImportFile = z.object({
  source: FileSource,
  format: ImportFormatChoice.default('auto'),
  /** Field → header name, for files whose columns were not recognised (see the preview's `mapping`). */
  columns: z.record(z.string().max(100), z.string().max(500).nullable()).default({}),
});
export type ImportFile = z.input<typeof ImportFile>;

export const ImportOptions = z.object({
  /** The column (CSV header, or Jira JSON field name/id) that names each item's team, instead of the format's default. */
  teamColumn: z.string().trim().min(1).max(500).nullable().default(null),
  /** How to read numeric dates like 01/02/24; 'auto' decides from the file (day first unless the file proves otherwise). */
  dayOrder: z.enum(['auto', 'dmy', 'mdy']).default('auto'),
});

export const ImportStartInput = z.object({
  files: z.array(ImportFile).min(1, 'choose at least one file').max(20, 'at most 20 files at once'),
  /** 'preview' reads and checks everything and writes nothing; 'import' writes the valid records in one transaction. */
  mode: z.enum(['preview', 'import']),
  options: ImportOptions.default({ teamColumn: null, dayOrder: 'auto' }),
});
export type ImportStartInput = z.input<typeof ImportStartInput>;

export const ColumnMapping = z.object({
  field: z.string(),
  label: z.string(),
  required: z.boolean(),
  /** The header it is read from, or null when none was found. */
  header: z.string().nullable(),
});

export const ImportFileReport = z.object({
  /** No two files of one import share a name: a second `items.csv` is named by its folder, or numbered. */
  name: z.string(),
  /** The file's position in `import.start`'s files (reports come in the order the files are written). */
  input: Count,
  format: ImportFormat.nullable(),
  entity: z.enum(INTERLOCK_ENTITIES).nullable(),
  /** Whether the format was recognised without doubt; when false the user should check format and columns. */
  confident: z.boolean(),
  detection: z.string(),
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping: z.array(ColumnMapping),
  /** Data rows read (CSV) or records (JSON), blank lines and repeated headers not counted. */
  rows: Count,
  counts: EntityCounts,
  contentHash: z.string(),
  bytes: Count,
  /** When a file with the same content was imported into this workspace before. */
  previouslyImportedAt: UtcTimestamp.nullable(),
});
export type ImportFileReport = z.infer<typeof ImportFileReport>;

/** The first records of each kind, as they would be stored: the Portfolio's shape. */
export const ImportPreview = Portfolio;
export type ImportPreview = Portfolio;

export const StatusMapping = z.object({
  status: z.string(),
  category: StatusCategory,
  source: z.enum(['user', 'source', 'default']),
});

export const ImportReport = z.object({
  mode: z.enum(['preview', 'import']),
  /** True once the records are in the workspace (import mode, and something to import). */
  committed: z.boolean(),
  /**
   * Why the import refuses (or a preview's import would refuse) the whole set: a file error (a risks
   * file with a rejected row, a bundle reference that is not there) or nothing to import; null when
   * it writes (would write) what `counts` says.
   */
  refusal: z.string().nullable(),
  /** The file errors of `refusal` one by one, each naming its file and, for a row, its place ("iterations.csv, line 3: …"). */
  refusals: z.array(z.string()),
  files: z.array(ImportFileReport),
  /** Records accepted, per entity (what is or would be written). */
  counts: EntityCounts,
  /**
   * Net change of the workspace's rows per entity (an import of known keys updates rather than
   * adds; a replaced, shorter history makes transitions negative); null for a preview.
   */
  added: z.object(Object.fromEntries(Object.keys(EntityCounts.shape).map((k) => [k, z.number().int()])) as Record<keyof typeof EntityCounts.shape, z.ZodNumber>).nullable(),
  rejectedRows: Count,
  errors: Count,
  warnings: Count,
  issueCounts: z.partialRecord(IssueCode, Count),
  /** Issues in file order; at most 200 per code are listed, `issueCounts` has the totals. */
  issues: z.array(ImportIssue),
  preview: ImportPreview,
  /** The status → category mapping of every status this import uses. */
  statuses: z.array(StatusMapping.extend({ uses: Count })),
  /** Teams that will be (or were) created because records referred to them. */
  createdTeams: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportJobStatus = z.object({
  jobId: z.string(),
  mode: z.enum(['preview', 'import']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(['starting', 'reading', 'finishing', 'finished']),
  /** The file being read now. */
  file: z.string().nullable(),
  rows: Count,
  bytesRead: Count,
  totalBytes: Count,
  /** 0–100, by bytes read over all files. */
  percent: z.number().min(0).max(100),
  report: ImportReport.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ImportLogEntry = z.object({
  id: z.number().int(),
  fileName: z.string(),
  contentHash: z.string(),
  format: z.string(),
  importedAt: UtcTimestamp,
  counts: EntityCounts,
  warnings: Count,
  rejected: Count,
});
export type ImportLogEntry = z.infer<typeof ImportLogEntry>;

export const StatusMapRow = StatusMapping.extend({ items: Count, transitions: Count });
export type StatusMapRow = z.infer<typeof StatusMapRow>;

const JobId = z.object({ jobId: z.string().regex(/^[0-9a-f]{16}$/, 'not an import job id') });

export const importChannels = {
  'import.start': channel(
    ImportStartInput,
    z.object({ jobId: z.string() }),
    'Start reading files for a preview (writes nothing) or an import (one transaction); poll import.progress for the outcome.', { mutates: 'all' },
  ),
  'import.progress': channel(JobId, ImportJobStatus, 'Rows and percent read so far by an import job, and its report once it is done.'),
  'import.cancel': channel(JobId, z.object({ cancelled: z.boolean() }), 'Stop a running job; an import is rolled back, the workspace stays exactly as it was.', { mutates: ['import.'] }),
  'import.history': channel(z.object({}), z.array(ImportLogEntry), 'Past imports into the open workspace, newest first.'),
  'import.statusMap': channel(z.object({}), z.array(StatusMapRow), 'The workspace’s status → category mapping, with how many items and status changes use each status.'),
  'import.setStatusCategory': channel(
    z.object({ status: z.string().trim().min(1).max(500), category: StatusCategory }),
    z.object({ status: z.string(), category: StatusCategory, items: Count, transitions: Count }),
    'Set the category of a status (kept as the user’s choice) and re-apply it to every item and status change.', { mutates: 'all' },
  ),
};
