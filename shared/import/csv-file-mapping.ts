import { planColumns, RowReader, RowRejected, type ColumnPlan } from './columns';
import { SourceError, type IssueLog } from './import-issues';
import type { RecordSink } from './import-records';
import type { CsvFormat, CsvMapper } from './formats/csv-format';
import type { JiraImportBooks } from './formats/jira-import-books';
import type { DayOrder } from './source-dates';
import type { StatusBook } from './status-rules';

export interface CsvFileMappingOptions {
  file: string;
  headers: readonly string[];
  format: CsvFormat;
  /** Field → header chosen by the user (or --team-column); wins over the format's aliases. */
  columns: Record<string, string | null | undefined>;
  dayOrder: DayOrder;
  sink: RecordSink;
  issues: IssueLog;
  statuses: StatusBook;
  knowsItem(key: string): boolean;
  jira?: JiraImportBooks;
}

/**
 * Turns the rows of one CSV file into records: plans the columns once, then per row checks the cell
 * count, skips blank lines and repeated header rows, and runs the format's mapper. A rejected row
 * is logged with its line and never stops the file.
 */
export class CsvFileMapping {
  readonly plan: ColumnPlan;
  readonly #reader: RowReader;
  readonly #mapper: CsvMapper;
  readonly #headerKey: string;
  rows = 0;

  constructor(readonly options: CsvFileMappingOptions) {
    const { headers, format, columns, file, issues } = options;
    this.plan = planColumns(headers, format.fields(headers), columns);
    const unknown = this.plan.unknown[0];
    if (unknown) {
      const shown = headers.slice(0, 12).map((h) => `"${h.replace(/^\uFEFF/, '').trim()}"`).join(', ');
      throw new SourceError(
        'missing-column',
        `${file} has no column "${unknown.header}" (named for the ${unknown.spec.label.toLowerCase()}); its columns are ${shown}${headers.length > 12 ? ', …' : ''}.`,
        1,
        unknown.header,
      );
    }
    if (this.plan.missing.length > 0) {
      const names = this.plan.missing.map((m) => m.label).join(', ');
      throw new SourceError('missing-column', `${file} has no ${names} column${this.plan.missing.length > 1 ? 's' : ''}; choose the columns that hold ${this.plan.missing.length > 1 ? 'them' : 'it'}.`, 1, names);
    }
    this.#reader = new RowReader(file, this.plan, issues, options.dayOrder);
    this.#mapper = format.create({
      file,
      plan: this.plan,
      reader: this.#reader,
      sink: options.sink,
      issues,
      statuses: options.statuses,
      knowsItem: options.knowsItem,
      ...(options.jira ? { jira: options.jira } : {}),
    });
    this.#headerKey = headers.join('\u0000');
  }

  row(cells: readonly string[], line: number): void {
    const width = this.plan.headers.length;
    if (cells.length !== width) {
      if (cells.length === 1 && cells[0]!.trim() === '') return; // a blank line
      if (cells.length < width || cells.slice(width).some((c) => c.trim() !== '')) {
        this.options.issues.error(
          this.options.file,
          line,
          null,
          null,
          'column-count',
          `This row has ${cells.length} cells but the header has ${width}: a missing or extra delimiter, or a quote that is not closed.`,
        );
        return;
      }
    }
    // Some exports repeat the header row every page (Jira above 1,000 issues): skip those.
    if (cells[0] === this.plan.headers[0] && cells.join('\u0000') === this.#headerKey) return;
    this.rows++;
    this.#reader.reset(cells, line);
    try {
      this.#mapper.row();
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error;
    }
  }

  finish(): void {
    this.#mapper.finish();
  }
}
