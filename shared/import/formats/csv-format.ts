import type { JiraImportBooks } from './jira-import-books';
import type { FieldSpec, ColumnPlan, RowReader } from '../columns';
import type { IssueLog } from '../import-issues';
import type { ImportFormat, InterlockEntity } from '../format-names';
import type { RecordSink } from '../import-records';
import type { StatusBook } from '../status-rules';

export interface CsvMapperContext {
  file: string;
  plan: ColumnPlan;
  reader: RowReader;
  sink: RecordSink;
  issues: IssueLog;
  statuses: StatusBook;
  /** Whether an item key is in this import so far or in the workspace. */
  knowsItem(key: string): boolean;
  /** The import's Jira links and parents named by id across all its files (see JiraImportBooks); without them, a file keeps its own. */
  jira?: JiraImportBooks;
}

/** Maps the rows of one CSV file, one call per row (the reader is already on it), then `finish`. */
export interface CsvMapper {
  row(): void;
  finish(): void;
}

/** One CSV format: the fields it reads and how a row becomes records. */
export interface CsvFormat {
  readonly format: ImportFormat;
  readonly entity?: InterlockEntity;
  fields(headers: readonly string[]): readonly FieldSpec[];
  create(context: CsvMapperContext): CsvMapper;
  /**
   * Fields holding names and prose people type (`free`), which a delimiter typed into an unquoted
   * cell cuts in two, and fields read strictly (`strict`: dates, numbers, words from a list), which
   * would reject a cut end rather than take it (CsvFileMapping warns of the others). Interlock's
   * templates only: an export's cells start with a space too often to tell a cut by.
   */
  readonly freeText?: { readonly free: readonly string[]; readonly strict: readonly string[] };
}

/** Field specs for a "team" column that the user may point elsewhere (`--team-column`). */
export const TEAM_ALIASES = ['team', 'team key', 'team name', 'squad'];
